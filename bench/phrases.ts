// Phrase-mining throughput and memory on the shared corpus (`node out/bench/phrases.js`).
// Normalisation included; MB are UTF-8 bytes of input.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minePhrases, normalizeForLearning } from '../server/src/engine';
import { CORPUS_DIR } from './corpusReport';

function load(): string[] {
  const texts: string[] = [];
  for (const sub of ['seeds', 'public']) {
    const dir = join(CORPUS_DIR, sub);
    for (const f of readdirSync(dir)) if (f.endsWith('.txt')) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return texts;
}

const texts = load();
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
for (let run = 0; run < 3; run++) {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const normalized = texts.map((t) => normalizeForLearning(t).text);
  const t1 = performance.now();
  const phrases = minePhrases(normalized, { minCount: 3 });
  const t2 = performance.now();
  const mb = bytes / 1048576;
  console.log(`${texts.length} 个文件 ${mb.toFixed(1)} MB：规范化 ${(t1 - t0).toFixed(0)} ms，短语挖掘 ${(t2 - t1).toFixed(0)} ms（${(mb / ((t2 - t0) / 1000)).toFixed(1)} MB/s），${phrases.length} 个短语，RSS 增加 ${((process.memoryUsage().rss - rss0) / 1048576).toFixed(0)} MB`);
  if (run === 2) console.log(phrases.slice(0, 30).map((p) => `${p.text}:${p.count}`).join(' '));
}
