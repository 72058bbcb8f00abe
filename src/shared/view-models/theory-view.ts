// What the "Loss vs cost" view draws from the theory numbers (src/run/theory-report.ts, measured by
// the worker now and then): when they were measured, the per-sample losses of each split as a
// strip with their mean (the cost) marked, the cost, regularisation term and objective side by
// side, for classifiers the information identity filled in and the confusion matrices, and the
// share of the initial weights within ±3σ against what the distribution predicts. Pure: the
// webview lays these out; the hover reads the same rows.

import { classLabel } from '../../engine/data/class-labels';
import type { InformationNumbers, SplitNumbers, TheoryReport } from '../../engine/theory-numbers';
import type { TheoryMeasurement } from '../protocol/snapshot';
import type { ModelSummary } from '../protocol/webview-messages';
import { formatCount, formatNumber, formatPercent, t } from '../l10n';

/** The share of a Gaussian within ±3σ (theory §12): 99.73%. */
export const GAUSSIAN_WITHIN_3_SIGMA = 0.9973;

export type SplitName = 'train' | 'test';

/** When the numbers were measured, and whether the run has moved on since. */
export function measuredCaption(measurement: TheoryMeasurement, epochNow: number): string {
  const at =
    measurement.epochFraction !== undefined
      ? t('Measured during epoch {epoch} ({share} of it done).', { epoch: measurement.epoch + 1, share: formatPercent(measurement.epochFraction) })
      : t('Measured after epoch {epoch}.', { epoch: measurement.epoch });
  return epochNow > measurement.epoch ? `${at} ${t('Training is at epoch {epoch} now: these numbers are older.', { epoch: epochNow })}` : at;
}

export const splitLabel = (split: SplitName): string => (split === 'train' ? t('training set') : t('test set'));

/** The splits the report has, training first. */
export function reportSplits(report: TheoryReport): { split: SplitName; numbers: SplitNumbers }[] {
  return [{ split: 'train' as const, numbers: report.train }, ...(report.test ? [{ split: 'test' as const, numbers: report.test }] : [])];
}

export interface SpreadStrip {
  split: SplitName;
  /** Positions in [0, 1] along the strip (one scale for both splits, min to max of all losses). */
  min: number;
  median: number;
  p90: number;
  max: number;
  /** The cost: the mean of the per-sample losses. */
  mean: number;
  text: string;
}

/** The per-sample losses of each split on one shared scale, their mean marked. */
export function spreadStrips(report: TheoryReport): SpreadStrip[] {
  const splits = reportSplits(report);
  let low = Infinity;
  let high = -Infinity;
  for (const { numbers } of splits) {
    if (Number.isFinite(numbers.losses.min)) low = Math.min(low, numbers.losses.min);
    if (Number.isFinite(numbers.losses.max)) high = Math.max(high, numbers.losses.max);
  }
  const span = high > low ? high - low : 1;
  const at = (v: number) => (Number.isFinite(v) && Number.isFinite(low) ? Math.min(1, Math.max(0, (v - low) / span)) : 0);
  return splits.map(({ split, numbers }) => {
    const l = numbers.losses;
    return {
      split,
      min: at(l.min),
      median: at(l.median),
      p90: at(l.p90),
      max: at(l.max),
      mean: at(l.mean),
      text: t('{split}: per-sample losses from {min} to {max}, median {median}, 90% below {p90}; their mean, the cost, is {mean}.', {
        split: splitLabel(split),
        min: formatNumber(l.min),
        max: formatNumber(l.max),
        median: formatNumber(l.median),
        p90: formatNumber(l.p90),
        mean: formatNumber(l.mean),
      }),
    };
  });
}

export interface ObjectiveRow {
  split: SplitName;
  cost: string;
  regularization: string;
  objective: string;
}

/** Cost + regularisation term = objective, per split (the term is the same: it depends on the weights only). */
export function objectiveRows(report: TheoryReport): ObjectiveRow[] {
  return reportSplits(report).map(({ split, numbers }) => ({
    split,
    cost: formatNumber(numbers.cost),
    regularization: formatNumber(numbers.regularization),
    objective: formatNumber(numbers.objective),
  }));
}

