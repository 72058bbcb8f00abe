// The three workloads of issue 2, with their data made once, outside any timing, from the engine's
// seeded generator, so every implementation trains on the same numbers.
//   (a) 2-8-8-1 tanh, MSE, 500 spiral points, batch 10, SGD            -> epochs/s
//   (b) 784-128-64-10 ReLU, softmax cross-entropy, 8,192 samples, batch 64 -> samples/s
//   (c) 64-256-256-10 tanh, softmax cross-entropy, 8,192 samples, batch 32 -> samples/s
// (b) and (c) use synthetic data of MNIST's shape: inputs uniform in [0, 1) (like pixel
// intensities) and labels from a fixed random linear "teacher" (argmax of W·x), so that the task is
// learnable and every implementation's loss really falls; the speed does not depend on the values.

import { createRng, makeDataset } from '../src/engine';
import type { ActivationName, Dataset, InitDistribution } from '../src/engine/types';

export type WorkloadName = 'a' | 'b' | 'c';
export type Unit = 'epochs/s' | 'samples/s';

export interface Workload {
  name: WorkloadName;
  unit: Unit;
  /** One line for the table header. */
  title: string;
  inputSize: number;
  hidden: number[];
  hiddenActivation: 'tanh' | 'relu';
  /** The output layer and its loss: a tanh unit with MSE, or softmax logits with cross-entropy. */
  output: { units: number; activation: ActivationName; loss: 'mse' | 'cross-entropy' };
  init: InitDistribution;
  batchSize: number;
  learningRate: number;
  /** All samples are training samples; nothing is held out (only training is timed). */
  data: Dataset;
  /** The targets as every peer consumes them: n × output.units, row-major (±1 or one-hot). */
  targets: Float64Array;
}

export const WORKLOAD_NAMES: readonly WorkloadName[] = ['a', 'b', 'c'];
const SEED = 2024;

/** (a)'s labels as the tanh output sees them: −1 for the first arm, +1 for the second. */
function spiralWorkload(samples: number, title: string): Workload {
  const data = makeDataset({ kind: 'generator', generator: 'spiral', samples, noise: 0.05, classes: 2 }, { testFraction: 0 }, SEED);
  const targets = Float64Array.from(data.train.y, (label) => (label === 1 ? 1 : -1));
  return {
    name: 'a',
    unit: 'epochs/s',
    title,
    inputSize: 2,
    hidden: [8, 8],
    hiddenActivation: 'tanh',
    output: { units: 1, activation: 'tanh', loss: 'mse' },
    init: 'xavier',
    batchSize: 10,
    learningRate: 0.03,
    data,
    targets,
  };
}

/** Random inputs in [0, 1) with teacher labels, as a classification Dataset and one-hot targets. */
function syntheticClassification(samples: number, inputSize: number, classes: number, seed: number): { data: Dataset; targets: Float64Array } {
  const rng = createRng(seed);
  const x = new Float64Array(samples * inputSize);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform();
  const teacher = new Float64Array(inputSize * classes);
  for (let i = 0; i < teacher.length; i++) teacher[i] = rng.normal(0, 1);
  const y = new Float64Array(samples);
  const targets = new Float64Array(samples * classes);
  const score = new Float64Array(classes);
  for (let r = 0; r < samples; r++) {
    score.fill(0);
    for (let j = 0; j < inputSize; j++) {
      const v = x[r * inputSize + j] - 0.5;
      for (let k = 0; k < classes; k++) score[k] += v * teacher[j * classes + k];
    }
    let best = 0;
    for (let k = 1; k < classes; k++) if (score[k] > score[best]) best = k;
    y[r] = best;
    targets[r * classes + best] = 1;
  }
  const data: Dataset = {
    kind: 'classification',
    inputSize,
    targetSize: 1,
    classes,
    featureNames: Array.from({ length: inputSize }, (_, j) => `x${j + 1}`),
    classNames: Array.from({ length: classes }, (_, k) => String(k)),
    train: { n: samples, x, y },
    test: { n: 0, x: new Float64Array(0), y: new Float64Array(0) },
  };
  return { data, targets };
}

/** What the parent process needs to know of a workload without building its data. */
export interface WorkloadInfo {
  unit: Unit;
  /** Units per layer, inputs first: what the products' floating-point operations are counted from. */
  sizes: readonly number[];
  samples(tiny: boolean): number;
  title(tiny: boolean): string;
}

/**
 * `tiny` shrinks every data set so a whole bench finishes in seconds: for smoke tests of the
 * harness only, its numbers mean nothing.
 */
const samplesOf = (name: WorkloadName, tiny: boolean) => (name === 'a' ? (tiny ? 100 : 500) : tiny ? 256 : 8192);

export const WORKLOAD_INFO: Record<WorkloadName, WorkloadInfo> = {
  a: {
    unit: 'epochs/s',
    sizes: [2, 8, 8, 1],
    samples: (tiny) => samplesOf('a', tiny),
    title: (tiny) => `2-8-8-1 tanh, MSE, ${samplesOf('a', tiny)} spiral points, batch 10, SGD`,
  },
  b: {
    unit: 'samples/s',
    sizes: [784, 128, 64, 10],
    samples: (tiny) => samplesOf('b', tiny),
    title: (tiny) => `784-128-64-10 ReLU, softmax cross-entropy, ${samplesOf('b', tiny)} samples, batch 64, SGD`,
  },
  c: {
    unit: 'samples/s',
    sizes: [64, 256, 256, 10],
    samples: (tiny) => samplesOf('c', tiny),
    title: (tiny) => `64-256-256-10 tanh, softmax cross-entropy, ${samplesOf('c', tiny)} samples, batch 32, SGD`,
  },
};

export function makeWorkloads(names: readonly WorkloadName[], tiny = false): Workload[] {
  const build: Record<WorkloadName, () => Workload> = {
    a: () => spiralWorkload(samplesOf('a', tiny), WORKLOAD_INFO.a.title(tiny)),
    b: () => ({
      name: 'b',
      unit: 'samples/s',
      title: WORKLOAD_INFO.b.title(tiny),
      inputSize: 784,
      hidden: [128, 64],
      hiddenActivation: 'relu',
      output: { units: 10, activation: 'softmax', loss: 'cross-entropy' },
      init: 'he',
      batchSize: 64,
      learningRate: 0.01,
      ...syntheticClassification(samplesOf('b', tiny), 784, 10, SEED + 1),
    }),
    c: () => ({
      name: 'c',
      unit: 'samples/s',
      title: WORKLOAD_INFO.c.title(tiny),
      inputSize: 64,
      hidden: [256, 256],
      hiddenActivation: 'tanh',
      output: { units: 10, activation: 'softmax', loss: 'cross-entropy' },
      init: 'xavier',
      batchSize: 32,
      learningRate: 0.01,
      ...syntheticClassification(samplesOf('c', tiny), 64, 10, SEED + 2),
    }),
  };
  return names.map((name) => build[name]());
}

/** Layer widths from input to output, e.g. [784, 128, 64, 10]. */
export function layerSizes(w: Workload): number[] {
  return [w.inputSize, ...w.hidden, w.output.units];
}
