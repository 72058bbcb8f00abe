// The gradient check: backpropagation's ∂(objective)/∂θ against central finite differences
// (see `centralDifference`), which know nothing of the engine's derivative formulas.
// The objective is the batch cost plus the regularisation term; dropout masks are drawn once and
// held fixed, so the function being differentiated does not change between evaluations.
//
// Relative error per parameter: |analytic − numeric| / max(|analytic| + |numeric|, FLOOR). The
// floor keeps parameters whose true gradient is ~0 (a dead ReLU's weights) from dividing rounding
// noise by zero. Networks with more than `maxParameters` parameters (by default: all of a small
// network, see `defaultMaxParameters`) are checked on an evenly strided subset of that many
// parameters, spread over every layer, weights and biases alike.

import { activationRecord } from './activations';
import { batchLossGradient, batchLossSum, type LossKernel } from './losses';
import type { Network, Workspace } from './network';
import { addRegularizationGradient, regularizationTerm } from './regularization';
import type { Rng } from './rng';
import type { GradientCheckResult } from './trainer-api';
import type { DropoutMode, RegularizationSpec } from './types';

export const GRADCHECK_DEFAULT_EPSILON = 1e-3;
export const GRADCHECK_DEFAULT_MAX_PARAMETERS = 2048;
export const GRADCHECK_FLOOR = 1e-10;

export interface GradientCheckInputs {
  network: Network;
  kernel: LossKernel;
  regularization: RegularizationSpec;
  dropoutMode: DropoutMode;
  /** Holds `rows` samples in input/target; its dropout masks are (re)drawn from `maskRng`. */
  workspace: Workspace;
  rows: number;
  maskRng: Rng;
  epsilon?: number;
  maxParameters?: number;
}

/** Objective value. */
function objective(inputs: GradientCheckInputs): number {
  const { network, workspace: ws, rows, kernel } = inputs;
  network.forward(ws, rows, 'fixed-mask', inputs.dropoutMode, null, false);
  const last = network.layers.length - 1;
  let value = batchLossSum(kernel, ws.pre[last], ws.act[last], ws.target, rows, network.outputSize) / rows;
  for (const layer of network.layers) value += regularizationTerm(inputs.regularization, layer.weights);
  return value;
}

/** A signature of which side of each kink (the activation table's `kinks`: ReLU's 0, …) every pre-activation lies on. */
function kinkSignature(inputs: GradientCheckInputs): number {
  const { network, workspace: ws, rows } = inputs;
  let signature = 0;
  for (const layer of network.layers) {
    const kinks = activationRecord(layer.activation).kinks;
    if (kinks.length === 0) continue;
    const pre = ws.pre[layer.index];
    const count = rows * layer.units;
    for (const kink of kinks) for (let i = 0; i < count; i++) if (pre[i] > kink) signature = (Math.imul(signature, 31) + i + 1) | 0;
  }
  return signature;
}

/**
 * Fourth-order central difference, (−f(θ+2h) + 8f(θ+h) − 8f(θ−h) + f(θ−2h)) / 12h: the two-point
 * formula Richardson-extrapolated. Its truncation error is O(h⁴) instead of O(h²), so h can be
 * large enough (1e-3) that rounding in f stays ~1e-13 absolute; small gradients (1e-6) are then
 * still measured to ~1e-7 relative, where the two-point formula bottoms out near 1e-5.
 */
function centralDifference(inputs: GradientCheckInputs, params: Float64Array, i: number, original: number, h: number, base: number): { value: number; kink: boolean } {
  let kink = false;
  const at = (offset: number): number => {
    params[i] = original + offset;
    const value = objective(inputs);
    if (kinkSignature(inputs) !== base) kink = true;
    return value;
  };
  const plus2 = at(2 * h);
  const plus1 = at(h);
  const minus1 = at(-h);
  const minus2 = at(-2 * h);
  params[i] = original;
  return { value: (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * h), kink };
}

/**
 * The numeric derivative, avoiding kinks: ReLU (a pre-activation changing sign) and L1 (a weight
 * crossing 0) are not differentiable there, and a difference that straddles one measures neither
 * slope. The step shrinks by 100× (down to MIN_STEP) until no kink lies within ±2h; a parameter
 * that still straddles one is sitting on it and is not compared (counted in `kinks`).
 */
