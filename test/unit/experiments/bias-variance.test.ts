import { describe, expect, it } from 'vitest';
import { decomposeClassification, decomposeRegression, majorityVote, measuredRegressionError } from '../../../src/experiments/bias-variance';
import { mulberry32 } from '../helpers/mulberry32';

describe('regression decomposition', () => {
  it('matches a case computed by hand', () => {
    // Point 0: runs 1 and 3, mean 2, truth 2 → bias² 0, variance 1. Point 1: runs 2 and 4, mean 3,
    // truth 2 → bias² 1, variance 1. Means: bias² 0.5, variance 1, noise 0.25, sum 1.75.
    const d = decomposeRegression([[1, 2], [3, 4]], [2, 2], 0.25);
    expect(d.bias2).toBeCloseTo(0.5, 12);
    expect(d.variance).toBeCloseTo(1, 12);
    expect(d.noise).toBeCloseTo(0.25, 12);
    expect(d.expectedError).toBeCloseTo(1.75, 12);
    // (2−1)² + (2−2)² + (2−3)² + (2−4)² = 6 over 4, plus the noise 0.25.
    expect(measuredRegressionError([[1, 2], [3, 4]], [2, 2], 0.25)).toBeCloseTo(1.75, 12);
  });

  it('gives OLS on a fixed design its closed forms: bias 0, variance σ²·x*ᵀ(XᵀX)⁻¹x*', () => {
    // Fixed design x = 0..9 with an intercept; truth f(x) = 1 + 0.5x; Gaussian noise σ = 0.3.
    const xs = Array.from({ length: 10 }, (_, i) => i);
    const sigma = 0.3;
    const rand = mulberry32(7);
    const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const n = xs.length;
    const sx = xs.reduce((a, b) => a + b, 0);
    const sxx = xs.reduce((a, b) => a + b * b, 0);
    const det = n * sxx - sx * sx;
    const evalX = [-2, 4.5, 12];
    const truth = evalX.map((x) => 1 + 0.5 * x);
    const runs: number[][] = [];
    for (let k = 0; k < 4000; k++) {
      const ys = xs.map((x) => 1 + 0.5 * x + sigma * normal());
      const sy = ys.reduce((a, b) => a + b, 0);
      const sxy = xs.reduce((a, x, i) => a + x * ys[i], 0);
      const slope = (n * sxy - sx * sy) / det;
      const intercept = (sy - slope * sx) / n;
      runs.push(evalX.map((x) => intercept + slope * x));
    }
    // x*ᵀ(XᵀX)⁻¹x* for x* = (1, x): (sxx − 2·x·sx + n·x²) / det.
    const closed = evalX.map((x) => (sigma ** 2 * (sxx - 2 * x * sx + n * x * x)) / det);
    const expectedVariance = closed.reduce((a, b) => a + b, 0) / closed.length;
    const d = decomposeRegression(runs, truth, sigma ** 2);
    expect(d.variance / expectedVariance).toBeGreaterThan(0.93);
    expect(d.variance / expectedVariance).toBeLessThan(1.07);
    expect(d.bias2).toBeLessThan(0.02 * expectedVariance);
    expect(d.noise).toBeCloseTo(sigma ** 2, 12);
    expect(d.expectedError).toBeCloseTo(measuredRegressionError(runs, truth, sigma ** 2), 10);
  });
});

describe('classification decomposition (Domingos 2000)', () => {
  it('takes the majority vote as the main prediction, ties to the smaller label', () => {
    expect(majorityVote([1, 0, 1])).toBe(1);
    expect(majorityVote([2, 0, 2, 0])).toBe(0);
  });

  it('matches a case computed by hand', () => {
    // Three runs, two points. Point 0 (label 1): votes 1,1,0 → main 1, right; 1 of 3 disagree.
    // Point 1 (label 0): votes 1,1,1 → main 1, wrong; none disagree.
    const d = decomposeClassification([[1, 1], [1, 1], [0, 1]], [1, 0]);
    expect(d.bias).toBeCloseTo(0.5, 12);
    expect(d.variance).toBeCloseTo(1 / 6, 12);
    // Errors: point 0 one of three, point 1 three of three → 4 of 6.
    expect(d.expectedError).toBeCloseTo(4 / 6, 12);
  });
});
