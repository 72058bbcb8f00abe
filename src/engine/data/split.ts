// Turns a sample table into the train/test Dataset the trainer consumes: a seeded split (stratified
// by class, so both halves keep the class balance) and optional standardisation.

import type { Dataset, Split } from '../types';
import type { Rng } from '../rng';
import { fail } from './fail';
import type { SampleTable } from './samples';

/** Per-feature statistics of the training split; applied as (x − mean) / std. */
export interface Standardization {
  mean: Float64Array;
  /** 1 for a constant column, which is then only centred (there is no spread to divide by). */
  std: Float64Array;
}

/** How many test samples each class gets: round(n·f) in total, shared by largest remainder. */
function testQuota(counts: number[], testTotal: number, testFraction: number): number[] {
  const exact = counts.map((count) => count * testFraction);
  const quota = exact.map(Math.floor);
  let missing = testTotal - quota.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, k) => ({ k, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.k - b.k);
  for (const { k } of byRemainder) {
    if (missing <= 0) break;
    if (quota[k] < counts[k]) {
      quota[k]++;
      missing--;
    }
  }
  return quota;
}

/** Row indices of the test and training splits, each in shuffled order. */
export function splitIndices(table: SampleTable, testFraction: number, rng: Rng): { train: Int32Array; test: Int32Array } {
  const testTotal = Math.round(table.n * testFraction);
  if (table.n - testTotal < 1) {
    fail(`data: testFraction ${testFraction} leaves no training samples out of ${table.n}`);
  }
  const groups: number[][] = [];
  if (table.kind === 'classification') {
    for (let k = 0; k < table.classes; k++) groups.push([]);
    for (let i = 0; i < table.n; i++) groups[table.y[i]].push(i);
  } else {
    groups.push(Array.from({ length: table.n }, (_, i) => i));
  }
  const quota = testQuota(
    groups.map((g) => g.length),
    testTotal,
    testFraction,
  );
  const test: number[] = [];
  const train: number[] = [];
  groups.forEach((group, k) => {
    const shuffled = rng.shuffle(group);
    // One push per index: push(...slice) overflows the call stack past about 10⁵ samples.
    for (let i = 0; i < shuffled.length; i++) (i < quota[k] ? test : train).push(shuffled[i]);
  });
  return { train: rng.shuffle(Int32Array.from(train)), test: rng.shuffle(Int32Array.from(test)) };
}

function gather(table: SampleTable, rows: Int32Array): Split {
  const { inputSize, targetSize, plane } = table;
  const x = new Float64Array(rows.length * inputSize);
  const y = new Float64Array(rows.length * targetSize);
  rows.forEach((row, i) => {
    x.set(table.x.subarray(row * inputSize, (row + 1) * inputSize), i * inputSize);
    y.set(table.y.subarray(row * targetSize, (row + 1) * targetSize), i * targetSize);
  });
  if (plane === undefined) return { n: rows.length, x, y };
  const points = new Float64Array(rows.length * 2);
  rows.forEach((row, i) => points.set(plane.subarray(row * 2, row * 2 + 2), i * 2));
  return { n: rows.length, x, y, plane: points };
}

/** Mean and population standard deviation of each feature over a split. */
export function featureStatistics(split: Split, inputSize: number): Standardization {
  const mean = new Float64Array(inputSize);
  const std = new Float64Array(inputSize);
  for (let i = 0; i < split.n; i++) for (let j = 0; j < inputSize; j++) mean[j] += split.x[i * inputSize + j];
  for (let j = 0; j < inputSize; j++) mean[j] /= split.n;
  for (let i = 0; i < split.n; i++) {
    for (let j = 0; j < inputSize; j++) {
      const d = split.x[i * inputSize + j] - mean[j];
      std[j] += d * d;
    }
  }
  for (let j = 0; j < inputSize; j++) {
    const s = Math.sqrt(std[j] / split.n);
    // A spread this small relative to the values is rounding noise: treat the column as constant.
    std[j] = s > 1e-12 * Math.max(1, Math.abs(mean[j])) ? s : 1;
  }
  return { mean, std };
}

function applyStandardization(split: Split, inputSize: number, stats: Standardization): void {
  for (let i = 0; i < split.n; i++) {
    for (let j = 0; j < inputSize; j++) {
      const at = i * inputSize + j;
      split.x[at] = (split.x[at] - stats.mean[j]) / stats.std[j];
    }
  }
}

export type StandardizedDataset = Dataset & {
  /** Present when the features were standardised: maps raw inputs into the network's coordinates. */
  standardization?: Standardization;
};

export function splitTable(table: SampleTable, testFraction: number, standardize: boolean, rng: Rng): StandardizedDataset {
  const rows = splitIndices(table, testFraction, rng);
  const train = gather(table, rows.train);
  const test = gather(table, rows.test);
  const dataset: StandardizedDataset = {
    kind: table.kind,
    inputSize: table.inputSize,
    targetSize: table.targetSize,
    classes: table.classes,
    featureNames: table.featureNames,
    ...(table.classNames ? { classNames: table.classNames } : {}),
    train,
    test,
  };
  if (standardize) {
    const stats = featureStatistics(train, table.inputSize);
    applyStandardization(train, table.inputSize, stats);
    applyStandardization(test, table.inputSize, stats);
    dataset.standardization = stats;
  }
  if (table.features !== undefined) {
    dataset.inputMap = { features: table.features, mean: dataset.standardization?.mean ?? null, std: dataset.standardization?.std ?? null };
  }
  return dataset;
}
