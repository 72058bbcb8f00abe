// Losses, in the theory's vocabulary: the *loss* is the gap for one sample, the *cost* the mean
// loss over a set, the *objective* the cost plus the regularisation term (see regularization.ts).
// Softmax and sigmoid outputs are fused with their cross-entropy: the gradient with respect to the
// logits is simply (prediction − target), and the loss is computed from the logits with
// log-sum-exp, so logits of ±1000 give finite numbers instead of log(0).

import { EngineError } from './errors';
import { t } from '../shared/l10n';
import { multiplyByDerivative } from './activations';
import type { ActivationName, LossName } from './types';

/** How the loss is actually computed, once the output activation is known. */
export type LossKernel = 'mse' | 'softmax-mse' | 'softmax-cross-entropy' | 'sigmoid-cross-entropy';

/** Kernels that score the outputs by squared error (the others read the logits, fused). */
export function isSquaredError(kernel: LossKernel): boolean {
  return kernel === 'mse' || kernel === 'softmax-mse';
}

/** Pairs a configured loss with the output activation, or explains why they do not fit. */
export function resolveLossKernel(loss: LossName, outputActivation: ActivationName): LossKernel {
  // Squared error through a softmax trains (slowly: the static rule softmax-mse says why); its
  // gradient goes back through the softmax's Jacobian, a row function, so it has its own kernel.
  if (loss === 'mse') return outputActivation === 'softmax' ? 'softmax-mse' : 'mse';
  if (loss === 'cross-entropy') {
    if (outputActivation === 'softmax') return 'softmax-cross-entropy';
    if (outputActivation === 'sigmoid') return 'sigmoid-cross-entropy';
    throw new EngineError('invalid-config', t('cross-entropy needs a softmax (several classes) or sigmoid (two classes) output layer, not {activation}.', { activation: outputActivation }));
  }
  if (outputActivation !== 'sigmoid') {
    throw new EngineError('invalid-config', t('binary-cross-entropy needs a sigmoid output layer, not {activation}.', { activation: outputActivation }));
  }
  return 'sigmoid-cross-entropy';
}

/** log(1 + e^x) without overflow for large x or loss of precision for very negative x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Loss of one sample (row `r`) from the output layer's logits and activations. */
function rowLoss(kernel: LossKernel, logits: Float64Array, outputs: Float64Array, targets: Float64Array, r: number, cols: number): number {
  const base = r * cols;
  let sum = 0;
  if (isSquaredError(kernel)) {
    for (let c = 0; c < cols; c++) {
      const d = outputs[base + c] - targets[base + c];
      sum += d * d;
    }
    return sum / cols;
  }
  if (kernel === 'sigmoid-cross-entropy') {
    // −[t·log σ(z) + (1 − t)·log(1 − σ(z))] = softplus(z) − t·z, averaged over the output units.
    for (let c = 0; c < cols; c++) {
      const z = logits[base + c];
      sum += softplus(z) - targets[base + c] * z;
    }
    return sum / cols;
  }
  // −Σ t_c·log softmax(z)_c = Σ t_c·(logsumexp(z) − z_c).
  let max = -Infinity;
  for (let c = 0; c < cols; c++) if (logits[base + c] > max) max = logits[base + c];
  let expSum = 0;
  for (let c = 0; c < cols; c++) expSum += Math.exp(logits[base + c] - max);
  const logSumExp = max + Math.log(expSum);
  for (let c = 0; c < cols; c++) {
    const t = targets[base + c];
    if (t !== 0) sum += t * (logSumExp - logits[base + c]);
  }
  return sum;
}

/** Sum over `rows` samples of the per-sample loss (divide by the count for the cost). */
export function batchLossSum(kernel: LossKernel, logits: Float64Array, outputs: Float64Array, targets: Float64Array, rows: number, cols: number): number {
  let total = 0;
  for (let r = 0; r < rows; r++) total += rowLoss(kernel, logits, outputs, targets, r, cols);
  return total;
}

