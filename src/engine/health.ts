// Health statistics of a network after an epoch: per layer, the distributions of its parameters
// and of what flows through it, gradient sizes, and the two classic failure modes the theory
// names, saturation (sigmoid/tanh, §6) and dead ReLUs. Pre-activations and activations come from a
// bounded sample of the training split run forward with the current weights (at most
// HEALTH_SAMPLE_ROWS rows), so a report costs about as much as one small minibatch.

import { ACTIVATION_INFO } from './activations';
import { describe, firstNonFinite, normAndMeanAbs } from './distribution';
import type { HealthReport, LayerHealth, NonFiniteEvent } from './health-types';
import type { Network, Workspace } from './network';
import type { ActivationName } from './types';

export const HEALTH_SAMPLE_ROWS = 256;

export interface HealthInputs {
  network: Network;
  /** Workspace whose pre/act buffers hold a forward pass of `rows` sample rows. */
  sample: Workspace;
  rows: number;
  learningRate: number;
  /** True when `everPositive` covers a whole trained epoch (otherwise dead units come from the sample). */
  activityTracked: boolean;
  /** Per layer, the ReLU activity to judge dead units by when not the layers' own (mid-epoch). */
  everPositive?: readonly Uint8Array[];
  /** A non-finite value already detected while training, if any. */
  nonFinite: NonFiniteEvent | null;
}

export function computeHealth(inputs: HealthInputs): HealthReport {
  const { network, sample, rows, learningRate } = inputs;
  const layers: LayerHealth[] = network.layers.map((layer, l) => {
    const count = rows * layer.units;
    const pre = sample.pre[l];
    const act = sample.act[l];
    const grad = normAndMeanAbs(layer.weightGrad);
    const weightNorm = normAndMeanAbs(layer.weights).norm;
    const step = learningRate * grad.norm;
    const updateRatio = weightNorm > 0 ? step / weightNorm : step > 0 ? Number.POSITIVE_INFINITY : 0;
    return {
      layer: l,
      activation: layer.activation,
      units: layer.units,
      weights: describe(layer.weights),
      biases: describe(layer.biases),
      preActivations: describe(pre, count),
      activations: describe(act, count),
      gradMeanAbs: grad.meanAbs,
      gradNorm: grad.norm,
      weightNorm,
      updateRatio,
      saturatedFraction: saturatedFraction(layer.activation, pre, count),
      deadFraction: layer.activation === 'relu' ? deadFraction(inputs.everPositive?.[l] ?? layer.everPositive, inputs.activityTracked, pre, rows, layer.units) : null,
    };
  });
  return { layers, nonFinite: inputs.nonFinite ?? scanParameters(network) };
}

/**
 * Share of (sample, unit) pre-activations inside a saturation zone (sigmoid and tanh on both
 * sides, ELU, softplus, GELU and swish below), or null for activations without one.
 */
export function saturatedFraction(activation: ActivationName, pre: Float64Array, count: number): number | null {
  const { saturatedBelow, saturatedAbove } = ACTIVATION_INFO[activation].zones;
  if (saturatedBelow === null && saturatedAbove === null) return null;
  if (count === 0) return 0;
  const below = saturatedBelow ?? Number.NEGATIVE_INFINITY;
  const above = saturatedAbove ?? Number.POSITIVE_INFINITY;
  let saturated = 0;
  for (let i = 0; i < count; i++) {
    const z = pre[i];
    if (z < below || z > above) saturated++;
  }
  return saturated / count;
}

/** Share of units never positive: over the last epoch when tracked, else over the sample. */
function deadFraction(everPositive: Uint8Array, tracked: boolean, pre: Float64Array, rows: number, units: number): number {
  let dead = 0;
  if (tracked) {
    for (let u = 0; u < units; u++) if (everPositive[u] === 0) dead++;
    return dead / units;
  }
  for (let u = 0; u < units; u++) {
    let alive = false;
    for (let r = 0; r < rows && !alive; r++) alive = pre[r * units + u] > 0;
    if (!alive) dead++;
  }
  return dead / units;
}

/** First layer whose weights or biases hold NaN/±Inf, or null. */
export function scanParameters(network: Network): NonFiniteEvent | null {
  for (const layer of network.layers) {
    if (firstNonFinite(layer.weights) >= 0) return { layer: layer.index, where: 'weights' };
    if (firstNonFinite(layer.biases) >= 0) return { layer: layer.index, where: 'biases' };
  }
  return null;
}

/**
 * Names where a non-finite batch loss came from: the first layer, in forward order, whose
 * parameters, pre-activations or activations are not finite; the loss itself when all are.
 */
export function locateNonFinite(network: Network, ws: Workspace, rows: number): NonFiniteEvent {
  for (const layer of network.layers) {
    const l = layer.index;
    const count = rows * layer.units;
    if (firstNonFinite(layer.weights) >= 0) return { layer: l, where: 'weights' };
    if (firstNonFinite(layer.biases) >= 0) return { layer: l, where: 'biases' };
    if (firstNonFinite(ws.pre[l], count) >= 0) return { layer: l, where: 'pre-activations' };
    if (firstNonFinite(ws.act[l], count) >= 0) return { layer: l, where: 'activations' };
  }
  return { layer: -1, where: 'loss' };
}

/** First layer whose gradients are not finite, or null. */
export function scanGradients(network: Network): NonFiniteEvent | null {
  for (const layer of network.layers) {
    if (firstNonFinite(layer.weightGrad) >= 0 || firstNonFinite(layer.biasGrad) >= 0) return { layer: layer.index, where: 'gradients' };
  }
  return null;
}
