// Desktop transport: the training worker is a `worker_threads` thread running dist/worker.js.

import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../shared/protocol/worker-messages';
import type { WorkerTransport, WorkerTransportEvents } from './worker-transport';

export function startNodeWorker(path: string): WorkerTransport {
  const worker = new Worker(path);
  return {
    listen(events: WorkerTransportEvents) {
      worker.on('message', (message: FromWorker) => events.message(message));
      worker.on('error', (error: Error) => events.error(error.message));
      worker.on('exit', (code) => {
        worker.removeAllListeners();
        events.exit(code);
      });
    },
    post: (message: ToWorker) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
  };
}
