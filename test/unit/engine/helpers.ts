// Small hand-built datasets and trainer options for the engine tests.

import { createRng } from '../../../src/engine/rng';
import type { ActivationName, Dataset, LayerConfig, LossName, NetworkConfig, TrainingConfig } from '../../../src/engine/types';
import type { TrainerOptions } from '../../../src/engine/trainer-api';

const empty = () => ({ n: 0, x: new Float64Array(0), y: new Float64Array(0) });

export function classification(inputs: number[][], labels: number[], classes = 2, test?: { inputs: number[][]; labels: number[] }): Dataset {
  return {
    kind: 'classification',
    inputSize: inputs[0].length,
    targetSize: 1,
    classes,
    featureNames: inputs[0].map((_, i) => `x${i + 1}`),
    train: { n: inputs.length, x: Float64Array.from(inputs.flat()), y: Float64Array.from(labels) },
    test: test ? { n: test.inputs.length, x: Float64Array.from(test.inputs.flat()), y: Float64Array.from(test.labels) } : empty(),
  };
}

export function regression(inputs: number[][], targets: number[][]): Dataset {
  return {
    kind: 'regression',
    inputSize: inputs[0].length,
    targetSize: targets[0].length,
    classes: 0,
    featureNames: inputs[0].map((_, i) => `x${i + 1}`),
    train: { n: inputs.length, x: Float64Array.from(inputs.flat()), y: Float64Array.from(targets.flat()) },
    test: empty(),
  };
}

/** n random samples: inputs N(0, 1); classification labels uniform over `classes`, or regression targets N(0, 1). */
export function randomData(n: number, inputSize: number, task: { classes: number } | { targets: number }, seed: number): Dataset {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: inputSize }, () => rng.normal()));
  if ('classes' in task) {
    // Every class appears at least once.
    const labels = Array.from({ length: n }, (_, i) => (i < task.classes ? i : rng.int(task.classes)));
    return classification(x, labels, task.classes);
  }
  return regression(x, Array.from({ length: n }, () => Array.from({ length: task.targets }, () => rng.normal())));
}

export const XOR = classification(
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  [0, 1, 1, 0],
);

export function training(patch: Partial<TrainingConfig> = {}): TrainingConfig {
  return {
    optimizer: 'sgd',
    learningRate: 0.1,
    batchSize: 4,
    epochs: 100,
    regularization: { type: 'none', lambda: 0 },
    dropoutMode: 'inverted',
    ...patch,
  };
}

export function network(inputSize: number, layers: [number, ActivationName][] | LayerConfig[], loss: LossName, patch: Partial<NetworkConfig> = {}): NetworkConfig {
  const layerConfigs = layers.map((layer) => (Array.isArray(layer) ? { units: layer[0], activation: layer[1] } : layer));
  return { inputSize, layers: layerConfigs, loss, init: { distribution: 'xavier' }, ...patch };
}

export function options(net: NetworkConfig, train: Partial<TrainingConfig> = {}, seed = 1): TrainerOptions {
  return { network: net, training: training(train), seed };
}
