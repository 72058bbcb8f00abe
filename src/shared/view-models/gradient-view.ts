// Gradient flow: per-layer mean |∂L/∂W| from the input side to the output, on a log axis. The
// backward pass multiplies by each layer's derivative, so vanishing gradients show as bars that
// shrink towards the input and exploding ones as bars that grow; the live rules name such layers.

import type { HealthReport } from '../../engine/health-types';
import type { HealthSample, ModelSummary, ProblemView } from '../protocol/webview-messages';
import { THRESHOLDS } from '../../model/thresholds';
import { pick, strideIndices } from './decimate';
import { formatNumber, t } from '../l10n';

export type GradientFlag = { kind: 'vanishing' | 'exploding'; code: string };

export interface GradientBars {
  labels: string[];
  /** Mean |∂L/∂W| per layer, input side first. */
  values: number[];
  flags: (GradientFlag | null)[];
  /**
   * The rules' limits for each layer, relative to the next layer's gradient (null for the output
   * layer, or when the next gradient is negligible): below `vanishing` the layer is flagged
   * vanishing, above `exploding` exploding.
   */
  limits: ({ vanishing: number; exploding: number } | null)[];
}

/** Where the live rules draw the line for each layer (src/model/thresholds.ts). */
export function gradientLimits(values: readonly number[]): GradientBars['limits'] {
  return values.map((_, i) => {
    const next = values[i + 1];
    if (next === undefined || !Number.isFinite(next) || next < THRESHOLDS.negligibleGradient) return null;
    return { vanishing: next * THRESHOLDS.vanishingRatio, exploding: next * THRESHOLDS.explodingRatio };
  });
}

/** Which rule codes mean what: recognised by name, so any vanishing/exploding rule is picked up. */
export function gradientFlagOf(code: string): GradientFlag['kind'] | null {
  if (/vanish/i.test(code)) return 'vanishing';
  if (/explod/i.test(code)) return 'exploding';
  return null;
}

/** The flag of each layer, from the live problems that name a layer (the rules decide; we draw). */
export function gradientFlags(problems: readonly ProblemView[], layers: number): (GradientFlag | null)[] {
  const flags: (GradientFlag | null)[] = Array.from({ length: layers }, () => null);
  for (const p of problems) {
    if (p.layer === undefined || p.layer < 0 || p.layer >= layers) continue;
    const kind = gradientFlagOf(p.code);
    if (kind) flags[p.layer] = { kind, code: p.code };
  }
  return flags;
}

export function layerLabel(model: ModelSummary | null, layer: number, layers: number): string {
  const l = model?.layers[layer];
  const role = layerRole(layer, layers);
  return l ? `${role} (${l.activation}, ${l.units})` : role;
}

export function layerRole(layer: number, layers: number): string {
  return layer === layers - 1 ? 'output' : `hidden ${layer + 1}`;
}

/** For narrow places (axis ticks, diagram columns): h1, h2, …, out. */
export function layerShort(layer: number, layers: number): string {
  return layer === layers - 1 ? 'out' : `h${layer + 1}`;
}

export function gradientBars(health: HealthReport, problems: readonly ProblemView[]): GradientBars {
  const n = health.layers.length;
  const flags = gradientFlags(problems, n);
  return {
    labels: health.layers.map((l) => {
      const flag = flags[l.layer];
      const base = layerShort(l.layer, n);
      return flag ? `${base} · ${flag.code}` : base;
    }),
    values: health.layers.map((l) => l.gradMeanAbs),
    flags,
    limits: gradientLimits(health.layers.map((l) => l.gradMeanAbs)),
  };
}

export interface GradientLines {
  epochs: number[];
  /** One series per layer, input side first. */
  series: number[][];
}

export function gradientLines(timeline: readonly HealthSample[], layers: number, maxPoints: number): GradientLines {
  const kept = pick(timeline, strideIndices(timeline.length, maxPoints));
  return {
    epochs: kept.map((s) => s.epoch),
    series: Array.from({ length: layers }, (_, k) => kept.map((s) => s.layers[k]?.gradMeanAbs ?? NaN)),
  };
}

/** Log axes cannot draw 0: a layer with no gradient at all sits on the floor. */
export const GRADIENT_FLOOR = 1e-12;

export function gradientSummary(bars: GradientBars): string {
  if (bars.values.length === 0) return t('Gradient flow: no gradients yet.');
  const n = bars.values.length;
  const parts = bars.values.map((v, i) => {
    const flag = bars.flags[i];
    const args = { layer: layerRole(i, n), value: formatNumber(v) };
    return flag ? t('{layer} {value} ({flag}, {code})', { ...args, flag: flag.kind === 'vanishing' ? t('vanishing') : t('exploding'), code: flag.code }) : t('{layer} {value}', args);
  });
  const layers = parts.reduce((list, item) => (list === '' ? item : t('{list}; {item}', { list, item })), '');
  return t('Mean |∂L/∂W| from input to output: {layers}.', { layers });
}
