// Activations and losses against independent facts: finite differences, closed forms, and the
// information-theory identity CE = H + KL.

import { describe, expect, it } from 'vitest';
import { ACTIVATION_FUNCTIONS, ACTIVATION_INFO, softmax, zoneThreshold } from '../../../src/engine/activations';
import { batchLossSum, crossEntropy, entropy, klDivergence, softplus } from '../../../src/engine/losses';
import { EngineError } from '../../../src/engine/errors';
import { createRng } from '../../../src/engine/rng';

describe('activations', () => {
  it.each(Object.keys(ACTIVATION_FUNCTIONS) as (keyof typeof ACTIVATION_FUNCTIONS)[])('%s: der matches the central difference of output', (name) => {
    const { output, der } = ACTIVATION_FUNCTIONS[name];
    for (const z of [-5.3, -2.1, -0.7, -0.05, 0.05, 0.3, 1.9, 4.4]) {
      const numeric = (output(z + 1e-6) - output(z - 1e-6)) / 2e-6;
      expect(der(z)).toBeCloseTo(numeric, 6);
    }
  });

  it('saturation zones come from the derivative: σ′ < 0.01 beyond |z| ≈ 4.6, tanh′ < 0.01 beyond |z| ≈ 3.0', () => {
    const sigmoid = ACTIVATION_INFO.sigmoid.saturation!.threshold;
    const tanh = ACTIVATION_INFO.tanh.saturation!.threshold;
    expect(sigmoid).toBeCloseTo(4.6, 1);
    expect(tanh).toBeCloseTo(3.0, 1);
    // Verified independently of the bisection: just inside the zone the derivative is ≥ 0.01, just outside it is below.
    const { der: ds } = ACTIVATION_FUNCTIONS.sigmoid;
    const { der: dt } = ACTIVATION_FUNCTIONS.tanh;
    expect(ds(4.5)).toBeGreaterThan(0.01);
    expect(ds(4.7)).toBeLessThan(0.01);
    expect(dt(2.9)).toBeGreaterThan(0.01);
    expect(dt(3.1)).toBeLessThan(0.01);
    // For tanh (max slope 1) that is 1% of the maximum; for the sigmoid (max 0.25) 1% of the max is at |z| ≈ 5.99.
    expect(ds(0)).toBe(0.25);
    expect(dt(0)).toBe(1);
    expect(zoneThreshold('tanh', 0.01 * 1)).toBeCloseTo(tanh, 12);
    expect(zoneThreshold('sigmoid', 0.01 * 0.25)).toBeCloseTo(Math.log((0.5 + Math.sqrt(0.2475)) / (0.5 - Math.sqrt(0.2475))), 9);
    expect(zoneThreshold('sigmoid', 0.01 * 0.25)).toBeCloseTo(5.99, 2);
  });

  it('linear zones: the slope stays within 10% of its maximum', () => {
    for (const name of ['sigmoid', 'tanh'] as const) {
      const zone = ACTIVATION_INFO[name].linearZone!;
      const { der } = ACTIVATION_FUNCTIONS[name];
      const max = ACTIVATION_INFO[name].maxDerivative;
      expect(der(zone.max * 0.999)).toBeGreaterThan(0.9 * max);
      expect(der(zone.max * 1.001)).toBeLessThan(0.9 * max);
      expect(zone.min).toBe(-zone.max);
    }
    expect(ACTIVATION_INFO.relu.saturation).toBeNull();
    expect(ACTIVATION_INFO.step.differentiable).toBe(false);
    expect(ACTIVATION_INFO.sign.differentiable).toBe(false);
    expect(ACTIVATION_INFO.tanh.zeroCentred && ACTIVATION_INFO.tanh.bounded).toBe(true);
  });

  it('sigmoid is finite for huge inputs; step and sign threshold at 0', () => {
    expect(ACTIVATION_FUNCTIONS.sigmoid.output(-1000)).toBe(0);
    expect(ACTIVATION_FUNCTIONS.sigmoid.output(1000)).toBe(1);
    expect(ACTIVATION_FUNCTIONS.step.output(0)).toBe(1);
    expect(ACTIVATION_FUNCTIONS.step.output(-1e-9)).toBe(0);
    expect(ACTIVATION_FUNCTIONS.sign.output(-1e-9)).toBe(-1);
    expect(ACTIVATION_FUNCTIONS['leaky-relu'].output(-2)).toBeCloseTo(-0.02, 15);
  });

  it('softmax sums to 1, is shift-invariant, and survives logits of ±1000', () => {
    const rng = createRng(3);
    for (let t = 0; t < 20; t++) {
      const z = Array.from({ length: 2 + rng.int(8) }, () => rng.normal(0, 5));
      const p = softmax(z);
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
      const shifted = softmax(z.map((v) => v + 100));
      p.forEach((v, i) => expect(shifted[i]).toBeCloseTo(v, 14));
    }
    const huge = softmax([1000, -1000, 999]);
    expect(Array.from(huge).every(Number.isFinite)).toBe(true);
    expect(huge[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
    expect(huge[1]).toBe(0);
    expect(huge.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });
});

describe('losses', () => {
  it('mse is the mean over outputs and samples', () => {
    const outputs = Float64Array.from([1, 2, 3, 4]);
    const targets = Float64Array.from([0, 2, 5, 3]);
    // (1 + 0 + 4 + 1) / 4 over 2 samples × 2 outputs.
    expect(batchLossSum('mse', outputs, outputs, targets, 2, 2) / 2).toBe(1.5);
  });

  it('softmax cross-entropy is −log p(class), finite for logits of ±1000', () => {
    const logits = Float64Array.from([2, 1, 0.1]);
    const p = softmax(logits);
    const target = Float64Array.from([0, 1, 0]);
    expect(batchLossSum('softmax-cross-entropy', logits, p, target, 1, 3)).toBeCloseTo(-Math.log(p[1]), 14);
    const extreme = Float64Array.from([1000, -1000]);
    expect(batchLossSum('softmax-cross-entropy', extreme, softmax(extreme), Float64Array.from([0, 1]), 1, 2)).toBe(2000);
    expect(batchLossSum('softmax-cross-entropy', extreme, softmax(extreme), Float64Array.from([1, 0]), 1, 2)).toBe(0);
  });

  it('binary cross-entropy on a sigmoid is −[t log σ + (1 − t) log(1 − σ)], finite for logits of ±1000', () => {
    for (const z of [-3, -0.5, 0, 0.8, 4]) {
      const s = 1 / (1 + Math.exp(-z));
      for (const t of [0, 1]) {
        const direct = -(t * Math.log(s) + (1 - t) * Math.log(1 - s));
        expect(batchLossSum('sigmoid-cross-entropy', Float64Array.of(z), Float64Array.of(s), Float64Array.of(t), 1, 1)).toBeCloseTo(direct, 12);
      }
    }
    expect(batchLossSum('sigmoid-cross-entropy', Float64Array.of(-1000), Float64Array.of(0), Float64Array.of(1), 1, 1)).toBe(1000);
    expect(batchLossSum('sigmoid-cross-entropy', Float64Array.of(1000), Float64Array.of(1), Float64Array.of(1), 1, 1)).toBe(0);
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
  });

  it('cross-entropy = entropy + KL divergence, KL ≥ 0 and 0 only for p = q', () => {
    const rng = createRng(11);
    for (let t = 0; t < 50; t++) {
      const n = 2 + rng.int(6);
      const p = softmax(Array.from({ length: n }, () => rng.normal(0, 2)));
      const q = softmax(Array.from({ length: n }, () => rng.normal(0, 2)));
      expect(crossEntropy(p, q)).toBeCloseTo(entropy(p) + klDivergence(p, q), 12);
      expect(klDivergence(p, q)).toBeGreaterThan(0);
      expect(klDivergence(p, p)).toBeCloseTo(0, 14);
    }
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 14);
    expect(entropy([1, 0])).toBe(0);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(() => entropy([0.5, Number.NaN])).toThrow(EngineError);
    expect(() => crossEntropy([1], [0.5, 0.5])).toThrow(/same length/);
  });
});
