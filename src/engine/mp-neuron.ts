// The McCulloch–Pitts neuron (1943), theory §1: weight each input, sum, subtract the neuron's own
// threshold, and fire (1) when the result reaches 0, stay silent (0) otherwise. It does not learn;
// its weights and threshold are set by hand, which is enough to build AND, OR and NOT gates. The
// trainable descendant is the perceptron (optimizers.ts, `perceptron`).

import { EngineError } from './errors';

export interface McCullochPittsNeuron {
  readonly weights: readonly number[];
  readonly threshold: number;
  /** Σ wᵢxᵢ − threshold. */
  net(inputs: ArrayLike<number>): number;
  /** step(net): 1 when Σ wᵢxᵢ ≥ threshold, else 0. */
  fire(inputs: ArrayLike<number>): 0 | 1;
}

export function createMcCullochPittsNeuron(weights: readonly number[], threshold: number): McCullochPittsNeuron {
  if (!Array.isArray(weights) || weights.length === 0 || weights.some((w) => !Number.isFinite(w))) {
    throw new EngineError('invalid-config', 'A McCulloch–Pitts neuron needs at least one finite weight.');
  }
  if (!Number.isFinite(threshold)) throw new EngineError('invalid-config', `The threshold must be a finite number, got ${String(threshold)}.`);
  const fixed = weights.slice();
  const net = (inputs: ArrayLike<number>): number => {
    if (inputs.length !== fixed.length) {
      throw new EngineError('invalid-shape', `This neuron has ${fixed.length} inputs, got ${inputs.length}.`);
    }
    let sum = 0;
    for (let i = 0; i < fixed.length; i++) sum += fixed[i] * inputs[i];
    return sum - threshold;
  };
  return { weights: fixed, threshold, net, fire: (inputs) => (net(inputs) >= 0 ? 1 : 0) };
}
