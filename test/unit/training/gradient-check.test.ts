// The gradient check's verdict, shared by the editor's Verify Gradients and the CLI's gradcheck:
// one tolerance, whole sentences chosen by the numbers.
import { describe, expect, test } from 'vitest';
import type { GradientCheckResult } from '../../../src/engine/trainer-api';
import { THRESHOLDS } from '../../../src/model/thresholds';
import { judgeGradientCheck } from '../../../src/run/gradient-check';

const result = (patch: Partial<GradientCheckResult>): GradientCheckResult => ({
  maxRelativeError: 1e-9,
  parameters: 33,
  totalParameters: 33,
  kinks: 0,
  worst: { layer: 0, kind: 'weight', index: 3, analytic: 0.5, numeric: 0.5 },
  ...patch,
});

describe('judgeGradientCheck', () => {
  test('the tolerance is the one threshold, inclusive', () => {
    expect(judgeGradientCheck(result({ maxRelativeError: THRESHOLDS.gradientTolerance }), ['tanh']).pass).toBe(true);
    expect(judgeGradientCheck(result({ maxRelativeError: THRESHOLDS.gradientTolerance * 1.01 }), ['tanh']).pass).toBe(false);
    expect(judgeGradientCheck(result({ maxRelativeError: NaN }), ['tanh']).pass).toBe(false);
  });
  test('between agreement and the tolerance a kink is named as the possible cause', () => {
    const v = judgeGradientCheck(result({ maxRelativeError: 2e-5 }), ['relu', 'sigmoid']);
    expect(v.text).toMatch(/max relative error 2e-5, worst at layer 1 weight 3 .* Pass: within the tolerance of 0\.001; a kink \(ReLU at 0\) near a sample can explain this much\.$/);
  });
  test('a subset and the parameters left out on a kink are counted', () => {
    const v = judgeGradientCheck(result({ parameters: 2040, kinks: 8, totalParameters: 4417 }), ['tanh', 'tanh', 'sigmoid']);
    expect(v.text).toMatch(/^Gradient check of 2,048 of the 4,417 parameters \(an evenly spaced subset across every layer\): .*\. 8 of them sat exactly on a kink and were left out\. Pass/);
  });
});
