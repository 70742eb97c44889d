#!/usr/bin/env bash
# Provisions what the end-to-end tests need, idempotently:
#   apt (Debian):  chromium fonts-noto-cjk libkrb5-dev   (component "vscode")
#                  neovim                                (component "nvim")
#   npm registry:  node@24 and code-server into .e2e-cache/ (component "vscode")
#
# Usage: test/e2e/provision.sh [vscode] [nvim]      (no argument = everything)
#
# Already-present pieces are only checked, so a warm run takes well under a second. Everything
# downloaded lands in $GONGWEN_E2E_CACHE (default: <repo>/.e2e-cache, git-ignored). The resolved
# paths are written to $GONGWEN_E2E_CACHE/env.json for test/e2e/harness.ts.
# Runs non-interactively (CI=true, no stdin). Concurrent runs are serialised with flock.
# Exits non-zero with a "provision: FAILED: ..." line when something cannot be installed.
set -euo pipefail

NODE24_VERSION=${GONGWEN_E2E_NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${GONGWEN_E2E_CODE_SERVER_VERSION:-4.139.1}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${GONGWEN_E2E_CACHE:-$REPO/.e2e-cache}

T_START=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - $1) / 1000000 ))"; }
log() { echo "provision: $*" >&2; }
fail() { echo "provision: FAILED: $*" >&2; exit 1; }

want_vscode=0 want_nvim=0
if [ $# -eq 0 ]; then want_vscode=1 want_nvim=1; fi
for arg in "$@"; do
  case "$arg" in
    vscode) want_vscode=1 ;;
    nvim) want_nvim=1 ;;
    *) fail "unknown component '$arg' (expected: vscode, nvim)" ;;
  esac
done

# Under `npm test` the environment carries the outer npm's settings (npm_config_*, npm_node_execpath…),
# which make the nested installs below run code-server's install checks against the machine's Node 20.
for v in $(compgen -e | grep -E '^(npm_|NODE$|INIT_CWD$)' || true); do unset "$v"; done

mkdir -p "$CACHE"
exec 9>"$CACHE/.provision.lock"
if ! flock -n 9; then
  log "another provisioning run holds $CACHE/.provision.lock; waiting"
  flock 9
fi

# ---------------------------------------------------------------- Debian packages
apt_pkgs=()
if [ $want_vscode = 1 ]; then apt_pkgs+=(chromium fonts-noto-cjk libkrb5-dev); fi
if [ $want_nvim = 1 ]; then apt_pkgs+=(neovim); fi

is_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

missing=()
for p in "${apt_pkgs[@]}"; do is_installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "missing system packages (${missing[*]}) and no apt-get here; install them by hand"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n)
    else fail "missing system packages (${missing[*]}); run as root or: sudo apt-get install -y ${missing[*]}"; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  t=$(date +%s%N)
  apt_log=$CACHE/apt.log
  : >"$apt_log"
  apt_fail() { tail -n 30 "$apt_log" | sed 's/^/  apt: /' >&2; fail "$1 (full output: $apt_log)"; }
  log "apt-get update (missing: ${missing[*]}; output in $apt_log)"
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update </dev/null >>"$apt_log" 2>&1 || apt_fail "apt-get update failed"
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get install -y -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null >>"$apt_log" 2>&1 \
    || apt_fail "apt-get install ${missing[*]} failed"
  for p in "${missing[@]}"; do is_installed "$p" || fail "package $p is still not installed after apt-get install"; done
  log "apt packages installed in $(elapsed "$t") ms"
elif [ ${#apt_pkgs[@]} -gt 0 ]; then
  log "apt packages present: ${apt_pkgs[*]}"
fi

# ---------------------------------------------------------------- node@24 + code-server
case "$(uname -m)" in
  x86_64) NODE_ARCH=x64 ;;
  aarch64 | arm64) NODE_ARCH=arm64 ;;
  *) NODE_ARCH=$(uname -m) ;;
esac
NODE24_DIR=$CACHE/node24
# The `node` npm package installs the real binary as the dependency node-linux-<arch>.
NODE24_HOME=$NODE24_DIR/node_modules/node/node_modules/node-linux-$NODE_ARCH
CS_DIR=$CACHE/code-server
CS_BIN=$CS_DIR/node_modules/.bin/code-server

# npm project folder with a marker written last: a folder without a matching marker is a
# half-finished install (interrupted run) and is redone from scratch.
npm_project() { # dir
  rm -rf "$1"
  mkdir -p "$1"
  printf '{ "name": "gongwen-e2e-%s", "private": true }\n' "$(basename "$1")" >"$1/package.json"
}

