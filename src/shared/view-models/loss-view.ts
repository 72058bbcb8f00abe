// Loss and accuracy curves from the history: cost and objective (cost + regularisation) per split,
// and where the test curve pulls away from the training curve (overfitting, the high-variance case
// of the bias–variance lesson).

import { OverfittingTrend } from '../../model/rules/live/overfitting';
import type { HistoryPoint } from '../protocol/snapshot';
import { pick, strideIndices } from './decimate';
import { formatNumber, formatPercent, joinList, t } from '../l10n';

export interface LossChartData {
  epochs: number[];
  trainCost: number[];
  testCost: (number | null)[];
  /** Null when no epoch had a regularisation term: the objective then equals the cost. */
  trainObjective: number[] | null;
  /** The regularisation term on its own (null without one, as trainObjective). */
  regularization: number[] | null;
  /**
   * The test objective, null without a regularisation term or a test set. The history holds no
   * test objective: it is the test cost plus the same term, which depends on the weights only.
   */
  testObjective: (number | null)[] | null;
  /** Test cost where the gap is widening, null elsewhere: the chart fills it down to trainCost. */
  gapFill: (number | null)[];
  /** The gap is widening at the latest epoch. */
  wideningNow: boolean;
}

export interface AccuracyChartData {
  epochs: number[];
  train: (number | null)[];
  test: (number | null)[];
}

/**
 * For each epoch, whether the overfitting rule (src/model/rules/live/overfitting.ts) would raise a
 * new problem on the history up to it: a sustained rise of the test cost above its best while the
 * training cost falls. Then the gap is widening, and the chart shades it. The rule's own
 * judgement, fed one epoch at a time, so the shading and the Problems panel agree.
 */
export function gapWidening(history: readonly HistoryPoint[]): boolean[] {
  const gap = new GapWidening();
  gap.push(history);
  return gap.flags;
}

/**
 * gapWidening kept up to date as epochs arrive: each new epoch is judged once, when it is pushed.
 * Judging the whole history again on every redraw cost the panel's thread tens of milliseconds a
 * frame on a run of 20,000 epochs, and that thread is the one the workbench draws with.
 */
export class GapWidening {
  private trend = new OverfittingTrend();
  /** One flag per epoch pushed, as gapWidening gives them. */
  readonly flags: boolean[] = [];

  push(points: readonly HistoryPoint[]): void {
    for (const p of points) {
      if (p.testCost === null || !Number.isFinite(p.testCost) || !Number.isFinite(p.trainCost)) {
        this.flags.push(false);
        continue;
      }
      this.trend.push(p);
      this.flags.push(this.trend.judge(false) !== null);
    }
  }

  /** Starts again from `history` (after a reset or a full message). */
  rebuild(history: readonly HistoryPoint[]): void {
    this.trend = new OverfittingTrend();
    this.flags.length = 0;
    this.push(history);
  }
}

/** `widening`: gapWidening(history), when the caller keeps it (GapWidening). */
export function lossChartData(history: readonly HistoryPoint[], maxPoints: number, widening: readonly boolean[] = gapWidening(history)): LossChartData {
  const keep = strideIndices(history.length, maxPoints);
  const points = pick(history, keep);
  const shaded = pick(widening, keep);
  const regularized = history.some((p) => p.trainRegularization > 0);
  return {
    epochs: points.map((p) => p.epoch),
    trainCost: points.map((p) => p.trainCost),
    testCost: points.map((p) => p.testCost),
    trainObjective: regularized ? points.map((p) => p.trainObjective) : null,
    regularization: regularized ? points.map((p) => p.trainRegularization) : null,
    testObjective: regularized && points.some((p) => p.testCost !== null) ? points.map((p) => (p.testCost === null ? null : p.testCost + p.trainRegularization)) : null,
    // A filled segment needs both ends: keep the test value at an epoch that borders a widening one.
    gapFill: points.map((p, i) => (shaded[i] || shaded[i - 1] || shaded[i + 1] ? p.testCost : null)),
    wideningNow: widening.at(-1) ?? false,
  };
}

/** Null for regression (no accuracy is reported). */
export function accuracyChartData(history: readonly HistoryPoint[], maxPoints: number): AccuracyChartData | null {
  if (!history.some((p) => p.trainAccuracy !== undefined)) return null;
  const points = pick(history, strideIndices(history.length, maxPoints));
  return {
    epochs: points.map((p) => p.epoch),
    train: points.map((p) => p.trainAccuracy ?? null),
    test: points.map((p) => p.testAccuracy ?? null),
  };
}

/** Log scale needs positive values: a cost of exactly 0 is drawn at the floor instead. */
export function logSafe(values: readonly (number | null)[], floor = 1e-12): (number | null)[] {
  return values.map((v) => (v === null ? null : Math.max(v, floor)));
}

export function lossSummary(history: readonly HistoryPoint[], widening: readonly boolean[] = gapWidening(history)): string {
  const last = history.at(-1);
  if (!last) return t('Loss: no epochs trained yet.');
  const parts = [t('training cost {value}', { value: formatNumber(last.trainCost) })];
  if (last.trainRegularization > 0) parts.push(t('objective {value}', { value: formatNumber(last.trainObjective) }));
  if (last.testCost !== null) parts.push(t('test cost {value}', { value: formatNumber(last.testCost) }));
  if (last.trainAccuracy !== undefined) parts.push(t('training accuracy {value}', { value: formatPercent(last.trainAccuracy) }));
  if (last.testAccuracy !== undefined) parts.push(t('test accuracy {value}', { value: formatPercent(last.testAccuracy) }));
  const text = t('Epoch {epoch}: {figures}.', { epoch: String(last.epoch), figures: joinList(parts) });
  return widening.at(-1) ? t('{summary} The gap between training and test cost is widening (overfitting).', { summary: text }) : text;
}
