import { describe, expect, it } from 'vitest';
import {
  activationDerivative,
  activationLesson,
  initLesson,
  initSaturationSentence,
  learningRateLesson,
  lossLesson,
  normalCdf,
  predictedSaturatedShare,
  regularizationLesson,
  saturationThreshold,
} from '../../../src/editor/lessons';
import type { ModelSpec } from '../../../src/model/spec';

/** A small seeded generator for the Monte Carlo check (independent of the engine's). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function spec(layers: ModelSpec['layers'], init: ModelSpec['init']): ModelSpec {
  return {
    name: 'test',
    seed: 1,
    data: { kind: 'generator', generator: 'xor', samples: 200, noise: 0.1, testFraction: 0.2, standardize: true },
    layers,
    loss: 'cross-entropy',
    init,
    training: { optimizer: 'sgd', learningRate: 0.1, batchSize: 10, epochs: 300, regularization: { type: 'l2', lambda: 0.001 }, dropoutMode: 'inverted' },
  };
}

describe('the numbers behind the lessons', () => {
  it('normal CDF matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021049, 6);
    expect(normalCdf(-2.5)).toBeCloseTo(0.0062096653, 6);
  });

  it('saturation thresholds are where the derivative falls below 0.01', () => {
    expect(saturationThreshold('sigmoid')).toBeCloseTo(4.6, 1);
    expect(saturationThreshold('tanh')).toBeCloseTo(3.0, 1);
    expect(saturationThreshold('relu')).toBeNull();
    expect(activationDerivative('sigmoid', saturationThreshold('sigmoid')!)).toBeCloseTo(0.01, 6);
    expect(activationDerivative('tanh', saturationThreshold('tanh')!)).toBeCloseTo(0.01, 6);
  });

  it('predicted saturated share at init agrees with a simulation of z = Σ wᵢxᵢ', () => {
    const n = 64;
    const std = 1;
    const normal = gaussian(mulberry32(7));
    const trials = 20_000;
    let saturated = 0;
    for (let t = 0; t < trials; t++) {
      let z = 0;
      for (let i = 0; i < n; i++) z += normal() * std * normal();
      if (Math.abs(z) > saturationThreshold('sigmoid')!) saturated++;
    }
    const predicted = predictedSaturatedShare('sigmoid', std, 0, n)!;
    expect(predicted).toBeGreaterThan(0.5);
    expect(Math.abs(predicted - saturated / trials)).toBeLessThan(0.015);
  });

  it('predicts no saturation for small initial weights and none for ReLU', () => {
    expect(predictedSaturatedShare('tanh', 0.01, 0, 2)).toBeLessThan(1e-9);
    expect(predictedSaturatedShare('relu', 1, 0, 100)).toBeNull();
  });
});

describe('lessons tied to the model', () => {
  it('std 1 with sigmoid predicts a large saturated share in the hover sentence', () => {
    const model = spec(
      [
        { units: 64, activation: 'sigmoid' },
        { units: 64, activation: 'sigmoid' },
        { units: 1, activation: 'sigmoid' },
      ],
      { distribution: 'gaussian', mean: 0, std: 1 },
    );
    const sentence = initSaturationSentence(model, 1, 2)!;
    // Layer 2 has 64 inputs: z std ≈ 8, so P(|z| > 4.6) ≈ 57%.
    expect(sentence).toContain('std ≈ 1·√64 = 8');
    expect(sentence).toContain('**57% saturated**');
    expect(activationLesson('sigmoid', { spec: model, inputSize: 2, layer: 1 }).join('\n')).toContain('57% saturated');
  });

  it('the 3σ rule uses the model’s own std, read as a standard deviation', () => {
    const text = initLesson({ distribution: 'gaussian', mean: 0, std: 0.01 }, {}).join('\n');
    expect(text).toContain('99.73% of initial weights lie in (−0.03, 0.03)');
    expect(text).toContain('standard deviation (not the variance)');
    expect(initLesson({ distribution: 'zeros' }, {}).join('\n')).toContain('every weight starts at 0');
  });

  it('weight decay factor is 1 − LR·λ', () => {
    const text = regularizationLesson('l2', 0.01, 0.1, {}).join('\n');
    expect(text).toContain('1 − LR·λ = 0.999000');
  });

  it('cross-entropy is compared with chance level ln K', () => {
    const model = spec([{ units: 3, activation: 'softmax' }], { distribution: 'xavier' });
    const last = { epoch: 1, trainCost: 0.9, trainObjective: 0.9, trainRegularization: 0, testCost: 1 };
    expect(lossLesson('cross-entropy', { spec: model, last }).join('\n')).toContain('ln 3 = 1.1');
  });

  it('the learning-rate lesson lists each layer’s update ratio', () => {
    const distribution = { count: 1, mean: 0, std: 1, percentiles: [], histogram: { min: 0, max: 0, counts: [] } };
    const layer = { layer: 0, activation: 'tanh', units: 2, weights: distribution, biases: distribution, preActivations: distribution, activations: distribution, gradMeanAbs: 0, gradNorm: 0, weightNorm: 1, updateRatio: 0.002, saturatedFraction: 0, deadFraction: null };
    expect(learningRateLesson(0.5, { health: { layers: [layer], nonFinite: null } }).join('\n')).toContain('layer 1: 0.002');
  });
});
