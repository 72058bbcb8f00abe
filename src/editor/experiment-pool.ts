// Trains a measurement's runs in worker threads, one per core (at most one per run), each thread
// taking the next run as it finishes one. No `vscode` here: the command (bias-variance-command.ts)
// adds the progress notification and its cancel button. Cancelling ends the threads at once (a
// run cannot be interrupted in the middle); nothing of a cancelled measurement is kept.

import { Worker } from 'node:worker_threads';
import type { ExperimentTask } from '../experiments/report';
import type { RunOutput } from '../experiments/run-experiment';
import type { ExperimentRunRequest, FromExperimentWorker } from '../shared/protocol/experiment';

export class ExperimentCancelled extends Error {}

export interface PoolOptions {
  /** dist/experiment-worker.js (or a test's bundle of src/worker/experiment-worker.ts). */
  workerPath: string;
  threads: number;
  signal?: AbortSignal;
  onRun?: (done: number, total: number) => void;
}

/** Threads started by pools and not yet ended (the tests check that none is left behind). */
export let runningExperimentThreads = 0;

/** Every task's K runs, as `outputs[task]` in run order; rejects with ExperimentCancelled or the first run's error. */
export function runInWorkers(tasks: readonly ExperimentTask[], options: PoolOptions): Promise<RunOutput[][]> {
  const runs = tasks.length === 0 ? 0 : tasks[0].plan.runs;
  const queue: ExperimentRunRequest[] = [];
  tasks.forEach((task, t) => {
    for (let k = 0; k < task.plan.runs; k++) queue.push({ task: t, k, plan: task.plan });
  });
  const total = queue.length;
  const outputs: RunOutput[][] = tasks.map(() => []);
  if (total === 0) return Promise.resolve(outputs);
  const threads = Math.max(1, Math.min(options.threads, total));
  return new Promise<RunOutput[][]>((resolve, reject) => {
    const workers: Worker[] = [];
    let done = 0;
    let over = false;
    const end = (error?: Error) => {
      if (over) return;
      over = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else {
        for (const list of outputs) list.sort((a, b) => a.k - b.k);
        resolve(outputs);
      }
    };
    const onAbort = () => end(new ExperimentCancelled('Cancelled.'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const next = (worker: Worker) => {
      const request = queue.shift();
      if (request !== undefined) worker.postMessage(request);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(options.workerPath);
      runningExperimentThreads++;
      worker.once('exit', () => runningExperimentThreads--);
      worker.on('error', (error) => end(error));
      worker.on('message', (message: FromExperimentWorker) => {
        if (over) return;
        if (message.type === 'error') return end(new Error(message.message));
        outputs[message.task].push(message.output);
        done++;
        options.onRun?.(done, total);
        if (done === total) return end();
        next(worker);
      });
      workers.push(worker);
      next(worker);
    }
    void runs;
  });
}