function numericDerivative(inputs: GradientCheckInputs, params: Float64Array, i: number, isWeight: boolean, h: number, base: number): number | null {
  const original = params[i];
  const l1 = isWeight && inputs.regularization.type === 'l1' && inputs.regularization.lambda > 0;
  for (let step = h; step >= MIN_STEP; step /= 100) {
    if (l1 && original !== 0 && Math.abs(original) <= 2 * step) continue;
    const result = centralDifference(inputs, params, i, original, step, base);
    if (!result.kink) return result.value;
  }
  return null;
}

const MIN_STEP = 1e-8;

/**
 * Without an explicit limit: every parameter of a small network, and for big ones as many as fit a
 * budget of GRADCHECK_BUDGET multiply-adds (each checked parameter costs four forward passes), so
 * a check takes about a second at most, never less than 64 and never more than 2048 parameters.
 */
export function defaultMaxParameters(network: Network, rows: number): number {
  let forwardMacs = 0;
  for (const layer of network.layers) forwardMacs += layer.inputs * layer.units;
  const affordable = Math.floor(GRADCHECK_BUDGET / (4 * rows * Math.max(1, forwardMacs)));
  return Math.max(64, Math.min(GRADCHECK_DEFAULT_MAX_PARAMETERS, affordable));
}

const GRADCHECK_BUDGET = 1e9;

/** Runs the check; the network's parameters and stored gradients are left exactly as they were. */
export function checkGradients(inputs: GradientCheckInputs): GradientCheckResult {
  const { network, workspace: ws, rows, kernel } = inputs;
  const epsilon = inputs.epsilon ?? GRADCHECK_DEFAULT_EPSILON;
  const maxParameters = inputs.maxParameters ?? defaultMaxParameters(network, rows);
  const savedGrads = network.layers.map((layer) => ({ w: layer.weightGrad.slice(), b: layer.biasGrad.slice() }));

  // Analytic gradients with one fixed set of dropout masks.
  network.forward(ws, rows, 'train', inputs.dropoutMode, inputs.maskRng, false);
  const last = network.layers.length - 1;
  batchLossGradient(kernel, network.outputLayer.activation, ws.pre[last], ws.act[last], ws.target, ws.delta[last], rows, network.outputSize);
  network.backward(ws, rows);
  for (const layer of network.layers) addRegularizationGradient(inputs.regularization, layer.weights, layer.weightGrad);
  const analytic = network.layers.map((layer) => ({ w: layer.weightGrad.slice(), b: layer.biasGrad.slice() }));

  const total = network.parameterCount;
  const checked = Math.min(total, Math.max(1, Math.floor(maxParameters)));
  const stride = total / checked;
  let worst: GradientCheckResult['worst'] = { layer: 0, kind: 'weight', index: 0, analytic: 0, numeric: 0 };
  let maxRelativeError = 0;
  let flat = 0;
  let next = 0;
  let kinks = 0;
  let compared = 0;
  objective(inputs);
  const base = kinkSignature(inputs);
  for (const layer of network.layers) {
    for (const kind of ['weight', 'bias'] as const) {
      const params = kind === 'weight' ? layer.weights : layer.biases;
      const grads = kind === 'weight' ? analytic[layer.index].w : analytic[layer.index].b;
      for (let i = 0; i < params.length; i++, flat++) {
        if (flat < Math.floor(next)) continue;
        next += stride;
        const numeric = numericDerivative(inputs, params, i, kind === 'weight', epsilon, base);
        if (numeric === null) {
          kinks++;
          continue;
        }
        compared++;
        const a = grads[i];
        const error = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), GRADCHECK_FLOOR);
        // A NaN error (non-finite objective) must surface as the worst, not vanish in comparisons.
        const worse = error > maxRelativeError || (Number.isNaN(error) && !Number.isNaN(maxRelativeError));
        if (compared === 1 || worse) {
          maxRelativeError = error;
          worst = { layer: layer.index, kind, index: i, analytic: a, numeric };
        }
      }
    }
  }

  network.layers.forEach((layer, l) => {
    layer.weightGrad.set(savedGrads[l].w);
    layer.biasGrad.set(savedGrads[l].b);
  });
  return { maxRelativeError, parameters: compared, totalParameters: total, worst, kinks };
}
