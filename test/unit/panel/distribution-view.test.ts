import { describe, expect, it } from 'vitest';
import { bandPairs, histogramSteps, initialRange, layerFans, percentileBands } from '../../../src/shared/view-models/distribution-view';
import { initStd } from '../../../src/engine/init';
import { HEALTH_PERCENTILES, type Distribution } from '../../../src/engine/health-types';
import type { ModelSummary } from '../../../src/shared/protocol/webview-messages';

const dist = (counts: number[], min = -1, max = 1): Distribution => ({
  count: counts.reduce((a, b) => a + b, 0),
  mean: 0,
  std: 1,
  percentiles: [...HEALTH_PERCENTILES].map((p) => p / 100),
  histogram: { min, max, counts },
});

describe('histogramSteps', () => {
  it('outlines each bin at its share, closed at 0 on both ends, with x never going back', () => {
    const s = histogramSteps(dist([1, 3, 0, 4], -2, 2));
    expect(s.x).toEqual([-2, -2, -1, -1, 0, 0, 1, 1, 2, 2]);
    expect(s.y).toEqual([0, 12.5, 12.5, 37.5, 37.5, 0, 0, 50, 50, 0]);
    // The area under the outline is the whole distribution: Σ share × bin width = 100 × 1.
    let area = 0;
    for (let i = 1; i < s.x.length; i++) area += (s.x[i]! - s.x[i - 1]!) * Math.min(s.y[i]!, s.y[i - 1]!);
    expect(area).toBeCloseTo(100);
    expect(s.x.every((v, i) => i === 0 || v >= s.x[i - 1]!)).toBe(true);
  });

  it('draws a visible spike when every weight is equal (zeros init)', () => {
    const s = histogramSteps(dist([10], 0, 0));
    expect(Math.max(...s.y)).toBe(100);
    expect((s.x.at(-1) as number) - (s.x[0] as number)).toBeGreaterThan(0);
  });
});

describe('initialRange', () => {
  it('holds 99.73% of N(μ, σ) draws (the 3σ rule)', () => {
    const r = initialRange({ distribution: 'gaussian', mean: 0.5, std: 0.2 }, 4, 4);
    expect(r.low).toBeCloseTo(-0.1);
    expect(r.high).toBeCloseTo(1.1);
    // Box–Muller draws from a fixed LCG: the share inside must match the normal's 0.9973.
    let state = 12345;
    const u = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
    let inside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
      const w = 0.5 + 0.2 * z;
      if (w > r.low && w < r.high) inside++;
    }
    expect(inside / n).toBeCloseTo(0.9973, 3);
  });

  it('agrees with the engine’s scales for he (normal) and xavier/uniform (support of U(−a, a))', () => {
    const he = initialRange({ distribution: 'he' }, 50, 10);
    expect(he.high).toBeCloseTo(3 * initStd({ distribution: 'he' }, 50, 10));
    const xavier = initialRange({ distribution: 'xavier' }, 50, 10);
    // A uniform U(−a, a) has std a/√3.
    expect(xavier.high / Math.sqrt(3)).toBeCloseTo(initStd({ distribution: 'xavier' }, 50, 10));
    const uniform = initialRange({ distribution: 'uniform', limit: 0.3 }, 50, 10);
    expect(uniform.high / Math.sqrt(3)).toBeCloseTo(initStd({ distribution: 'uniform', limit: 0.3 }, 50, 10));
    expect(initialRange({ distribution: 'zeros' }, 5, 5)).toMatchObject({ low: 0, high: 0 });
  });

  it('uses fan-in from the previous layer', () => {
    const model = { inputSize: 784, layers: [{ units: 128 }, { units: 64 }, { units: 10 }] } as ModelSummary;
    expect(layerFans(model)).toEqual([
      { fanIn: 784, fanOut: 128 },
      { fanIn: 128, fanOut: 64 },
      { fanIn: 64, fanOut: 10 },
    ]);
  });
});

describe('percentileBands', () => {
  it('gives one series per percentile and pairs them outside-in around the median', () => {
    const timeline = [1, 2, 3].map((epoch) => ({
      epoch,
      layers: [{ weightPercentiles: HEALTH_PERCENTILES.map((p) => p * epoch), gradMeanAbs: 1 }],
    }));
    const b = percentileBands(timeline, 0, 100);
    expect(b.epochs).toEqual([1, 2, 3]);
    expect(b.series).toHaveLength(9);
    expect(b.series[8]).toEqual([100, 200, 300]);
    expect(bandPairs(9)).toEqual([
      [0, 8],
      [1, 7],
      [2, 6],
      [3, 5],
    ]);
    expect(percentileBands(timeline, 3, 100).series).toEqual([]);
  });
});
