// Training sets for data that has no generator (inline arrays, a CSV file):
// bootstrap resamples of the model's own training split. The model's split (its testFraction and
// seed, as every other run path makes it) is made once; run k trains on n rows drawn with
// replacement from its n training rows by the seeded generator (seed + k, the seed its weights are
// drawn from too), and every run is evaluated on the one held-out split, which no resample sees.
// Pure: the engine's data and generator, no host.

import { createRng, featureStatistics, makeDataset, type Split, type StandardizedDataset } from '../engine/index';
import type { TrainerInputs } from '../model/to-trainer-inputs';

/** The model's train/held-out split with raw (unstandardised) inputs: what every resample is drawn from. */
export function rawSplit(inputs: Pick<TrainerInputs, 'data' | 'dataOptions' | 'options'>): StandardizedDataset {
  return makeDataset(inputs.data, { ...inputs.dataOptions, standardize: false }, inputs.options.seed);
}

/** n row indices drawn uniformly with replacement from 0 … n−1, by the generator seeded with `seed`. */
export function bootstrapRows(n: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = rng.int(n);
  return rows;
}

function gatherRows(split: Split, rows: Int32Array, inputSize: number, targetSize: number): Split {
  const x = new Float64Array(rows.length * inputSize);
  const y = new Float64Array(rows.length * targetSize);
  rows.forEach((row, i) => {
    x.set(split.x.subarray(row * inputSize, (row + 1) * inputSize), i * inputSize);
    y.set(split.y.subarray(row * targetSize, (row + 1) * targetSize), i * targetSize);
  });
  if (split.plane === undefined) return { n: rows.length, x, y };
  const plane = new Float64Array(rows.length * 2);
  rows.forEach((row, i) => plane.set(split.plane!.subarray(row * 2, row * 2 + 2), i * 2));
  return { n: rows.length, x, y, plane };
}

function standardized(split: Split, inputSize: number, mean: Float64Array, std: Float64Array): Split {
  const x = new Float64Array(split.x.length);
  for (let i = 0; i < split.n; i++) for (let j = 0; j < inputSize; j++) x[i * inputSize + j] = (split.x[i * inputSize + j] - mean[j]) / std[j];
  return { ...split, x };
}

/**
 * The data run k trains on: the raw split's training rows at `rows` as its training split, the
 * held-out split as its test split, standardised (when the model standardises) with the
 * resample's own statistics, as a model trained on that resample would be.
 */
export function resampledDataset(raw: StandardizedDataset, rows: Int32Array, standardize: boolean): StandardizedDataset {
  const { inputSize, targetSize } = raw;
  const train = gatherRows(raw.train, rows, inputSize, targetSize);
  const { standardization: _none, inputMap, ...rest } = raw;
  if (!standardize) return { ...rest, train, test: raw.test, ...(inputMap !== undefined ? { inputMap } : {}) };
  const stats = featureStatistics(train, inputSize);
  return {
    ...rest,
    train: standardized(train, inputSize, stats.mean, stats.std),
    test: standardized(raw.test, inputSize, stats.mean, stats.std),
    standardization: stats,
    ...(inputMap !== undefined ? { inputMap: { ...inputMap, mean: stats.mean, std: stats.std } } : {}),
  };
}
