// Theory §8: w ← w − LR·g(w), with LR "usually below 1". A larger step overshoots the minimum
// along steep directions and the loss grows instead of shrinking. The perceptron rule is exempt:
// its updates are ±lr·x, and scaling every weight by the same factor changes no decision.

import { compactFixes, lowerLearningRateFix } from '../../fixes';
import { problem } from '../../semantic';
import { THRESHOLDS } from '../../thresholds';
import { formatNumber } from '../../text/json-edits';
import type { StaticRule } from '../rule';

export const learningRateHigh: StaticRule = {
  code: 'learning-rate-high',
  severity: 'warning',
  summary: 'Learning rate at or above 1 (0.1 for adam): steps overshoot and the loss may diverge.',
  check({ spec, locations, src }) {
    const { optimizer, learningRate } = spec.training;
    const limit = THRESHOLDS.learningRateHigh[optimizer];
    if (limit === undefined || learningRate < limit) return [];
    const step =
      optimizer === 'adam'
        ? `adam moves every weight by about lr = ${learningRate} per step, whatever the gradient's size`
        : optimizer === 'momentum'
          ? `each step is w ← w − ${learningRate}·g, and momentum ${spec.training.momentum ?? 0.9} lets steps add up to ${learningRate}/(1 − ${spec.training.momentum ?? 0.9}) times the gradient`
          : `each step is w ← w − ${learningRate}·g: along a steep direction that jumps past the minimum to a point where the loss is higher`;
    const message = `Learning rate ${learningRate} is high (usually below ${limit}): ${step}, so the loss can oscillate or grow until the numbers overflow. Try ${formatNumber(learningRate / 10)}.`;
    const path = locations.values['training.learningRate'] !== undefined ? 'training.learningRate' : 'training.optimizer';
    return [problem({ locations }, 'learning-rate-high', 'warning', 'static', message, path, { fixes: compactFixes(lowerLearningRateFix(src, spec)) })];
  },
};
