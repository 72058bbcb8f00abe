// Entry of the experiment worker (bundled to dist/experiment-worker.js): trains one run of a
// bias-variance experiment per request, by the same `trainRun` the CLI's loop calls
// (src/experiments/run-experiment.ts, on the one run path), and posts its outputs back. The editor
// starts one per core (src/editor/experiment-pool.ts); runs depend only on their seed, so the
// figures are the same whichever thread trains which run.

import { parentPort } from 'node:worker_threads';
import { trainRun } from '../experiments/run-experiment';
import type { ExperimentRunRequest, FromExperimentWorker } from '../shared/protocol/experiment';

const port = parentPort;
if (!port) throw new Error('dist/experiment-worker.js is the experiment worker: start it with new Worker(path), not directly.');

port.on('message', (request: ExperimentRunRequest) => {
  let message: FromExperimentWorker;
  try {
    message = { type: 'run', task: request.task, output: trainRun(request.plan, request.k) };
  } catch (error) {
    message = { type: 'error', task: request.task, k: request.k, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(message);
});
