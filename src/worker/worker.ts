// Entry of the training worker (bundled to dist/worker.js): connects the training loop to the
// parent port. Everything the worker does is in training-loop.ts; this file is only the wiring.

import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../shared/protocol/worker-messages';
import { TrainingLoop } from './training-loop';

const port = parentPort;
if (!port) {
  throw new Error('dist/worker.js is the training worker: start it with new Worker(path), not directly.');
}

// Buffers are copied, never transferred: once a thread detaches any ArrayBuffer, V8 guards every
// typed-array access in it against detachment, and the engine's hot loops ran 18-22% slower after
// a single transfer (measured with the bench's workloads). The packed epochs are small to copy.
const loop = new TrainingLoop((message) => port.postMessage(message), { packPoints: true });
port.on('message', (message: ToWorker) => {
  loop.handle(message);
  // After `dispose` nothing is left to keep this thread alive; closing the port lets it end.
  if (message.type === 'dispose') port.close();
});
