// Weight histograms now, and their distributions over time as TensorBoard draws them: nested bands
// between symmetric percentiles (0/100, 7/93, 16/84, 31/69) around the median, with the range the
// initialisation drew from as the reference a student compares against.

import type { Distribution } from '../../engine/health-types';
import type { HealthSample, ModelSummary } from '../protocol/webview-messages';
import { pick, strideIndices } from './decimate';
import { formatNumber, t } from '../l10n';

export interface StepSeries {
  x: number[];
  /** Share of the values in each bin, in percent. */
  y: number[];
}

/**
 * The outline of a histogram as a plain polyline (two points per bin: its left and right edge at
 * its height), starting and ending at 0 so a fill to the origin closes it. Explicit corners rather
 * than chart.js's stepped lines, whose fill cuts corners.
 */
export function histogramSteps(d: Distribution): StepSeries {
  const { min, max, counts } = d.histogram;
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length === 0 || total === 0) return { x: [], y: [] };
  const width = max > min ? (max - min) / counts.length : 0;
  if (width === 0) {
    // Every value equal (zeros init): one bar of visible width around it.
    const w = Math.max(Math.abs(min) * 0.02, 1e-3);
    return { x: [min - w, min - w, min + w, min + w], y: [0, 100, 100, 0] };
  }
  const x = [min];
  const y = [0];
  counts.forEach((c, k) => {
    const share = (100 * c) / total;
    x.push(min + k * width, k === counts.length - 1 ? max : min + (k + 1) * width);
    y.push(share, share);
  });
  x.push(max);
  y.push(0);
  return { x, y };
}

export interface InitialRange {
  low: number;
  high: number;
  /** How the range was drawn, for the legend: `μ ± 3σ of N(0, 0.01)` or `U(−0.24, 0.24)`. */
  label: string;
}

/**
 * The interval holding the initial weights: μ ± 3σ for normal draws (99.73% of them, the 3σ rule),
 * the whole support for uniform ones. Scales follow the engine's init (src/engine/init.ts).
 */
export function initialRange(init: ModelSummary['init'], fanIn: number, fanOut: number): InitialRange {
  switch (init.distribution) {
    case 'gaussian': {
      const mean = init.mean ?? 0;
      const std = init.std ?? 0.01;
      return { low: mean - 3 * std, high: mean + 3 * std, label: `μ ± 3σ of N(${formatNumber(mean)}, ${formatNumber(std)})` };
    }
    case 'he': {
      const std = Math.sqrt(2 / Math.max(fanIn, 1));
      return { low: -3 * std, high: 3 * std, label: `± 3σ of He N(0, ${formatNumber(std)})` };
    }
    case 'xavier': {
      const limit = Math.sqrt(6 / Math.max(fanIn + fanOut, 1));
      return { low: -limit, high: limit, label: `Xavier U(−${formatNumber(limit)}, ${formatNumber(limit)})` };
    }
    case 'uniform': {
      const limit = init.limit ?? 0.05;
      return { low: -limit, high: limit, label: `U(−${formatNumber(limit)}, ${formatNumber(limit)})` };
    }
    default:
      return { low: 0, high: 0, label: t('all zeros') };
  }
}

/** The init a layer's weights came from: its own override, else the network's. */
export function layerInit(model: ModelSummary, layer: number): ModelSummary['init'] {
  return model.layers[layer]?.init ?? model.init;
}

/** Fan-in and fan-out of each layer's weight matrix. */
export function layerFans(model: ModelSummary): { fanIn: number; fanOut: number }[] {
  return model.layers.map((l, i) => ({ fanIn: i === 0 ? model.inputSize : (model.layers[i - 1]?.units ?? 0), fanOut: l.units }));
}

export interface PercentileBands {
  epochs: number[];
  /** One series per percentile of HEALTH_PERCENTILES, same order. */
  series: number[][];
}

export function percentileBands(timeline: readonly HealthSample[], layer: number, maxPoints: number): PercentileBands {
  const rows = timeline.filter((s) => s.layers[layer]?.weightPercentiles.length);
  const kept = pick(rows, strideIndices(rows.length, maxPoints));
  const count = kept[0]?.layers[layer]?.weightPercentiles.length ?? 0;
  return {
    epochs: kept.map((s) => s.epoch),
    series: Array.from({ length: count }, (_, k) => kept.map((s) => s.layers[layer]?.weightPercentiles[k] ?? NaN)),
  };
}

/** Pairs of series indices filled between, outermost first (min/max, 7/93, 16/84, 31/69). */
export function bandPairs(count: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let lo = 0, hi = count - 1; lo < hi; lo++, hi--) pairs.push([lo, hi]);
  return pairs;
}

export function weightSummary(layerLabel: string, d: Distribution, range: InitialRange | null): string {
  const [p0, , p16, , p50, , p84, , p100] = d.percentiles;
  let text =
    `${layerLabel} weights: mean ${formatNumber(d.mean)}, std ${formatNumber(d.std)}, median ${formatNumber(p50)}, ` +
    `16–84% between ${formatNumber(p16)} and ${formatNumber(p84)}, range ${formatNumber(p0)} to ${formatNumber(p100)}.`;
  if (range) text += ` Initial range ${formatNumber(range.low)} to ${formatNumber(range.high)}.`;
  return text;
}
