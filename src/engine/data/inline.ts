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

const MAX_INTEGER_CLASSES = 32;

type Task = { kind: 'classification'; classes: number; classNames: string[]; labels: Float64Array } | { kind: 'regression' };

/** Checks a list of rows and returns the shared width; messages give 1-based row/column and the JSON index. */
function checkMatrix(name: 'inputs' | 'targets', rows: unknown): number {
  if (!Array.isArray(rows)) fail(`inline data: "${name}" must be an array of rows`);
  if (rows.length === 0) fail(`inline data: "${name}" is empty`);
  if (rows.length > MAX_SAMPLES) fail(`inline data: "${name}" has ${rows.length} rows; at most ${MAX_SAMPLES} are supported`);
  let width = -1;
  rows.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) fail(`inline data: ${name} row ${r + 1} (${name}[${r}]) must be an array of numbers`);
    if (row.length === 0) fail(`inline data: ${name} row ${r + 1} (${name}[${r}]) is empty`);
    if (width === -1) width = row.length;
    else if (row.length !== width) {
      fail(`inline data: ${name} row ${r + 1} (${name}[${r}]) has ${row.length} value${row.length === 1 ? '' : 's'}, but row 1 has ${width}`);
    }
    row.forEach((value: unknown, c) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(`inline data: ${name} row ${r + 1}, column ${c + 1} (${name}[${r}][${c}]) is not a finite number: ${String(value)}`);
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
      failOnTask(`inline data: targets row ${r + 1} (targets[${r}]) is not one-hot, but "task": "classification" with ${width} target columns reads each row as one 1 (the class) and 0s`);
    }
    return detectTask(targets, width);
  }
  const values = targets.map((row) => row[0]);
  const classes = numericClasses(values);
  if (!classes.ok) {
    if (classes.reason === 'not-integer') {
      failOnTask(`inline data: targets row ${classes.index + 1} (targets[${classes.index}]) is ${values[classes.index]}, not a whole number, but "task": "classification" makes each target value a class`);
    }
    if (classes.reason === 'too-many') {
      failOnTask(`inline data: the targets hold ${classes.distinct} distinct values, but "task": "classification" allows at most ${MAX_NUMERIC_CLASSES} classes (one per value)`);
    }
    failOnTask(`inline data: every target is ${classes.value}, a single class: "task": "classification" needs at least two`);
  }
  return { kind: 'classification', classes: classes.classValues.length, classNames: classes.classValues.map(String), labels: classLabels(values, classes.classValues) };
}

export function inlineToTable(inputs: number[][], targets: number[][], task?: TaskKind): SampleTable {
  const inputSize = checkMatrix('inputs', inputs);
  const width = checkMatrix('targets', targets);
  if (targets.length !== inputs.length) {
    fail(`inline data: ${inputs.length} input row${inputs.length === 1 ? '' : 's'} but ${targets.length} target row${targets.length === 1 ? '' : 's'}; they pair up one to one`);
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
