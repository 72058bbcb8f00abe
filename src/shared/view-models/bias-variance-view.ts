// What the panel's bias-variance view draws, from a measurement (src/experiments/report.ts): the
// runs' fits and their mean, the stacked bar of the decomposition, and the sweep's curves against
// the setting with the best one marked. Pure: the webview only scales these to pixels.

import { bvMessage, formatFigure } from '../../experiments/messages';
import type { ExperimentResult } from '../../experiments/run-experiment';
import { settingName } from '../../experiments/sweep';
import { majorityVote } from '../../experiments/bias-variance';
import type { BiasVarianceFits, BiasVarianceReport } from '../protocol/experiment';

export interface BarSegment {
  key: 'bias2' | 'variance' | 'noise' | 'bias' | 'netVariance';
  value: number;
  /** Share of the bar, 0..1 (negative terms are not drawn: their share is 0). */
  share: number;
}

/** The decomposition's terms as a stacked bar, each with its share of their sum. */
export function barSegments(result: ExperimentResult): BarSegment[] {
  const terms: [BarSegment['key'], number][] =
    result.kind === 'regression'
      ? [['bias2', result.decomposition.bias2], ['variance', result.decomposition.variance], ['noise', result.decomposition.noise]]
      : [['bias', result.decomposition.bias], ['netVariance', result.decomposition.netVariance]];
  let total = 0;
  for (const [, v] of terms) total += Math.max(0, v);
  return terms.map(([key, value]) => ({ key, value, share: total > 0 ? Math.max(0, value) / total : 0 }));
}

/** The bar's sentence (its text alternative and caption). */
export function barText(result: ExperimentResult): string {
  if (result.kind === 'regression') {
    const d = result.decomposition;
    return bvMessage('viewBarRegression', { bias2: formatFigure(d.bias2), variance: formatFigure(d.variance), noise: formatFigure(d.noise) });
  }
  return bvMessage('viewBarClassification', { bias: formatFigure(result.decomposition.bias), netVariance: formatFigure(result.decomposition.netVariance) });
}

/** The mean of the runs' curves, point by point. */
export function meanCurve(runs: readonly (readonly number[])[]): number[] {
  const n = runs[0]?.length ?? 0;
  const mean = new Array<number>(n).fill(0);
  for (const run of runs) for (let i = 0; i < n; i++) mean[i] += run[i] / runs.length;
  return mean;
}

/** The vertical range that holds the truth and every curve. */
export function curveRange(fits: Extract<BiasVarianceFits, { kind: 'curves' }>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const list of [fits.truth].concat(fits.runs)) {
    for (const v of list) {
      if (!Number.isFinite(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (!Number.isFinite(min)) return { min: -1, max: 1 };
  if (min === max) return { min: min - 1, max: max + 1 };
  return { min, max };
}

/** Segments, in grid cells (0..size), between neighbouring cells of different labels: the boundary. */
export function boundarySegments(labels: readonly number[], size: number): [number, number, number, number][] {
  const segments: [number, number, number, number][] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const here = labels[r * size + c];
      if (c + 1 < size && labels[r * size + c + 1] !== here) segments.push([c + 1, r, c + 1, r + 1]);
      if (r + 1 < size && labels[(r + 1) * size + c] !== here) segments.push([c, r + 1, c + 1, r + 1]);
    }
  }
  return segments;
}

/** The runs' majority vote in each cell. */
export function voteGrid(runs: readonly (readonly number[])[]): number[] {
  const n = runs[0]?.length ?? 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(majorityVote(runs.map((run) => run[i])));
  return out;
}

export interface SweepSeries {
  labels: string[];
  /** Bias² (regression) or bias (classification) at each value. */
  bias: number[];
  /** Variance (regression) or net variance (classification). */
  variance: number[];
  /** Their sum (without the noise, which no setting changes). */
  sum: number[];
  best: number;
  caption: string;
}

/** The sweep's curves against the setting, one point per value in the order swept. */
export function sweepSeries(report: BiasVarianceReport): SweepSeries | null {
  if (report.setting === undefined || report.points.length < 2) return null;
  const bias: number[] = [];
  const variance: number[] = [];
  for (const point of report.points) {
    const r = point.result;
    bias.push(r.kind === 'regression' ? r.decomposition.bias2 : r.decomposition.bias);
    variance.push(r.kind === 'regression' ? r.decomposition.variance : r.decomposition.netVariance);
  }
  const setting = settingName(report.setting);
  const classification = report.points[0].result.kind === 'classification';
  return {
    labels: report.points.map((p) => String(p.value ?? '')),
    bias,
    variance,
    sum: bias.map((b, i) => b + variance[i]),
    best: report.best,
    caption: bvMessage(classification ? 'viewSweepCaptionClassification' : 'viewSweepCaption', { setting }),
  };
}

/** The caption over the fits of point `index`. */
export function fitsCaption(report: BiasVarianceReport, index: number): string {
  const point = report.points[index];
  const runs = point.result.runs;
  if (point.fits.kind === 'none') return bvMessage('viewNoFits');
  const swept = report.setting !== undefined && point.value !== undefined;
  const values: Record<string, string | number> = swept ? { runs, setting: settingName(report.setting ?? 'units'), value: point.value ?? '' } : { runs };
  if (point.fits.kind === 'curves') return bvMessage(swept ? 'viewFitsCaption' : 'viewFitsCaptionOnce', values);
  return bvMessage(swept ? 'viewBoundariesCaption' : 'viewBoundariesCaptionOnce', values);
}
