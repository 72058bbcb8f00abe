// Compact summaries of a set of numbers (TensorBoard-style distributions): what the panel draws
// as histograms and percentile bands, small enough to send many times a second.

import { HEALTH_PERCENTILES, type Distribution } from './health-types';

export const DEFAULT_BINS = 30;
/** Percentiles of larger sets come from an evenly strided subset of this many values (sorting is the only super-linear step). */
const PERCENTILE_SAMPLE = 16384;

/** Mean, std, percentiles (HEALTH_PERCENTILES) and an equal-width histogram over [min, max] of values[0 … count). */
export function describe(values: ArrayLike<number>, count: number = values.length, bins = DEFAULT_BINS): Distribution {
  if (count === 0) {
    return { count: 0, mean: 0, std: 0, percentiles: HEALTH_PERCENTILES.map(() => 0), histogram: { min: 0, max: 0, counts: new Array<number>(bins).fill(0) } };
  }
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const d = values[i] - mean;
    squares += d * d;
  }
  const std = Math.sqrt(squares / count);

  const stride = count > PERCENTILE_SAMPLE ? count / PERCENTILE_SAMPLE : 1;
  const sampleSize = stride > 1 ? PERCENTILE_SAMPLE : count;
  const sorted = new Float64Array(sampleSize);
  for (let i = 0; i < sampleSize; i++) sorted[i] = values[Math.floor(i * stride)];
  sorted.sort();
  if (stride > 1) {
    // The subset may miss the extremes; the ends of the band are the true min and max.
    sorted[0] = min;
    sorted[sampleSize - 1] = max;
  }
  const percentiles = HEALTH_PERCENTILES.map((p) => quantile(sorted, p / 100));

  const counts = new Array<number>(bins).fill(0);
  if (Number.isFinite(min) && Number.isFinite(max)) {
    const width = max - min;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (v !== v) continue;
      let bin = width > 0 ? Math.floor(((v - min) / width) * bins) : 0;
      if (bin >= bins) bin = bins - 1;
      counts[bin]++;
    }
  }
  return { count, mean, std, percentiles, histogram: { min, max, counts } };
}

/** Linear interpolation between closest ranks (NumPy's default). */
function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const t = position - lo;
  return t === 0 ? sorted[lo] : sorted[lo] + t * (sorted[hi] - sorted[lo]);
}

/** ‖v‖₂ and mean |v| in one pass. */
export function normAndMeanAbs(values: Float64Array): { norm: number; meanAbs: number } {
  let squares = 0;
  let abs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    squares += v * v;
    abs += Math.abs(v);
  }
  return { norm: Math.sqrt(squares), meanAbs: values.length > 0 ? abs / values.length : 0 };
}

/** Index of the first NaN/±Inf in values[0 … count), or −1. */
export function firstNonFinite(values: Float64Array, count: number = values.length): number {
  for (let i = 0; i < count; i++) {
    const v = values[i];
    // v − v is 0 for every finite number and NaN for NaN and ±Infinity.
    if (v - v !== 0) return i;
  }
  return -1;
}