if [ $want_vscode = 1 ]; then
  command -v npm >/dev/null || fail "npm not found on PATH"

  if [ "$(cat "$NODE24_DIR/.provisioned" 2>/dev/null || true)" = "node@$NODE24_VERSION" ] \
    && "$NODE24_HOME/bin/node" --version >/dev/null 2>&1; then
    log "node@$NODE24_VERSION present ($NODE24_HOME)"
  else
    t=$(date +%s%N)
    log "installing node@$NODE24_VERSION into $NODE24_DIR"
    npm_project "$NODE24_DIR"
    (cd "$NODE24_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" </dev/null >&2) \
      || fail "npm install node@$NODE24_VERSION failed"
    v=$("$NODE24_HOME/bin/node" --version 2>/dev/null) || fail "node@$NODE24_VERSION installed but $NODE24_HOME/bin/node does not run"
    [ "$v" = "v$NODE24_VERSION" ] || fail "expected node v$NODE24_VERSION, got $v"
    echo "node@$NODE24_VERSION" >"$NODE24_DIR/.provisioned"
    rm -f "$CS_DIR/.provisioned" # native modules of code-server are built against this Node
    log "node@$NODE24_VERSION installed in $(elapsed "$t") ms"
  fi

  if [ "$(cat "$CS_DIR/.provisioned" 2>/dev/null || true)" = "code-server@$CODE_SERVER_VERSION" ] && [ -x "$CS_BIN" ]; then
    log "code-server@$CODE_SERVER_VERSION present ($CS_DIR)"
  else
    t=$(date +%s%N)
    log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules; takes a few minutes)"
    npm_project "$CS_DIR"
    # code-server requires Node 24; its native modules (kerberos, argon2...) compile against the
    # Node 24 headers, so nodedir must point there (the machine's npmrc may point at another Node).
    (cd "$CS_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null >&2) \
      || fail "npm install code-server@$CODE_SERVER_VERSION failed (see the npm output above; its native modules need libkrb5-dev and the Node 24 headers)"
    # Smoke test; code-server writes a default config on every start, so keep it inside the cache.
    v=$(PATH="$NODE24_HOME/bin:$PATH" XDG_CONFIG_HOME="$CACHE/.xdg/config" XDG_DATA_HOME="$CACHE/.xdg/data" \
      "$CS_BIN" --version 2>&1) || fail "code-server installed but '$CS_BIN --version' fails: $v"
    case "$v" in *"$CODE_SERVER_VERSION "*) ;; *) fail "expected code-server $CODE_SERVER_VERSION, got: $v" ;; esac
    echo "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/.provisioned"
    log "code-server@$CODE_SERVER_VERSION installed in $(elapsed "$t") ms"
  fi

  [ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found although package chromium is installed"
  [ -f "$REPO/node_modules/playwright-core/package.json" ] || fail "playwright-core is not installed; run npm ci in $REPO"
fi

if [ $want_nvim = 1 ]; then
  command -v nvim >/dev/null || fail "nvim not found on PATH although package neovim is installed"
  XDG_CACHE_HOME="$CACHE/.xdg/cache" XDG_STATE_HOME="$CACHE/.xdg/state" NVIM_LOG_FILE=/dev/null \
    nvim --version | head -n1 | sed 's/^/provision: /' >&2
fi

# ---------------------------------------------------------------- env.json for the harness
json_str() { if [ -n "$1" ]; then printf '"%s"' "$1"; else printf 'null'; fi; }
node24_bin="" cs_bin="" chromium_bin="" nvim_bin=""
if [ -x "$NODE24_HOME/bin/node" ]; then node24_bin=$NODE24_HOME/bin; fi
if [ -x "$CS_BIN" ] && [ -f "$CS_DIR/.provisioned" ]; then cs_bin=$CS_BIN; fi
if [ -x /usr/bin/chromium ]; then chromium_bin=/usr/bin/chromium; fi
nvim_bin=$(command -v nvim || true)
cat >"$CACHE/env.json.tmp" <<EOF
{
  "node24Bin": $(json_str "$node24_bin"),
  "codeServer": $(json_str "$cs_bin"),
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "chromium": $(json_str "$chromium_bin"),
  "nvim": $(json_str "$nvim_bin")
}
EOF
mv "$CACHE/env.json.tmp" "$CACHE/env.json"
log "done in $(elapsed "$T_START") ms (cache: $CACHE)"
