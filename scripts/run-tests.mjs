// Runs every test tier with the node test runner so results are counted:
// out/test/engine (in-process), out/test/lsp (server over stdio), out/test/cli,
// out/test/e2e (real VS Code via code-server + Chromium, and Neovim). `--skip-e2e` for a fast loop.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const skipE2e = process.argv.includes('--skip-e2e');
if (!existsSync('out/test') || !existsSync('dist/gongwen.js')) {
  console.error('测试需要先构建：请先运行 npm ci 或 npm run build');
  process.exit(2);
}
function collect(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files.push(...collect(p));
    else if (name.endsWith('.test.js')) files.push(p);
  }
  return files;
}
const files = collect('out/test').filter((f) => !(skipE2e && f.includes(`${join('out', 'test', 'e2e')}`)));
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
