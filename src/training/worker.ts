// Entry of the training worker (bundled to dist/worker.js): connects the training loop to the
// parent port. Everything the worker does is in training-loop.ts; this file is only the wiring.

import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../protocol/worker-messages';
import { TrainingLoop } from './training-loop';

const port = parentPort;
if (!port) {
  throw new Error('dist/worker.js is the training worker: start it with new Worker(path), not directly.');
}

const loop = new TrainingLoop((message, transfer) => port.postMessage(message, transfer), { packPoints: true });
port.on('message', (message: ToWorker) => {
  loop.handle(message);
  // After `dispose` nothing is left to keep this thread alive; closing the port lets it end.
  if (message.type === 'dispose') port.close();
});
