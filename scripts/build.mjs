// Build: type-check and compile everything to out/ (tests, benchmarks), then bundle the
// extension client and the CLI/server with esbuild into dist/ so no node_modules are needed at run time.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const t0 = Date.now();

rmSync('out', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], { stdio: 'inherit' });

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, minify: !watch, logLevel: 'warning' };
await build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
// ESM-only dependencies (fdir under tinyglobby) call createRequire(import.meta.url); in a CommonJS
// bundle import.meta is empty, so give them the bundle's own URL.
await build({
  ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/gongwen.js',
  banner: { js: "#!/usr/bin/env node\nconst __gongwenImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__gongwenImportMetaUrl' },
});
chmodSync('dist/gongwen.js', 0o755);
if (existsSync('server/assets/default-model.json.gz')) copyFileSync('server/assets/default-model.json.gz', 'dist/default-model.json.gz');
console.log(`build done in ${Date.now() - t0} ms`);
