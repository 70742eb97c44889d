// The learned model cached per corpus: keyed by the corpus files' paths, sizes and modification
// times and the model version, so a restart loads the model instead of learning again. A corrupt
// or foreign cache file is treated as absent (and overwritten by the next learning).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MODEL_VERSION, parseModel, type CorpusModel } from '../engine';
import { expandSources } from './ingest';

export async function corpusKey(sources: string[]): Promise<string> {
  const files = await expandSources(sources);
  const h = createHash('sha256').update(`v${MODEL_VERSION}\n`);
  for (const f of files) {
    try {
      const st = statSync(f);
      h.update(`${f}\t${st.size}\t${st.mtimeMs}\n`);
    } catch {
      h.update(`${f}\t-\n`);
    }
  }
  return h.digest('hex').slice(0, 24);
}

export function cachePath(cacheDir: string, key: string): string {
  return join(cacheDir, `model-${key}.json.gz`);
}

export function readCachedModel(cacheDir: string, key: string): { model?: CorpusModel; error?: string } {
  let buf: Buffer;
  try {
    buf = readFileSync(cachePath(cacheDir, key));
  } catch {
    return {};
  }
  try {
    return { model: parseModel(gunzipSync(buf).toString('utf8')) };
  } catch (e) {
    return { error: `缓存的语料模型已损坏，将重新学习（${(e as Error).message}）` };
  }
}

export function writeCachedModel(cacheDir: string, key: string, json: string): void {
  mkdirSync(cacheDir, { recursive: true });
  const target = cachePath(cacheDir, key);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, gzipSync(json));
  renameSync(tmp, target); // atomic: a crash mid-write never leaves a half file under the real name
}
