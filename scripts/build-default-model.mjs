// Builds the default corpus model shipped with the extension from ../shared/corpus (seeds and
// public documents) and writes server/assets/default-model.json.gz, which is committed so that a
// fresh clone builds without ../shared. Run after `npm run build`: node scripts/build-default-model.mjs
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const { learnModel, serializeModel } = require('../out/server/src/engine/index.js');
const corpus = resolve(process.env.GONGWEN_CORPUS ?? join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', 'shared', 'corpus'));
if (!existsSync(corpus)) {
  console.error(`找不到语料目录：${corpus}`);
  process.exit(2);
}
const inputs = [];
for (const sub of ['seeds', 'public']) {
  for (const f of readdirSync(join(corpus, sub)).sort()) {
    if (f.endsWith('.txt')) inputs.push({ source: `${sub}/${f}`, text: readFileSync(join(corpus, sub, f), 'utf8') });
  }
}
const t0 = performance.now();
const model = learnModel(inputs, { maxPhrases: 6000, examplesPerPhrase: 1 });
model.createdAt = '2026-01-01T00:00:00.000Z'; // fixed, so that rebuilding an unchanged corpus gives the same file
const json = serializeModel(model);
const gz = gzipSync(json, { level: 9 });
writeFileSync('server/assets/default-model.json.gz', gz);
console.log(`默认模型：${inputs.length} 个文件，用时 ${(performance.now() - t0).toFixed(0)} ms；${model.phrases.length} 个短语，${model.formulations.length} 条提法，${Object.keys(model.types).length} 个文种；JSON ${(json.length / 1024).toFixed(0)} KB，gzip ${(gz.length / 1024).toFixed(0)} KB`);
