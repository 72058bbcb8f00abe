// Messages between the bench's parent process and the one child process each implementation runs
// in. Every implementation gets a process of its own because they disturb each other in one: the
// wasm backend grows its WebAssembly memory, which detaches an ArrayBuffer, after which V8 guards
// every typed-array access in the whole process; our engine and brain.js then ran 10–17% slower.

import type { Repetitions, RunTime } from './measure';
import type { ImplName } from './session';
import type { WorkloadName } from './workloads';

export type ToChild =
  /** Build the workload's data and model, warm up, and size the timed runs. */
  | { type: 'open'; impl: ImplName; workload: WorkloadName; tiny: boolean; reps: Repetitions }
  /** Time one run. */
  | { type: 'run' }
  | { type: 'close' };

export type FromChild =
  | { type: 'ready'; epochsPerRun: number; note?: string; setup?: string }
  | { type: 'time'; time: RunTime }
  | { type: 'error'; message: string };

/** The argument that makes dist/bench.js serve one implementation instead of running the bench. */
export const SERVE_FLAG = '--serve-implementation';
