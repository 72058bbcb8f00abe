// Shared pieces of the live rules: where a layer's problem points and how it is phrased.

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
  const role = layer === ctx.spec.layers.length - 1 ? 'the output layer' : `layer ${layer + 1}`;
  return spec ? `${role} (${spec.activation}, ${spec.units} unit${spec.units === 1 ? '' : 's'})` : `layer ${layer + 1}`;
}

/** The epochs trained so far: the live rules stay quiet during the first few. */
export function epochsTrained(ctx: LiveContext): number {
  return ctx.history.length > 0 ? ctx.history[ctx.history.length - 1].epoch : 0;
}

/** A classifier that gets (nearly) all its training samples right: nothing is stuck. */
export function hasLearnt(ctx: LiveContext): boolean {
  const accuracy = ctx.history[ctx.history.length - 1]?.trainAccuracy;
  return accuracy !== undefined && accuracy >= THRESHOLDS.learntAccuracy;
}

export function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function healthOf(ctx: LiveContext): LayerHealth[] {
  return ctx.health.layers.filter((h) => h.layer >= 0 && h.layer < ctx.spec.layers.length);
}
