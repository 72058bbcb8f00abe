// The experiment behind the decomposition: K runs of one model, each on a fresh draw of the
// generated training set (data seed = model seed + k), all evaluated on one fixed evaluation set.
// Built on the engine's trainer and the model's `toTrainerInputs`, the same inputs the CLI uses.
//
// Noise, exactly: our generators add N(0, noise) to the regression target (src/engine/data/
// generators.ts), so E[ε²] = noise². The evaluation set is drawn with noise 0, so its targets are
// the truth f(x), and its inputs are mapped into each run's own standardised coordinates.

import { makeDataset, type StandardizedDataset } from '../engine/index';
import type { TrainerInputs } from '../model/index';
import { buildData, buildTrainer, initialCost, trainStep } from '../training/run-core';
import { decomposeClassification, decomposeRegression, measuredRegressionError, type ClassificationDecomposition, type RegressionDecomposition } from './bias-variance';

/** Seed offset of the evaluation draw, far from the K training seeds. */
export const EVALUATION_SEED_OFFSET = 1_000_003;

export type ExperimentResult =
  | { kind: 'regression'; runs: number; decomposition: RegressionDecomposition; measured: number }
  | { kind: 'classification'; runs: number; decomposition: ClassificationDecomposition };

function toNetworkCoordinates(raw: Float64Array, rows: number, dataset: StandardizedDataset): Float64Array {
  const s = dataset.standardization;
  if (s === undefined) return raw;
  const d = dataset.inputSize;
  const out = new Float64Array(raw.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) out[i * d + j] = (raw[i * d + j] - s.mean[j]) / s.std[j];
  return out;
}

/** Trains K runs (generated data only) and decomposes their error on one evaluation set. */
export function runBiasVariance(inputs: TrainerInputs, runs: number, onRun?: (done: number, total: number) => void): ExperimentResult {
  const source = inputs.data;
  if (source.kind !== 'generator') throw new Error('The bias-variance experiment draws fresh training sets, so it needs generated data for now.');
  const seed = inputs.options.seed;
  const evaluation = makeDataset({ ...source, noise: 0 }, { testFraction: 0, standardize: false }, seed + EVALUATION_SEED_OFFSET);
  const rows = evaluation.train.n;
  const predictions: Float64Array[] = [];
  const labels: Float64Array[] = [];
  let outputs = 1;
  for (let k = 0; k < runs; k++) {
    // Each run is built and stepped by the one run path (run-core.ts), as the CLI and the worker do,
    // so a run that diverges stops where it would stop there.
    const run = { ...inputs, options: { ...inputs.options, seed: seed + k } };
    const dataset = buildData(run);
    const trainer = buildTrainer(run, dataset);
    const startCost = initialCost(trainer);
    for (let e = 0; e < inputs.options.training.epochs; e++) {
      const step = trainStep(trainer, startCost, Infinity);
      if (step.epochDone && step.divergence !== undefined) break;
    }
    const out = trainer.predict(toNetworkCoordinates(evaluation.train.x, rows, dataset), rows);
    outputs = out.length / rows;
    if (evaluation.kind === 'regression') predictions.push(out);
    else {
      const run = new Float64Array(rows);
      for (let i = 0; i < rows; i++) {
        if (outputs === 1) run[i] = out[i] >= 0.5 ? 1 : 0;
        else {
          let best = 0;
          for (let c = 1; c < outputs; c++) if (out[i * outputs + c] > out[i * outputs + best]) best = c;
          run[i] = best;
        }
      }
      labels.push(run);
    }
    onRun?.(k + 1, runs);
  }
  if (evaluation.kind === 'regression') {
    const noise = source.noise ** 2;
    return { kind: 'regression', runs, decomposition: decomposeRegression(predictions, evaluation.train.y, noise), measured: measuredRegressionError(predictions, evaluation.train.y, noise) };
  }
  return { kind: 'classification', runs, decomposition: decomposeClassification(labels, evaluation.train.y) };
}
