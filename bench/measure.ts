// Timing: warm up (so V8 has optimised the hot loops and TensorFlow.js has compiled its kernels),
// size each timed run to take at least `runSeconds`, then time `runs` runs. Only `train` is
// inside the clock; building models and converting data happen before.

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
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeEpochs(session: BenchSession, epochs: number): Promise<number> {
  const start = performance.now();
  await session.train(epochs);
  return (performance.now() - start) / 1000;
}

/** `unitsPerEpoch` is 1 for epochs/s and the number of samples for samples/s. */
export async function measure(session: BenchSession, unitsPerEpoch: number, reps: Repetitions): Promise<Measurement> {
  // Warm-up, one epoch at a time; the epoch time is estimated from the second half, after the JIT.
  const times: number[] = [];
  let spent = 0;
  do {
    const seconds = await timeEpochs(session, 1);
    times.push(seconds);
    spent += seconds;
  } while (spent < reps.warmupSeconds);
  const settled = times.slice(times.length >> 1);
  const epochSeconds = settled.reduce((a, b) => a + b, 0) / settled.length;
  const epochsPerRun = Math.max(1, Math.ceil(reps.runSeconds / Math.max(epochSeconds, 1e-9)));

  const rates: number[] = [];
  for (let r = 0; r < reps.runs; r++) {
    const seconds = await timeEpochs(session, epochsPerRun);
    rates.push((epochsPerRun * unitsPerEpoch) / seconds);
  }
  return { median: median(rates), min: Math.min(...rates), max: Math.max(...rates), rates, epochsPerRun };
}
