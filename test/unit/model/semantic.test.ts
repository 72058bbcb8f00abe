// Checks across fields: the output layer against the data, the loss against the output, the
// optimiser against the activations. Each on the value to change, with a fix that resolves it.

import { describe, expect, test } from 'vitest';
import { applyFix, codes, expectRangeAt, model, only, parse } from './helpers';

describe('output width against the data', () => {
  test('softmax over 3 units for 2 classes', () => {
    const text = model({ data: { generator: 'moons' }, layers: [{ units: 8, activation: 'tanh' }, { units: 3, activation: 'softmax' }] });
    const p = only(parse(text), 'output-width');
    expectRangeAt(text, p.range, '3', '"units":');
    expect(p.message).toMatch(/3 units but the data has 2 classes/);
    expect(p.layer).toBe(1);
    const fixed = applyFix(text, p.fixes![0]);
    expect(parse(fixed).problems.filter((q) => q.severity === 'error')).toEqual([]);
  });

  test('iris needs 3 outputs', () => {
    const text = model({ data: { dataset: 'iris' }, layers: [{ units: 5 }, { units: 2, activation: 'softmax' }] });
    expect(only(parse(text), 'output-width').message).toMatch(/3 classes: use 3 softmax units/);
  });

  test('blobs with 4 classes need 4 outputs; spiral with classes 3 needs 3', () => {
    expect(codes(parse(model({ data: { generator: 'blobs', classes: 4 }, layers: [{ units: 3, activation: 'softmax' }] })))).toEqual(['output-width']);
    expect(codes(parse(model({ data: { generator: 'spiral', classes: 3 }, layers: [{ units: 16 }, { units: 3, activation: 'softmax' }] })))).toEqual([]);
  });

  test('inline one-hot targets fix the width', () => {
    const data = { inputs: [[0], [1], [2]], targets: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
    expect(codes(parse(model({ data, layers: [{ units: 2, activation: 'softmax' }] })))).toEqual(['output-width']);
    expect(parse(model({ data, layers: [{ units: 3, activation: 'softmax' }] })).spec).toBeDefined();
  });

  test('regression: one unit per target column', () => {
    const text = model({ data: { generator: 'sine' }, layers: [{ units: 8 }, { units: 2 }] });
    expect(only(parse(text), 'output-width').message).toMatch(/1 target value: use 1 linear unit/);
  });
});

describe('output and loss against the task', () => {
  test('cross-entropy on a regression', () => {
    const text = model({ data: { generator: 'plane' }, layers: [{ units: 1, activation: 'sigmoid' }], loss: 'cross-entropy' });
    const p = only(parse(text), 'loss-task');
    expectRangeAt(text, p.range, '"cross-entropy"');
  });

  test('softmax on a regression', () => {
    const text = model({ data: { generator: 'plane' }, layers: [{ units: 1, activation: 'softmax' }], loss: 'mse' });
    expect(codes(parse(text))).toContain('output-task');
  });

  test('cross-entropy without a softmax/sigmoid output', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1, activation: 'linear' }], loss: 'cross-entropy' });
    const p = only(parse(text), 'loss-activation');
    expectRangeAt(text, p.range, '"cross-entropy"');
    expect(p.message).toMatch(/−Σ p·log q/);
    expect(p.fixes?.map((f) => f.title)).toEqual(['Use sigmoid in layer 2', 'Use the mse loss']);
    for (const fix of p.fixes!) expect(parse(applyFix(text, fix)).problems.filter((q) => q.severity === 'error')).toEqual([]);
  });

  test('softmax over one unit', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1, activation: 'softmax' }] });
    expectRangeAt(text, only(parse(text), 'softmax-single-unit').range, '"softmax"');
  });

  test('softmax in a hidden layer', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4, activation: 'softmax' }, { units: 1 }] });
    expect(only(parse(text), 'softmax-hidden').layer).toBe(0);
  });
});

describe('the perceptron rule and threshold units', () => {
  test('sign with sgd: zero gradient', () => {
    const text = model({ data: { generator: 'gaussian' }, layers: [{ units: 1, activation: 'sign' }] });
    const p = only(parse(text), 'threshold-needs-perceptron');
    expectRangeAt(text, p.range, '"sign"');
    expect(p.message).toMatch(/derivative is 0/);
    const perceptron = p.fixes!.find((f) => f.title.includes('perceptron'))!;
    expect(parse(applyFix(text, perceptron)).problems).toEqual([]);
  });

  test('step in a hidden layer with sgd', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4, activation: 'step' }, { units: 1 }] });
    expect(only(parse(text), 'threshold-needs-perceptron').layer).toBe(0);
  });

  test('perceptron with hidden layers', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4, activation: 'sign' }, { units: 1, activation: 'sign' }], training: { optimizer: 'perceptron' } });
    const p = only(parse(text), 'perceptron-hidden-layers');
    expectRangeAt(text, p.range, '"perceptron"');
    expect(p.message).toMatch(/backpropagation/);
  });

  test('a perceptron needs a threshold output', () => {
    const text = model({ data: { generator: 'gaussian' }, layers: [{ units: 1, activation: 'sigmoid' }], training: { optimizer: 'perceptron' } });
    expect(codes(parse(text))).toEqual(['perceptron-output']);
  });

  test('a single sign unit with the perceptron rule is valid', () => {
    const text = model({ data: { generator: 'gaussian' }, layers: [{ units: 1, activation: 'sign' }], training: { optimizer: 'perceptron', learningRate: 1 } });
    const r = parse(text);
    expect(r.problems).toEqual([]);
    expect(r.spec?.loss).toBe('mse');
  });
});
