import { describe, expect, it } from 'vitest';
import {
  activationDerivative,
  activationLesson,
  dropoutLesson,
  initLesson,
  initSaturationSentence,
  learningRateLesson,
  lossLesson,
  regularizationLesson,
  saturationThreshold,
} from '../../../src/editor/lessons';
import { parseModel } from '../../../src/model/index';
import type { ModelSpec } from '../../../src/model/spec';
import { mulberry32 } from '../helpers/mulberry32';

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
  it('saturation thresholds are where the derivative falls below 0.01', () => {
    expect(saturationThreshold('sigmoid')).toBeCloseTo(4.6, 1);
    expect(saturationThreshold('tanh')).toBeCloseTo(3.0, 1);
    expect(saturationThreshold('relu')).toBeNull();
    expect(activationDerivative('sigmoid', saturationThreshold('sigmoid')!)).toBeCloseTo(0.01, 6);
    expect(activationDerivative('tanh', saturationThreshold('tanh')!)).toBeCloseTo(0.01, 6);
  });

  it('the predicted saturated share agrees with a simulation of the network at init', () => {
    // 2 standardised inputs → 64 sigmoid → 64 sigmoid, weights N(0, 1): simulate z of layer 2.
    const model = spec(
      [
        { units: 64, activation: 'sigmoid' },
        { units: 64, activation: 'sigmoid' },
        { units: 1, activation: 'sigmoid' },
      ],
      { distribution: 'gaussian', mean: 0, std: 1 },
    );
    const normal = gaussian(mulberry32(7));
    const threshold = 4.6;
    let saturated = 0;
    let count = 0;
    for (let trial = 0; trial < 400; trial++) {
      const w1 = Array.from({ length: 2 * 64 }, normal);
      const w2 = Array.from({ length: 64 * 64 }, normal);
      for (let sample = 0; sample < 8; sample++) {
        const x = [normal(), normal()];
        const h = Array.from({ length: 64 }, (_, j) => 1 / (1 + Math.exp(-(x[0] * w1[j] + x[1] * w1[64 + j]))));
        for (let k = 0; k < 64; k++) {
          let z = 0;
          for (let j = 0; j < 64; j++) z += h[j] * w2[j * 64 + k];
          if (Math.abs(z) > threshold) saturated++;
          count++;
        }
      }
    }
    const sentence = initSaturationSentence(model, 1, { inputSize: 2 })!;
    const predicted = Number(/predicted \*\*(\d+)% saturated/.exec(sentence)![1]) / 100;
    expect(Math.abs(predicted - saturated / count)).toBeLessThan(0.03);
  });

  it('predicts no saturation for small initial weights, and nothing for ReLU', () => {
    const small = spec([{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], { distribution: 'gaussian', mean: 0, std: 0.01 });
    expect(initSaturationSentence(small, 0, { inputSize: 2 })).toContain('predicted **0% saturated**');
    const relu = spec([{ units: 4, activation: 'relu' }, { units: 1, activation: 'sigmoid' }], { distribution: 'gaussian', mean: 0, std: 5 });
    expect(initSaturationSentence(relu, 0, { inputSize: 2 })).toBeNull();
  });
});

describe('lessons tied to the model', () => {
  it('std 1 with sigmoid: the hover predicts the same saturated share as the init-saturation problem', () => {
    const text = JSON.stringify({
      name: 'deep sigmoid',
      data: { generator: 'circle', samples: 200, noise: 0.1 },
      init: { distribution: 'gaussian', std: 1 },
      layers: [
        { units: 64, activation: 'sigmoid' },
        { units: 64, activation: 'sigmoid' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'mse',
    });
    const parse = parseModel(text);
    const problem = parse.problems.find((p) => p.code === 'init-saturation');
    expect(problem?.layer).toBeDefined();
    const sentence = initSaturationSentence(parse.spec!, problem!.layer!, parse.facts)!;
    const quoted = (message: string) => /(\d+(?:\.\d)?)% (?:of them )?(?:have|saturated)/.exec(message)?.[1];
    expect(quoted(sentence.replace(/\*\*/g, ''))).toBe(quoted(problem!.message));
    expect(sentence).toMatch(/fan-in 64, layer \d's outputs as inputs, E\[h²\] ≈ 0\.\d+/);
    const lesson = activationLesson('sigmoid', { spec: parse.spec, facts: parse.facts, layer: problem!.layer }).join('\n');
    expect(lesson).toContain(sentence);
  });

  it('the 3σ rule uses the model’s own std, read as a standard deviation', () => {
    const text = initLesson({ distribution: 'gaussian', mean: 0, std: 0.01 }, {}).join('\n');
    expect(text).toContain('99.73% of initial weights lie in (-0.03, 0.03)');
    expect(text).toContain('standard deviation (not the variance)');
    expect(initLesson({ distribution: 'zeros' }, {}).join('\n')).toContain('every weight starts at 0');
  });

  it('dropout: keep probability, expected active units and the train–test gap now', () => {
    const model = spec([{ units: 16, activation: 'relu', dropout: 0.25 }, { units: 1, activation: 'sigmoid' }], { distribution: 'he' });
    const last = { epoch: 50, trainCost: 0.1, trainObjective: 0.1, trainRegularization: 0, testCost: 0.4 };
    const text = dropoutLesson(0.25, { spec: model, layer: 0, last }, 'inverted').join('\n');
    expect(text).toContain('p = 0.25, keep probability 0.75, about 12 of 16 units active per step');
    expect(text).toContain('a gap of 0.3');
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
