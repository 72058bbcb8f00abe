// Data by hand: whether the panel may place points of a model's data with the mouse, which classes
// it offers, and the one sample a click adds or removes. A fixed `plane` may start with no points:
// its classes are then the softmax output's units until the first target row is written. Points can be placed only in inline data of
// two inputs with classes (the file holds the rows; a generator or a CSV would be overwritten or
// is another file). The classes and their order are the engine's own (src/engine/data/inline.ts),
// so the picker's colours are the boundary's.

import { inlineToTable } from '../engine/data/inline';
import { EngineError } from '../engine/errors';
import { t } from '../shared/l10n/index';
import type { HandDataView } from '../shared/protocol/webview-messages';
import { isEmptyPlane } from './data-facts';
import type { DataSpec, LayerSpec } from './spec';
import { addSampleEdit, removeSampleEdit, rowText, targetRowText, type DataRowsEdit } from './text/data-rows';

type InlineSpec = DataSpec & { kind: 'inline' };
/** The output layer, which names the classes of a plane with no points yet. */
export type OutputLayer = Pick<LayerSpec, 'units' | 'activation'>;

/**
 * The classes of a plane with no points yet: one per unit of a softmax output (the targets then
 * are one-hot rows of that width). Other outputs leave the number of classes to the targets.
 */
function emptyPlaneClasses(output: OutputLayer | undefined): string[] | undefined {
  if (output?.activation !== 'softmax' || output.units < 2) return undefined;
  return Array.from({ length: output.units }, (_, k) => String(k));
}

/** The sentence for a plane with no points whose output does not name the classes. */
export const emptyPlaneOutputMessage = (): string =>
  t('A plane with no points yet takes its classes from the output layer: make it a softmax layer with one unit per class (2 or more), or write the first rows of "inputs" and "targets".');

/** The class labels of inline data, as the engine reads its targets, or why they are not classes. */
function classesOf(data: InlineSpec): { names: string[]; labels: Float64Array } | { reason: string } {
  try {
    const table = inlineToTable(data.inputs, data.targets, data.task);
    if (table.kind !== 'classification') return { reason: t('Points are placed by hand for classes; these targets are numbers to predict (regression).') };
    return { names: table.classNames ?? Array.from({ length: table.classes }, (_, k) => String(k)), labels: table.y };
  } catch (error) {
    if (error instanceof EngineError) return { reason: error.message };
    throw error;
  }
}

/** What the panel is told: the classes to pick from, or the one line saying why there are none. */
export function handDataView(data: DataSpec | undefined, output?: OutputLayer): HandDataView {
  if (data === undefined) return { offered: false, reason: t('Points can be placed by hand once the model parses.') };
  switch (data.kind) {
    case 'generator':
      return { offered: false, reason: t('Points can be placed by hand only in inline data ("inputs" and "targets"); this data is generated, so the generator would draw over them.') };
    case 'dataset':
      return { offered: false, reason: t('Points can be placed by hand only in inline data ("inputs" and "targets"); this is a bundled dataset.') };
    case 'csv':
      return { offered: false, reason: t('Points can be placed by hand only in inline data ("inputs" and "targets"); this data is read from a CSV file, which the panel does not write.') };
    case 'inline':
      break;
  }
  if (data.inputFeatures !== undefined) return { offered: false, reason: t('Points can be placed by hand without "inputFeatures": the plane would be the features\', not the file\'s.') };
  const plane = data.plane !== undefined ? { plane: { xMin: data.plane.x1[0], xMax: data.plane.x1[1], yMin: data.plane.x2[0], yMax: data.plane.x2[1] } } : {};
  if (isEmptyPlane(data)) {
    if (data.task === 'regression') return { offered: false, reason: t('Points are placed by hand for classes; these targets are numbers to predict (regression).') };
    const names = emptyPlaneClasses(output);
    return names === undefined ? { offered: false, reason: emptyPlaneOutputMessage() } : { offered: true, classes: names, points: 0, ...plane };
  }
  if (data.inputs[0]?.length !== 2) return { offered: false, reason: t('Points can be placed by hand when each input row has two values (a point in the plane).') };
  const classes = classesOf(data);
  if ('reason' in classes) return { offered: false, reason: classes.reason };
  return { offered: true, classes: classes.names, points: data.inputs.length, ...plane };
}

/** How a new sample of class `k` is written: like the first row of that class, else built from the class. */
function targetFor(text: string, data: InlineSpec, labels: Float64Array, names: readonly string[], k: number): string | number[] {
  const row = labels.findIndex((label) => label === k);
  const written = row >= 0 ? targetRowText(text, row) : undefined;
  if (written !== undefined) return written;
  const width = data.targets[0]?.length ?? 1;
  if (width >= 2) return Array.from({ length: width }, (_, j) => (j === k ? 1 : 0));
  return [Number(names[k])];
}

export type HandEdit = DataRowsEdit | { ok: false; reason: 'not-offered' | 'no-such-class' | 'no-point-there' };

/** The sample of class `k` at raw inputs (x1, x2), appended to the file's rows. */
export function addPointEdit(text: string, data: DataSpec | undefined, point: readonly [number, number], k: number, output?: OutputLayer): HandEdit {
  if (data?.kind !== 'inline' || !handDataView(data, output).offered) return { ok: false, reason: 'not-offered' };
  if (isEmptyPlane(data)) {
    // The first point of an empty plane: a one-hot row as wide as the softmax output.
    const names = emptyPlaneClasses(output) ?? [];
    if (!(Number.isInteger(k) && k >= 0 && k < names.length)) return { ok: false, reason: 'no-such-class' };
    return addSampleEdit(text, point, rowText(Array.from({ length: names.length }, (_, j) => (j === k ? 1 : 0)), undefined, text));
  }
  const classes = classesOf(data);
  if ('reason' in classes) return { ok: false, reason: 'not-offered' };
  if (!(Number.isInteger(k) && k >= 0 && k < classes.names.length)) return { ok: false, reason: 'no-such-class' };
  const target = targetFor(text, data, classes.labels, classes.names, k);
  return addSampleEdit(text, point, typeof target === 'string' ? target : rowText(target, undefined, text));
}

/**
 * Removes the sample the panel drew at raw inputs (x1, x2): the row whose inputs are nearest, if it
 * is that point (within `tolerance` in each coordinate; rows of class `k` first when given).
 */
export function removePointEdit(text: string, data: DataSpec | undefined, point: readonly [number, number], tolerance: number, k?: number): HandEdit {
  if (data?.kind !== 'inline' || isEmptyPlane(data) || !handDataView(data).offered) return { ok: false, reason: 'not-offered' };
  const classes = classesOf(data);
  const labels = 'reason' in classes ? undefined : classes.labels;
  let best = -1;
  let bestDistance = Infinity;
  data.inputs.forEach((row, r) => {
    const dx = Math.abs((row[0] as number) - point[0]);
    const dy = Math.abs((row[1] as number) - point[1]);
    if (dx > tolerance || dy > tolerance) return;
    // Same place, another class: only when no row of the drawn class is there.
    const distance = Math.hypot(dx, dy) + (k !== undefined && labels !== undefined && labels[r] !== k ? tolerance * 4 : 0);
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  });
  if (best < 0) return { ok: false, reason: 'no-point-there' };
  return removeSampleEdit(text, best);
}
