// What an omitted field means. One place, mirrored by the `default`s in schemas/nn.schema.json
// (a test keeps the two equal), so the hover, the parser and the trainer never disagree.

import type { InitSpec, OptimizerName, RegularizationSpec } from '../engine/types';

export const DEFAULTS = {
  name: 'Untitled model',
  /** A fixed seed, so the same file always gives the same curves. */
  seed: 1,
  data: {
    samples: 200,
    noise: 0.1,
    /** A fifth held out: enough to see overfitting without starving training. */
    testFraction: 0.2,
    standardize: true,
    // No default `task`: omitted, inline targets and CSV target columns are read as the engine's
    // rules say (src/engine/data/inline.ts, csv.ts: text labels and complete 0…K−1 label sets are
    // classes, other numbers regression), which is also what the schema describes.
  },
  /**
   * Without an `init`, Xavier/Glorot: N(0, 2/(fan_in + fan_out)) keeps Var(z) near 1 in every
   * layer, out of the saturation zones and away from vanishing signals, whatever the widths.
   * The theory's N(0, 0.01) is what `"gaussian"` without a `std` means; it is a fine scale for
   * 2-input toys but makes deep nets start with almost no signal, hence not the default.
   */
  init: { distribution: 'xavier' } as InitSpec,
  gaussian: { mean: 0, std: 0.01 },
  uniform: { limit: 0.05 },
  /** Hidden layers without an activation: tanh, zero-centred and non-linear (no collapse). */
  hiddenActivation: 'tanh',
  dropout: 0,
  training: {
    optimizer: 'sgd' as OptimizerName,
    /** Plain gradient descent on standardised data: 0.1 is below 1, as the theory asks. */
    learningRate: 0.1,
    /** Adam scales each step itself: 0.01 is its usual safe start for small nets. */
    adamLearningRate: 0.01,
    batchSize: 10,
    epochs: 300,
    momentum: 0.9,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
    regularization: { type: 'none', lambda: 0 } as RegularizationSpec,
    /** λ when a regularisation type is named without one. */
    lambda: 0.001,
    dropoutMode: 'inverted' as const,
  },
} as const;

export function defaultLearningRate(optimizer: OptimizerName): number {
  return optimizer === 'adam' ? DEFAULTS.training.adamLearningRate : DEFAULTS.training.learningRate;
}
