// Learning a corpus from disk, for the CLI and the language server: expand sources, read files,
// learn the model. `learnFromSources` runs in the calling thread; `learnInWorker` runs the same
// code in a worker thread so that the language server keeps answering while it learns.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { learnModel, serializeModel, type CorpusModel } from '../engine';
import { expandSourcesDetailed, ingest } from './ingest';

export interface LearnSummary {
  documents: number;
  skipped: { path: string; reason: string }[];
  problems: { source: string; reason: string }[];
  seconds: number;
}

export interface LearnProgress {
  done: number;
  total: number;
  file: string;
}

export async function learnFromSources(sources: string[], onProgress?: (p: LearnProgress) => void, signal?: AbortSignal): Promise<{ model?: CorpusModel; summary: LearnSummary }> {
  const t0 = performance.now();
  const expanded = await expandSourcesDetailed(sources);
  const result = await ingest(expanded.files, { signal, onProgress: (done, total, file) => onProgress?.({ done, total, file }) });
  const summary: LearnSummary = { documents: result.documents.length, skipped: result.skipped, problems: expanded.problems, seconds: 0 };
  const model = result.documents.length && !result.cancelled ? learnModel(result.documents.map((d) => ({ source: d.path, text: d.text }))) : undefined;
  summary.seconds = Math.round((performance.now() - t0) / 10) / 100;
  return { model, summary };
}

type WorkerMessage =
  | { type: 'progress'; progress: LearnProgress }
  | { type: 'done'; model?: string; summary: LearnSummary }
  | { type: 'error'; message: string };

/** The server bundle itself (dist/gongwen.js) runs as the worker; from compiled sources there is none. */
export function workerScript(): string | undefined {
  const p = join(__dirname, 'gongwen.js');
  return existsSync(p) ? p : undefined;
}

/** Learn in a worker thread; `cancel()` stops it. Falls back to the current thread without a worker script. */
export function learnInWorker(sources: string[], onProgress: (p: LearnProgress) => void): { result: Promise<{ model?: string; summary: LearnSummary }>; cancel(): void } {
  const script = workerScript();
  if (!script) {
    const ac = new AbortController();
    return {
      result: learnFromSources(sources, onProgress, ac.signal).then((r) => ({ model: r.model && serializeModel(r.model), summary: r.summary })),
      cancel: () => ac.abort(),
    };
  }
  const worker = new Worker(script, { workerData: { sources } });
  let cancelled = false;
  const result = new Promise<{ model?: string; summary: LearnSummary }>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') resolve({ model: m.model, summary: m.summary });
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (cancelled) reject(new Error('已取消'));
      else if (code !== 0) reject(new Error(`学习进程异常退出（${code}）`));
    });
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
      void worker.terminate();
    },
  };
}
