// The theory's own numbers for a trained model (issue 17, item 4), per split: the per-sample loss
// spread beside the cost, the regularisation term and the objective, and for classifiers the
// information numbers (H(p), H(q), H(p, q), KL(p‖q) to the labels) and the confusion matrix; and
// the share of the initial weights inside ±3σ. The CLI's `train --json` reports it. Pure.

import type { Trainer } from '../engine/trainer-api';
import { confusionMatrix, informationNumbers, initialSpread, lossSpread, type SplitNumbers, type TheoryReport } from '../engine/theory-numbers';

// The report's shape lives beside the numbers (engine), so the protocol and the panel can name it.
export type { SplitNumbers, TheoryReport };

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
