// `inputFeatures` in the data section: read into the spec, the network's input width from it, and
// each mistake located on the value that is wrong (ranges checked by searching the text).

import { describe, expect, test } from 'vitest';
import { parseModel } from '../../../src/model/index';
import { toTrainerInputs } from '../../../src/model/to-trainer-inputs';
import { expectRangeAt, model } from './helpers';

const circle = (inputFeatures: unknown, layers: unknown[] = [{ units: 1, activation: 'sigmoid' }]) => model({ data: { generator: 'circle', inputFeatures }, layers });
const errors = (text: string) => parseModel(text).problems.filter((p) => p.severity === 'error');

describe('reading', () => {
  test('the list becomes the spec, the facts and the trainer inputs: one network input per feature', () => {
    const parse = parseModel(circle(['x1^2', 'x2^2', 'sin x1']));
    expect(parse.problems).toEqual([]);
    expect(parse.spec?.data.inputFeatures).toEqual(['x1^2', 'x2^2', 'sin x1']);
    expect(parse.facts).toMatchObject({ inputSize: 3, featureNames: ['x1^2', 'x2^2', 'sin x1'] });
    const inputs = toTrainerInputs(parse.spec!);
    expect(inputs.options.network.inputSize).toBe(3);
    expect(inputs.dataOptions.inputFeatures).toEqual(['x1^2', 'x2^2', 'sin x1']);
  });

  test('with squares a single layer is no longer told the circle is not linearly separable', () => {
    const perceptron = (features?: string[]) =>
      model({ data: { generator: 'circle', ...(features ? { inputFeatures: features } : {}) }, layers: [{ units: 1, activation: 'sign' }], init: 'zeros', training: { optimizer: 'perceptron', learningRate: 1 } });
    const codes = (text: string) => parseModel(text).problems.map((p) => p.code);
    expect(codes(perceptron())).toContain('not-linearly-separable');
    expect(codes(perceptron(['x1^2', 'x2^2']))).not.toContain('not-linearly-separable');
  });
});

describe('located problems', () => {
  test('an unknown feature, on its name, with the closest name', () => {
    const text = circle(['x1^2', 'x2²']);
    const [p] = errors(text);
    expect(p.code).toBe('unknown-input-feature');
    expect(p.message).toMatch(/x2\^2/);
    expectRangeAt(text, p.range, '"x2²"');
  });

  test('a feature listed twice, on the second', () => {
    const text = circle(['x1', 'x2', 'x1']);
    const [p] = errors(text);
    expect(p.code).toBe('duplicate-input-feature');
    expectRangeAt(text, p.range, '"x1"', 1);
  });

  test('an empty list, and not a list', () => {
    const empty = circle([]);
    expect(errors(empty).map((p) => p.code)).toEqual(['no-input-features']);
    expectRangeAt(empty, errors(empty)[0].range, '[]');
    const word = circle('x1^2');
    expect(errors(word).map((p) => p.code)).toEqual(['wrong-type']);
    expectRangeAt(word, errors(word)[0].range, '"x1^2"');
  });

  test('data that is not 2-D, on the key', () => {
    const text = model({ data: { dataset: 'iris', inputFeatures: ['x1^2'] }, layers: [{ units: 3, activation: 'softmax' }] });
    const [p] = errors(text);
    expect(p.code).toBe('input-features-not-2d');
    expect(p.message).toBe('"inputFeatures" are functions of two inputs, x1 and x2, but this data has 4 inputs: use them with 2-D data (a generator of points in the plane, or two input columns).');
    expectRangeAt(text, p.range, '"inputFeatures"');
  });

  test('hand-set weights of the first layer count one per feature', () => {
    const text = circle(['x1^2', 'x2^2', 'x1x2'], [{ units: 1, activation: 'sigmoid', weights: [[1, 1]] }]);
    const [p] = errors(text);
    expect(p.message).toContain('each unit of this layer has 3 inputs');
  });
});
