// Optimisers: how a gradient becomes a weight change. All of them read the layer's accumulated
// gradient (already including the regularisation term) and update its arrays in place.
//   sgd       w ← w − lr·g                                  (theory §8)
//   momentum  v ← μ·v + g;  w ← w − lr·v                    (TensorFlow's form: lr may change live)
//   adam      m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  w ← w − lr·m̂/(√v̂ + ε), bias-corrected
//   perceptron  Rosenblatt's rule, see `perceptronDelta`.

import type { DenseLayer } from './network';
import type { OptimizerName } from './types';

export interface OptimizerSettings {
  learningRate: number;
  momentum: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Per-layer memory of the stateful optimisers (zero-length arrays for sgd/perceptron). */
export interface OptimizerState {
  readonly name: OptimizerName;
  /** Adam's step count t (for bias correction). */
  step: number;
  readonly first: { weights: Float64Array; biases: Float64Array }[];
  readonly second: { weights: Float64Array; biases: Float64Array }[];
}

export function createOptimizerState(name: OptimizerName, layers: readonly DenseLayer[]): OptimizerState {
  const buffers = (needed: boolean) =>
    layers.map((layer) => ({
      weights: new Float64Array(needed ? layer.weights.length : 0),
      biases: new Float64Array(needed ? layer.biases.length : 0),
    }));
  return {
    name,
    step: 0,
    first: buffers(name === 'momentum' || name === 'adam'),
    second: buffers(name === 'adam'),
  };
}

/** Call once per minibatch before updating the layers (advances Adam's step count). */
export function beginStep(state: OptimizerState): void {
  state.step++;
}

/** Applies one update to a layer's weights and biases from its stored gradients. */
export function updateLayer(state: OptimizerState, layer: DenseLayer, settings: OptimizerSettings): void {
  const i = layer.index;
  switch (state.name) {
    case 'sgd':
    case 'perceptron':
      sgd(layer.weights, layer.weightGrad, settings.learningRate);
      sgd(layer.biases, layer.biasGrad, settings.learningRate);
      return;
    case 'momentum':
      momentum(layer.weights, layer.weightGrad, state.first[i].weights, settings);
      momentum(layer.biases, layer.biasGrad, state.first[i].biases, settings);
      return;
    case 'adam': {
      const c1 = 1 - Math.pow(settings.beta1, state.step);
      const c2 = 1 - Math.pow(settings.beta2, state.step);
      adam(layer.weights, layer.weightGrad, state.first[i].weights, state.second[i].weights, settings, c1, c2);
      adam(layer.biases, layer.biasGrad, state.first[i].biases, state.second[i].biases, settings, c1, c2);
      return;
    }
  }
}

function sgd(w: Float64Array, g: Float64Array, lr: number): void {
  for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
}

function momentum(w: Float64Array, g: Float64Array, v: Float64Array, s: OptimizerSettings): void {
  const mu = s.momentum;
  const lr = s.learningRate;
  for (let i = 0; i < w.length; i++) {
    const vi = mu * v[i] + g[i];
    v[i] = vi;
    w[i] -= lr * vi;
  }
}

function adam(w: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, s: OptimizerSettings, c1: number, c2: number): void {
  const b1 = s.beta1;
  const b2 = s.beta2;
  const eps = s.epsilon;
  const lr = s.learningRate;
  for (let i = 0; i < w.length; i++) {
    const gi = g[i];
    const mi = b1 * m[i] + (1 - b1) * gi;
    const vi = b2 * v[i] + (1 - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    w[i] -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
  }
}

/**
 * Rosenblatt's perceptron rule, w ← w + lr·(y − ŷ)·x, for a single layer of sign/step units.
 *
 * Backpropagation cannot train such a unit: sign and step are flat everywhere except at 0, so
 * φ'(z) = 0 and every gradient through them vanishes. The perceptron rule skips the derivative and
 * uses the error (y − ŷ) directly. Written as a "delta" for the output logits,
 * δ = −(y − ŷ)/rows, the ordinary weight-gradient product Xᵀ·δ followed by the SGD step gives
 * w ← w + lr·mean((y − ŷ)·x): with a batch of one this is exactly Rosenblatt's online rule, and the
 * bias is the weight of a constant input 1 (the negated threshold of the M-P neuron).
 */
export function perceptronDelta(outputs: Float64Array, targets: Float64Array, delta: Float64Array, rows: number, cols: number): void {
  const count = rows * cols;
  const scale = 1 / rows;
  for (let i = 0; i < count; i++) delta[i] = -(targets[i] - outputs[i]) * scale;
}
