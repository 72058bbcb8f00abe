// The numbers the theory names, from a trained model's outputs (issue 17): the distribution of
// per-sample losses beside the cost (the cost is their mean), for classifiers the entropy of the
// predictions, the cross-entropy and the KL divergence to the labels (H(p, q) = H(p) + KL(p‖q)),
// the confusion matrix, and the share of the initial weights inside ±3σ of their distribution.

import { crossEntropy, entropy, klDivergence } from './losses';
import { initStd } from './init';
import { Network } from './network';
import { createRng } from './rng';
import type { NetworkConfig } from './types';

export interface LossSpread {
  /** The cost: the mean of the per-sample losses. */
  mean: number;
  min: number;
  median: number;
  /** The 90th percentile: the hard samples' loss. */
  p90: number;
  max: number;
}

/** The per-sample losses summarised; empty input gives NaN everywhere. */
export function lossSpread(losses: ArrayLike<number>): LossSpread {
  const n = losses.length;
  if (n === 0) return { mean: Number.NaN, min: Number.NaN, median: Number.NaN, p90: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(losses).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const at = (q: number) => {
    const pos = q * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  return { mean: sum / n, min: sorted[0], median: at(0.5), p90: at(0.9), max: sorted[n - 1] };
}

export interface InformationNumbers {
  /** Mean over samples of H(p), p the label distribution (0 for one-hot labels). */
  labelEntropy: number;
  /** Mean of H(q), q the predicted distribution: how unsure the model is. */
  predictionEntropy: number;
  /** Mean of H(p, q) = −Σ p·log q. */
  crossEntropy: number;
  /** Mean of KL(p‖q) = Σ p·(log p − log q). */
  kl: number;
}

/** Means over `rows` rows of `p` and `q` (each rows × classes, row-major distributions). */
export function informationNumbers(p: Float64Array, q: Float64Array, rows: number, classes: number): InformationNumbers {
  let hp = 0;
  let hq = 0;
  let hpq = 0;
  let kl = 0;
  for (let r = 0; r < rows; r++) {
    const pr = p.subarray(r * classes, (r + 1) * classes);
    const qr = q.subarray(r * classes, (r + 1) * classes);
    hp += entropy(pr);
    hq += entropy(qr);
    hpq += crossEntropy(pr, qr);
    kl += klDivergence(pr, qr);
  }
  const n = Math.max(1, rows);
  return { labelEntropy: hp / n, predictionEntropy: hq / n, crossEntropy: hpq / n, kl: kl / n };
}

/** counts[actual][predicted]: how many samples of each class were taken for each class. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) counts[labels[i]][predicted[i]]++;
  return counts;
}

export interface InitialSpread {
  layer: number;
  /** σ of the layer's init distribution (theory §12: 99.73% of a Gaussian lies within ±3σ). */
  std: number;
  /** Share of the layer's initial weights within mean ± 3σ; null for hand-set weights. */
  within3Sigma: number | null;
}

/** The initial weights as the seed draws them (the trainer's first draws), layer by layer. */
export function initialSpread(config: NetworkConfig, seed: number): InitialSpread[] {
  const network = new Network(config);
  network.initialize(createRng(seed));
  return network.layers.map((layer) => {
    const std = initStd(layer.init, layer.inputs, layer.units);
    if (layer.handWeights !== null) return { layer: layer.index, std, within3Sigma: null };
    const mean = layer.init.distribution === 'gaussian' ? (layer.init.mean ?? 0) : 0;
    let inside = 0;
    for (let i = 0; i < layer.weights.length; i++) if (Math.abs(layer.weights[i] - mean) <= 3 * std) inside++;
    return { layer: layer.index, std, within3Sigma: std > 0 ? inside / layer.weights.length : 1 };
  });
}

/** One split's numbers, as theoryReport (src/run/theory-report.ts) measures them. */
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
