// Tier 4: Neovim 0.7.2 (Debian `neovim`, provisioned by test/e2e/provision.sh) as a second real
// LSP client of `node dist/gongwen.js lsp --stdio`: diagnostics with byte columns, document symbols,
// incremental edits. The checks themselves are in test/e2e/nvim/lsp.lua.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertBuilt, E2eEnv, FIXTURE_WS, log, makeTempDir, provision, removeTempDir, REPO_ROOT, spawnGroup, stopGroup,
} from './harness';

const MINUTE = 60_000;

describe('Neovim LSP client', { timeout: 30 * MINUTE }, () => {
  let env: E2eEnv;
  let dir: string | undefined;

  let setupError: unknown; // rethrown by the test, so that it fails with the reason
  before(async () => {
    try {
      env = await provision(['nvim']);
      assertBuilt();
      dir = makeTempDir('nvim');
    } catch (e) {
      setupError = e;
    }
  }, { timeout: 25 * MINUTE });

  after(() => {
    if (dir) removeTempDir(dir);
  });

  it('diagnostics, document symbols and edits through nvim --headless', { timeout: 2 * MINUTE }, async () => {
    if (setupError) throw setupError;
    assert.ok(env.nvim, 'nvim is not provisioned');
    const draft = join(dir!, 'draft.gw');
    copyFileSync(join(FIXTURE_WS, 'draft.gw'), draft);
    const t0 = Date.now();
    const child = spawnGroup(
      env.nvim,
      ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(REPO_ROOT, 'test', 'e2e', 'nvim', 'lsp.lua')}`],
      {
        cwd: dir,
        env: {
          ...process.env,
          GONGWEN_NODE: process.execPath,
          GONGWEN_SERVER: join(REPO_ROOT, 'dist', 'gongwen.js'),
          GONGWEN_DRAFT: draft,
          XDG_CONFIG_HOME: join(dir!, 'xdg-config'),
          XDG_DATA_HOME: join(dir!, 'xdg-data'),
          XDG_STATE_HOME: join(dir!, 'xdg-state'),
          XDG_CACHE_HOME: join(dir!, 'xdg-cache'),
        },
      },
    );
    let output = '';
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    const limit = 60_000;
    const timer = setTimeout(() => void stopGroup(child.pid!), limit);
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    clearTimeout(timer);
    await stopGroup(child.pid!); // the language server, should it outlive nvim
    log(`nvim exited with ${code} after ${Date.now() - t0} ms\n${output.trimEnd()}`);
    assert.equal(code, 0, `nvim LSP checks failed (exit code ${code}${Date.now() - t0 >= limit ? `, killed after ${limit} ms` : ''}):\n${output}`);
    assert.match(output, /^\[\s*\d+ ms\] 0 failed$/m);
  });
});
