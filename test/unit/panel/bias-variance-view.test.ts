import { describe, expect, it } from 'vitest';
import { barSegments, boundarySegments, fitsCaption, meanCurve, sweepSeries, voteGrid } from '../../../src/shared/view-models/bias-variance-view';
import type { BiasVarianceReport } from '../../../src/shared/protocol/experiment';
import type { ExperimentResult } from '../../../src/experiments/run-experiment';

const regression = (bias2: number, variance: number, noise = 0.09): ExperimentResult => ({
  kind: 'regression',
  runs: 2,
  points: 3,
  noise: Math.sqrt(noise),
  decomposition: { bias2, variance, noise, expectedError: bias2 + variance + noise },
  measured: bias2 + variance + noise,
  diverged: 0,
});

const curves = { kind: 'curves' as const, x: [0, 1, 2], truth: [0, 1, 0], runs: [[0, 2, 0], [0, 0, 1]] };

describe('bias-variance view model', () => {
  it('stacks the three terms by their share of the sum, and draws no negative net variance', () => {
    expect(barSegments(regression(0.01, 0.03, 0.06)).map((s) => [s.key, Number(s.share.toFixed(10))])).toEqual([['bias2', 0.1], ['variance', 0.3], ['noise', 0.6]]);
    const classification: ExperimentResult = { kind: 'classification', runs: 3, points: 2, measured: 0.4, diverged: 0, decomposition: { bias: 0.5, variance: 0.2, unbiasedVariance: 0, biasedVariance: 0.1, netVariance: -0.1, expectedError: 0.4 } };
    expect(barSegments(classification).map((s) => s.share)).toEqual([1, 0]);
  });

  it('averages the runs into the mean curve and the majority vote grid', () => {
    expect(meanCurve(curves.runs)).toEqual([0, 1, 0.5]);
    expect(voteGrid([[1, 0], [1, 1], [0, 1]])).toEqual([1, 1]);
  });

  it('draws a boundary between each pair of neighbouring cells of different labels', () => {
    // 2×2: left column 0, right column 1 → one vertical line of two cell edges at x = 1.
    expect(boundarySegments([0, 1, 0, 1], 2)).toEqual([[1, 0, 1, 1], [1, 1, 1, 2]]);
    expect(boundarySegments([1, 1, 1, 1], 2)).toEqual([]);
  });

  it('lays the sweep out in its order, sums bias² and variance, marks the best, and names the setting', () => {
    const report: BiasVarianceReport = {
      model: 'm',
      runs: 2,
      setting: 'lambda',
      best: 1,
      points: [
        { value: 0, result: regression(0.01, 0.2), fits: curves },
        { value: 0.01, result: regression(0.03, 0.05), fits: curves },
        { value: 0.1, result: regression(0.2, 0.04), fits: curves },
      ],
    };
    const series = sweepSeries(report)!;
    expect(series.labels).toEqual(['0', '0.01', '0.1']);
    expect(series.sum.map((v) => Number(v.toFixed(10)))).toEqual([0.21, 0.08, 0.24]);
    expect(series.best).toBe(1);
    expect(series.caption).toBe('Bias², variance and their sum against λ (L2); the best setting is marked.');
    expect(fitsCaption(report, 1)).toBe('The 2 fitted curves (thin) and their mean (thick), with λ (L2) = 0.01; the truth is dashed.');
    expect(sweepSeries({ ...report, setting: undefined, points: report.points.slice(0, 1), best: 0 })).toBeNull();
  });
});
