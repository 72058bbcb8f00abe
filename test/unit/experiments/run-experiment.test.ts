import { describe, expect, it } from 'vitest';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import { runBiasVariance } from '../../../src/experiments/run-experiment';

const model = (generator: string, noise: number, layers: string) =>
  `{ "seed": 3, "data": { "generator": "${generator}", "samples": 60, "noise": ${noise}, "testFraction": 0 }, "layers": [${layers}], "training": { "epochs": 20, "learningRate": 0.05, "batchSize": 10 } }`;

function inputsOf(text: string) {
  const spec = parseModel(text).spec;
  if (spec === undefined) throw new Error('The test model did not parse.');
  return toTrainerInputs(spec);
}

describe('bias-variance experiment', () => {
  it('reports noise² exactly for generated regression data and its sum matches the measured error', () => {
    const result = runBiasVariance(inputsOf(model('sine', 0.2, '{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "linear" }')), 4);
    expect(result.kind).toBe('regression');
    if (result.kind !== 'regression') return;
    const d = result.decomposition;
    expect(d.noise).toBeCloseTo(0.04, 12);
    expect(d.bias2 + d.variance + d.noise).toBeCloseTo(result.measured, 10);
    expect(d.variance).toBeGreaterThan(0);
  });

  it('gives classification shares between 0 and 1', () => {
    const result = runBiasVariance(inputsOf(model('xor', 0.1, '{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }')), 3);
    expect(result.kind).toBe('classification');
    if (result.kind !== 'classification') return;
    for (const v of [result.decomposition.bias, result.decomposition.variance, result.decomposition.expectedError]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
