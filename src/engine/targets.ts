// How a dataset's labels meet the output layer. Classification datasets carry class indices;
// the trainer turns them into what the output units can produce, once, before training:
//   k output units (softmax, sigmoid, …)   one-hot rows
//   1 sign or tanh unit, 2 classes         −1 / +1 (zero-centred outputs), decided at 0
//   1 unit of any other kind, 2 classes    0 / 1, decided at 0.5
// Regression targets are used as they are.

import { EngineError } from './errors';
import type { ActivationName, Dataset, Split } from './types';
import { t } from '../shared/l10n';

export type LabelEncoding =
  | { kind: 'one-hot'; classes: number }
  | { kind: 'binary'; negative: number; positive: number; threshold: number }
  | { kind: 'values' };

export function chooseEncoding(data: Dataset, outputUnits: number, outputActivation: ActivationName): LabelEncoding {
  if (data.kind === 'regression') {
    if (outputUnits !== data.targetSize) {
      throw new EngineError('invalid-shape', t('The output layer has {units} unit(s) but the data has {targets} target column(s); they must match for regression.', { units: outputUnits, targets: data.targetSize }));
    }
    return { kind: 'values' };
  }
  if (outputUnits === 1) {
    if (data.classes > 2) {
      throw new EngineError('invalid-shape', t('The data has {classes} classes but the output layer has 1 unit; use {classes} units (softmax) for more than two classes.', { classes: data.classes }));
    }
    return outputActivation === 'sign' || outputActivation === 'tanh'
      ? { kind: 'binary', negative: -1, positive: 1, threshold: 0 }
      : { kind: 'binary', negative: 0, positive: 1, threshold: 0.5 };
  }
  if (outputUnits !== data.classes) {
    throw new EngineError('invalid-shape', t('The output layer has {units} units but the data has {classes} classes; use one unit per class (or 1 unit for two classes).', { units: outputUnits, classes: data.classes }));
  }
  return { kind: 'one-hot', classes: data.classes };
}

/** Encoded targets, n × outputUnits row-major. */
export function encodeTargets(split: Split, targetSize: number, encoding: LabelEncoding, outputUnits: number): Float64Array {
  const out = new Float64Array(split.n * outputUnits);
  if (encoding.kind === 'values') {
    out.set(split.y.subarray(0, split.n * targetSize));
    return out;
  }
  for (let r = 0; r < split.n; r++) {
    const label = split.y[r];
    if (encoding.kind === 'one-hot') out[r * outputUnits + label] = 1;
    else out[r] = label === 1 ? encoding.positive : encoding.negative;
  }
  return out;
}

/** Number of rows whose predicted class equals the label (labels read from labels[offset + r]). */
export function countCorrect(encoding: LabelEncoding, outputs: Float64Array, labels: ArrayLike<number>, offsets: ArrayLike<number> | null, first: number, rows: number, cols: number): number {
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const label = labels[offsets ? offsets[first + r] : first + r];
    if (predictedClass(encoding, outputs, r, cols) === label) correct++;
  }
  return correct;
}

export function predictedClass(encoding: LabelEncoding, outputs: Float64Array, row: number, cols: number): number {
  const base = row * cols;
  if (encoding.kind === 'binary') return outputs[base] > encoding.threshold ? 1 : 0;
  let best = 0;
  for (let c = 1; c < cols; c++) if (outputs[base + c] > outputs[base + best]) best = c;
  return best;
}
