// The experiment behind the decomposition: K runs of one model, each on a fresh draw of the
// generated training set (run k: data and initial weights from seed + k), all evaluated on one
// fixed evaluation set. Built on the one run path (src/run/run-core.ts), as the CLI and the
// worker train. Split into a plan, one run, and the combination of runs, so the editor can train
// the runs in worker threads in any order and get the same figures as the CLI's loop (each run
// depends only on its seed).
//
// Noise, exactly: our generators add N(0, noise) to the regression target (src/engine/data/
// generators.ts), so E[ε²] = noise². The evaluation set is drawn with noise 0, so its targets are
// the truth f(x), and its inputs are mapped into each run's own standardised coordinates. For
// classification the generators jitter the inputs and label the clean point; drawn with noise 0,
// the evaluation labels are the truth and the 0-1 noise term is 0.
//
// Inline and CSV data have no generator: run k trains on a bootstrap resample of the
// model's own training split (seed + k, ./bootstrap.ts), and every run is evaluated on the model's
// held-out split. Its labels are observed, noise included: the expected error and the variance are
// measured on them, the noise is estimated (./noise-estimate.ts) and bias² is the remainder
// (decomposeOnLabels). For 0-1 loss the held-out labels stand in for the truth: Domingos's noise
// term is taken as 0, and label noise is counted in the bias.

import { makeDataset, type StandardizedDataset } from '../engine/index';
import { chooseEncoding, predictedClass } from '../engine/targets';
import type { TrainerInputs } from '../model/to-trainer-inputs';
import { buildData, buildTrainer, initialCost, trainStep } from '../run/run-core';
import { decomposeClassification, decomposeOnLabels, decomposeRegression, measuredRegressionError, type ClassificationDecomposition, type RegressionDecomposition } from './bias-variance';
import { bootstrapRows, rawSplit, resampledDataset } from './bootstrap';
import { ExperimentError } from './errors';
import { bvMessage, BV_DATA_MESSAGES } from './messages';
import { nearestNeighbourNoise } from './noise-estimate';

/** Seed offset of the evaluation draw, far from the K training seeds. */
export const EVALUATION_SEED_OFFSET = 1_000_003;
export const MIN_RUNS = 5;
export const MAX_RUNS = 50;
export const DEFAULT_RUNS = 20;
/** Cells per side of the grid the 2-D decision boundaries are drawn from. */
export const BOUNDARY_GRID = 40;
/**
 * The evaluation set has at least this many points (the model's `samples` when larger): the
 * figures are means over it, and the fitted curves are drawn through it.
 */
export const MIN_EVALUATION_POINTS = 200;

export { ExperimentError };

/**
 * Where the K training sets come from: fresh draws of the generator, or bootstrap resamples of the
 * model's `trainingSize` training samples, the noise estimated on `noiseSamples` samples (0 for
 * classification, where no estimate is made).
 */
export type Sampling = { kind: 'generated' } | { kind: 'bootstrap'; trainingSize: number; noiseSamples: number };

/** What every run is evaluated on, fixed before the first run. */
export interface ExperimentPlan {
  inputs: TrainerInputs;
  runs: number;
  kind: 'regression' | 'classification';
  /** Evaluation inputs, raw (unstandardised), rows × inputSize; 1-D regression sorted by x. */
  x: Float64Array;
  rows: number;
  inputSize: number;
  /** The truth at each evaluation point: f(x) for regression, the label for classification. */
  truth: Float64Array;
  /** E[ε²] of the training labels (regression): the generator's σ², or the estimate (bootstrap); 0 for classification. */
  noiseVariance: number;
  /** σ of the generator's noise, as written in the model; bootstrap: √ of the estimate. */
  noise: number;
  sampling: Sampling;
  /** Bootstrap only: the model's own split, inputs raw; its held-out split is the evaluation set. */
  raw?: StandardizedDataset;
  /** The 2-D grid the decision boundaries are drawn on (classification on two inputs). */
  grid?: { size: number; xMin: number; xMax: number; yMin: number; yMax: number };
}

/** What one run gives back: its predictions on the evaluation set and, for 2-D data, on the grid. */
export interface RunOutput {
  k: number;
  /** Regression: predicted values (rows × 1); classification: predicted labels. */
  evaluation: Float64Array;
  /** Classification on two inputs: the predicted label of each grid cell, row-major from (xMin, yMax). */
  grid?: Float64Array;
  /** The run stopped early because it diverged (its last weights are still evaluated). */
  diverged: boolean;
}

