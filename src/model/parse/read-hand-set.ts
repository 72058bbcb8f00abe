// A layer's hand-set parameters (theory §1: the McCulloch-Pitts neuron's weights and threshold are
// set by hand, not learnt): `weights` as one row per unit, `bias` or `threshold` (θ = −bias) as one
// number for every unit or one per unit, and `trainable: false` to keep them through training.
// Wrong shapes are reported on the row or value that is wrong.

import type { Node } from 'jsonc-parser';
import { HAND_SET_MESSAGES } from '../../engine/hand-set-messages';
import type { ParseContext } from './context';
import { describeValue, joinPath, type ObjectView } from './object-view';
import { t } from '../../shared/l10n/index';

export interface HandSet {
  weights?: number[][];
  biases?: number[];
  trainable?: boolean;
}

export interface HandSetLayer {
  layer: number;
  /** How messages name the layer: "the output layer", "hidden layer 2". */
  what: string;
  units: number | undefined;
  /** The layer's number of inputs when known from the text (undefined for a CSV not yet read). */
  fanIn: number | undefined;
}

/** The hand-set fields of one layer, or undefined when one of them is wrong (already reported). */
export function readHandSet(ctx: ParseContext, view: ObjectView, at: HandSetLayer): HandSet | undefined {
  const result: HandSet = {};
  let ok = true;
  const layerName = at.what;
  const trainable = view.boolean('trainable', t('false keeps this layer\'s weights and bias as they are while the rest trains'));
  if (trainable !== undefined) result.trainable = trainable;
  else if (view.has('trainable')) ok = false;

  const weightsNode = view.value('weights');
  if (weightsNode !== undefined) {
    const weights = readWeights(ctx, weightsNode, joinPath(view.path, 'weights'), at);
    if (weights === undefined) ok = false;
    else result.weights = weights;
  }

  const biasField = view.field('bias');
  const thresholdField = view.field('threshold');
  if (biasField?.value !== undefined && thresholdField?.value !== undefined) {
    ctx.error('bias-and-threshold', HAND_SET_MESSAGES.biasAndThreshold({ layer: capitalise(layerName) }), thresholdField.keyNode, { layer: at.layer, path: thresholdField.path });
    return undefined;
  }
  const field = biasField?.value !== undefined ? biasField : thresholdField;
  if (field?.value !== undefined) {
    const values = readPerUnit(ctx, field.value, field.key, field.path, at);
    if (values === undefined) ok = false;
    else result.biases = field.key === 'threshold' ? values.map((theta) => (theta === 0 ? 0 : -theta)) : values;
  }
  return ok ? result : undefined;
}

function readWeights(ctx: ParseContext, node: Node, path: string, at: HandSetLayer): number[][] | undefined {
  const extras = { layer: at.layer, path };
  if (node.type !== 'array' || (node.children ?? []).some((row) => row.type !== 'array')) {
    ctx.error('wrong-type', HAND_SET_MESSAGES.weightsNotRows({ layer: at.what, found: describeValue(node) }), node, extras);
    return undefined;
  }
  const rows = node.children ?? [];
  if (at.units !== undefined && rows.length !== at.units) {
    ctx.error('hand-set-shape', HAND_SET_MESSAGES.weightsRowCount({ layer: at.what, rows: rows.length, units: at.units }), node, extras);
    return undefined;
  }
  const out: number[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r].children ?? [];
    const rowPath = joinPath(path, r);
    if (at.fanIn !== undefined && cells.length !== at.fanIn) {
      ctx.error('hand-set-shape', HAND_SET_MESSAGES.weightsRowWidth({ row: r + 1, layer: at.what, found: cells.length, inputs: at.fanIn }), rows[r], { layer: at.layer, path: rowPath });
      return undefined;
    }
    const row: number[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell.type !== 'number' || typeof cell.value !== 'number' || !Number.isFinite(cell.value)) {
        ctx.error('wrong-type', HAND_SET_MESSAGES.weightNotNumber({ row: r + 1, column: c + 1, layer: at.what, found: describeValue(cell) }), cell, { layer: at.layer, path: joinPath(rowPath, c) });
        return undefined;
      }
      row.push(cell.value);
    }
    out.push(row);
  }
  return out;
}

/** One number for every unit, or a list of exactly `units` numbers. */
function readPerUnit(ctx: ParseContext, node: Node, key: string, path: string, at: HandSetLayer): number[] | undefined {
  // Without a readable "units" the layer already has its error; the shape cannot be judged.
  const units = at.units;
  if (units === undefined) return undefined;
  const finite = (n: Node) => n.type === 'number' && typeof n.value === 'number' && Number.isFinite(n.value);
  const fail = () => {
    ctx.error('hand-set-shape', HAND_SET_MESSAGES.biasShape({ key, layer: at.what, units, found: describeValue(node) }), node, { layer: at.layer, path });
    return undefined;
  };
  if (finite(node)) return new Array<number>(units).fill(node.value as number);
  if (node.type !== 'array') return fail();
  const items = node.children ?? [];
  if (!items.every(finite) || items.length !== units) return fail();
  return items.map((n) => n.value as number);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
