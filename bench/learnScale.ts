// How learning time, peak memory and model size grow with corpus size (1 MB → 50 MB of UTF-8 text),
// each size in a fresh child process so peak memory (VmHWM) is its own. `node out/bench/learnScale.js`.
// Larger corpora are built by repeating the shared corpus with documents shuffled and paragraphs
// rotated, so near-duplicate detection sees realistic repetition rather than identical copies only.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { learnModel, serializeModel } from '../server/src/engine';
import { CORPUS_DIR } from './corpusReport';

function corpus(targetBytes: number): { source: string; text: string }[] {
  const base: string[] = [];
  for (const sub of ['seeds', 'public']) for (const f of readdirSync(join(CORPUS_DIR, sub)).sort()) if (f.endsWith('.txt')) base.push(readFileSync(join(CORPUS_DIR, sub, f), 'utf8'));
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out: { source: string; text: string }[] = [];
  let bytes = 0;
  for (let round = 0; bytes < targetBytes; round++) {
    const order = base.map((_, i) => i).sort(() => rnd() - 0.5);
    for (const i of order) {
      const paras = base[i].split('\n');
      const k = round === 0 ? 0 : Math.floor(rnd() * paras.length);
      const text = round === 0 ? base[i] : [...paras.slice(k), ...paras.slice(0, k)].join('\n');
      out.push({ source: `r${round}/${i}`, text });
      bytes += Buffer.byteLength(text);
      if (bytes >= targetBytes) break;
    }
  }
  return out;
}

if (process.argv[2] === '--child') {
  const mb = Number(process.argv[3]);
  const docs = corpus(mb * 1048576);
  const t0 = performance.now();
  const model = learnModel(docs);
  const ms = performance.now() - t0;
  const size = serializeModel(model).length;
  const hwm = parseInt(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1], 10) / 1024;
  console.log(JSON.stringify({ mb, docs: docs.length, ms: Math.round(ms), mbPerS: +(mb / (ms / 1000)).toFixed(1), peakMb: Math.round(hwm), modelKb: Math.round(size / 1024), phrases: model.phrases.length, duplicates: model.stats.duplicateDocuments }));
} else {
  console.log('MB\t文件\t用时ms\tMB/s\t峰值内存MB\t每MB文本内存\t模型KB\t近似重复');
  for (const mb of [1, 5, 10, 25, 50]) {
    const r = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=4096', __filename, '--child', String(mb)], { encoding: 'utf8' }));
    console.log(`${r.mb}\t${r.docs}\t${r.ms}\t${r.mbPerS}\t${r.peakMb}\t${(r.peakMb / r.mb).toFixed(1)}\t${r.modelKb}\t${r.duplicates}`);
  }
}
