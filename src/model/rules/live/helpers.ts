// Shared pieces of the live rules: where a layer's problem points and how it is phrased.

import { t, tn } from '../../../shared/l10n';
import type { LayerHealth } from '../../../engine/health-types';
import { problem } from '../../semantic';
import type { Problem, TextFix } from '../../spec';
import { THRESHOLDS } from '../../thresholds';
import type { LiveContext } from '../rule';

/** A problem about one layer, on that layer's object in the text. */
export function layerProblem(ctx: LiveContext, code: string, severity: Problem['severity'], message: string, layer: number, fixes: TextFix[] = []): Problem {
  return problem({ locations: ctx.locations }, code, severity, 'live', message, `layers.${layer}`, { layer, fixes });
}

/** `layer 2 (sigmoid, 8 units)`, or `the output layer (sigmoid, 1 unit)`. */
export function layerName(ctx: LiveContext, layer: number): string {
  const spec = ctx.spec.layers[layer];
  if (!spec) return t('layer {layer}', { layer: layer + 1 });
  const args = { layer: layer + 1, activation: spec.activation };
  return layer === ctx.spec.layers.length - 1
    ? tn(spec.units, 'the output layer ({activation}, {count} unit)', 'the output layer ({activation}, {count} units)', args)
    : tn(spec.units, 'layer {layer} ({activation}, {count} unit)', 'layer {layer} ({activation}, {count} units)', args);
}

/** The epochs trained so far: the live rules stay quiet during the first few. */
export function epochsTrained(ctx: LiveContext): number {
  return ctx.history.length > 0 ? ctx.history[ctx.history.length - 1].epoch : 0;
}

/**
 * A classifier that gets (nearly) all its training samples right: nothing is stuck. A problem
 * already shown (`active`) is silenced only at the higher release accuracy (hysteresis).
 */
export function hasLearnt(ctx: LiveContext, active = false): boolean {
  const accuracy = ctx.history[ctx.history.length - 1]?.trainAccuracy;
  return accuracy !== undefined && accuracy >= (active ? THRESHOLDS.learntAccuracyRelease : THRESHOLDS.learntAccuracy);
}

/**
 * Whether this problem was among the live problems reported last time: same code, same layer
 * (both absent for a problem about the whole network), and the same severity when one is given
 * (update-ratio reports "too large" as a warning and "too small" as information).
 */
export function wasActive(ctx: LiveContext, code: string, layer: number | undefined, severity?: Problem['severity']): boolean {
  return (ctx.previous ?? []).some((p) => p.code === code && p.layer === layer && (severity === undefined || p.severity === undefined || p.severity === severity));
}

/**
 * The value a measure must pass: the trigger for a new problem, the release value (a margin
 * inside the trigger, see THRESHOLDS) for one already shown, so a measure hovering at its trigger
 * does not make the problem flicker.
 */
export function limit(active: boolean, trigger: number, release: number): number {
  return active ? release : trigger;
}

export function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function healthOf(ctx: LiveContext): LayerHealth[] {
  return ctx.health.layers.filter((h) => h.layer >= 0 && h.layer < ctx.spec.layers.length);
}
