// The gradient check: backpropagation's ∂(objective)/∂θ against central finite differences,
// (f(θ + ε) − f(θ − ε)) / 2ε, which is independent of every derivative formula in the engine.
// The objective is the batch cost plus the regularisation term; dropout masks are drawn once and
// held fixed, so the function being differentiated does not change between evaluations.
//
// Relative error per parameter: |analytic − numeric| / max(|analytic| + |numeric|, FLOOR). The
// floor keeps parameters whose true gradient is ~0 (a dead ReLU's weights) from dividing rounding
// noise by zero. Networks with more than `maxParameters` parameters are checked on an evenly
// strided subset of that many parameters (every layer, weights and biases alike, is visited).

import { batchLossGradient, batchLossSum, type LossKernel } from './losses';
import type { Network, Workspace } from './network';
import { addRegularizationGradient, regularizationTerm } from './regularization';
import type { Rng } from './rng';
import type { GradientCheckResult } from './trainer-api';
import type { DropoutMode, RegularizationSpec } from './types';

export const GRADCHECK_DEFAULT_EPSILON = 1e-5;
export const GRADCHECK_DEFAULT_MAX_PARAMETERS = 4096;
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

function objective(inputs: GradientCheckInputs): number {
  const { network, workspace: ws, rows, kernel } = inputs;
  network.forward(ws, rows, 'fixed-mask', inputs.dropoutMode, null, false);
  const last = network.layers.length - 1;
  let value = batchLossSum(kernel, ws.pre[last], ws.act[last], ws.target, rows, network.outputSize) / rows;
  for (const layer of network.layers) value += regularizationTerm(inputs.regularization, layer.weights);
  return value;
}

/** Runs the check; the network's parameters and stored gradients are left exactly as they were. */
export function checkGradients(inputs: GradientCheckInputs): GradientCheckResult {
  const { network, workspace: ws, rows, kernel } = inputs;
  const epsilon = inputs.epsilon ?? GRADCHECK_DEFAULT_EPSILON;
  const maxParameters = inputs.maxParameters ?? GRADCHECK_DEFAULT_MAX_PARAMETERS;
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
  let visited = 0;
  for (const layer of network.layers) {
    for (const kind of ['weight', 'bias'] as const) {
      const params = kind === 'weight' ? layer.weights : layer.biases;
      const grads = kind === 'weight' ? analytic[layer.index].w : analytic[layer.index].b;
      for (let i = 0; i < params.length; i++, flat++) {
        if (flat < Math.floor(next)) continue;
        next += stride;
        visited++;
        const original = params[i];
        params[i] = original + epsilon;
        const plus = objective(inputs);
        params[i] = original - epsilon;
        const minus = objective(inputs);
        params[i] = original;
        const numeric = (plus - minus) / (2 * epsilon);
        const a = grads[i];
        const error = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), GRADCHECK_FLOOR);
        // A NaN error (non-finite objective) must surface as the worst, not vanish in comparisons.
        const worse = error > maxRelativeError || (Number.isNaN(error) && !Number.isNaN(maxRelativeError));
        if (visited === 1 || worse) {
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
  return { maxRelativeError, parameters: visited, worst };
}
