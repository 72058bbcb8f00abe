// The dev harness's training worker: the project's real TrainingLoop (the same code the extension's
// worker_threads worker runs) inside a browser Web Worker.

import { TrainingLoop } from '../../src/training/training-loop';
import type { ToWorker } from '../../src/protocol/worker-messages';

// setImmediate for the browser: a MessageChannel task runs after pending messages, like Node's.
const queue = new Map<number, () => void>();
let nextHandle = 1;
const channel = new MessageChannel();
channel.port1.onmessage = (e: MessageEvent<number>) => {
  const callback = queue.get(e.data);
  queue.delete(e.data);
  callback?.();
};
const scope = globalThis as unknown as { setImmediate: typeof setImmediate; clearImmediate: typeof clearImmediate };
scope.setImmediate = (callback) => {
  const handle = nextHandle++;
  queue.set(handle, callback);
  channel.port2.postMessage(handle);
  return handle;
};
scope.clearImmediate = (handle) => void queue.delete(handle);

const loop = new TrainingLoop((message) => postMessage(message));
onmessage = (e: MessageEvent<ToWorker>) => loop.handle(e.data);
