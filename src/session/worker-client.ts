// The session's handle on its worker thread: posts ToWorker messages, routes FromWorker messages,
// matches request ids to promises, and ends the thread for good on `terminate`. Owning the worker
// here keeps session.ts about training, and gives one place where a thread can outlive nothing.
// The thread itself comes through a WorkerTransport (worker_threads on desktop, a Web Worker in the
// browser): this file is the same on both.

import type { FromWorker, ToWorker } from '../shared/protocol/worker-messages';
import type { WorkerTransport } from './worker-transport';
import { t } from '../shared/l10n';

type Pending = { resolve(message: FromWorker): void; reject(error: Error): void };

/** Distributes `Omit` over a union, so each request variant keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type WorkerRequest = WithoutId<Extract<ToWorker, { id: number }>>;

export interface WorkerClientEvents {
  /** Every message that is not the answer to a request. */
  onMessage(message: FromWorker): void;
  /** The thread ended without being asked to (crash, out of memory). */
  onUnexpectedExit(reason: string): void;
}

export class WorkerClient {
  /** Threads started and not yet exited, across every client (the soak's leak check reads it). */
  static running = 0;
  private readonly worker: WorkerTransport;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ending = false;
  /** Resolves once the thread has exited, however it ended. */
  readonly exited: Promise<number>;

  constructor(transport: WorkerTransport, private readonly events: WorkerClientEvents) {
    this.worker = transport;
    WorkerClient.running++;
    let onExit: (code: number) => void = () => undefined;
    this.exited = new Promise<number>((resolve) => (onExit = resolve));
    this.worker.listen({
      message: (message) => this.route(message),
      // An uncaught exception ends the thread; its exit follows and reports it.
      error: (message) => (this.lastError = message),
      exit: (code) => {
        this.rejectAll(this.ending ? t('The training session was closed.') : t('The training worker stopped ({reason}).', { reason: this.lastError ?? t('exit code {code}', { code: String(code) }) }));
        WorkerClient.running--;
        if (!this.ending) this.events.onUnexpectedExit(this.lastError ?? `exit code ${code}`);
        onExit(code);
      },
    });
  }

  private lastError: string | undefined;

  get alive(): boolean {
    return !this.ending;
  }

  post(message: ToWorker): void {
    if (!this.ending) this.worker.post(message);
  }

  /** Sends a request and resolves with its answer (or rejects with the worker's error message). */
  request(message: WorkerRequest, signal?: AbortSignal): Promise<FromWorker> {
    if (this.ending) return Promise.reject(new Error(t('The training session was closed.')));
    if (signal?.aborted) return Promise.reject(new Error('Cancelled.'));
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      // The worker cannot be interrupted mid-computation; a cancelled request's answer is dropped.
      const onAbort = () => {
        this.pending.delete(id);
        reject(new Error('Cancelled.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (answer) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(answer);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      this.worker.post({ ...message, id } as ToWorker);
    });
  }

  /** Ends the thread; pending requests reject. Safe to call more than once. */
  terminate(): Promise<number> {
    if (!this.ending) {
      this.ending = true;
      this.worker.post({ type: 'dispose' } satisfies ToWorker);
      this.worker.terminate();
    }
    return this.exited;
  }

  private route(message: FromWorker): void {
    const id = 'id' in message ? message.id : undefined;
    const waiting = id !== undefined ? this.pending.get(id) : undefined;
    if (id !== undefined && waiting) {
      this.pending.delete(id);
      if (message.type === 'error') waiting.reject(new Error(message.message));
      else waiting.resolve(message);
      return;
    }
    // An answer to a cancelled request has no one waiting; everything else goes to the session.
    if (id === undefined) this.events.onMessage(message);
  }

  private rejectAll(reason: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}
