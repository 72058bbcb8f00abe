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

import { makeDataset, type StandardizedDataset } from '../engine/index';
import { chooseEncoding, predictedClass } from '../engine/targets';
import type { TrainerInputs } from '../model/to-trainer-inputs';
import { buildData, buildTrainer, initialCost, trainStep } from '../run/run-core';
import { decomposeClassification, decomposeRegression, measuredRegressionError, type ClassificationDecomposition, type RegressionDecomposition } from './bias-variance';
import { ExperimentError } from './errors';
import { bvMessage } from './messages';

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
  /** E[ε²] of the training labels (regression); 0 for classification. */
  noiseVariance: number;
  /** σ of the generator's noise, as written in the model. */
  noise: number;
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
  | { kind: 'regression'; runs: number; points: number; noise: number; decomposition: RegressionDecomposition; measured: number; diverged: number }
  | { kind: 'classification'; runs: number; points: number; decomposition: ClassificationDecomposition; measured: number; diverged: number };

/** The plan of K runs of `inputs`; throws ExperimentError when the data cannot be drawn afresh. */
export function planExperiment(inputs: TrainerInputs, runs: number): ExperimentPlan {
  const source = inputs.data;
  if (source.kind !== 'generator') throw new ExperimentError(bvMessage('needsGenerator', { runs, source: source.kind }));
  if (!Number.isInteger(runs) || runs < MIN_RUNS || runs > MAX_RUNS) throw new ExperimentError(bvMessage('runsRange', { min: MIN_RUNS, max: MAX_RUNS, value: runs }));
  const samples = Math.max(source.samples, MIN_EVALUATION_POINTS);
  const evaluation = makeDataset({ ...source, samples, noise: 0 }, { testFraction: 0, standardize: false }, inputs.options.seed + EVALUATION_SEED_OFFSET);
  const rows = evaluation.train.n;
  const d = evaluation.inputSize;
  let x = evaluation.train.x.slice(0, rows * d);
  let truth = evaluation.train.y.slice(0, rows);
  if (evaluation.kind === 'regression' && d === 1) {
    // Sorted by x, so the fitted curves are drawn through the points in order.
    const order = Array.from({ length: rows }, (_, i) => i).sort((a, b) => x[a] - x[b]);
    x = Float64Array.from(order, (i) => x[i]);
    truth = Float64Array.from(order, (i) => truth[i]);
  }
  const plan: ExperimentPlan = { inputs, runs, kind: evaluation.kind, x, rows, inputSize: d, truth, noiseVariance: evaluation.kind === 'regression' ? source.noise ** 2 : 0, noise: source.noise };
  if (evaluation.kind === 'classification' && d === 2) {
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
  const dataset = buildData(run);
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
  if (plan.kind === 'regression') {
    return {
      kind: 'regression',
      runs: sorted.length,
      points: plan.rows,
      noise: plan.noise,
      decomposition: decomposeRegression(predictions, plan.truth, plan.noiseVariance),
      measured: measuredRegressionError(predictions, plan.truth, plan.noiseVariance),
      diverged,
    };
  }
  const decomposition = decomposeClassification(predictions, plan.truth);
  return { kind: 'classification', runs: sorted.length, points: plan.rows, decomposition, measured: decomposition.expectedError, diverged };
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
