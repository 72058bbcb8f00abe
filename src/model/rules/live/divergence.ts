// Theory §8: with too large a step, w ← w − lr·g jumps past the minimum to a higher loss, the next
// gradient is larger, and so on until the numbers overflow to Inf or NaN. The engine names the
// first layer where a non-finite value appeared; a finite cost that keeps rising far above its
// best also counts (see risingCost).

import type { HistoryPoint } from '../../../shared/protocol/snapshot';
import { compactFixes, lowerLearningRateFix } from '../../fixes';
import { problem } from '../../semantic';
import { formatNumber, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { LiveRule } from '../rule';
import { finite, layerName, layerProblem, limit, wasActive } from './helpers';

/** What the rising-cost half of the rule measured, for its message. */
export interface RisingCost {
  /** The latest epoch's training cost. */
  cost: number;
  /** The lowest cost in the window: the cost stayed at or above it for `epochs` epochs in a row. */
  low: number;
  epochs: number;
  /** The lowest cost before the window, and its epoch. */
  best: number;
  bestEpoch: number;
}

/**
 * The divergence rule on finite costs, one pure function for every caller (the live rules in the
 * editor and the CLI; the per-epoch step may call it directly). `history` is the run's epochs in
 * order, the latest last (a tail of it is enough: only the best before the window and the window
 * are read); `shown` is whether the divergence was reported for the previous epoch (hysteresis).
 *
 * A new divergence needs a sustained rise: each of the last `divergenceWindow` epochs at least
 * `divergenceMinRise` above the lowest cost before them (an absolute floor: a ratio to a best near
 * zero means nothing), the latest cost the window's highest (still climbing) and more than
 * `divergenceFactor` times that best. One already shown stays while the window stays above the
 * release values and the cost has not fallen below `divergenceRecoveryShare` of where the window
 * started. Non-finite costs are not judged here: they are divergence whatever came before.
 */
export function risingCost(history: readonly Pick<HistoryPoint, 'epoch' | 'trainCost'>[], shown: boolean): RisingCost | null {
  const epochs = THRESHOLDS.divergenceWindow;
  const start = history.length - epochs;
  if (start < 1) return null;
  let best = Infinity;
  let bestEpoch = 0;
  for (let i = 0; i < start; i++) {
    const cost = history[i].trainCost;
    if (finite(cost) && cost <= best) {
      best = cost;
      bestEpoch = history[i].epoch;
    }
  }
  if (!finite(best)) return null;
  let low = Infinity;
  let high = -Infinity;
  for (let i = start; i < history.length; i++) {
    const cost = history[i].trainCost;
    if (!finite(cost)) return null;
    low = Math.min(low, cost);
    high = Math.max(high, cost);
  }
  const first = history[start].trainCost;
  const cost = history[history.length - 1].trainCost;
  const factor = limit(shown, THRESHOLDS.divergenceFactor, THRESHOLDS.divergenceFactorRelease);
  const minRise = limit(shown, THRESHOLDS.divergenceMinRise, THRESHOLDS.divergenceMinRiseRelease);
  if (!(low - best >= minRise && cost > factor * best)) return null;
  // Still climbing: the latest cost is the window's highest (each step landed higher). Adam's
  // bursts near a minimum peak early and then settle, so they do not end on their highest epoch.
  const climbing = shown ? cost >= THRESHOLDS.divergenceRecoveryShare * first : cost >= high;
  return climbing ? { cost, low, epochs, best, bestEpoch } : null;
}

export const divergence: LiveRule = {
  code: 'divergence',
  severity: 'error',
  summary: 'Training diverged: NaN/Inf in a layer, or the loss keeps rising far above its best.',
  check(ctx) {
    const fixes = ctx.src !== undefined ? compactFixes(lowerLearningRateFix(ctx.src, ctx.spec)) : [];
    const lr = ctx.spec.training.learningRate;
    const event = ctx.health.nonFinite;
    if (event !== null) {
      const args = { where: event.where, layer: event.layer >= 0 ? layerName(ctx, event.layer) : '', lr: String(lr) };
      const message =
        event.where === 'loss'
          ? t('Training diverged: the loss became NaN or infinite. Each step w ← w − {lr}·g overshot the minimum, the loss and its gradient grew, and the weights overflowed. Lower the learning rate (the theory: usually well below 1) and reset.', args)
          : event.layer >= 0
            ? t('Training diverged: the {where} became NaN or infinite in {layer}. Each step w ← w − {lr}·g overshot the minimum, the loss and its gradient grew, and the weights overflowed. Lower the learning rate (the theory: usually well below 1) and reset.', args)
            : t('Training diverged: the {where} became NaN or infinite. Each step w ← w − {lr}·g overshot the minimum, the loss and its gradient grew, and the weights overflowed. Lower the learning rate (the theory: usually well below 1) and reset.', args);
      if (event.layer >= 0 && event.layer < ctx.spec.layers.length) return [layerProblem(ctx, 'divergence', 'error', message, event.layer, fixes)];
      return [problem({ locations: ctx.locations }, 'divergence', 'error', 'live', message, ctx.locations.values['training.learningRate'] ? 'training.learningRate' : 'layers', { fixes })];
    }
    const last = ctx.history[ctx.history.length - 1];
    if (last === undefined) return [];
    let message: string;
    if (!finite(last.trainCost)) {
      message = t('Training diverged: the cost is {cost}. Steps of w ← w − {lr}·g overshot until the numbers overflowed. Lower the learning rate and reset.', { cost: String(last.trainCost), lr: String(lr) });
    } else {
      const rise = risingCost(ctx.history, wasActive(ctx, 'divergence', undefined));
      if (rise === null) return [];
      message = t(
        'Training is diverging: the cost has risen to {cost} from its best {best} (epoch {bestEpoch}) and has stayed at {low} or above for the last {epochs} epochs. Steps of w ← w − {lr}·g overshoot the minimum and each lands higher than the last. Lower the learning rate and reset.',
        { cost: formatNumber(rise.cost), best: formatNumber(rise.best), bestEpoch: rise.bestEpoch, low: formatNumber(rise.low), epochs: rise.epochs, lr: String(lr) },
      );
    }
    return [problem({ locations: ctx.locations }, 'divergence', 'error', 'live', message, ctx.locations.values['training.learningRate'] ? 'training.learningRate' : 'layers', { fixes })];
  },
};
