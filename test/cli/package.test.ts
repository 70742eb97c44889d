// `npm run package` produces an installable .vsix with the bundles and contributions and no node_modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

test('the .vsix holds the bundles, grammar, snippets and manifest, and is small', () => {
  const ls = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ls.status, 0, ls.stderr);
  const files = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const f of ['package.json', 'dist/extension.js', 'dist/gongwen.js', 'syntaxes/gongwen.tmLanguage.json', 'snippets/gongwen.code-snippets', 'language-configuration.json', 'dist/default-model.json.gz']) {
    assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('out/') || f.endsWith('.map')), files.join(', '));
  const out = join(mkdtempSync(join(tmpdir(), 'gongwen-vsix-')), 'gongwen.vsix');
  const pkg = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--skip-license', '--readme-path', 'docs/marketplace.md', '-o', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(pkg.status, 0, pkg.stderr + pkg.stdout);
  const size = statSync(out).size;
  assert.ok(size > 50_000 && size < 2_000_000, `vsix is ${size} bytes`);
});
