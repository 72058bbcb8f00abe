import { describe, expect, it } from 'vitest';
import { activationChartData, activationValue, activationZones, zoneBands } from '../../../src/shared/view-models/activation-view';
import { gradientBars, gradientFlagOf, gradientLines } from '../../../src/shared/view-models/gradient-view';
import type { Distribution, LayerHealth } from '../../../src/engine/health-types';
import type { ProblemView } from '../../../src/shared/protocol/webview-messages';
import { THRESHOLDS } from '../../../src/model/thresholds';

const d = (min: number, max: number, counts: number[]): Distribution => ({
  count: counts.reduce((a, b) => a + b, 0),
  mean: 0,
  std: 1,
  percentiles: [min, 0, 0, 0, 0, 0, 0, 0, max],
  histogram: { min, max, counts },
});

function layer(l: number, activation: string, grad: number, extra: Partial<LayerHealth> = {}): LayerHealth {
  return {
    layer: l,
    activation,
    units: 4,
    weights: d(-1, 1, [1, 1]),
    biases: d(-1, 1, [1, 1]),
    preActivations: d(-6, 6, [5, 1, 1, 5]),
    activations: d(0, 1, [1, 1]),
    gradMeanAbs: grad,
    gradNorm: grad,
    weightNorm: 1,
    updateRatio: 1e-3,
    saturatedFraction: null,
    deadFraction: null,
    ...extra,
  };
}

/** Numerical derivative, independent of the zone formulas. */
const slope = (name: string, z: number) => (activationValue(name, z + 1e-5) - activationValue(name, z - 1e-5)) / 2e-5;

describe('activationZones', () => {
  it('saturation starts where the derivative falls below 0.01', () => {
    for (const name of ['sigmoid', 'tanh']) {
      const t = activationZones(name).saturatedAbove as number;
      expect(activationZones(name).saturatedBelow).toBe(-t);
      // Just past the edge (at it the derivative is 0.01 itself, up to the difference's own error).
      expect(slope(name, t * 1.001)).toBeLessThan(0.01);
      expect(slope(name, -t * 1.001)).toBeLessThan(0.01);
      expect(slope(name, t * 0.999)).toBeGreaterThan(0.01);
      expect(slope(name, t * 0.9)).toBeGreaterThan(0.01);
    }
  });

  it('the linear zone ends where the derivative drops to 90% of its peak', () => {
    for (const name of ['sigmoid', 'tanh']) {
      const { min, max } = activationZones(name).linear as { min: number; max: number };
      expect(min).toBe(-max);
      expect(slope(name, max) / slope(name, 0)).toBeCloseTo(0.9, 4);
    }
  });

  // Changed on purpose: the panel's old copy had no linear zone for ReLU and linear, where the
  // engine's (slope at its peak) is z > 0 and everywhere; the panel now shows the engine's zones.
  it('ReLU has a dead side instead of saturation and is linear above 0; linear has no flat zone', () => {
    expect(activationZones('relu')).toEqual({ saturatedBelow: null, saturatedAbove: null, linear: { min: 0, max: Infinity }, deadBelow: 0 });
    expect(activationZones('linear')).toEqual({ saturatedBelow: null, saturatedAbove: null, linear: { min: -Infinity, max: Infinity }, deadBelow: null });
  });

  it('shades each zone clipped to the chart, the saturation on both sides for tanh', () => {
    const chart = activationChartData(layer(0, 'tanh', 1));
    const bands = zoneBands(chart);
    expect(bands.map((b) => b.kind)).toEqual(['saturated', 'saturated', 'linear']);
    expect(bands[0].from).toBe(chart.xMin);
    expect(bands[1].to).toBe(chart.xMax);
    expect(zoneBands(activationChartData(layer(0, 'relu', 1))).map((b) => [b.kind, b.from === 0 || b.to === 0])).toEqual([
      ['linear', true],
      ['dead', true],
    ]);
  });
});

describe('activationChartData', () => {
  it('lays the curve over the histogram range and writes the saturated share', () => {
    const c = activationChartData(layer(0, 'tanh', 1, { saturatedFraction: 0.37 }));
    expect(c.xMin).toBeLessThanOrEqual(-6);
    expect(c.xMax).toBeGreaterThanOrEqual(6);
    expect(c.curve.y.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(c.note).toBe('37% saturated');
    expect(activationChartData(layer(0, 'relu', 1, { deadFraction: 0.25 })).note).toBe('25% dead');
  });
});

describe('gradient flow', () => {
  const problem = (code: string, l: number): ProblemView => ({ code, severity: 'warning', message: '', line: 1, character: 0, source: 'live', layer: l });

  it('recognises the rule codes by meaning', () => {
    expect(gradientFlagOf('vanishing-gradient')).toBe('vanishing');
    expect(gradientFlagOf('exploding-gradients')).toBe('exploding');
    expect(gradientFlagOf('sigmoid-saturation')).toBeNull();
  });

  it('flags and labels the layers the live rules name, input side first', () => {
    const health = { layers: [layer(0, 'sigmoid', 1e-9), layer(1, 'sigmoid', 1e-4), layer(2, 'sigmoid', 50)], nonFinite: null };
    const bars = gradientBars(health, [problem('vanishing-gradient', 0), problem('exploding-gradient', 2), problem('dead-relu', 1)]);
    expect(bars.values).toEqual([1e-9, 1e-4, 50]);
    expect(bars.flags.map((f) => f?.kind ?? null)).toEqual(['vanishing', null, 'exploding']);
    expect(bars.labels).toEqual(['h1 · vanishing-gradient', 'h2', 'out · exploding-gradient']);
    // The rules compare each layer with the next: 1e-9 is far below 1e-4 × vanishingRatio.
    expect(bars.limits[0]?.vanishing).toBeCloseTo(1e-4 * THRESHOLDS.vanishingRatio);
    expect(bars.values[0]).toBeLessThan(bars.limits[0]?.vanishing as number);
    expect(bars.limits[1]?.exploding).toBeCloseTo(50 * THRESHOLDS.explodingRatio);
    expect(bars.limits[2]).toBeNull();
  });

  it('gives one line per layer over time', () => {
    const timeline = [1, 2].map((epoch) => ({ epoch, layers: [{ weightPercentiles: [], gradMeanAbs: epoch }, { weightPercentiles: [], gradMeanAbs: 10 * epoch }] }));
    expect(gradientLines(timeline, 2, 10)).toEqual({ epochs: [1, 2], series: [[1, 2], [10, 20]] });
  });
});
