// L1 and L2 regularisation, on weights only (biases shift a unit, they do not make the model more
// complex). The objective is cost + term; the term's gradient is added to the data gradient before
// the optimiser runs, so with plain SGD, L2 is exactly weight decay:
//   w ← w − lr·(∂L/∂w + λw) = w·(1 − lr·λ) − lr·∂L/∂w     (theory §14)
// and L1 pulls every weight towards 0 by the same lr·λ, which is why it drives weights to exactly 0.

import { REGULARIZATIONS, type RegularizationSpec } from './types';
import { EngineError, requireRate } from './errors';

export function validateRegularization(spec: RegularizationSpec): void {
  if (!spec || !(REGULARIZATIONS as readonly string[]).includes(spec.type)) {
    throw new EngineError('invalid-config', `regularization type must be one of ${REGULARIZATIONS.join(', ')}, got ${String(spec?.type)}.`);
  }
  if (spec.type !== 'none') requireRate(spec.lambda, 'regularization lambda', 0, 1e6);
}

/** The regularisation term of one weight array: λ/2·Σw² (L2), λ·Σ|w| (L1), 0 otherwise. */
export function regularizationTerm(spec: RegularizationSpec, weights: Float64Array): number {
  if (spec.type === 'none' || spec.lambda === 0) return 0;
  let sum = 0;
  if (spec.type === 'l2') {
    for (let i = 0; i < weights.length; i++) sum += weights[i] * weights[i];
    return 0.5 * spec.lambda * sum;
  }
  for (let i = 0; i < weights.length; i++) sum += Math.abs(weights[i]);
  return spec.lambda * sum;
}

/** grad += ∂term/∂w: λ·w (L2) or λ·sign(w) (L1, with sign(0) = 0). */
export function addRegularizationGradient(spec: RegularizationSpec, weights: Float64Array, grad: Float64Array): void {
  const lambda = spec.lambda;
  if (spec.type === 'none' || lambda === 0) return;
  const n = weights.length;
  if (spec.type === 'l2') {
    for (let i = 0; i < n; i++) grad[i] += lambda * weights[i];
  } else {
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      grad[i] += w > 0 ? lambda : w < 0 ? -lambda : 0;
    }
  }
}
