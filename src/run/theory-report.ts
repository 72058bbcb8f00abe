// The theory's own numbers for a trained model (issue 17, item 4), per split: the per-sample loss
// spread beside the cost, the regularisation term and the objective, and for classifiers the
// information numbers (H(p), H(q), H(p, q), KL(p‖q) to the labels) and the confusion matrix; and
// the share of the initial weights inside ±3σ. The CLI's `train --json` reports it. Pure.

import type { Trainer } from '../engine/trainer-api';
import { confusionMatrix, informationNumbers, initialSpread, lossSpread, type InformationNumbers, type InitialSpread, type LossSpread } from '../engine/theory-numbers';

export interface SplitNumbers {
  cost: number;
  regularization: number;
  objective: number;
  /** Per-sample losses: their mean is the cost. */
  losses: LossSpread;
  /** Classifiers whose outputs are a distribution over the classes. */
  information?: InformationNumbers;
  /** Classifiers: confusion[actual][predicted]. */
  confusion?: number[][];
}

export interface TheoryReport {
  /** Classifiers: the class labels as the data names them, the rows and columns of `confusion`. */
  classNames?: string[];
  train: SplitNumbers;
  test: SplitNumbers | null;
  initialWeights: InitialSpread[];
}

function splitNumbers(trainer: Trainer, split: 'train' | 'test'): SplitNumbers {
  const metrics = trainer.evaluate(split);
  const samples = trainer.evaluateSamples(split);
  const data = trainer.data;
  const numbers: SplitNumbers = { cost: metrics.cost, regularization: metrics.regularization, objective: metrics.objective, losses: lossSpread(samples.losses) };
  if (data.kind !== 'classification') return numbers;
  const set = data[split];
  const labels = Int32Array.from(set.y.subarray(0, set.n));
  if (samples.predicted) numbers.confusion = confusionMatrix(labels, samples.predicted, data.classes);
  if (samples.probabilities) {
    const p = new Float64Array(set.n * data.classes);
    for (let r = 0; r < set.n; r++) p[r * data.classes + labels[r]] = 1;
    numbers.information = informationNumbers(p, samples.probabilities, set.n, data.classes);
  }
  return numbers;
}

export function theoryReport(trainer: Trainer): TheoryReport {
  const { classNames } = trainer.data;
  return {
    ...(trainer.data.kind === 'classification' && classNames ? { classNames: [...classNames] } : {}),
    train: splitNumbers(trainer, 'train'),
    test: trainer.data.test.n > 0 ? splitNumbers(trainer, 'test') : null,
    initialWeights: initialSpread(trainer.options.network, trainer.options.seed),
  };
}
