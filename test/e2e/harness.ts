// Shared machinery of the end-to-end tests: provisioning (test/e2e/provision.sh), a code-server
// instance in its own process group with isolated state, and Chromium driven by playwright-core.
// Overview: docs/e2e.md.
import { spawn, ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';

/** Repository root (this file runs from out/test/e2e/). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const FIXTURE_WS = join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'ws');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
export const CACHE_DIR = process.env.GONGWEN_E2E_CACHE ?? join(REPO_ROOT, '.e2e-cache');
/** Keep temp folders (code-server state, logs) after the run, for debugging. */
const KEEP = process.env.GONGWEN_E2E_KEEP === '1';

export interface E2eEnv {
  node24Bin: string | null;
  codeServer: string | null;
  codeServerVersion: string;
  chromium: string | null;
  nvim: string | null;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function log(msg: string): void {
  process.stderr.write(`[e2e] ${msg}\n`);
}

// ------------------------------------------------------------------ process groups

const liveGroups = new Set<number>();

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Terminates a whole process group: SIGTERM, then SIGKILL for whatever is still there after graceMs. */
export async function stopGroup(pgid: number, graceMs = 3000): Promise<void> {
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  killGroup(pgid, 'SIGKILL');
  for (let i = 0; i < 40 && groupAlive(pgid); i++) await sleep(50);
  liveGroups.delete(pgid);
}

// Last line of defence: whatever happens to the test process, take the groups with it.
let exitHooksInstalled = false;
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const g of liveGroups) killGroup(g, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const g of liveGroups) killGroup(g, 'SIGKILL');
      process.kill(process.pid, sig);
    });
  }
}

/** Spawns a command as the leader of a new process group (setsid), tracked for cleanup. */
export function spawnGroup(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; logFile?: string } = {}): ChildProcess {
  installExitHooks();
  let fd: number | undefined;
  if (opts.logFile) fd = openSync(opts.logFile, 'a');
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true, // setsid(): own process group, pgid = pid
    stdio: fd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
  });
  if (fd !== undefined) closeSync(fd);
  if (child.pid !== undefined) liveGroups.add(child.pid);
  return child;
}

// ------------------------------------------------------------------ provisioning

/**
 * Runs test/e2e/provision.sh for the given components (cold: a few minutes; warm: well under a
 * second) and returns the resolved paths. Rejects with the script's own reason on failure.
 */
