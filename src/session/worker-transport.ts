// The one thing that differs between the desktop and the browser training worker: how messages
// cross to the thread. WorkerClient (requests, ids, exit bookkeeping) and TrainingLoop (the
// training itself) are the same on both; worker-node.ts wraps `worker_threads`, worker-web.ts a
// browser Web Worker.

import type { FromWorker, ToWorker } from '../shared/protocol/worker-messages';

export interface WorkerTransportEvents {
  message(message: FromWorker): void;
  /** An uncaught error in the thread; `exit` follows when it ended the thread. */
  error(message: string): void;
  /** The thread is gone (asked to end or not); called once. */
  exit(code: number): void;
}

export interface WorkerTransport {
  /** Set once, before the first message can arrive. */
  listen(events: WorkerTransportEvents): void;
  post(message: ToWorker): void;
  /** Ends the thread; `exit` follows. */
  terminate(): void;
}

/** Starts one training worker; each host (desktop, browser) supplies its own. */
export type StartWorker = () => WorkerTransport;
