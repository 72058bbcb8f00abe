// Theory §13: overfitting is high variance: the network keeps improving on the training data
// while getting worse on data it has not seen. Seen in the curves as the test cost rising from
// its best while the training cost still falls; L2 (weight decay) and dropout reduce variance.

import type { HistoryPoint } from '../../../shared/protocol/snapshot';
import { addRegularizationFix, compactFixes } from '../../fixes';
import { problem } from '../../semantic';
import { formatNumber, t } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import type { LiveRule } from '../rule';
import { finite, limit, wasActive } from './helpers';

/** What the overfitting judgement measured at the latest epoch, for its message. */
export interface TestCostRise {
  /** The lowest test cost so far, and its epoch. */
  best: number;
  bestEpoch: number;
  /** The test cost stayed at or above this in each of the last `sustain` epochs (fewer points in a thinned history). */
  low: number;
  sustain: number;
  /** The training cost's median over `sustain` epochs around the best epoch, and over the last ones. */
  trainAtBest: number;
  trainNow: number;
}

type Point = Pick<HistoryPoint, 'epoch' | 'trainCost' | 'testCost'>;

/**
 * The overfitting judgement, fed a run's epochs in order (points without a finite test cost are
 * skipped). The live rule asks it about the latest epoch, the panel's loss chart about every
 * epoch to shade the widening gap: one definition for both, O(1) per epoch.
 *
 * A sustained rise, so that one noisy epoch is not overfitting: in each of the last
 * `overfittingSustainEpochs` epochs the test cost stayed above (1 + overfittingRise) × its best
 * and at least overfittingMinRise above it, while the training cost (medians over as many epochs,
 * since minibatches and dropout make it noisy) is below what it was at the best epoch. A new
 * problem also needs both trends under way over the last max(overfittingMinWindow,
 * overfittingWindowShare of the epochs) epochs, once there are twice that many: the test cost
 * above its median at the window's start, the training cost's median below it. `shown` (a
 * problem already reported) uses the release values and no longer needs the trends under way
 * (hysteresis): a test cost that stays up while the training cost stays down is still overfitting.
 * The window is measured in epochs, not points, so a history thinned for a reloaded panel is
 * judged as the whole one was.
 */
export class OverfittingTrend {
  private readonly points: Point[] = [];
  /** Index in `points` of the lowest test cost. */
  private best = -1;
  /** Index in `points` of the first point inside the window. */
  private start = 0;
  private window = 0;

  push(point: Point): void {
    if (!finite(point.testCost) || !finite(point.trainCost)) return;
    const points = this.points;
    points.push(point);
    if (this.best < 0 || point.testCost < (points[this.best].testCost as number)) this.best = points.length - 1;
    const span = point.epoch - points[0].epoch + 1;
    this.window = Math.max(THRESHOLDS.overfittingMinWindow, Math.round(THRESHOLDS.overfittingWindowShare * span));
    while (points[this.start].epoch < point.epoch - this.window + 1) this.start++;
  }

  judge(shown: boolean): TestCostRise | null {
    const points = this.points;
    if (this.best < 0) return null;
    const span = points[points.length - 1].epoch - points[0].epoch + 1;
    if (span < 2 * this.window) return null;
    // Blocks of `sustain` epochs (in a thinned history, fewer points: at least one each).
    const sustain = THRESHOLDS.overfittingSustainEpochs;
    const end = points.length - 1;
    const last = this.block(end, (p) => p.epoch > points[end].epoch - sustain, -1);
    let low = Infinity;
    for (const p of last) low = Math.min(low, p.testCost as number);
    const best = points[this.best];
    const testBest = best.testCost as number;
    const rise = limit(shown, THRESHOLDS.overfittingRise, THRESHOLDS.overfittingRiseRelease);
    const minRise = limit(shown, THRESHOLDS.overfittingMinRise, THRESHOLDS.overfittingMinRiseRelease);
    if (!(low > testBest * (1 + rise) && low - testBest >= minRise)) return null;
    const half = sustain >> 1;
    const aroundBest = [...this.block(this.best, (p) => p.epoch >= best.epoch - half, -1), ...this.block(this.best + 1, (p) => p.epoch <= best.epoch + half, 1, false)];
    const trainAtBest = median(aroundBest.map((p) => p.trainCost));
    const trainNow = median(last.map((p) => p.trainCost));
    if (!(trainNow < trainAtBest)) return null;
    if (!shown) {
      const first = this.block(this.start, (p) => p.epoch < points[this.start].epoch + sustain, 1);
      const testRising = low > median(first.map((p) => p.testCost as number));
      const trainFalling = trainNow < median(first.map((p) => p.trainCost));
      if (!testRising || !trainFalling) return null;
    }
    return { best: testBest, bestEpoch: best.epoch, low, sustain, trainAtBest, trainNow };
  }

  /** Points from `from` stepping by `step` while `inside` holds; the first one always, unless `atLeastOne` is false. */
  private block(from: number, inside: (p: Point) => boolean, step: 1 | -1, atLeastOne = true): Point[] {
    const out: Point[] = [];
    for (let i = from; i >= 0 && i < this.points.length; i += step) {
      const p = this.points[i];
      if (!inside(p) && !(atLeastOne && i === from)) break;
      out.push(p);
    }
    return out;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The overfitting judgement at the latest epoch of `history` (see OverfittingTrend). */
export function testCostRise(history: readonly Point[], shown: boolean): TestCostRise | null {
  const trend = new OverfittingTrend();
  for (const point of history) trend.push(point);
  return trend.judge(shown);
}

export const overfitting: LiveRule = {
  code: 'overfitting',
  severity: 'warning',
  summary: 'The test cost stays above its best while the training cost keeps falling.',
  check(ctx) {
    const rise = testCostRise(ctx.history, wasActive(ctx, 'overfitting', undefined));
    if (rise === null) return [];
    const message = t(
      'Overfitting: the test cost has stayed at {low} or above for the last {sustain} epochs, up from its best {best} (epoch {bestEpoch}), while the training cost fell from {trainAtBest} to {trainNow} (medians over {sustain} epochs). The network is memorising the training samples (high variance). L2 regularisation (weight decay), dropout, fewer units or more data reduce variance; stopping near the best epoch also works.',
      { low: formatNumber(rise.low), sustain: rise.sustain, best: formatNumber(rise.best), bestEpoch: rise.bestEpoch, trainAtBest: formatNumber(rise.trainAtBest), trainNow: formatNumber(rise.trainNow) },
    );
    const regularized = ctx.spec.training.regularization.type !== 'none';
    const path = ctx.locations.values['training.regularization'] ? 'training.regularization' : 'layers';
    const fixes = !regularized && ctx.src !== undefined ? compactFixes(addRegularizationFix(ctx.src)) : [];
    return [problem({ locations: ctx.locations }, 'overfitting', 'warning', 'live', message, path, { fixes })];
  },
};
