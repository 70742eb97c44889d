// The default corpus model shipped beside the bundles (dist/default-model.json.gz), loaded once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseModel, type CorpusModel } from '../engine';

let cached: { model?: CorpusModel; error?: string } | undefined;

/** Beside the bundle (dist/), or the committed asset when running from compiled sources (out/). */
function candidates(): string[] {
  return [join(__dirname, 'default-model.json.gz'), join(__dirname, '..', '..', '..', 'server', 'assets', 'default-model.json.gz')];
}

export function loadDefaultModel(): { model?: CorpusModel; error?: string } {
  if (cached) return cached;
  const path = candidates().find((p) => existsSync(p));
  if (!path) return (cached = { error: '找不到默认语料模型文件 default-model.json.gz' });
  try {
    cached = { model: parseModel(gunzipSync(readFileSync(path)).toString('utf8')) };
  } catch (e) {
    cached = { error: `默认语料模型无法使用：${(e as Error).message}` };
  }
  return cached;
}
