// Hand-set layers (theory §1): `weights` one row per unit, `bias` or `threshold`, `trainable`.
// Each wrong shape is reported on the row or value that is wrong; the range is checked against a
// search of the text (helpers.ts), not against the parser's own offsets.

import { describe, expect, test } from 'vitest';
import { parseModel } from '../../../src/model/index';
import { expectRangeAt, model } from './helpers';

const data = { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [0], [0], [1]], testFraction: 0, standardize: false };
const and = (layer: Record<string, unknown>) => model({ data, layers: [{ units: 1, activation: 'step', ...layer }], loss: 'mse', training: { epochs: 0 } });
const errors = (text: string) => parseModel(text).problems.filter((p) => p.severity === 'error');

describe('reading', () => {
  test('weights, threshold and trainable become the layer\'s spec, threshold θ as the bias −θ', () => {
    const parse = parseModel(and({ weights: [[1, 1]], threshold: 2, trainable: false }));
    expect(parse.problems).toEqual([]);
    expect(parse.spec?.layers[0]).toMatchObject({ weights: [[1, 1]], biases: [-2], trainable: false });
    expect(parse.spec?.training.epochs).toBe(0);
  });

  test('bias as a list, one per unit', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 2, weights: [[1, 2], [3, 4]], bias: [0.5, -1] }, { units: 1 }] });
    expect(parseModel(text).spec?.layers[0]).toMatchObject({ weights: [[1, 2], [3, 4]], biases: [0.5, -1] });
  });

  test('a step unit needs no perceptron rule once it is not trainable; trainable it still does', () => {
    expect(errors(and({ weights: [[1, 1]], threshold: 2, trainable: false }))).toEqual([]);
    expect(errors(and({ weights: [[1, 1]], threshold: 2 })).map((p) => p.code)).toEqual(['threshold-needs-perceptron']);
  });

  test('hand-set first-layer weights on standardised inputs get a warning on the weights', () => {
    const text = model({ data: { ...data, standardize: true }, layers: [{ units: 1, activation: 'step', weights: [[1, 1]], threshold: 2, trainable: false }], loss: 'mse' });
    const warning = parseModel(text).problems.find((p) => p.code === 'hand-set-standardized');
    expect(warning?.severity).toBe('warning');
    expectRangeAt(text, warning!.range, '[[1,1]]');
  });
});

describe('located problems for wrong shapes', () => {
  test('a row too short, on that row', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 2, weights: [[1, 2], [3]] }, { units: 1 }] });
    const [p] = errors(text);
    expect(p.code).toBe('hand-set-shape');
    expect(p.message).toBe('Row 2 of "weights" of hidden layer 1 has 1 weights, but each unit of this layer has 2 inputs: write one weight per input.');
    expectRangeAt(text, p.range, '[3]');
  });

  test('the fan-in of a later layer is the width of the one before', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 3 }, { units: 1, weights: [[1, 1]] }] });
    const [p] = errors(text);
    expect(p.message).toContain('each unit of this layer has 3 inputs');
    expectRangeAt(text, p.range, '[1,1]');
  });

  test('too few rows, on the list', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 2, weights: [[1, 2]] }, { units: 1 }] });
    const [p] = errors(text);
    expect(p.message).toBe('"weights" of hidden layer 1 lists 1 rows, but the layer has 2 units: write one row per unit.');
    expectRangeAt(text, p.range, '[[1,2]]');
  });

  test('a weight that is not a number, on the weight', () => {
    const text = and({ weights: [[1, 'one']] });
    const [p] = errors(text);
    expect(p.message).toBe('Row 1, weight 2 of "weights" of the output layer must be a finite number; found the text "one".');
    expectRangeAt(text, p.range, '"one"');
  });

  test('flat weights are not rows', () => {
    const text = and({ weights: [1, 1] });
    const [p] = errors(text);
    expect(p.code).toBe('wrong-type');
    expectRangeAt(text, p.range, '[1,1]', '"weights":');
  });

  test('a threshold list of the wrong length, and bias with threshold', () => {
    const wrong = and({ weights: [[1, 1]], threshold: [2, 1] });
    const [p] = errors(wrong);
    expect(p.message).toBe('"threshold" of the output layer must be one number for every unit, or a list of 1 numbers, one per unit; found a list [ … ].');
    expectRangeAt(wrong, p.range, '[2,1]');
    const both = and({ bias: -2, threshold: 2 });
    const [q] = errors(both);
    expect(q.code).toBe('bias-and-threshold');
    expectRangeAt(both, q.range, '"threshold"');
  });

  test('trainable must be true or false', () => {
    const text = and({ trainable: 'no' });
    const [p] = errors(text);
    expect(p.code).toBe('wrong-type');
    expectRangeAt(text, p.range, '"no"');
  });

  test('epochs may be 0 but not negative', () => {
    expect(errors(model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1 }], training: { epochs: 0 } }))).toEqual([]);
    expect(errors(model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1 }], training: { epochs: -1 } })).map((p) => p.code)).toEqual(['non-positive-size']);
  });
});
