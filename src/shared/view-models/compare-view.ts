// Runs side by side (issue 17, item 1): the curves of every pinned run on one set of axes, labelled
// by file, and each run's gradient flow per layer on one log axis, so sigmoid's shrinking gradients
// and ReLU's steady ones are read off one picture. Pure: the host builds ComparedRun, the webview
// draws what this returns.

import type { HistoryPoint, HealthSample } from '../protocol/snapshot';
import type { ComparedRun } from '../protocol/webview-messages';
import { pick, strideIndices } from './decimate';
import { stateWord } from './status-view';
import { formatNumber, formatPercent, joinList, t } from '../l10n';

/** Runs one comparison holds at most: beyond this the legend and the colours no longer tell them apart. */
export const MAX_COMPARED_RUNS = 6;
/** Epochs per run a comparison message carries (the charts draw at most this many per series). */
export const COMPARED_POINTS = 400;

/** A run's curves as the charts draw them. */
export interface ComparedCurves {
  label: string;
  /** Index into the palette's series colours: a run keeps its colour while it stays pinned. */
  colour: number;
  epochs: number[];
  trainCost: number[];
  testCost: (number | null)[];
  trainAccuracy: (number | null)[] | null;
  testAccuracy: (number | null)[] | null;
}

/** Gradient flow per layer, one line per run: x is the layer (1 = first hidden), y mean |∂L/∂W|. */
export interface GradientProfile {
  label: string;
  colour: number;
  layers: number[];
  values: number[];
  epoch: number | null;
}

/** The run's history thinned for a comparison message, the last epoch always kept. */
export function comparedHistory(history: readonly HistoryPoint[], max = COMPARED_POINTS): HistoryPoint[] {
  return pick(history, strideIndices(history.length, max));
}

/** Mean |∂L/∂W| per layer at the latest health sample, and its epoch. */
export function latestGradients(health: readonly HealthSample[]): { gradients: number[]; epoch: number | null } {
  const last = health.at(-1);
  return last ? { gradients: last.layers.map((l) => l.gradMeanAbs), epoch: last.epoch } : { gradients: [], epoch: null };
}

export function comparedCurves(runs: readonly ComparedRun[]): ComparedCurves[] {
  return runs.map((run, colour) => {
    const h = run.history;
    const classifier = h.some((p) => p.trainAccuracy !== undefined);
    return {
      label: run.label,
      colour,
      epochs: h.map((p) => p.epoch),
      trainCost: h.map((p) => p.trainCost),
      testCost: h.map((p) => p.testCost),
      trainAccuracy: classifier ? h.map((p) => p.trainAccuracy ?? null) : null,
      testAccuracy: classifier ? h.map((p) => p.testAccuracy ?? null) : null,
    };
  });
}

export function gradientProfiles(runs: readonly ComparedRun[]): GradientProfile[] {
  return runs.map((run, colour) => ({
    label: run.label,
    colour,
    layers: run.gradients.map((_, i) => i + 1),
    values: run.gradients,
    epoch: run.gradientEpoch,
  }));
}

/** One line per run, with the figures its curves end on: the charts' text alternative. */
export function runLine(run: ComparedRun): string {
  const last = run.history.at(-1);
  const figures: string[] = [];
  if (last) {
    figures.push(t('training cost {value}', { value: formatNumber(last.trainCost) }));
    if (last.testCost !== null) figures.push(t('test cost {value}', { value: formatNumber(last.testCost) }));
    if (last.testAccuracy !== undefined) figures.push(t('test accuracy {value}', { value: formatPercent(last.testAccuracy) }));
    else if (last.trainAccuracy !== undefined) figures.push(t('training accuracy {value}', { value: formatPercent(last.trainAccuracy) }));
  }
  if (run.gradients.length > 1) {
    const first = run.gradients[0] as number;
    const output = run.gradients.at(-1) as number;
    figures.push(t('first layer’s gradient {ratio} × the output layer’s', { ratio: output > 0 ? formatNumber(first / output) : '—' }));
  }
  const where = t('{label}: {state}, epoch {epoch}/{epochs}', { label: run.label, state: stateWord(run.state), epoch: String(run.epoch), epochs: String(run.epochs) });
  return figures.length > 0 ? t('{run}; {figures}.', { run: where, figures: joinList(figures) }) : t('{run}.', { run: where });
}

export function comparisonSummary(runs: readonly ComparedRun[]): string {
  if (runs.length === 0) return t('Comparison: no run pinned. Pin this run, then open another model (or add one that is open) to see their curves on the same axes.');
  return runs.map(runLine).join(' ');
}
