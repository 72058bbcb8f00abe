// Timing: warm up (so V8 has optimised the hot loops and TensorFlow.js has compiled its kernels),
// size each timed run to take at least `runSeconds`, then time `runs` runs. Only `train` is
// inside the clock; building models and converting data happen before.

import * as process from 'node:process';
import type { BenchSession } from './session';

export interface Repetitions {
  /** Warm-up time; at least one epoch is always trained first. */
  warmupSeconds: number;
  /** Timed runs per implementation and workload. */
  runs: number;
  /** Each run trains whole epochs, as many as needed to last at least this long. */
  runSeconds: number;
}

export const FULL: Repetitions = { warmupSeconds: 1, runs: 5, runSeconds: 0.5 };
export const QUICK: Repetitions = { warmupSeconds: 0.2, runs: 3, runSeconds: 0.1 };
/** For smoke tests of the harness: one epoch, one run. */
export const SMOKE: Repetitions = { warmupSeconds: 0, runs: 1, runSeconds: 0 };

export interface Measurement {
  median: number;
  min: number;
  max: number;
  /** Rate of each timed run, in run order. */
  rates: number[];
  epochsPerRun: number;
  /** Median over the runs of CPU time / wall time: near 1 on a quiet machine. */
  cpuShare: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Seconds of one timed run: elapsed (wall) and this process's CPU time (user + system). */
export interface RunTime {
  wall: number;
  cpu: number;
}

/**
 * Times training `epochs` epochs. Every implementation here runs on one thread, so CPU time is the
 * work itself; on a shared machine the wall clock also counts the time other processes held the
 * core, and cpu / wall shows how much.
 *
 * No garbage collection is forced between runs: a forced full collection also shrinks V8's young
 * generation, and the next run of an allocation-heavy library (TensorFlow.js allocates tensors per
 * operation) then pays for regrowing it: (a) on tfjs-cpu measured ~35% slower that way.
 */
export async function timeEpochs(session: BenchSession, epochs: number): Promise<RunTime> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await session.train(epochs);
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

/**
 * Warms a session up, one epoch at a time, and returns how many epochs a timed run needs to last
 * `runSeconds`; the epoch time is estimated from the second half of the warm-up, after the JIT.
 */
export async function warmUp(session: BenchSession, reps: Repetitions): Promise<number> {
  const times: number[] = [];
  let spent = 0;
  do {
    const seconds = (await timeEpochs(session, 1)).wall;
    times.push(seconds);
    spent += seconds;
  } while (spent < reps.warmupSeconds);
  const settled = times.slice(times.length >> 1);
  const epochSeconds = settled.reduce((a, b) => a + b, 0) / settled.length;
  return Math.max(1, Math.ceil(reps.runSeconds / Math.max(epochSeconds, 1e-9)));
}

export type Clock = 'wall' | 'cpu';

/** Rates (units per second of the chosen clock) of a set of runs that each did `units` units. */
export function summarize(times: RunTime[], units: number, epochsPerRun: number, clock: Clock): Measurement {
  const rates = times.map((t) => units / t[clock]);
  return {
    median: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    rates,
    epochsPerRun,
    cpuShare: median(times.map((t) => t.cpu / t.wall)),
  };
}
