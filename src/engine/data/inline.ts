// Inline `{ inputs, targets }` arrays -> sample table, with the task read off the targets:
//
//   1. one-hot rows (width ≥ 2, each row exactly one 1 and the rest 0)      -> classification,
//      classes = width, class = position of the 1;
//   2. a single column holding only −1 and 1 (the perceptron's convention)  -> 2 classes, −1 -> 0, 1 -> 1;
//   3. a single column of whole numbers that are exactly 0, 1, …, K−1 with every one of them
//      present (K ≤ 32)                                                     -> K classes;
//   4. anything else                                                        -> regression on every column.
//
// The rule asks for complete label sets so that a regression target that happens to be whole numbers
// (say 0, 1, 4, 9) stays regression. A `task` given by the data section overrides the rule:
// "regression" predicts every column as numbers; "classification" needs one-hot rows when there
// are several columns, and makes each distinct value of a single column a class (numeric-classes.ts).

import type { TaskKind } from '../types';
import { fail, failOnTask } from './fail';
import { classLabels, MAX_NUMERIC_CLASSES, numericClasses } from './numeric-classes';
import { MAX_SAMPLES, type SampleTable } from './samples';
import { t, tn } from '../../shared/l10n';

const MAX_INTEGER_CLASSES = 32;

type Task = { kind: 'classification'; classes: number; classNames: string[]; labels: Float64Array } | { kind: 'regression' };

/** Checks a list of rows and returns the shared width; messages give 1-based row/column and the JSON index. */
function checkMatrix(name: 'inputs' | 'targets', rows: unknown): number {
  if (!Array.isArray(rows)) fail(t('inline data: "{name}" must be an array of rows', { name }));
  if (rows.length === 0) fail(t('inline data: "{name}" is empty', { name }));
  if (rows.length > MAX_SAMPLES) fail(t('inline data: "{name}" has {rows} rows; at most {max} are supported', { name, rows: String(rows.length), max: String(MAX_SAMPLES) }));
  let width = -1;
  rows.forEach((row: unknown, r) => {
    // `row` is 1-based as a person counts, `index` the JSON index (inputs[0]).
    const at = { name, row: String(r + 1), index: String(r) };
    if (!Array.isArray(row)) fail(t('inline data: {name} row {row} ({name}[{index}]) must be an array of numbers', at));
    if (row.length === 0) fail(t('inline data: {name} row {row} ({name}[{index}]) is empty', at));
    if (width === -1) width = row.length;
    else if (row.length !== width) {
      fail(tn(row.length, 'inline data: {name} row {row} ({name}[{index}]) has {count} value, but row 1 has {width}', 'inline data: {name} row {row} ({name}[{index}]) has {count} values, but row 1 has {width}', { ...at, width: String(width) }));
    }
    row.forEach((value: unknown, c) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(t('inline data: {name} row {row}, column {column} ({name}[{index}][{columnIndex}]) is not a finite number: {value}', { ...at, column: String(c + 1), columnIndex: String(c), value: String(value) }));
      }
    });
  });
  return width;
}

function detectTask(targets: number[][], width: number): Task {
  const n = targets.length;
  const labels = new Float64Array(n);
  if (width >= 2) {
    const oneHot = targets.every((row) => row.every((v) => v === 0 || v === 1) && row.filter((v) => v === 1).length === 1);
    if (!oneHot) return { kind: 'regression' };
    targets.forEach((row, r) => (labels[r] = row.indexOf(1)));
    return { kind: 'classification', classes: width, classNames: Array.from({ length: width }, (_, k) => String(k)), labels };
  }
  const values = targets.map((row) => row[0]);
  const distinct = new Set(values);
  if (distinct.size === 2 && distinct.has(-1) && distinct.has(1)) {
    values.forEach((v, r) => (labels[r] = v === 1 ? 1 : 0));
    return { kind: 'classification', classes: 2, classNames: ['-1', '1'], labels };
  }
  const classes = distinct.size;
  const complete =
    classes >= 2 && classes <= MAX_INTEGER_CLASSES && values.every((v) => Number.isInteger(v) && v >= 0 && v < classes);
  if (!complete) return { kind: 'regression' };
  values.forEach((v, r) => (labels[r] = v));
  return { kind: 'classification', classes, classNames: Array.from({ length: classes }, (_, k) => String(k)), labels };
}

/** `"task": "classification"`: one-hot rows, or each distinct value of the single column a class. */
function classificationTask(targets: number[][], width: number): Task {
  if (width >= 2) {
    const r = targets.findIndex((row) => !(row.every((v) => v === 0 || v === 1) && row.filter((v) => v === 1).length === 1));
    if (r >= 0) {
      failOnTask(t('inline data: targets row {row} (targets[{index}]) is not one-hot, but "task": "classification" with {width} target columns reads each row as one 1 (the class) and 0s', { row: String(r + 1), index: String(r), width: String(width) }));
    }
    return detectTask(targets, width);
  }
  const values = targets.map((row) => row[0]);
  const classes = numericClasses(values);
  if (!classes.ok) {
    if (classes.reason === 'not-integer') {
      failOnTask(t('inline data: targets row {row} (targets[{index}]) is {value}, not a whole number, but "task": "classification" makes each target value a class', { row: String(classes.index + 1), index: String(classes.index), value: String(values[classes.index]) }));
    }
    if (classes.reason === 'too-many') {
      failOnTask(t('inline data: the targets hold {distinct} distinct values, but "task": "classification" allows at most {max} classes (one per value)', { distinct: String(classes.distinct), max: String(MAX_NUMERIC_CLASSES) }));
    }
    failOnTask(t('inline data: every target is {value}, a single class: "task": "classification" needs at least two', { value: String(classes.value) }));
  }
  return { kind: 'classification', classes: classes.classValues.length, classNames: classes.classValues.map(String), labels: classLabels(values, classes.classValues) };
}

export function inlineToTable(inputs: number[][], targets: number[][], task?: TaskKind): SampleTable {
  const inputSize = checkMatrix('inputs', inputs);
  const width = checkMatrix('targets', targets);
  if (targets.length !== inputs.length) {
    const pair = { inputs: String(inputs.length), targets: String(targets.length) };
    fail(
      inputs.length === 1
        ? t('inline data: {inputs} input row but {targets} target rows; they pair up one to one', pair)
        : tn(targets.length, 'inline data: {inputs} input rows but {targets} target row; they pair up one to one', 'inline data: {inputs} input rows but {targets} target rows; they pair up one to one', pair),
    );
  }
  const n = inputs.length;
  const x = new Float64Array(n * inputSize);
  inputs.forEach((row, r) => x.set(row, r * inputSize));
  const featureNames = Array.from({ length: inputSize }, (_, j) => `x${j + 1}`);
  const read = task === 'regression' ? ({ kind: 'regression' } as const) : task === 'classification' ? classificationTask(targets, width) : detectTask(targets, width);
  if (read.kind === 'classification') {
    return { kind: 'classification', n, inputSize, targetSize: 1, classes: read.classes, featureNames, classNames: read.classNames, x, y: read.labels };
  }
  const y = new Float64Array(n * width);
  targets.forEach((row, r) => y.set(row, r * width));
  return { kind: 'regression', n, inputSize, targetSize: width, classes: 0, featureNames, x, y };
}