/** Per-sample losses into `out` (length ≥ rows). */
export function sampleLosses(kernel: LossKernel, logits: Float64Array, outputs: Float64Array, targets: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) out[r] = rowLoss(kernel, logits, outputs, targets, r, cols);
}

/**
 * Writes delta = ∂(batch cost)/∂(output logits), the cost being the mean loss over the `rows`
 * samples, and returns the batch's loss sum. For MSE the output activation's derivative is applied
 * here too; for the fused cross-entropies it cancels into (prediction − target).
 */
export function batchLossGradient(
  kernel: LossKernel,
  outputActivation: ActivationName,
  logits: Float64Array,
  outputs: Float64Array,
  targets: Float64Array,
  delta: Float64Array,
  rows: number,
  cols: number,
): number {
  const count = rows * cols;
  const total = batchLossSum(kernel, logits, outputs, targets, rows, cols);
  if (kernel === 'mse') {
    const scale = 2 / count;
    for (let i = 0; i < count; i++) delta[i] = scale * (outputs[i] - targets[i]);
    multiplyByDerivative(outputActivation, logits, outputs, delta, count);
  } else if (kernel === 'softmax-mse') {
    softmaxMseDelta(outputs, targets, delta, rows, cols);
  } else {
    // Softmax rows or sigmoid units: (p − t) / normaliser; sigmoid losses are averaged over units too.
    const scale = kernel === 'softmax-cross-entropy' ? 1 / rows : 1 / count;
    for (let i = 0; i < count; i++) delta[i] = scale * (outputs[i] - targets[i]);
  }
  return total;
}

/**
 * Squared error through softmax, row by row: with g = ∂(cost)/∂p = 2(p − t)/(rows·cols), the
 * softmax Jacobian ∂pⱼ/∂zₖ = pⱼ(δⱼₖ − pₖ) gives ∂(cost)/∂zₖ = pₖ·(gₖ − Σⱼ gⱼpⱼ).
 */
function softmaxMseDelta(outputs: Float64Array, targets: Float64Array, delta: Float64Array, rows: number, cols: number): void {
  const scale = 2 / (rows * cols);
  for (let r = 0, base = 0; r < rows; r++, base += cols) {
    let dot = 0;
    for (let c = 0; c < cols; c++) {
      const g = scale * (outputs[base + c] - targets[base + c]);
      delta[base + c] = g;
      dot += g * outputs[base + c];
    }
    for (let c = 0; c < cols; c++) delta[base + c] = outputs[base + c] * (delta[base + c] - dot);
  }
}

// ---- Information theory (natural logarithms: nats) ------------------------------------------

function checkDistribution(p: ArrayLike<number>, name: string): void {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0) || !Number.isFinite(p[i])) {
      throw new EngineError('non-finite-input', t('{name}[{index}] must be a finite probability ≥ 0, got {found}.', { name, index: String(i), found: String(p[i]) }));
    }
  }
}

function checkSameLength(p: ArrayLike<number>, q: ArrayLike<number>): void {
  if (p.length !== q.length) throw new EngineError('invalid-shape', t('p and q must have the same length, got {p} and {q}.', { p: String(p.length), q: String(q.length) }));
}

/** H(p) = −Σ pᵢ log pᵢ, with 0·log 0 = 0. */
export function entropy(p: ArrayLike<number>): number {
  checkDistribution(p, 'p');
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
  return h;
}

/** D_KL(p‖q) = Σ pᵢ (log pᵢ − log qᵢ); +Infinity when q gives 0 to an event p does not. */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkSameLength(p, q);
  checkDistribution(p, 'p');
  checkDistribution(q, 'q');
  let d = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) d += p[i] * (Math.log(p[i]) - Math.log(q[i]));
  return d;
}

/** H(p, q) = −Σ pᵢ log qᵢ = H(p) + D_KL(p‖q). */
export function crossEntropy(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkSameLength(p, q);
  checkDistribution(p, 'p');
  checkDistribution(q, 'q');
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(q[i]);
  return h;
}
