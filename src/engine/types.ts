// The engine's configuration vocabulary. Every other part of the project (model parser, worker,
// CLI, bench, tests) speaks in these types, so they are the contract that keeps the engine pure:
// plain data in, plain data out. No `vscode`, no `node:*`, no DOM anywhere under src/engine.

// The activation names are the keys of the activation table (activations.ts): one record each.
export { ACTIVATIONS, type ActivationName } from './activations';
import type { ActivationName } from './activations';
import type { InputFeatureName, InputMap } from './features';
export { INPUT_FEATURES, type InputFeatureName, type InputMap } from './features';

// `cross-entropy` means softmax cross-entropy on a softmax output and binary cross-entropy on a
// sigmoid output; `binary-cross-entropy` is accepted as the explicit name of the latter.
export const LOSSES = ['mse', 'cross-entropy', 'binary-cross-entropy'] as const;
export type LossName = (typeof LOSSES)[number];

export const INIT_DISTRIBUTIONS = ['gaussian', 'uniform', 'xavier', 'he', 'zeros'] as const;
export type InitDistribution = (typeof INIT_DISTRIBUTIONS)[number];

export interface InitSpec {
  distribution: InitDistribution;
  /** gaussian: mean of N(mean, std). Default 0. */
  mean?: number;
  /** gaussian: standard deviation (not variance). Default 0.01, as the theory's N(0, 0.01). */
  std?: number;
  /** uniform: weights drawn from U(-limit, limit). Default 0.05. */
  limit?: number;
}

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'perceptron'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export type RegularizationType = (typeof REGULARIZATIONS)[number];
export interface RegularizationSpec {
  type: RegularizationType;
  /** Strength λ. L2 is applied as weight decay: w ← w − lr·(∂L/∂w + λw). L1 adds λ·sign(w). */
  lambda: number;
}

export const DROPOUT_MODES = ['inverted', 'scale-at-test'] as const;
export type DropoutMode = (typeof DROPOUT_MODES)[number];

export interface LayerConfig {
  units: number;
  activation: ActivationName;
  /** Probability of dropping each of this layer's outputs while training (0 = off). */
  dropout?: number;
  /** Overrides the network-wide init for this layer's weights. Biases start at 0 unless hand-set. */
  init?: InitSpec;
  /**
   * Hand-set weights, one row per unit listing its weight from each input (units × inputs, as a
   * person writes a neuron's weights): they replace the drawn init (the draws still happen, so
   * the other layers start the same). Theory §1: the McCulloch-Pitts neuron's weights are set by hand.
   */
  weights?: number[][];
  /** Hand-set biases, one per unit (a threshold θ is the bias −θ): they replace the zero start. */
  biases?: number[];
  /** false: training leaves this layer's weights and biases as they are. Default true. */
  trainable?: boolean;
}

export interface NetworkConfig {
  inputSize: number;
  /** Hidden layers then the output layer. */
  layers: LayerConfig[];
  loss: LossName;
  init: InitSpec;
}

export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** momentum: velocity decay. Default 0.9. */
  momentum?: number;
  /** adam: defaults 0.9, 0.999, 1e-8. */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  regularization: RegularizationSpec;
  dropoutMode: DropoutMode;
}

// ---- Data ----------------------------------------------------------------------------------

export const GENERATORS = ['xor', 'circle', 'gaussian', 'spiral', 'moons', 'blobs', 'plane', 'sine'] as const;
export type GeneratorName = (typeof GENERATORS)[number];

export const BUNDLED_DATASETS = ['iris'] as const;
export type BundledDatasetName = (typeof BUNDLED_DATASETS)[number];

/**
 * Where a dataset comes from. File reading is not the engine's job: CSV arrives as text.
 * `task` overrides what inline targets or a CSV target column would be read as (absent: the
 * targets decide, see data/inline.ts and data/csv.ts).
 */
export type DataSource =
  | { kind: 'generator'; generator: GeneratorName; samples: number; noise: number; classes?: number }
  | { kind: 'dataset'; dataset: BundledDatasetName }
  | { kind: 'inline'; inputs: number[][]; targets: number[][]; task?: TaskKind }
  | { kind: 'csv'; text: string; features?: string[]; target: string; task?: TaskKind };

export interface DataOptions {
  /** Share of samples held out as the test split, in [0, 1). */
  testFraction: number;
  /** Standardise features to zero mean, unit variance (statistics of the training split). Default true. */
  standardize?: boolean;
  /**
   * 2-D data only: the network's inputs are these functions of the two inputs (features.ts),
   * computed from the raw values, then standardised like any feature. Absent: the inputs as they are.
   */
  inputFeatures?: readonly InputFeatureName[];
  /**
   * 2-D data only: the part of the plane (the file's x1 and x2, before standardisation) that the
   * decision boundary's grid covers, fixed, instead of the points' box: points placed by hand then
   * land where they were clicked, and the plane does not move as they are added.
   */
  plane?: PlaneExtent;
}

/** A rectangle of the (x1, x2) plane in the data's own values. */
export interface PlaneExtent {
  x1: readonly [number, number];
  x2: readonly [number, number];
}

export type TaskKind = 'classification' | 'regression';

/** Row-major samples: `x` is n × inputSize, `y` is n × targetSize. */
export interface Split {
  n: number;
  x: Float64Array;
  y: Float64Array;
  /** With input features: each sample's point in the plane (n × 2, raw), where it is drawn. */
  plane?: Float64Array;
}

export interface Dataset {
  kind: TaskKind;
  inputSize: number;
  /**
   * Classification: 1, and `y` holds the class index (0 … classes−1); the trainer encodes it for
   * the output layer (a single sigmoid/sign/step unit for 2 classes, one-hot for `classes` units).
   * Regression: the number of target columns, `y` holds the values.
   */
  targetSize: number;
  /** Number of classes for classification, 0 for regression. */
  classes: number;
  featureNames: string[];
  classNames?: string[];
  train: Split;
  test: Split;
  /**
   * With input features: how a point of the plane becomes the network's input (the decision
   * boundary's grid goes through it); the splits then carry `plane`.
   */
  inputMap?: InputMap;
  /**
   * With a fixed plane (DataOptions.plane): its extent in the coordinates the boundary's grid is in
   * (standardised features, or the raw plane with input features). Absent: the points' box decides.
   */
  gridExtent?: { xMin: number; xMax: number; yMin: number; yMax: number };
}
