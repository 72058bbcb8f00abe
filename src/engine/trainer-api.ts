// The trainer's public shape: what the worker, CLI, bench and tests call. The implementation lives
// in trainer.ts; this interface is written first so that all of them could be built in parallel.

import type { DataSource, DataOptions, Dataset, NetworkConfig, TrainingConfig } from './types';
import type { EpochReport, HealthReport, Metrics } from './health-types';
import type { PerceptronUpdate } from './perceptron-trace';
import type { UnitRef } from './network';

export type { UnitRef } from './network';

export interface TrainerOptions {
  network: NetworkConfig;
  training: TrainingConfig;
  /** Seeds the one generator behind init, shuffling and dropout: same options, same run, bit for bit. */
  seed: number;
}

/** Plain JSON form of trained parameters, for the `.weights.json` sidecar. */
export interface WeightsFile {
  format: 'nn-playground-weights';
  version: 1;
  /** Layer widths from input to output, to check the architecture still matches. */
  shape: number[];
  layers: { weights: number[]; biases: number[] }[];
}

export interface GradientCheckResult {
  maxRelativeError: number;
  /** Parameters compared. */
  parameters: number;
  /** Parameters in the network: more than `parameters` + `kinks` when a subset was checked. */
  totalParameters: number;
  /** Parameters left out because they sit exactly on a kink (ReLU at 0, |w| at 0 under L1). */
  kinks?: number;
  /** Where the worst error was found. */
  worst: { layer: number; kind: 'weight' | 'bias'; index: number; analytic: number; numeric: number };
}

/** A grid of network outputs over a 2-D input plane (decision boundary / unit views). */
export interface OutputGrid {
  /** Resolution per side. */
  size: number;
  /** Input-plane extent in standardised coordinates. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /**
   * size × size values (1 × size for 1-input data, along x with yMin = yMax = 0), row-major from
   * (xMin, yMax) top-left. Inputs beyond the first two are held at 0 (their standardised mean).
   * mode 'value': the output (a single sigmoid's probability, a regression value) or the chosen
   * unit's activation; mode 'class' (several output units, no target): the predicted class index.
   */
  values: Float32Array;
  /** 'class' for the argmax of several output units, 'value' otherwise. */
  mode?: 'value' | 'class';
  /** mode 'class': the predicted class's probability (output activation) per cell. */
  confidence?: Float32Array;
}

/** What trainBatches did: the epoch's progress, and its report once the epoch is complete. */
export type BatchesResult =
  | { epochDone: false; report?: undefined; progress: EpochProgress }
  | { epochDone: true; report: EpochReport; progress: EpochProgress };

export interface EpochProgress {
  /** Minibatches trained so far in this epoch. */
  batches: number;
  /** Samples trained so far in this epoch. */
  samples: number;
  /** Minibatches in the whole epoch (at the current batch size). */
  totalBatches: number;
  /** Mean training loss over the samples of this epoch so far (NaN before the first). */
  runningCost: number;
}

export interface SampleEvaluation {
  losses: Float64Array;
  predicted?: Int32Array;
  probabilities?: Float64Array;
}

export interface Trainer {
  readonly options: TrainerOptions;
  readonly data: Dataset;
  /** Completed epochs since the last reset. */
  readonly epoch: number;
  /**
   * One pass over the shuffled training split in minibatches; returns its metrics. When an epoch
   * was begun with trainBatches, this finishes that one.
   */
  trainEpoch(): EpochReport;
  /**
   * Part of an epoch: up to `maxBatches` minibatches, beginning a new epoch when none is under way.
   * Calling it until `epochDone` is bit-identical to trainEpoch (same shuffle, dropout masks and
   * report), however the epoch is split; `epoch` counts only completed epochs.
   */
  trainBatches(maxBatches: number): BatchesResult;
  /** True between a trainBatches call that began an epoch and the one that completed it. */
  readonly epochInProgress: boolean;
  /** Metrics on a split without changing anything (dropout off, test-time scaling applied). */
  evaluate(split: 'train' | 'test'): Metrics;
  /**
   * Each sample of a split as `evaluate` sees it: its loss (their mean is the cost) and, for
   * classification, the predicted class and, when the outputs are a distribution over the classes
   * (softmax, or one sigmoid unit read as [1 − ŷ, ŷ]), that distribution (n × classes).
   */
  evaluateSamples(split: 'train' | 'test'): SampleEvaluation;
  /**
   * Output-layer activations for `rows` samples of `inputs` (row-major rows × inputSize, in the
   * data's standardised units), as at test time: rows × output units, row-major.
   */
  predict(inputs: Float64Array, rows: number): Float64Array;
  /**
   * Health statistics: parameters and gradients as they are now (also mid-epoch), dead ReLUs over
   * the last completed epoch. Draws nothing from the training generator.
   */
  health(): HealthReport;
  /** Change hyperparameters on the fly (learning rate, batch size, epochs, regularisation, …). */
  updateTraining(patch: Partial<TrainingConfig>): void;
  /** Re-initialise from the seed: the same initial weights every time. */
  reset(): void;
  exportWeights(): WeightsFile;
  /** Throws EngineError when the shape does not match. */
  importWeights(file: WeightsFile): void;
  /**
   * Backprop against 4th-order central differences on the first `samples` training rows
   * (default 16), step `epsilon` (default 1e-3, shrunk automatically around ReLU/L1 kinks).
   * `maxParameters` defaults to every parameter of a small network (up to 2048) and fewer for big
   * ones, so a check stays around a second; a subset is evenly strided over all layers.
   * Parameters and stored gradients are left unchanged.
   */
  gradientCheck(options?: { epsilon?: number; samples?: number; maxParameters?: number }): GradientCheckResult;
  /** Outputs over the plane of the first two inputs; `unit` picks a layer's unit, default the output. */
  outputGrid(size: number, target?: { layer: number; unit: number }): OutputGrid;
  /**
   * Keep (or stop keeping) a record of each perceptron update, for a single sign or step unit
   * trained by the perceptron rule; other networks record nothing. Off by default: it costs a copy
   * of the weights per minibatch.
   */
  tracePerceptron(on: boolean): void;
  /** The updates recorded since the last call, oldest first (at most PERCEPTRON_TRACE_LIMIT, the latest). */
  takePerceptronTrace(): PerceptronUpdate[];
  /**
   * Switches exactly these hidden units off (all others on): each one's output is held at 0 in
   * every pass from now on, evaluation and training alike (a fixed dropout mask without rescaling,
   * so the other units learn to do without it), and gets no gradient. Weights are kept, so
   * switching a unit back on restores the network's outputs exactly. `reset` switches all back on.
   * Throws a RangeError for an output-layer or unknown unit.
   */
  setUnitsOff(units: readonly UnitRef[]): void;
  /** The hidden units switched off, by layer then unit. */
  unitsOff(): UnitRef[];
  /** Current parameters of one layer (for small-network diagrams): row-major inputs × units. */
  layerParameters(layer: number): { weights: Float64Array; biases: Float64Array; gradients: Float64Array };
}

export type CreateTrainer = (options: TrainerOptions, data: Dataset) => Trainer;
export type MakeDataset = (source: DataSource, options: DataOptions, seed: number) => Dataset;
