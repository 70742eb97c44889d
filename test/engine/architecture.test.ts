// One engine, thin adapters: nothing under server/src/engine may import LSP or VS Code modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ENGINE = resolve(__dirname, '..', '..', '..', 'server', 'src', 'engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
}

test('the engine has no vscode-* or LSP imports', () => {
  const all = files(ENGINE);
  assert.ok(all.length > 5);
  for (const f of all) {
    const src = readFileSync(f, 'utf8');
    const imports = [...src.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const i of imports) assert.ok(!/^vscode/.test(i), `${f} imports ${i}`);
  }
});
