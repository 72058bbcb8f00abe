// The nearest-neighbour noise estimate against data whose noise is known: y = sin(x) + N(0, σ²)
// drawn by the seeded generator, handed to the estimator (and to the experiment) as plain data.

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/index';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import { nearestNeighbourNoise } from '../../../src/experiments/noise-estimate';
import { planExperiment, runBiasVariance } from '../../../src/experiments/run-experiment';
import { decomposeOnLabels } from '../../../src/experiments/bias-variance';

function noisySine(n: number, sigma: number, seed: number): { x: number[]; y: number[] } {
  const rng = createRng(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = -3 + 6 * rng.uniform();
    x.push(xi);
    y.push(Math.sin(xi) + rng.normal(0, sigma));
  }
  return { x, y };
}

describe('nearest-neighbour noise estimate', () => {
  it('recovers a known σ² within 15 % on 2000 noisy sine samples (the sd of the estimate is about 4 %)', () => {
    for (const sigma of [0.1, 0.3]) {
      const { x, y } = noisySine(2000, sigma, 21);
      const estimate = nearestNeighbourNoise(x, y, x.length, 1, 1)!;
      expect(estimate.samples).toBe(2000);
      expect(Math.abs(estimate.variance - sigma ** 2) / sigma ** 2).toBeLessThan(0.15);
    }
  });

  it('is exact on duplicated inputs and 0 on a noise-free function sampled densely', () => {
    // Each input twice, targets f + e and f − e: each pair's difference is 2e, so σ̂² = mean(4e²)/2 = 2e².
    const x = [0, 0, 5, 5, 9, 9];
    const y = [1.5, 0.5, 3.5, 2.5, 0.5, -0.5];
    expect(nearestNeighbourNoise(x, y, 6, 1, 1)!.variance).toBeCloseTo(2 * 0.5 ** 2, 12);
    const dense = Array.from({ length: 500 }, (_, i) => i / 499);
    expect(nearestNeighbourNoise(dense, dense.map((v) => 3 * v), 500, 1, 1)!.variance).toBeLessThan(1e-4);
    expect(nearestNeighbourNoise([1], [2], 1, 1, 1)).toBeUndefined();
  });

  it('gives the experiment its noise on inline data, and bias² is the remainder, so the terms add to the measured error', () => {
    const sigma = 0.2;
    const { x, y } = noisySine(400, sigma, 4);
    const model = JSON.stringify({
      seed: 5,
      data: { inputs: x.map((v) => [v]), targets: y.map((v) => [v]), testFraction: 0.25 },
      layers: [{ units: 8, activation: 'tanh' }, { units: 1, activation: 'linear' }],
      training: { optimizer: 'adam', learningRate: 0.02, epochs: 30, batchSize: 20 },
    });
    const spec = parseModel(model).spec!;
    const inputs = toTrainerInputs(spec);
    const plan = planExperiment(inputs, 5);
    expect(Math.abs(plan.noiseVariance - sigma ** 2) / sigma ** 2).toBeLessThan(0.25);
    const result = runBiasVariance(inputs, 5);
    if (result.kind !== 'regression') throw new Error('expected regression');
    const d = result.decomposition;
    expect(d.noise).toBe(plan.noiseVariance);
    expect(d.bias2 + d.variance + d.noise).toBeCloseTo(result.measured, 12);
  });

  it('decomposeOnLabels: the measured error and variance come from the labels, bias² from the estimate', () => {
    // Two runs predicting 1 and 3 at one point labelled 0: squared errors 1 and 9, mean 5; h̄ = 2, variance 1.
    const d = decomposeOnLabels([[1], [3]], [0], 0.5);
    expect(d.variance).toBe(1);
    expect(d.noise).toBe(0.5);
    expect(d.bias2).toBe(4 - 0.5);
    expect(d.expectedError).toBe(5);
  });
});
