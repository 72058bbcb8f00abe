// Browser transport (VS Code for the web): the training worker is a Web Worker. The web extension
// host refuses `new Worker(<extension URL>)` ("Creating workers from remote extensions is currently
// not supported"), but runs a worker made from a Blob of the same script, so the script's text is
// loaded first (by the caller, through the host's fetch or workspace.fs) and messages posted before
// it is there wait in order. A Web Worker has no exit event: an uncaught error ends it here, and
// so does terminate, both reported as `exit` the way worker_threads reports them.

import type { FromWorker, ToWorker } from '../shared/protocol/worker-messages';
import type { WorkerTransport, WorkerTransportEvents } from './worker-transport';
import { t } from '../shared/l10n';

/** What this file needs of the browser's Worker, so it type-checks without the DOM library. */
interface WebWorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

export interface WebWorkerEnvironment {
  /** The worker script's text (dist/worker-web.js). */
  loadScript(): Promise<string>;
  /** `new Worker(URL.createObjectURL(new Blob([text])))`. */
  create(scriptText: string): WebWorkerLike;
}

export function startWebWorker(environment: WebWorkerEnvironment): WorkerTransport {
  let events: WorkerTransportEvents | undefined;
  let worker: WebWorkerLike | undefined;
  let queued: ToWorker[] | undefined = [];
  let ended = false;
  const end = (code: number, reason?: string) => {
    if (ended) return;
    ended = true;
    queued = undefined;
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    if (reason !== undefined) events?.error(reason);
    // Asynchronous, as a thread's exit is: callers set up their own state after terminate().
    void Promise.resolve().then(() => events?.exit(code));
  };
  environment.loadScript().then(
    (text) => {
      if (ended) return;
      const created = create(environment, text);
      if (typeof created === 'string') return end(1, created);
      worker = created;
      worker.onmessage = (event) => events?.message(event.data as FromWorker);
      worker.onerror = (event) => {
        event.preventDefault?.();
        end(1, event.message ?? t('an uncaught error'));
      };
      for (const message of queued ?? []) worker.postMessage(message);
      queued = undefined;
    },
    (error: unknown) => end(1, t('the worker script could not be loaded: {reason}', { reason: error instanceof Error ? error.message : String(error) })),
  );
  return {
    listen: (given) => void (events = given),
    post(message) {
      if (ended) return;
      if (queued) queued.push(message);
      else worker?.postMessage(message);
    },
    terminate: () => end(0),
  };
}

function create(environment: WebWorkerEnvironment, text: string): WebWorkerLike | string {
  try {
    return environment.create(text);
  } catch (error) {
    return t('the worker could not be started: {reason}', { reason: error instanceof Error ? error.message : String(error) });
  }
}
