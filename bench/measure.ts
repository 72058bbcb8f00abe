// Timing: warm up (so V8 has optimised the hot loops and TensorFlow.js has compiled its kernels),
// size each timed run to take at least `runSeconds`, then time `runs` runs. Only `train` is
// inside the clock; building models, converting data and collecting garbage happen outside it.

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

/** Garbage left by one implementation should not be collected inside another one's timed run. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Seconds of one timed run: elapsed (wall) and this process's CPU time (user + system). */
export interface RunTime {
  wall: number;
  cpu: number;
}

/**
 * Times training `epochs` epochs (garbage collected first, outside the clock, if asked). Every
 * implementation here runs on one thread, so CPU time is the work itself; on a shared machine the
 * wall clock also counts the time other processes held the core, and cpu / wall shows how much.
 */
export async function timeEpochs(session: BenchSession, epochs: number, collect = true): Promise<RunTime> {
  if (collect) collectGarbage();
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
    const seconds = (await timeEpochs(session, 1, false)).wall;
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
