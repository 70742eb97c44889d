// `node out/bench/normalize.js` (after `npm run build`): throughput of text normalisation before
// corpus learning on ~5 MB built by repeating the seeds, each stage alone, the cold load time of
// pinyin-pro and opencc-js, and the bundle size each adds. Not a test: nothing here asserts a time.
// MB are UTF-8 megabytes (10^6 bytes) of input.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { foldWidth, normalizeForLearning, repairPinyinResidue, stripBoilerplate, toSimplified } from '../server/src/engine/corpus/normalize';

const ROOT = resolve(__dirname, '..', '..');
const SEEDS_DIR = resolve(process.env.GONGWEN_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'), 'seeds');
const TARGET_BYTES = 5_000_000;

const seeds = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Documents: the seeds over and over until ~5 MB. */
function documents(filter: (name: string) => boolean): string[] {
  const pool = seeds.filter((s) => filter(s.name)).map((s) => s.text);
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const t = pool[i % pool.length];
    docs.push(t);
    size += bytes(t);
  }
  return docs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** MB/s of `fn` over `docs`, median of `runs` runs after one warm-up run. */
function throughput(docs: string[], fn: (t: string) => unknown, runs = 5): { mbs: number; ms: number; mb: number } {
  const mb = docs.reduce((n, d) => n + bytes(d), 0) / 1e6;
  for (const d of docs) fn(d);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const d of docs) fn(d);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { mbs: mb / (ms / 1000), ms, mb };
}

function row(label: string, r: { mbs: number; ms: number; mb: number }): void {
  console.log(`  ${label.padEnd(56)} ${r.mbs.toFixed(1).padStart(7)} MB/s  (${r.mb.toFixed(2)} MB in ${r.ms.toFixed(0)} ms)`);
}

/** Load time in a fresh process, so nothing is cached: median of 5. */
function coldLoad(code: string): number {
  const script = `const t0 = performance.now(); ${code}; process.stdout.write(String(performance.now() - t0));`;
  const times = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })));
  return median(times);
}

/** Minified (and gzipped) size of a bundle whose entry is `contents`, as the build bundles the CLI. */
function bundleSize(contents: string): { min: number; gz: number } {
  const r = buildSync({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const out = r.outputFiles[0].contents;
  return { min: out.length, gz: gzipSync(out).length };
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(0)} KB`;
}

console.log(`normalisation benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);

// Cold start first, in child processes, before this process warms anything.
console.log('cold load (fresh process, median of 5):');
console.log(`  require('pinyin-pro')                                ${coldLoad("require('pinyin-pro')").toFixed(1)} ms`);
console.log(`  … and first lookup pinyin('學', { multiple: true })   ${coldLoad("require('pinyin-pro').pinyin('學', { multiple: true, type: 'array' })").toFixed(1)} ms`);
console.log(`  require('opencc-js/t2cn')                            ${coldLoad("require('opencc-js/t2cn')").toFixed(1)} ms`);
console.log(`  … and Converter({ from: 't', to: 'cn' })             ${coldLoad("require('opencc-js/t2cn').Converter({ from: 't', to: 'cn' })").toFixed(1)} ms`);

console.log('bundle size (esbuild, minified / gzipped; each minus an empty bundle):');
const empty = bundleSize('export {};');
for (const [label, entry] of [
  ['pinyin-pro', "export { pinyin } from 'pinyin-pro';"],
  ['opencc-js/t2cn', "export { Converter } from 'opencc-js/t2cn';"],
  ['opencc-js (full entry, for comparison)', "export { Converter } from 'opencc-js';"],
  ['the normalize module with both', `export * from ${JSON.stringify('./server/src/engine/corpus/normalize')};`],
] as const) {
  const s = bundleSize(entry);
  console.log(`  ${label.padEnd(40)} ${kb(s.min - empty.min).padStart(8)} / ${kb(s.gz - empty.gz).padStart(7)}`);
}

const all = documents(() => true);
const traditional = documents((n) => n === '000' || n === '002');
const simplified = documents((n) => n !== '000' && n !== '002');
console.log(`throughput, ${seeds.length} seeds repeated to ~5 MB, one call per document (median of 5 runs):`);
row('normalizeForLearning, all seeds', throughput(all, normalizeForLearning));
row('normalizeForLearning, traditional seeds (000, 002)', throughput(traditional, normalizeForLearning));
row('normalizeForLearning, simplified seeds (001, 003, 004)', throughput(simplified, normalizeForLearning));
row('  repairPinyinResidue, traditional seeds', throughput(traditional, repairPinyinResidue));
const repaired = traditional.map((t) => repairPinyinResidue(t).text);
row('  toSimplified, traditional seeds (converts)', throughput(repaired, toSimplified));
row('  toSimplified, simplified seeds (ratio only)', throughput(simplified, toSimplified));
row('  stripBoilerplate, all seeds', throughput(all, stripBoilerplate));
row('  foldWidth, all seeds', throughput(all, foldWidth));
const one = all.join('\n');
row('normalizeForLearning, all seeds as one 5 MB string', throughput([one], normalizeForLearning, 3));
