// The state of one training session as the editor and the panel see it. Types only: imported with
// `import type` by the worker, the extension host and the webview alike, so they are written once.

import type { HealthReport } from '../../engine/health-types';
import type { TaskKind } from '../../engine/types';
import type { TheoryReport } from '../../engine/theory-numbers';
import type { PerceptronUpdate } from '../../engine/perceptron-trace';

export type SessionState = 'idle' | 'training' | 'paused' | 'finished' | 'diverged';

/** One epoch's numbers, the unit of every curve. */
export interface HistoryPoint {
  epoch: number;
  trainCost: number;
  /** cost + regularisation term. */
  trainObjective: number;
  trainRegularization: number;
  testCost: number | null;
  trainAccuracy?: number;
  testAccuracy?: number;
}

/** Parameters of a small network, for the diagram (sent only when the model is small enough). */
export interface ParametersView {
  layers: {
    inputs: number;
    units: number;
    /** Row-major inputs × units. */
    weights: number[];
    biases: number[];
    /** ∂L/∂W of the last step, same layout as weights. */
    gradients: number[];
  }[];
}

/** Network output over the plane of the first two (standardised) inputs, or along x for 1 input. */
export interface GridView {
  size: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Row-major from the top-left (xMin, yMax); for 1-input data a single row of `size` values. */
  values: number[];
  /** 'class': values are predicted class indices (several output units); 'value' (default): outputs. */
  mode?: 'value' | 'class';
  /** mode 'class': the predicted class's probability per cell, same layout as values. */
  confidence?: number[];
}

/** The data points, sent once per session (they do not change while training). */
export interface DataView {
  kind: TaskKind;
  inputSize: number;
  classes: number;
  /** Regression: number of target columns (the label carries the first). */
  targetSize?: number;
  featureNames: string[];
  classNames?: string[];
  /**
   * With input features: their names. The points (and the boundary's grid) are then in the plane
   * of the data's two raw inputs, x1 and x2, which the network sees through these features.
   */
  inputFeatures?: string[];
  /** First two standardised features of each sample (one for 1-input data), with its label/value; with input features, its raw x1 and x2. */
  train: { x: number[]; y: number[]; label: number[] };
  test: { x: number[]; y: number[]; label: number[] };
  /** When the features were standardised: mean and std of each (to map the plane back to the file's values). */
  standardization?: { mean: number[]; std: number[] };
}

/**
 * One sample of the per-layer health over time: what the distribution and gradient-flow charts draw
 * as lines. The history holds losses only, so the panel keeps these beside it.
 */
export interface HealthSample {
  epoch: number;
  layers: { weightPercentiles: number[]; gradMeanAbs: number }[];
}

/** How far the epoch under way has got, for a snapshot taken in the middle of one. */
export interface EpochProgress {
  /** Share of the epoch's minibatches done, in [0, 1): the counter reads epoch + this. */
  epochFraction: number;
  /** Mean training loss over the epoch's samples so far. */
  runningCost: number;
}

/**
 * The theory's numbers of the model (theoryReport, the one the CLI's `train --json` prints), with
 * the moment they were measured: `epoch` whole epochs done, and `epochFraction` of the next one
 * when they were measured in the middle of it. The worker measures them only now and then, so a
 * reader shows this epoch rather than passing the numbers off as the latest epoch's.
 */
export interface TheoryMeasurement {
  epoch: number;
  epochFraction?: number;
  report: TheoryReport;
}

/**
 * The current weights' figures, evaluated when they were sent on the whole of each split (dropout
 * off): not the history's running cost over an epoch while the weights changed.
 */
export interface EvaluationView {
  trainCost: number;
  testCost: number | null;
  trainAccuracy?: number;
  testAccuracy?: number;
}

/** Hidden units switched off in the network diagram, and what that does to the current network. */
export interface UnitsOffView {
  /** By layer (0 = the first hidden layer), then unit. */
  units: { layer: number; unit: number }[];
  /** The current weights evaluated with these units off (what the boundary shows)… */
  now: EvaluationView;
  /** …and the same weights with every unit on. */
  allOn: EvaluationView;
}

export interface Snapshot {
  state: SessionState;
  epoch: number;
  /** Target number of epochs. */
  epochs: number;
  samplesPerSecond: number;
  /** Epochs completed since the previous snapshot, oldest first (the history grows by these). */
  points: HistoryPoint[];
  health: HealthReport | null;
  /**
   * Which report `health` is: the worker numbers each one it computes, and a snapshot that repeats
   * the last report repeats its number, so a reader can skip redrawing what has not changed.
   * Absent: treat the report as new.
   */
  healthId?: number;
  parameters?: ParametersView;
  boundary?: GridView;
  /** Which diagrams `parameters` and `boundary` are, numbered like `healthId` (absent: new). */
  diagramId?: number;
  /** Why the session stopped when state is `diverged` (names the layer). */
  message?: string;
  /** Present while an epoch is under way (training in slices, or paused in the middle of one). */
  progress?: EpochProgress;
  /**
   * Health at epoch ends since the previous snapshot, oldest first (every epoch on short runs,
   * thinned on long ones). When present, timelines are built from these rather than from `health`,
   * which may be taken mid-epoch.
   */
  healthSamples?: HealthSample[];
  /** The latest theory numbers of this run (absent: none measured yet), numbered like `healthId`. */
  theory?: TheoryMeasurement;
  theoryId?: number;
  /** Perceptron rule runs: the latest updates, oldest first, each with its numbers. */
  perceptron?: PerceptronUpdate[];
  /** Present while at least one hidden unit is switched off (absent: every unit is on). */
  unitsOff?: UnitsOffView;
}
