// A parsed XOR model spec, as the parser makes it from a small model file: the base that spec-level
// tests (the diff of two specs, the run's notices) change one field of.
import type { ModelSpec } from '../../../src/model/spec';

export function xorSpec(overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    name: 'xor',
    seed: 1,
    data: { kind: 'generator', generator: 'xor', samples: 200, noise: 0.1, testFraction: 0.2, standardize: true },
    layers: [
      { units: 4, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'cross-entropy',
    init: { distribution: 'xavier' },
    training: { optimizer: 'sgd', learningRate: 0.1, batchSize: 10, epochs: 300, regularization: { type: 'none', lambda: 0 }, dropoutMode: 'inverted' },
    ...overrides,
  };
}
