// Health statistics against direct computation: dead ReLUs, saturation, divergence, distributions.

import { describe, expect, it } from 'vitest';
import { HEALTH_PERCENTILES } from '../../../src/engine/health-types';
import { createTrainer } from '../../../src/engine/trainer';
import { network, options, randomData } from './helpers';

/** NumPy-style linear-interpolation percentile of an array (reference implementation). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

// σ′(z) = σ(1 − σ) = 0.01 at σ = 0.5 ± √0.24, i.e. |z| = ln((0.5 + √0.24)/(0.5 − √0.24)) ≈ 4.585.
const SIGMOID_SATURATION = Math.log((0.5 + Math.sqrt(0.24)) / (0.5 - Math.sqrt(0.24)));

describe('health', () => {
  it('finds dead ReLUs: units never positive over the epoch', () => {
    const data = randomData(50, 2, { classes: 2 }, 3);
    const trainer = createTrainer(options(network(2, [[4, 'relu'], [1, 'sigmoid']], 'cross-entropy'), { learningRate: 0.01, batchSize: 10 }), data);
    const weights = trainer.exportWeights();
    // Units 0 and 2: bias −100 with small weights, so z < 0 for every sample (a dead unit gets no gradient to recover).
    for (const unit of [0, 2]) {
      weights.layers[0].biases[unit] = -100;
      weights.layers[0].weights[unit] = 0.1;
      weights.layers[0].weights[4 + unit] = -0.1;
    }
    for (const unit of [1, 3]) weights.layers[0].biases[unit] = 50;
    trainer.importWeights(weights);
    trainer.trainEpoch();
    const health = trainer.health();
    expect(health.layers[0].deadFraction).toBe(0.5);
    expect(health.layers[0].saturatedFraction).toBeNull();
    expect(health.layers[1].deadFraction).toBeNull();
    expect(health.nonFinite).toBeNull();
  });

  it('measures the saturated share of sigmoid pre-activations exactly', () => {
    const data = randomData(100, 3, { classes: 2 }, 4);
    const trainer = createTrainer(options(network(3, [[5, 'sigmoid'], [1, 'sigmoid']], 'cross-entropy', { init: { distribution: 'gaussian', std: 3 } })), data);
    const { weights, biases } = trainer.layerParameters(0);
    let saturated = 0;
    for (let r = 0; r < 100; r++) {
      for (let j = 0; j < 5; j++) {
        let z = biases[j];
        for (let i = 0; i < 3; i++) z += data.train.x[r * 3 + i] * weights[i * 5 + j];
        if (Math.abs(z) > SIGMOID_SATURATION) saturated++;
      }
    }
    const health = trainer.health();
    expect(health.layers[0].saturatedFraction).toBeCloseTo(saturated / 500, 10);
    expect(health.layers[0].saturatedFraction).toBeGreaterThan(0.1);
    expect(health.layers[0].preActivations.count).toBe(500);
  });

  it('summarises weights with TensorBoard percentiles, a histogram and norms', () => {
    const data = randomData(30, 6, { classes: 3 }, 5);
    const trainer = createTrainer(options(network(6, [[7, 'tanh'], [3, 'softmax']], 'cross-entropy'), { learningRate: 0.2, batchSize: 30 }), data);
    trainer.trainEpoch();
    const layer = trainer.health().layers[0];
    const { weights, gradients } = trainer.layerParameters(0);
    const w = Array.from(weights);
    expect(layer.weights.count).toBe(42);
    expect(layer.weights.percentiles).toHaveLength(HEALTH_PERCENTILES.length);
    HEALTH_PERCENTILES.forEach((p, i) => expect(layer.weights.percentiles[i]).toBeCloseTo(percentile(w, p), 14));
    expect(layer.weights.histogram.counts.reduce((a, b) => a + b, 0)).toBe(42);
    expect(layer.weights.histogram.min).toBe(Math.min(...w));
    expect(layer.weights.histogram.max).toBe(Math.max(...w));
    const mean = w.reduce((a, b) => a + b, 0) / 42;
    expect(layer.weights.mean).toBeCloseTo(mean, 14);
    expect(layer.weights.std).toBeCloseTo(Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / 42), 14);
    const gradNorm = Math.hypot(...gradients);
    expect(layer.gradNorm).toBeCloseTo(gradNorm, 14);
    expect(layer.gradMeanAbs).toBeCloseTo(gradients.reduce((a, b) => a + Math.abs(b), 0) / 42, 14);
    expect(layer.weightNorm).toBeCloseTo(Math.hypot(...w), 14);
    expect(layer.updateRatio).toBeCloseTo((0.2 * gradNorm) / Math.hypot(...w), 14);
    expect(layer.gradNorm).toBeGreaterThan(0);
  });

  it('names the first layer where ±Infinity appears (an overflow two layers down)', () => {
    const data = randomData(20, 2, { targets: 1 }, 6);
    const trainer = createTrainer(options(network(2, [[3, 'tanh'], [3, 'linear'], [1, 'linear']], 'mse')), data);
    const weights = trainer.exportWeights();
    weights.layers[1].weights = weights.layers[1].weights.map(() => 1e200);
    weights.layers[2].weights = weights.layers[2].weights.map(() => 1e200);
    trainer.importWeights(weights);
    const report = trainer.trainEpoch();
    // Layer 1's pre-activations are ~1e200 (finite); layer 2 multiplies by 1e200 again: Infinity.
    expect(report.nonFinite).toEqual({ layer: 2, where: 'pre-activations' });
    expect(trainer.health().nonFinite).toEqual({ layer: 2, where: 'pre-activations' });
  });

  it('reports a divergence forced by a huge learning rate at the layer where it first shows', () => {
    // Cross-entropy grows only linearly in the logits, so the overflow shows inside the network
    // (an MSE loss would square it and overflow first, which is reported as the loss itself).
    const data = randomData(16, 2, { classes: 3 }, 2);
    const trainer = createTrainer(options(network(2, [[6, 'leaky-relu'], [6, 'leaky-relu'], [3, 'softmax']], 'cross-entropy', { init: { distribution: 'he' } }), { learningRate: 1e6, batchSize: 16 }, 2), data);
    let report = trainer.trainEpoch();
    for (let epoch = 0; epoch < 50 && !report.nonFinite; epoch++) report = trainer.trainEpoch();
    const event = report.nonFinite!;
    expect(event).toBeDefined();
    expect(trainer.health().nonFinite).toEqual(event);
    // Independently: rerun the failing batch (the whole split) forward with the kept weights.
    const file = trainer.exportWeights();
    const isFinite = (values: number[]) => values.every(Number.isFinite);
    let h = Array.from({ length: 16 }, (_, r) => [data.train.x[2 * r], data.train.x[2 * r + 1]]);
    expect(event.layer).toBeGreaterThanOrEqual(0);
    let firstBad: { layer: number; where: string } | null = null;
    file.layers.forEach((layer, l) => {
      if (firstBad) return;
      if (!isFinite(layer.weights)) firstBad = { layer: l, where: 'weights' };
      else if (!isFinite(layer.biases)) firstBad = { layer: l, where: 'biases' };
      if (firstBad) return;
      const units = file.shape[l + 1];
      const pre = h.map((row) => Array.from({ length: units }, (_, j) => row.reduce((s, v, i) => s + v * layer.weights[i * units + j], layer.biases[j])));
      if (!pre.every(isFinite)) firstBad = { layer: l, where: 'pre-activations' };
      h = l < 2 ? pre.map((row) => row.map((z) => (z > 0 ? z : 0.01 * z))) : pre;
    });
    expect(event).toEqual(firstBad ?? { layer: -1, where: 'loss' });
    expect(Number.isFinite(report.train.cost)).toBe(false);
    // It stays reported until reset.
    const epochs = trainer.epoch;
    expect(trainer.trainEpoch().nonFinite).toEqual(event);
    expect(trainer.epoch).toBe(epochs);
    trainer.reset();
    expect(trainer.health().nonFinite).toBeNull();
  });
});
