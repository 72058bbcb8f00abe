// Theory §8: w ← w − LR·g(w), with LR "usually below 1". A larger step overshoots the minimum
// along steep directions and the loss grows instead of shrinking. The perceptron rule is exempt:
// its updates are ±lr·x, and scaling every weight by the same factor changes no decision.

import { t } from '../../../shared/l10n';
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
    const args = { lr: String(learningRate), limit: String(limit), momentum: String(spec.training.momentum ?? 0.9), lower: formatNumber(learningRate / 10) };
    const message =
      optimizer === 'adam'
        ? t(`Learning rate {lr} is high (usually below {limit}): adam moves every weight by about lr = {lr} per step, whatever the gradient's size, so the loss can oscillate or grow until the numbers overflow. Try {lower}.`, args)
        : optimizer === 'momentum'
          ? t(`Learning rate {lr} is high (usually below {limit}): each step is w ← w − {lr}·g, and momentum {momentum} lets steps add up to {lr}/(1 − {momentum}) times the gradient, so the loss can oscillate or grow until the numbers overflow. Try {lower}.`, args)
          : t(`Learning rate {lr} is high (usually below {limit}): each step is w ← w − {lr}·g: along a steep direction that jumps past the minimum to a point where the loss is higher, so the loss can oscillate or grow until the numbers overflow. Try {lower}.`, args);
    const path = locations.values['training.learningRate'] !== undefined ? 'training.learningRate' : 'training.optimizer';
    return [problem({ locations }, 'learning-rate-high', 'warning', 'static', message, path, { fixes: compactFixes(lowerLearningRateFix(src, spec)) })];
  },
};
