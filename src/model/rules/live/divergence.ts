// Theory §8: with too large a step, w ← w − lr·g jumps past the minimum to a higher loss, the next
// gradient is larger, and so on until the numbers overflow to Inf or NaN. The engine names the
// first layer where a non-finite value appeared; a loss many times above its best also counts.

import { compactFixes, lowerLearningRateFix } from '../../fixes';
import { problem } from '../../semantic';
import { num } from '../../stats';
import { THRESHOLDS } from '../../thresholds';
import type { LiveRule } from '../rule';
import { finite, layerName, layerProblem, limit, wasActive } from './helpers';

export const divergence: LiveRule = {
  code: 'divergence',
  severity: 'error',
  summary: 'Training diverged: NaN/Inf in a layer, or the loss blew up.',
  check(ctx) {
    const fixes = ctx.src !== undefined ? compactFixes(lowerLearningRateFix(ctx.src, ctx.spec)) : [];
    const lr = ctx.spec.training.learningRate;
    const event = ctx.health.nonFinite;
    if (event !== null) {
      const what = event.where === 'loss' ? 'the loss' : `the ${event.where}`;
      const message =
        `Training diverged: ${what} became NaN or infinite${event.layer >= 0 ? ` in ${layerName(ctx, event.layer)}` : ''}. Each step w ← w − ${lr}·g overshot the minimum, ` +
        'the loss and its gradient grew, and the weights overflowed. Lower the learning rate (the theory: usually well below 1) and reset.';
      if (event.layer >= 0 && event.layer < ctx.spec.layers.length) return [layerProblem(ctx, 'divergence', 'error', message, event.layer, fixes)];
      return [problem({ locations: ctx.locations }, 'divergence', 'error', 'live', message, ctx.locations.values['training.learningRate'] ? 'training.learningRate' : 'layers', { fixes })];
    }
    const costs = ctx.history.map((p) => p.trainCost);
    if (costs.length === 0) return [];
    const last = costs[costs.length - 1];
    const finiteCosts = costs.filter(finite);
    const best = finiteCosts.length > 0 ? finiteCosts.reduce((a, b) => Math.min(a, b)) : NaN;
    const factor = limit(wasActive(ctx, 'divergence', undefined), THRESHOLDS.divergenceFactor, THRESHOLDS.divergenceFactorRelease);
    const blownUp = !finite(last) || (finite(best) && best > 0 && last > factor * best && last > costs[0]);
    if (!blownUp) return [];
    const message = finite(last)
      ? `Training is diverging: the cost rose to ${num(last)}, ${num(last / best)} times its best (${num(best)}). Steps of w ← w − ${lr}·g overshoot the minimum and each lands higher than the last. Lower the learning rate and reset.`
      : `Training diverged: the cost is ${last}. Steps of w ← w − ${lr}·g overshot until the numbers overflowed. Lower the learning rate and reset.`;
    return [problem({ locations: ctx.locations }, 'divergence', 'error', 'live', message, ctx.locations.values['training.learningRate'] ? 'training.learningRate' : 'layers', { fixes })];
  },
};