export async function provision(components: Array<'vscode' | 'nvim'>): Promise<E2eEnv> {
  const script = join(REPO_ROOT, 'test', 'e2e', 'provision.sh');
  const t0 = Date.now();
  const child = spawn('bash', [script, ...components], {
    env: { ...process.env, GONGWEN_E2E_CACHE: CACHE_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const onData = (buf: Buffer) => {
    const text = buf.toString();
    process.stderr.write(text); // progress of a cold run is worth seeing live
    lines.push(...text.split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c) => res(c));
  });
  if (code !== 0) {
    const reason = lines.filter((l) => l.includes('FAILED')).join('\n') || lines.slice(-20).join('\n');
    throw new Error(`provisioning (${components.join(', ')}) failed with exit code ${code}:\n${reason}`);
  }
  log(`provisioned ${components.join(', ')} in ${Date.now() - t0} ms`);
  return JSON.parse(readFileSync(join(CACHE_DIR, 'env.json'), 'utf8')) as E2eEnv;
}

/** Fails with a clear message when the extension has not been built (npm run build). */
export function assertBuilt(): void {
  for (const f of ['dist/extension.js', 'dist/gongwen.js', 'out/test/e2e/extension-host/index.js']) {
    if (!existsSync(join(REPO_ROOT, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
}

/** A private copy of the fixture workspace, so runs never write into the repository. */
export function copyWorkspace(parent: string): string {
  const ws = join(parent, 'ws');
  cpSync(FIXTURE_WS, ws, { recursive: true });
  return ws;
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gongwen-e2e-${prefix}-`));
}

export function removeTempDir(dir: string): void {
  if (KEEP) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

// ------------------------------------------------------------------ code-server

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

export interface CodeServer {
  /** host:port, the remote authority of vscode-remote:// URIs. */
  host: string;
  baseUrl: string;
  /** Temp folder with state, logs and the workspace copy. */
  dir: string;
  /** The workspace folder to open (a copy of test/e2e/fixtures/ws). */
  workspace: string;
  logFile: string;
  /** The last lines of code-server's log. */
  logTail(lines?: number): string;
  /** URL that opens the workspace with the given workbench payload (see workbenchUrl). */
  url(payload?: Array<[string, string]>): string;
  /** vscode-remote:// URI of a path on this machine, as the workbench payload needs it. */
  remoteUri(path: string): string;
  stop(): Promise<void>;
}

function codeServerEnv(env: E2eEnv, dir: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${env.node24Bin}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
  };
  // Variables set by a surrounding VS Code (integrated terminal) would confuse code-server.
  for (const k of Object.keys(e)) if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_')) delete e[k];
  delete e.NODE_OPTIONS;
  delete e.NODE_TEST_CONTEXT;
  return e;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'window.zoomLevel': 0,
};

/**
 * Starts code-server (Node 24) as its own process group on a free loopback port, with config,
 * user data, extensions and XDG folders in a fresh temp folder. Resolves once /healthz answers.
 */
export async function startCodeServer(env: E2eEnv, opts: { timeoutMs?: number } = {}): Promise<CodeServer> {
  if (!env.codeServer || !env.node24Bin) throw new Error('code-server is not provisioned (see provision.sh output)');
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const dir = makeTempDir('cs');
  const workspace = copyWorkspace(dir);
  const ud = join(dir, 'user-data');
  mkdirSync(join(ud, 'User'), { recursive: true });
  writeFileSync(join(ud, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  mkdirSync(join(dir, 'extensions'));
  const logFile = join(dir, 'code-server.log');

  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    writeFileSync(join(dir, 'config.yaml'), `bind-addr: ${host}\nauth: none\ncert: false\n`);
    const t0 = Date.now();
    const child = spawnGroup(
      env.codeServer,
      [
        '--config', join(dir, 'config.yaml'),
        '--bind-addr', host,
        '--auth', 'none',
        '--user-data-dir', ud,
        '--extensions-dir', join(dir, 'extensions'),
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--locale', 'en',
        // Without the smoke-test driver the workbench ignores the extensionTestsPath payload
        // and never calls window.codeAutomationExit.
        '--vscode-option', 'enable-smoke-test-driver',
      ],
      {
        cwd: dir,
        logFile,
        env: codeServerEnv(env, dir),
      },
    );
    const pgid = child.pid!;
    let exited: number | null | undefined;
    child.on('exit', (c) => (exited = c));
    const logTail = (n = 40) => {
      try {
        return readFileSync(logFile, 'utf8').split('\n').slice(-n).join('\n');
      } catch {
        return '(no log)';
      }
    };
    let healthy = false;
    while (Date.now() - t0 < timeoutMs && exited === undefined) {
      try {
        const r = await fetch(`http://${host}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (r.ok) {
          healthy = true;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(100);
    }
    if (healthy) {
      log(`code-server ${env.codeServerVersion} up on ${host} in ${Date.now() - t0} ms (state: ${dir})`);
      let stopped = false;
      return {
        host,
        baseUrl: `http://${host}`,
        dir,
        workspace,
        logFile,
        logTail,
        remoteUri: (p: string) => `vscode-remote://${host}${p}`,
        url(payload?: Array<[string, string]>) {
          let u = `http://${host}/?folder=${encodeURIComponent(workspace)}`;
          if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
          return u;
        },
        async stop() {
          if (stopped) return;
          stopped = true;
          const t = Date.now();
          await stopGroup(pgid);
          log(`code-server stopped in ${Date.now() - t} ms`);
          removeTempDir(dir);
        },
      };
    }
    await stopGroup(pgid);
    lastError = `code-server did not become healthy on ${host} within ${timeoutMs} ms` +
      (exited !== undefined ? ` (exited with code ${exited})` : '') + `; log:\n${logTail()}`;
    if (!/EADDRINUSE/.test(lastError)) break;
  }
  removeTempDir(dir);
  throw new Error(lastError);
}

// ------------------------------------------------------------------ Chromium

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Debian Chromium through playwright-core (which makes its own throwaway profile);
 * `stateDir` takes what Chromium would otherwise write under $HOME (~/.cache, ~/.config).
 */
export async function launchChromium(env: E2eEnv, stateDir: string): Promise<Browser> {
  if (!env.chromium) throw new Error('chromium is not provisioned (see provision.sh output)');
  // Loaded lazily so that the Neovim test does not need it.
  const { chromium } = await import('playwright-core');
  const t0 = Date.now();
  const browser = await chromium.launch({
    executablePath: env.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(stateDir, 'chromium-config'),
      XDG_CACHE_HOME: join(stateDir, 'chromium-cache'),
    },
  });
  log(`chromium ${browser.version()} launched in ${Date.now() - t0} ms`);
  return browser;
}
