// Theory §8 in numbers: the size of a step relative to the weights, lr·‖∂L/∂W‖/‖W‖, is healthy
// around 1e-3 (each step changes the weights by about 0.1%). Far above, the weights are thrown
// around; far below while the loss has barely moved, the learning rate is too small to learn.

import { compactFixes, lowerLearningRateFix } from '../../fixes';
import { formatNumber, formatPercent, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { LiveRule } from '../rule';
import { epochsTrained, finite, healthOf, layerName, layerProblem, limit, wasActive } from './helpers';

export const updateRatio: LiveRule = {
  code: 'update-ratio',
  severity: 'warning',
  summary: 'Steps change a layer\'s weights by far more (or, while stuck, far less) than the healthy ~0.1%.',
  check(ctx) {
    // The perceptron rule's steps are ±lr·x by design; their size relative to w teaches nothing.
    if (epochsTrained(ctx) < THRESHOLDS.liveWarmupEpochs || ctx.spec.training.optimizer === 'perceptron') return [];
    const costs = ctx.history.map((p) => p.trainCost).filter(finite);
    // "Stuck": the cost has not even halved since the first epoch.
    const stuck = (active: boolean) => costs.length >= 2 && costs[costs.length - 1] > limit(active, THRESHOLDS.stuckCostShare, THRESHOLDS.stuckCostShareRelease) * costs[0];
    const lr = ctx.spec.training.learningRate;
    return healthOf(ctx).flatMap((h) => {
      const r = h.updateRatio;
      if (!finite(r) || h.weightNorm === 0) return [];
      // One code for both directions: the severity tells which one was shown.
      const highActive = wasActive(ctx, 'update-ratio', h.layer, 'warning');
      const lowActive = wasActive(ctx, 'update-ratio', h.layer, 'info');
      if (r > limit(highActive, THRESHOLDS.updateRatioHigh, THRESHOLDS.updateRatioHighRelease)) {
        const message = t(`Each step changes {layer}'s weights by about {share} (lr·‖∂L/∂W‖/‖W‖ = {ratio}; healthy is near 1e-3, about 0.1%): with lr = {lr} the weights are thrown around rather than refined. Lower the learning rate.`, {
          layer: layerName(ctx, h.layer),
          share: formatPercent(r),
          ratio: formatNumber(r),
          lr: String(lr),
        });
        return [layerProblem(ctx, 'update-ratio', 'warning', message, h.layer, ctx.src !== undefined ? compactFixes(lowerLearningRateFix(ctx.src, ctx.spec)) : [])];
      }
      if (r < limit(lowActive, THRESHOLDS.updateRatioLow, THRESHOLDS.updateRatioLowRelease) && stuck(lowActive) && h.gradMeanAbs > THRESHOLDS.negligibleGradient) {
        const message = t(`Each step changes {layer}'s weights by only {ratio} of their size (healthy is near 1e-3) and the cost has not even halved: with lr = {lr} learning is crawling. A larger learning rate would help.`, {
          layer: layerName(ctx, h.layer),
          ratio: formatNumber(r),
          lr: String(lr),
        });
        return [layerProblem(ctx, 'update-ratio', 'info', message, h.layer)];
      }
      return [];
    });
  },
};