export interface InformationRow {
  split: SplitName;
  crossEntropy: string;
  labelEntropy: string;
  kl: string;
  predictionEntropy: string;
  /** H(p, q) = H(p) + KL(p‖q) with this split's numbers. */
  identity: string;
  /** The numbers unrounded (the view keeps them on its cells for readers that need every digit). */
  values: InformationNumbers;
}

/** For classifiers: the identity H(p, q) = H(p) + KL(p‖q) filled in per split, and H(q). */
export function informationRows(report: TheoryReport): InformationRow[] {
  const rows: InformationRow[] = [];
  for (const { split, numbers } of reportSplits(report)) {
    const info = numbers.information;
    if (!info) continue;
    const row = { split, crossEntropy: formatNumber(info.crossEntropy), labelEntropy: formatNumber(info.labelEntropy), kl: formatNumber(info.kl), predictionEntropy: formatNumber(info.predictionEntropy) };
    rows.push({ ...row, identity: `H(p, q) = H(p) + KL(p‖q): ${row.crossEntropy} = ${row.labelEntropy} + ${row.kl}`, values: info });
  }
  return rows;
}

export interface ConfusionTable {
  split: SplitName;
  /** Row and column headings: the class names of the data (or 0, 1, … when it names none). */
  classes: string[];
  /** counts[actual][predicted]. */
  counts: number[][];
  /** The diagonal's share of all samples (the accuracy). */
  accuracy: number;
  caption: string;
}

/** The confusion matrix of each split, rows the actual class and columns the predicted one. */
export function confusionTables(report: TheoryReport): ConfusionTable[] {
  const tables: ConfusionTable[] = [];
  for (const { split, numbers } of reportSplits(report)) {
    const counts = numbers.confusion;
    if (!counts) continue;
    const classes = counts.map((_, i) => classLabel(report.classNames?.[i] ?? String(i)));
    let total = 0;
    let right = 0;
    counts.forEach((row, i) => row.forEach((n, j) => ((total += n), i === j ? (right += n) : 0)));
    const accuracy = total > 0 ? right / total : 0;
    const caption = t('{split}: {right} of {total} samples on the diagonal ({accuracy}); rows are the actual class, columns the predicted one.', {
      split: splitLabel(split),
      right: formatCount(right),
      total: formatCount(total),
      accuracy: formatPercent(accuracy),
    });
    tables.push({ split, classes, counts, accuracy, caption });
  }
  return tables;
}

export interface InitialRow {
  layer: number;
  std: string;
  /** The measured share within ±3σ ('–' for hand-set weights). */
  share: string;
  /** What the layer's distribution predicts. */
  expected: string;
}

/** The share each distribution puts within ±3σ: a Gaussian's 99.73%, all of a uniform (its edge is at √3σ). */
export function expectedWithin3Sigma(distribution: string | undefined): number {
  return distribution === 'uniform' || distribution === 'xavier' || distribution === 'zeros' ? 1 : GAUSSIAN_WITHIN_3_SIGMA;
}

/** The initial weights of each layer within ±3σ, against the theory's share for its distribution. */
export function initialRows(report: TheoryReport, model: ModelSummary | null): InitialRow[] {
  return report.initialWeights.map((spread) => {
    const distribution = model ? (model.layers[spread.layer]?.init ?? model.init).distribution : undefined;
    return {
      layer: spread.layer + 1,
      std: formatNumber(spread.std),
      share: formatPercent(spread.within3Sigma),
      expected: formatPercent(expectedWithin3Sigma(distribution)),
    };
  });
}

/** One sentence for screen readers and the hover's heading. */
export function theorySummary(measurement: TheoryMeasurement, epochNow: number): string {
  const parts = [measuredCaption(measurement, epochNow), ...spreadStrips(measurement.report).map((s) => s.text), ...informationRows(measurement.report).map((r) => `${splitLabel(r.split)}: ${r.identity}`)];
  return parts.join(' ');
}
