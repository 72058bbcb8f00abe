// The activation view lays a layer's pre-activation histogram over its activation function, so a
// student sees where the values fall: in the linear zone, or in the saturation zones where the
// derivative (and with it the gradient) vanishes, or below 0 where ReLU units die.

import type { LayerHealth } from '../../engine/health-types';
import { SATURATION_THRESHOLD } from '../../model/vocabulary';
import type { ActivationName } from '../../engine/types';
import { histogramSteps, type StepSeries } from './distribution-view';
import { formatNumber, formatPercent } from './format';

/** Where the derivative is within this share of its peak, the function is nearly a line. */
export const LINEAR_ZONE_DERIVATIVE = 0.9;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The function itself, for the curve (softmax is drawn as the logistic of one logit vs. the rest). */
export function activationValue(name: string, z: number): number {
  switch (name) {
    case 'sigmoid':
    case 'softmax':
      return sigmoid(z);
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return Math.max(0, z);
    case 'leaky-relu':
      return z > 0 ? z : 0.01 * z;
    case 'step':
      return z > 0 ? 1 : 0;
    case 'sign':
      return z > 0 ? 1 : z < 0 ? -1 : 0;
    default:
      return z;
  }
}

export interface Zones {
  /** |z| beyond which the unit is saturated; null when the function has no saturation zone. */
  saturation: number | null;
  /** The linear zone (−a, a); null when the function is linear (or piecewise) everywhere. */
  linear: number | null;
  /** z below this kills the gradient entirely (ReLU's dead side). */
  deadBelow: number | null;
}

/**
 * Zones from the derivative: saturation beyond the model rules' thresholds (4.6 for sigmoid, 3.0
 * for tanh, where the derivative falls below 0.01), linear where it stays within 10% of its peak:
 * σ'(z)/σ'(0) = 4σ(1−σ) ≥ r gives σ = (1 + √(1−r))/2; tanh'(z) = 1 − tanh² ≥ r gives tanh z = √(1−r).
 */
export function activationZones(name: string): Zones {
  const saturation = SATURATION_THRESHOLD[name as ActivationName] ?? null;
  const r = LINEAR_ZONE_DERIVATIVE;
  switch (name) {
    case 'sigmoid': {
      const s = (1 + Math.sqrt(1 - r)) / 2;
      return { saturation, linear: Math.log(s / (1 - s)), deadBelow: null };
    }
    case 'tanh':
      return { saturation, linear: Math.atanh(Math.sqrt(1 - r)), deadBelow: null };
    case 'relu':
      return { saturation: null, linear: null, deadBelow: 0 };
    default:
      return { saturation: null, linear: null, deadBelow: null };
  }
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
  const reach = Math.max(Math.abs(d.histogram.min), Math.abs(d.histogram.max), (zones.saturation ?? 2) * 1.25, 1e-6);
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
