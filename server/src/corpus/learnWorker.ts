// Worker-thread entry (run by dist/gongwen.js when started as a worker): learns and posts progress and the model.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeModel } from '../engine';
import { learnFromSources } from './learn';

const { sources } = workerData as { sources: string[] };
learnFromSources(sources, (progress) => parentPort!.postMessage({ type: 'progress', progress }))
  .then(({ model, summary }) => parentPort!.postMessage({ type: 'done', model: model && serializeModel(model), summary }))
  .catch((e: Error) => parentPort!.postMessage({ type: 'error', message: e.message }));
