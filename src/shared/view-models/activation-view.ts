// The activation view lays a layer's pre-activation histogram over its activation function, so a
// student sees where the values fall: in the linear zone, or in the saturation zones where the
// derivative (and with it the gradient) vanishes, or below 0 where ReLU units die.

import { ACTIVATION_INFO, activationRecord, isActivationName, type ActivationZones } from '../../engine/activations';
import type { LayerHealth } from '../../engine/health-types';
import { histogramSteps, type StepSeries } from './distribution-view';
import { formatNumber, formatPercent } from '../l10n';

/** The function itself, for the curve: the engine's own (softmax is drawn as the logistic of one logit against 0). */
export function activationValue(name: string, z: number): number {
  return isActivationName(name) ? activationRecord(name).forward(z) : z;
}

/** The engine's zones, computed from the activation's derivative (see ActivationZones). */
export type Zones = ActivationZones;

const NO_ZONES: Zones = { saturatedBelow: null, saturatedAbove: null, deadBelow: null, linear: null };

/**
 * Zones from the derivative, as the engine computes them: saturation where |φ′| < 0.01 (beyond
 * ±4.585 for sigmoid, ±2.993 for tanh, below −4.6 for ELU and softplus), the linear zone where
 * the slope stays within 10% of its peak, ReLU's dead side below 0.
 */
export function activationZones(name: string): Zones {
  return isActivationName(name) ? ACTIVATION_INFO[name].zones : NO_ZONES;
}

export interface ActivationChartData {
  /** Histogram of pre-activations as stepped points (share in %). */
  histogram: StepSeries;
  /** The function sampled over the same x range. */
  curve: { x: number[]; y: number[] };
  xMin: number;
  xMax: number;
  zones: Zones;
  /** `37% saturated`, `12% dead`, or null. */
  note: string | null;
}

const CURVE_POINTS = 101;

export function activationChartData(health: LayerHealth): ActivationChartData {
  const d = health.preActivations;
  const zones = activationZones(health.activation);
  // Show at least the saturation thresholds, so an empty-looking linear zone still has context.
  const edge = Math.max(Math.abs(zones.saturatedBelow ?? 0), Math.abs(zones.saturatedAbove ?? 0)) || 2;
  const reach = Math.max(Math.abs(d.histogram.min), Math.abs(d.histogram.max), edge * 1.25, 1e-6);
  const xMin = -reach;
  const xMax = reach;
  const cx: number[] = [];
  const cy: number[] = [];
  for (let i = 0; i < CURVE_POINTS; i++) {
    const z = xMin + ((xMax - xMin) * i) / (CURVE_POINTS - 1);
    cx.push(z);
    cy.push(activationValue(health.activation, z));
  }
  return { histogram: histogramSteps(d), curve: { x: cx, y: cy }, xMin, xMax, zones, note: activationNote(health) };
}

export interface ZoneBand {
  kind: 'saturated' | 'linear' | 'dead';
  from: number;
  to: number;
}

/** The zones as bands to shade, clipped to the chart's x range (a zone running to ±∞ ends at the edge). */
export function zoneBands(chart: Pick<ActivationChartData, 'zones' | 'xMin' | 'xMax'>): ZoneBand[] {
  const { zones, xMin, xMax } = chart;
  const bands: ZoneBand[] = [];
  const add = (kind: ZoneBand['kind'], from: number, to: number) => {
    const a = Math.max(from, xMin);
    const b = Math.min(to, xMax);
    if (b > a) bands.push({ kind, from: a, to: b });
  };
  if (zones.saturatedBelow !== null) add('saturated', xMin, zones.saturatedBelow);
  if (zones.saturatedAbove !== null) add('saturated', zones.saturatedAbove, xMax);
  if (zones.linear !== null) add('linear', zones.linear.min, zones.linear.max);
  if (zones.deadBelow !== null) add('dead', xMin, zones.deadBelow);
  return bands;
}

export function activationNote(health: LayerHealth): string | null {
  if (health.saturatedFraction !== null) return `${formatPercent(health.saturatedFraction)} saturated`;
  if (health.deadFraction !== null) return `${formatPercent(health.deadFraction)} dead`;
  return null;
}

export function activationSummary(layerLabel: string, health: LayerHealth): string {
  const d = health.preActivations;
  const note = activationNote(health);
  return (
    `${layerLabel}: pre-activations mean ${formatNumber(d.mean)}, std ${formatNumber(d.std)}, ` +
    `from ${formatNumber(d.histogram.min)} to ${formatNumber(d.histogram.max)}${note ? `; ${note}` : ''}.`
  );
}