export type ExperimentResult =
  | { kind: 'regression'; runs: number; points: number; noise: number; decomposition: RegressionDecomposition; measured: number; diverged: number; sampling?: Sampling }
  | { kind: 'classification'; runs: number; points: number; decomposition: ClassificationDecomposition; measured: number; diverged: number; sampling?: Sampling };

/** The plan of K runs of `inputs`; throws ExperimentError when the runs cannot be planned. */
export function planExperiment(inputs: TrainerInputs, runs: number): ExperimentPlan {
  if (!Number.isInteger(runs) || runs < MIN_RUNS || runs > MAX_RUNS) throw new ExperimentError(bvMessage('runsRange', { min: MIN_RUNS, max: MAX_RUNS, value: runs }));
  const source = inputs.data;
  let kind: ExperimentPlan['kind'];
  let x: Float64Array;
  let truth: Float64Array;
  let rows: number;
  let d: number;
  let sampling: Sampling = { kind: 'generated' };
  let noiseVariance = 0;
  let noise = 0;
  let raw: StandardizedDataset | undefined;
  if (source.kind === 'generator') {
    const samples = Math.max(source.samples, MIN_EVALUATION_POINTS);
    // With input features the evaluation points are in the network's input space, as its training rows are.
    const features = inputs.dataOptions.inputFeatures;
    const evaluation = makeDataset({ ...source, samples, noise: 0 }, { testFraction: 0, standardize: false, ...(features !== undefined ? { inputFeatures: features } : {}) }, inputs.options.seed + EVALUATION_SEED_OFFSET);
    kind = evaluation.kind;
    rows = evaluation.train.n;
    d = evaluation.inputSize;
    x = evaluation.train.x.slice(0, rows * d);
    truth = evaluation.train.y.slice(0, rows);
    if (kind === 'regression') noiseVariance = source.noise ** 2;
    noise = source.noise;
  } else if (source.kind === 'dataset') {
    // Bundled data sets keep their refusal: bootstrapping is offered for the student's own data.
    throw new ExperimentError(bvMessage('needsGenerator', { runs, source: source.kind }));
  } else {
    raw = rawSplit(inputs);
    if (raw.test.n === 0) throw new ExperimentError(BV_DATA_MESSAGES.needsHeldOut(source.kind));
    kind = raw.kind;
    rows = raw.test.n;
    d = raw.inputSize;
    x = raw.test.x.slice();
    // Several target columns: each value is one point of the decomposition (rows × targets).
    truth = raw.test.y.slice();
    let noiseSamples = 0;
    if (kind === 'regression') {
      // The estimate reads every sample the model has, training and held-out.
      const n = raw.train.n + raw.test.n;
      const allX = new Float64Array(n * d);
      allX.set(raw.train.x);
      allX.set(raw.test.x, raw.train.n * d);
      const allY = new Float64Array(n * raw.targetSize);
      allY.set(raw.train.y);
      allY.set(raw.test.y, raw.train.n * raw.targetSize);
      const estimate = nearestNeighbourNoise(allX, allY, n, d, raw.targetSize);
      noiseVariance = estimate?.variance ?? 0;
      noiseSamples = estimate?.samples ?? 0;
      noise = Math.sqrt(noiseVariance);
    }
    sampling = { kind: 'bootstrap', trainingSize: raw.train.n, noiseSamples };
  }
  if (kind === 'regression' && d === 1 && truth.length === rows) {
    // Sorted by x, so the fitted curves are drawn through the points in order.
    const order = Array.from({ length: rows }, (_, i) => i).sort((a, b) => x[a] - x[b]);
    const unsorted = { x, truth };
    x = Float64Array.from(order, (i) => unsorted.x[i]);
    truth = Float64Array.from(order, (i) => unsorted.truth[i]);
  }
  const plan: ExperimentPlan = { inputs, runs, kind, x, rows, inputSize: d, truth, noiseVariance, noise, sampling, ...(raw !== undefined ? { raw } : {}) };
  // Boundaries are drawn in the plane of the two inputs; with input features the network's inputs are not that plane.
  if (kind === 'classification' && d === 2 && inputs.dataOptions.inputFeatures === undefined) {
    let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
    for (let i = 0; i < rows; i++) {
      xMin = Math.min(xMin, x[2 * i]);
      xMax = Math.max(xMax, x[2 * i]);
      yMin = Math.min(yMin, x[2 * i + 1]);
      yMax = Math.max(yMax, x[2 * i + 1]);
    }
    const padX = 0.05 * (xMax - xMin || 1);
    const padY = 0.05 * (yMax - yMin || 1);
    plan.grid = { size: BOUNDARY_GRID, xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
  }
  return plan;
}

/** The grid's cell centres, row-major from the top-left (xMin, yMax), as raw inputs. */
export function gridInputs(grid: NonNullable<ExperimentPlan['grid']>): Float64Array {
  const { size, xMin, xMax, yMin, yMax } = grid;
  const out = new Float64Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      out[2 * (r * size + c)] = xMin + ((c + 0.5) / size) * (xMax - xMin);
      out[2 * (r * size + c) + 1] = yMax - ((r + 0.5) / size) * (yMax - yMin);
    }
  }
  return out;
}

