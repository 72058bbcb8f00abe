// Decides what an edit of a `.nn.json` file means for a running session: nothing, hyperparameters
// that the trainer can take on the fly (progress kept), or a change of structure that makes the
// current weights meaningless (reset, with a sentence per change saying why).

import type { InitSpec, TrainingConfig } from '../engine/types';
import type { LayerSpec, ModelSpec } from '../model/spec';
import { TRAINING_KEYS } from '../model/vocabulary';

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

/** One sentence per change that invalidates the current weights, in the order a reader scans the file. */
function structuralReasons(before: ModelSpec, after: ModelSpec): string[] {
  const reasons: string[] = [];
  if (before.seed !== after.seed) reasons.push(`the seed changed (${before.seed} → ${after.seed})`);
  if (!sameValue(before.data, after.data)) reasons.push(describeDataChange(before, after));
  for (const reason of layerReasons(before.layers, after.layers)) reasons.push(reason);
  if (before.loss !== after.loss) reasons.push(`the loss changed (${before.loss} → ${after.loss})`);
  if (!sameValue(before.init, after.init)) {
    reasons.push(`the initialisation changed (${describeInit(before.init)} → ${describeInit(after.init)})`);
  }
  if (before.training.optimizer !== after.training.optimizer) {
    reasons.push(`the optimiser changed (${before.training.optimizer} → ${after.training.optimizer})`);
  }
  return reasons;
}

function describeDataChange(before: ModelSpec, after: ModelSpec): string {
  const a = before.data;
  const b = after.data;
  if (a.kind !== b.kind) return `the data source changed (${a.kind} → ${b.kind})`;
  if (a.kind === 'generator' && b.kind === 'generator' && a.generator !== b.generator) {
    return `the data changed (${a.generator} → ${b.generator})`;
  }
  const changed = Object.keys({ ...a, ...b }).filter(
    (key) => !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
  return `the data changed (${changed.join(', ')})`;
}

function layerReasons(before: readonly LayerSpec[], after: readonly LayerSpec[]): string[] {
  if (before.length !== after.length) {
    const verb = after.length > before.length ? 'added' : 'removed';
    const count = Math.abs(after.length - before.length);
    return [`${count === 1 ? 'a layer was' : `${count} layers were`} ${verb} (${before.length} → ${after.length} layers)`];
  }
  const reasons: string[] = [];
  before.forEach((a, i) => {
    const b = after[i];
    const where = `layers[${i}]`;
    if (a.units !== b.units) reasons.push(`the units of ${where} changed (${a.units} → ${b.units})`);
    if (a.activation !== b.activation) reasons.push(`the activation of ${where} changed (${a.activation} → ${b.activation})`);
    if ((a.dropout ?? 0) !== (b.dropout ?? 0)) reasons.push(`the dropout of ${where} changed (${a.dropout ?? 0} → ${b.dropout ?? 0})`);
    if (!sameValue(a.init, b.init)) {
      reasons.push(`the initialisation of ${where} changed (${describeInit(a.init)} → ${describeInit(b.init)})`);
    }
  });
  return reasons;
}

function describeInit(init: InitSpec | undefined): string {
  if (!init) return 'network default';
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
