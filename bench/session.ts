// What the harness needs from each implementation: open a workload (building the model and moving
// the data into the implementation's own format, untimed), then train whole epochs on demand.

import type { Workload } from './workloads';

// nn-playground-js: our engine with its scalar JavaScript kernels only (what a host without
// WebAssembly SIMD runs), so the table shows what the WebAssembly kernels bring.
export const IMPLS = ['nn-playground', 'nn-playground-js', 'tfjs-cpu', 'tfjs-wasm', 'brain.js'] as const;
export type ImplName = (typeof IMPLS)[number];

export interface BenchSession {
  /** Trains `epochs` full passes over the workload's samples and returns when the work is done. */
  train(epochs: number): void | Promise<void>;
  dispose(): void;
}

export interface Peer {
  impl: ImplName;
  /** How this implementation runs the workload where it cannot follow the spec exactly. */
  note(workload: Workload): string | undefined;
  open(workload: Workload): Promise<BenchSession>;
  /** What it really ran with, for the table's header (e.g. the wasm backend's SIMD and threads). */
  setup?(): Promise<string>;
}
