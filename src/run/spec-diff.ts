// Decides what an edit of a `.nn.json` file means for a running session: nothing, hyperparameters
// that the trainer can take on the fly (progress kept), or a change of structure that makes the
// current weights meaningless (reset, with a sentence per change saying why).

import type { InitSpec, TrainingConfig } from '../engine/types';
import type { LayerSpec, ModelSpec } from '../model/spec';
import { TRAINING_KEYS } from '../model/vocabulary';
import { t, tn } from '../shared/l10n';

export type SpecChange =
  /** Nothing training depends on changed (e.g. only the name or formatting). */
  | { kind: 'none' }
  /** Only values the trainer can update in place changed: send `patch`, keep progress. */
  | { kind: 'hyperparameters'; patch: Partial<TrainingConfig>; fields: (keyof TrainingConfig)[] }
  /** The network, data, init, loss, optimiser or seed changed: start again from the seed. */
  | { kind: 'structure'; reasons: string[] };

/**
 * Training settings that `Trainer.updateTraining` applies between epochs: every key of the
 * training section but the optimiser's name, whose state (velocity, Adam moments) does not carry
 * over between kinds.
 */
export const LIVE_HYPERPARAMETERS = TRAINING_KEYS.filter(
  (key): key is Exclude<(typeof TRAINING_KEYS)[number], 'optimizer'> => key !== 'optimizer',
) satisfies readonly (keyof TrainingConfig)[];

export function diffSpecs(before: ModelSpec, after: ModelSpec): SpecChange {
  const reasons = structuralReasons(before, after);
  if (reasons.length > 0) return { kind: 'structure', reasons };

  const patch: Partial<TrainingConfig> = {};
  const fields: (keyof TrainingConfig)[] = [];
  for (const field of LIVE_HYPERPARAMETERS) {
    if (!sameValue(before.training[field], after.training[field])) {
      // Assigning through a union-keyed index needs the cast; the value comes from the same field.
      (patch as Record<string, unknown>)[field] = after.training[field];
      fields.push(field);
    }
  }
  return fields.length > 0 ? { kind: 'hyperparameters', patch, fields } : { kind: 'none' };
}

/**
 * One clause per change that invalidates the current weights, in the order a reader scans the file,
 * in the UI's language. Values (seeds, names, JSON paths) go in as written in the file.
 */
function structuralReasons(before: ModelSpec, after: ModelSpec): string[] {
  const reasons: string[] = [];
  if (before.seed !== after.seed) reasons.push(t('the seed changed ({before} → {after})', { before: String(before.seed), after: String(after.seed) }));
  if (!sameValue(before.data, after.data)) reasons.push(describeDataChange(before, after));
  for (const reason of layerReasons(before.layers, after.layers)) reasons.push(reason);
  if (before.loss !== after.loss) reasons.push(t('the loss changed ({before} → {after})', { before: before.loss, after: after.loss }));
  if (!sameValue(before.init, after.init)) {
    reasons.push(t('the initialisation changed ({before} → {after})', { before: describeInit(before.init), after: describeInit(after.init) }));
  }
  if (before.training.optimizer !== after.training.optimizer) {
    reasons.push(t('the optimiser changed ({before} → {after})', { before: before.training.optimizer, after: after.training.optimizer }));
  }
  return reasons;
}

function describeDataChange(before: ModelSpec, after: ModelSpec): string {
  const a = before.data;
  const b = after.data;
  if (a.kind !== b.kind) return t('the data source changed ({before} → {after})', { before: a.kind, after: b.kind });
  if (a.kind === 'generator' && b.kind === 'generator' && a.generator !== b.generator) {
    return t('the data changed ({before} → {after})', { before: a.generator, after: b.generator });
  }
  const changed = Object.keys({ ...a, ...b }).filter(
    (key) => !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
  return t('the data changed ({fields})', { fields: changed.join(', ') });
}

function layerReasons(before: readonly LayerSpec[], after: readonly LayerSpec[]): string[] {
  if (before.length !== after.length) {
    const count = Math.abs(after.length - before.length);
    const args = { before: String(before.length), after: String(after.length) };
    return [
      after.length > before.length
        ? tn(count, 'a layer was added ({before} → {after} layers)', '{count} layers were added ({before} → {after} layers)', args)
        : tn(count, 'a layer was removed ({before} → {after} layers)', '{count} layers were removed ({before} → {after} layers)', args),
    ];
  }
  const reasons: string[] = [];
  before.forEach((a, i) => {
    const b = after[i];
    const where = `layers[${i}]`;
    if (a.units !== b.units) reasons.push(t('the units of {layer} changed ({before} → {after})', { layer: where, before: String(a.units), after: String(b.units) }));
    if (a.activation !== b.activation) reasons.push(t('the activation of {layer} changed ({before} → {after})', { layer: where, before: a.activation, after: b.activation }));
    if ((a.dropout ?? 0) !== (b.dropout ?? 0)) reasons.push(t('the dropout of {layer} changed ({before} → {after})', { layer: where, before: String(a.dropout ?? 0), after: String(b.dropout ?? 0) }));
    if (!sameValue(a.init, b.init)) {
      reasons.push(t('the initialisation of {layer} changed ({before} → {after})', { layer: where, before: describeInit(a.init), after: describeInit(b.init) }));
    }
  });
  return reasons;
}

function describeInit(init: InitSpec | undefined): string {
  if (!init) return t('network default');
  const details = [
    init.mean !== undefined ? `mean ${init.mean}` : '',
    init.std !== undefined ? `std ${init.std}` : '',
    init.limit !== undefined ? `limit ${init.limit}` : '',
  ].filter(Boolean);
  return details.length > 0 ? `${init.distribution} ${details.join(', ')}` : init.distribution;
}

/** Structural equality of plain JSON-like values (spec objects are built by the parser, never cyclic). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // A key set to `undefined` and a missing key mean the same to the trainer.
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameValue(ra[key], rb[key])) return false;
  return true;
}

/** Parameters of a fully connected network: a weight per input per unit, a bias per unit. */
export function countParameters(inputSize: number, layers: readonly { units: number }[]): number {
  let total = 0;
  for (const count of layerParameterCounts(inputSize, layers)) total += count;
  return total;
}

/** Each layer's share of countParameters: its fan-in × its units + its units (the biases). */
export function layerParameterCounts(inputSize: number, layers: readonly { units: number }[]): number[] {
  let inputs = inputSize;
  return layers.map((layer) => {
    const count = inputs * layer.units + layer.units;
    inputs = layer.units;
    return count;
  });
}
