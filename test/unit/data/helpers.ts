// Small independent computations the data tests compare against.
import type { Split } from '../../../src/engine/types';

export function column(split: Split, width: number, j: number): number[] {
  return Array.from({ length: split.n }, (_, i) => split.x[i * width + j]);
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function populationStd(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length);
}

export function countLabels(y: Float64Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of y) counts[label]++;
  return counts;
}