function toNetworkCoordinates(raw: Float64Array, rows: number, dataset: StandardizedDataset): Float64Array {
  const s = dataset.standardization;
  if (s === undefined) return raw;
  const d = dataset.inputSize;
  const out = new Float64Array(raw.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) out[i * d + j] = (raw[i * d + j] - s.mean[j]) / s.std[j];
  return out;
}

/** Trains run k of the plan (seed + k) and evaluates it. Pure and deterministic in (plan, k). */
export function trainRun(plan: ExperimentPlan, k: number): RunOutput {
  const { inputs } = plan;
  const run = { ...inputs, options: { ...inputs.options, seed: inputs.options.seed + k } };
  // Generated data: a fresh draw from seed + k; fixed data: the bootstrap resample of seed + k.
  const dataset = plan.raw === undefined ? buildData(run) : resampledDataset(plan.raw, bootstrapRows(plan.raw.train.n, run.options.seed), inputs.dataOptions.standardize ?? true);
  const trainer = buildTrainer(run, dataset);
  const startCost = initialCost(trainer);
  let diverged = false;
  for (let e = 0; e < inputs.options.training.epochs; e++) {
    const step = trainStep(trainer, startCost, Infinity);
    if (step.epochDone && step.divergence !== undefined) {
      diverged = true;
      break;
    }
  }
  const predict = (raw: Float64Array, rows: number): Float64Array => {
    const out = trainer.predict(toNetworkCoordinates(raw, rows, dataset), rows);
    if (plan.kind === 'regression') return out;
    // The labels as the trainer's own accuracy reads them (threshold 0 for tanh/sign, 0.5 else; argmax).
    const layers = inputs.options.network.layers;
    const output = layers[layers.length - 1];
    const encoding = chooseEncoding(dataset, output.units, output.activation);
    const labels = new Float64Array(rows);
    for (let i = 0; i < rows; i++) labels[i] = predictedClass(encoding, out, i, output.units);
    return labels;
  };
  const result: RunOutput = { k, evaluation: predict(plan.x, plan.rows), diverged };
  if (plan.grid !== undefined) result.grid = predict(gridInputs(plan.grid), plan.grid.size * plan.grid.size);
  return result;
}

/** The decomposition of the runs' outputs (any order: they are put back in run order). */
export function combineRuns(plan: ExperimentPlan, outputs: readonly RunOutput[]): ExperimentResult {
  const sorted = [...outputs].sort((a, b) => a.k - b.k);
  const predictions = sorted.map((o) => o.evaluation);
  const diverged = sorted.filter((o) => o.diverged).length;
  // Results on generated data stay as they were; bootstrap results carry their sampling (the CLI reads it).
  const bootstrap = plan.sampling.kind === 'bootstrap';
  const sampling = bootstrap ? { sampling: plan.sampling } : {};
  if (plan.kind === 'regression') {
    return {
      kind: 'regression',
      runs: sorted.length,
      points: plan.rows,
      noise: plan.noise,
      // Held-out labels carry their noise: the error is measured on them and the noise estimated.
      decomposition: bootstrap ? decomposeOnLabels(predictions, plan.truth, plan.noiseVariance) : decomposeRegression(predictions, plan.truth, plan.noiseVariance),
      measured: measuredRegressionError(predictions, plan.truth, bootstrap ? 0 : plan.noiseVariance),
      diverged,
      ...sampling,
    };
  }
  const decomposition = decomposeClassification(predictions, plan.truth);
  return { kind: 'classification', runs: sorted.length, points: plan.rows, decomposition, measured: decomposition.expectedError, diverged, ...sampling };
}

/** Trains the K runs one after the other (the CLI, the tests) and decomposes their error. */
export function runBiasVariance(inputs: TrainerInputs, runs: number, onRun?: (done: number, total: number) => void): ExperimentResult {
  const plan = planExperiment(inputs, runs);
  const outputs: RunOutput[] = [];
  for (let k = 0; k < runs; k++) {
    outputs.push(trainRun(plan, k));
    onRun?.(k + 1, runs);
  }
  return combineRuns(plan, outputs);
}
