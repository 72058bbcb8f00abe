// What a data section will produce, known before any data is built: input width, task, classes.
// For inline targets this mirrors the engine's rule (src/engine/data/inline.ts; a test builds
// the datasets and compares): one-hot rows → classes = width; a single column of −1/1 → 2 classes;
// a single column holding exactly 0…K−1 (K ≤ 32) → K classes; anything else → regression.
// A `task` written in the data section overrides the rule, as it does in the engine.

import { numericClasses } from '../engine/index';
import type { TaskKind } from '../engine/types';
import type { DataFacts, DataSpec } from './spec';
import { THRESHOLDS } from './thresholds';
import { DATASET_FACTS, GENERATOR_FACTS } from './vocabulary';

const MAX_INTEGER_CLASSES = 32;

export function inlineTargetFacts(targets: number[][], task?: TaskKind): Pick<DataFacts, 'task' | 'classes' | 'targetSize'> {
  const width = targets[0]?.length ?? 0;
  if (task === 'regression') return { task: 'regression', targetSize: width };
  if (task === 'classification') {
    // The parser has refused targets that make no classes, so this is the engine's reading.
    if (width >= 2) return { task: 'classification', classes: width };
    const classes = numericClasses(targets.map((row) => row[0]));
    return classes.ok ? { task: 'classification', classes: classes.classValues.length } : {};
  }
  if (width >= 2) {
    const oneHot = targets.every((row) => row.every((v) => v === 0 || v === 1) && row.filter((v) => v === 1).length === 1);
    return oneHot ? { task: 'classification', classes: width } : { task: 'regression', targetSize: width };
  }
  const values = targets.map((row) => row[0]);
  const distinct = new Set(values);
  if (distinct.size === 2 && distinct.has(-1) && distinct.has(1)) return { task: 'classification', classes: 2 };
  const classes = distinct.size;
  const complete = classes >= 2 && classes <= MAX_INTEGER_CLASSES && values.every((v) => Number.isInteger(v) && v >= 0 && v < classes);
  return complete ? { task: 'classification', classes } : { task: 'regression', targetSize: 1 };
}

/**
 * Whether one hyperplane separates two classes, decided by running the perceptron algorithm:
 * it converges (a full epoch without a mistake) exactly when the data is linearly separable
 * (Novikoff). Giving up after a bounded number of epochs can call a barely separable set
 * inseparable, which on hand-written truth tables does not happen; larger sets are not judged.
 */
export function perceptronSeparates(inputs: number[][], labels: number[]): boolean | undefined {
  const n = inputs.length;
  if (n === 0 || n > THRESHOLDS.separabilityMaxSamples) return undefined;
  const d = inputs[0].length;
  const w = new Float64Array(d + 1);
  for (let epoch = 0; epoch < THRESHOLDS.separabilityEpochs; epoch++) {
    let mistakes = 0;
    for (let i = 0; i < n; i++) {
      const x = inputs[i];
      let z = w[d];
      for (let j = 0; j < d; j++) z += w[j] * x[j];
      const y = labels[i] === 1 ? 1 : -1;
      if (y * z <= 0) {
        mistakes++;
        for (let j = 0; j < d; j++) w[j] += y * x[j];
        w[d] += y;
      }
    }
    if (mistakes === 0) return true;
  }
  return false;
}

/** Two classes as 0/1: the second one-hot column, or the larger of the two values of a single column (1 of 0/1 and −1/1, 7 of 3/7). */
function binaryLabels(targets: number[][]): number[] {
  if (targets[0]?.length === 2) return targets.map((row) => (row[1] === 1 ? 1 : 0));
  // A loop, not Math.max(...): spreading 10⁵+ rows overflows the call stack.
  let top = -Infinity;
  for (const row of targets) if (row[0] > top) top = row[0];
  return targets.map((row) => (row[0] === top ? 1 : 0));
}

/**
 * What the network's input will be: with `inputFeatures`, one input per feature (named by it), and
 * whether a line separates the classes is no longer known (x1² and x2² make the circle separable).
 */
/**
 * A fixed plane with no points yet (lesson 25 starts so): the one test of it that the parser's
 * facts, the semantic checks, data by hand and the run all read. The parser allows no rows only
 * with a plane.
 */
export function isEmptyPlane(data: DataSpec): boolean {
  return data.kind === 'inline' && data.inputs.length === 0 && data.plane !== undefined;
}

export function dataFacts(data: DataSpec): DataFacts {
  const plain = plainDataFacts(data);
  const features = data.inputFeatures;
  if (features === undefined) return plain;
  const { linearlySeparable, ...rest } = plain;
  const linearOnly = features.every((f) => f === 'x1' || f === 'x2');
  return { ...rest, inputSize: features.length, featureNames: [...features], ...(linearOnly && linearlySeparable !== undefined ? { linearlySeparable } : {}) };
}

/** The data's own width and names, before any input features. */
export function plainDataFacts(data: DataSpec): DataFacts {
  switch (data.kind) {
    case 'generator': {
      const g = GENERATOR_FACTS[data.generator];
      const featureNames = g.inputSize === 1 ? ['x'] : ['x1', 'x2'];
      if (g.task === 'regression') return { inputSize: g.inputSize, task: 'regression', targetSize: 1, featureNames, linearlySeparable: g.linearlySeparable };
      const classes = g.fixedClasses ?? data.classes ?? g.defaultClasses ?? 2;
      return { inputSize: g.inputSize, task: 'classification', classes, featureNames, linearlySeparable: g.linearlySeparable };
    }
    case 'dataset': {
      const d = DATASET_FACTS[data.dataset];
      return { inputSize: d.inputSize, task: 'classification', classes: d.classes, featureNames: [...d.featureNames] };
    }
    case 'inline': {
      // A fixed plane with no points yet: two inputs, and classes (points are placed as classes)
      // whose number is not known until the targets are written.
      if (isEmptyPlane(data)) return { inputSize: 2, featureNames: ['x1', 'x2'], task: data.task ?? 'classification' };
      const inputSize = data.inputs[0]?.length ?? 0;
      const target = inlineTargetFacts(data.targets, data.task);
      const facts: DataFacts = { inputSize, featureNames: Array.from({ length: inputSize }, (_, j) => `x${j + 1}`), ...target };
      if (target.task === 'classification' && target.classes === 2) {
        const separable = perceptronSeparates(data.inputs, binaryLabels(data.targets));
        if (separable !== undefined) facts.linearlySeparable = separable;
      }
      return facts;
    }
    case 'csv':
      return data.features !== undefined ? { inputSize: data.features.length, featureNames: [...data.features] } : {};
  }
}
