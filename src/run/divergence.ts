// When a run has diverged, and which layer to blame. Divergence is either arithmetic (NaN or ±Inf
// somewhere: the health report says where it first appears) or a loss that has blown up while
// still finite. Both stop training: nothing useful can come from further steps.

import type { HealthReport, LayerHealth, NonFiniteEvent } from '../engine/health-types';
import type { NetworkConfig } from '../engine/types';
import { formatNumber, t, tn } from '../shared/l10n';

/**
 * A finite loss counts as blown up past this multiple of the loss before training (and past
 * BLOWUP_FLOOR, so that a model that starts near zero loss does not trip on noise). Losses of
 * un-standardised regression targets start large; the ratio scales with them.
 */
export const BLOWUP_RATIO = 1e4;
export const BLOWUP_FLOOR = 1e3;

/** True when the epoch's cost means the run cannot recover (non-finite, or blown up). */
export function costHasDiverged(cost: number, initialCost: number): boolean {
  if (!Number.isFinite(cost)) return true;
  const reference = Number.isFinite(initialCost) ? Math.abs(initialCost) : 0;
  return cost > Math.max(BLOWUP_RATIO * reference, BLOWUP_FLOOR);
}

/** "hidden layer 2 (layers[1]: tanh, 8 units)" or "the output layer (layers[2]: sigmoid, 1 unit)". */
export function describeLayer(network: NetworkConfig, layer: number): string {
  const config = network.layers[layer];
  if (!config) return `layers[${layer}]`;
  const args = { index: layer, layer: layer + 1, activation: config.activation };
  return layer === network.layers.length - 1
    ? tn(config.units, 'the output layer (layers[{index}]: {activation}, {count} unit)', 'the output layer (layers[{index}]: {activation}, {count} units)', args)
    : tn(config.units, 'hidden layer {layer} (layers[{index}]: {activation}, {count} unit)', 'hidden layer {layer} (layers[{index}]: {activation}, {count} units)', args);
}

/**
 * The layer to name: where non-finite values first appear, else the one whose updates are largest
 * relative to its weights (the one the learning rate is throwing around the most).
 */
/** Why the layer is named (`detail`, a phrase for logs and tests); the message picks its sentence by `kind`. */
export function blameLayer(health: HealthReport | null): { layer: number; kind: 'non-finite' | 'steps'; where?: string; detail: string } | null {
  if (!health) return null;
  const event = health.nonFinite;
  if (event && event.layer >= 0) return { layer: event.layer, kind: 'non-finite', where: event.where, detail: nonFiniteDetail(event) };
  const worst = largestBy(health.layers, (layer) => layer.updateRatio) ?? largestBy(health.layers, (layer) => layer.gradNorm);
  if (!worst) return null;
  return { layer: worst.layer, kind: 'steps', detail: t('takes the largest steps relative to its weights') };
}

function nonFiniteDetail(event: NonFiniteEvent): string {
  return t('is where non-finite {where} (NaN or ±Infinity) first appear', { where: event.where });
}

function largestBy(layers: readonly LayerHealth[], value: (layer: LayerHealth) => number): LayerHealth | undefined {
  let best: LayerHealth | undefined;
  let bestValue = -Infinity;
  for (const layer of layers) {
    const v = value(layer);
    // A non-finite statistic is the strongest evidence of all.
    const score = Number.isNaN(v) || v === Infinity ? Infinity : v;
    if (score > bestValue) {
      best = layer;
      bestValue = score;
    }
  }
  return bestValue > -Infinity ? best : undefined;
}

/** The sentence shown in the snapshot's `message` and, through live rules, in the Problems panel. */
export function divergenceMessage(options: {
  epoch: number;
  cost: number;
  initialCost: number;
  learningRate: number;
  network: NetworkConfig;
  health: HealthReport | null;
}): string {
  const { epoch, cost, initialCost, learningRate, network, health } = options;
  const blamed = blameLayer(health);
  // Without statistics, the output layer is where the loss is computed, so that is where it shows.
  const layer = blamed?.layer ?? network.layers.length - 1;
  const args = { epoch, initial: formatNumber(initialCost), cost: Number.isFinite(cost) ? formatNumber(cost) : String(cost), layer: describeLayer(network, layer), where: blamed?.where ?? '', lr: formatNumber(learningRate) };
  const finite = Number.isFinite(cost);
  if (blamed === null)
    return finite
      ? t('Training diverged at epoch {epoch}: the loss grew from {initial} to {cost}; {layer} is where the loss is computed. The learning rate ({lr}) is probably too large: try it 10× smaller, then Reset.', args)
      : t('Training diverged at epoch {epoch}: the loss became {cost}; {layer} is where the loss is computed. The learning rate ({lr}) is probably too large: try it 10× smaller, then Reset.', args);
  if (blamed.kind === 'steps')
    return finite
      ? t('Training diverged at epoch {epoch}: the loss grew from {initial} to {cost}; {layer} takes the largest steps relative to its weights. The learning rate ({lr}) is probably too large: try it 10× smaller, then Reset.', args)
      : t('Training diverged at epoch {epoch}: the loss became {cost}; {layer} takes the largest steps relative to its weights. The learning rate ({lr}) is probably too large: try it 10× smaller, then Reset.', args);
  return finite
    ? t('Training diverged at epoch {epoch}: the loss grew from {initial} to {cost}; {layer} is where non-finite {where} (NaN or ±Infinity) first appear. The learning rate ({lr}) is probably too large: try it 10× smaller, then Reset.', args)
    : t('Training diverged at epoch {epoch}: the loss became {cost}; {layer} is where non-finite {where} (NaN or ±Infinity) first appear. The learning rate ({lr}) is probably too large: try it 10× smaller, then Reset.', args);
}
