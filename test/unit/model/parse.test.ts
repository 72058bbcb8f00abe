// The format as written in the issue: a valid model becomes the spec it says, omitted fields take
// the documented defaults, and locations point at the right characters.

import { describe, expect, test } from 'vitest';
import { DEFAULTS, parseModel } from '../../../src/model/index';
import { XOR_TEXT, codes, expectRangeAt, model, parse, positionOf, textOf } from './helpers';

describe('a valid model', () => {
  test('the issue example becomes exactly its spec, with no problems', () => {
    const result = parse(XOR_TEXT);
    expect(result.problems).toEqual([]);
    expect(result.spec).toEqual({
      name: 'XOR needs a hidden layer',
      seed: 7,
      data: { kind: 'generator', generator: 'xor', samples: 400, noise: 0.1, testFraction: 0.3, standardize: true },
      layers: [
        { units: 4, activation: 'tanh', dropout: 0 },
        { units: 1, activation: 'sigmoid', dropout: 0 },
      ],
      loss: 'cross-entropy',
      init: { distribution: 'gaussian', mean: 0, std: 0.5 },
      training: { optimizer: 'sgd', learningRate: 0.1, batchSize: 10, epochs: 300, regularization: { type: 'l2', lambda: 0.001 }, dropoutMode: 'inverted' },
    });
    expect(result.facts).toMatchObject({ inputSize: 2, task: 'classification', classes: 2, linearlySeparable: false });
  });

  test('comments and trailing commas are allowed', () => {
    const text = `// an XOR net\n{\n  /* data */ "data": { "generator": "xor", },\n  "layers": [ { "units": 4, }, { "units": 1 }, ],\n}\n`;
    const result = parse(text);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.spec?.layers.map((l) => l.units)).toEqual([4, 1]);
  });

  test('CRLF line endings give the same lines and characters', () => {
    const text = XOR_TEXT.replace(/\n/g, '\r\n').replace('"tanh"', '"tahn"');
    const problem = parse(text).problems[0];
    expectRangeAt(text, problem.range, '"tahn"');
    expect(problem.range.start.line).toBe(5);
  });
});

describe('defaults for omitted fields', () => {
  const minimal = model({ data: { generator: 'circle' }, layers: [{ units: 8 }, { units: 1 }] });
  const spec = parse(minimal).spec!;

  test('top level', () => {
    expect(spec.name).toBe(DEFAULTS.name);
    expect(spec.seed).toBe(1);
    expect(spec.init).toEqual({ distribution: 'xavier' });
  });

  test('data', () => {
    expect(spec.data).toEqual({ kind: 'generator', generator: 'circle', samples: 200, noise: 0.1, testFraction: 0.2, standardize: true });
  });

  test('hidden layers default to tanh; the output to what the task asks for', () => {
    expect(spec.layers).toEqual([
      { units: 8, activation: 'tanh', dropout: 0 },
      { units: 1, activation: 'sigmoid', dropout: 0 },
    ]);
    const iris = parse(model({ data: { dataset: 'iris' }, layers: [{ units: 5 }, { units: 3 }] })).spec!;
    expect(iris.layers[1].activation).toBe('softmax');
    expect(iris.loss).toBe('cross-entropy');
    const sine = parse(model({ data: { generator: 'sine' }, layers: [{ units: 8 }, { units: 1 }] })).spec!;
    expect(sine.layers[1].activation).toBe('linear');
    expect(sine.loss).toBe('mse');
  });

  test('loss: cross-entropy on a sigmoid/softmax output, otherwise mse', () => {
    expect(spec.loss).toBe('cross-entropy');
    const linear = parse(model({ data: { generator: 'plane' }, layers: [{ units: 1, activation: 'linear' }] })).spec!;
    expect(linear.loss).toBe('mse');
  });

  test('training', () => {
    expect(spec.training).toEqual({ optimizer: 'sgd', learningRate: 0.1, batchSize: 10, epochs: 300, regularization: { type: 'none', lambda: 0 }, dropoutMode: 'inverted' });
  });

  test('adam and momentum get their own defaults', () => {
    const adam = parse(model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1 }], training: { optimizer: 'adam' } })).spec!;
    expect(adam.training).toMatchObject({ optimizer: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    const momentum = parse(model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1 }], training: { optimizer: 'momentum' } })).spec!;
    expect(momentum.training.momentum).toBe(0.9);
  });

  test('init as a string or an object, network-wide and per layer', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4, init: 'he' }, { units: 1, init: { distribution: 'gaussian' } }], init: { distribution: 'uniform' } });
    const s = parse(text).spec!;
    expect(s.init).toEqual({ distribution: 'uniform', limit: 0.05 });
    expect(s.layers[0].init).toEqual({ distribution: 'he' });
    // N(0, 0.01) as the theory writes it, 0.01 read as the standard deviation.
    expect(s.layers[1].init).toEqual({ distribution: 'gaussian', mean: 0, std: 0.01 });
  });

  test('regularization as a string', () => {
    const s = parse(model({ data: { generator: 'xor' }, layers: [{ units: 4 }, { units: 1 }], training: { regularization: 'l2' } })).spec!;
    expect(s.training.regularization).toEqual({ type: 'l2', lambda: 0.001 });
  });
});

describe('data forms', () => {
  test('bundled dataset', () => {
    const r = parse(model({ data: { dataset: 'iris', testFraction: 0.25 }, layers: [{ units: 5 }, { units: 3, activation: 'softmax' }] }));
    expect(r.spec?.data).toEqual({ kind: 'dataset', dataset: 'iris', testFraction: 0.25, standardize: true });
    expect(r.facts).toMatchObject({ inputSize: 4, classes: 3 });
  });

  test('inline: input width from the rows, task from the targets', () => {
    const and = parse(model({ data: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [0], [0], [1]], testFraction: 0 }, layers: [{ units: 1, activation: 'sigmoid' }] }));
    expect(and.problems).toEqual([]);
    expect(and.facts).toMatchObject({ inputSize: 2, task: 'classification', classes: 2, linearlySeparable: true });
    const xor = parse(model({ data: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] }, layers: [{ units: 1, activation: 'sigmoid' }] }));
    expect(xor.facts?.linearlySeparable).toBe(false);
    const regression = parse(model({ data: { inputs: [[0], [1], [2]], targets: [[0.5], [1.5], [2.5]] }, layers: [{ units: 1 }] }));
    expect(regression.facts).toMatchObject({ inputSize: 1, task: 'regression', targetSize: 1 });
    expect(regression.spec?.layers[0].activation).toBe('linear');
  });

  test('csv: kept as a path, the input width from features when given', () => {
    const r = parse(model({ data: { csv: 'data/points.csv', features: ['a', 'b', 'c'], target: 'label' }, layers: [{ units: 4 }, { units: 2, activation: 'softmax' }] }));
    expect(r.spec?.data).toEqual({ kind: 'csv', path: 'data/points.csv', features: ['a', 'b', 'c'], target: 'label', testFraction: 0.2, standardize: true });
    expect(r.facts?.inputSize).toBe(3);
  });

  test('csv without an output activation: the task is unknown until the file is read', () => {
    const text = model({ data: { csv: 'd.csv', target: 'y' }, layers: [{ units: 4 }, { units: 2 }] });
    const r = parse(text);
    expect(codes(r)).toEqual(['missing-field']);
    expectRangeAt(text, r.problems[0].range, '{"units":2}');
  });
});

describe('locations', () => {
  const result = parse(XOR_TEXT);

  test('every value and key by JSON path', () => {
    expectRangeAt(XOR_TEXT, result.locations.values['training.learningRate'], '0.1', '"learningRate": ');
    expectRangeAt(XOR_TEXT, result.locations.keys['training.learningRate'], '"learningRate"');
    expectRangeAt(XOR_TEXT, result.locations.values['layers.0.activation'], '"tanh"');
    expectRangeAt(XOR_TEXT, result.locations.values['layers.1.dropout'], '0', '"dropout": ');
    expectRangeAt(XOR_TEXT, result.locations.values['init.std'], '0.5');
    expectRangeAt(XOR_TEXT, result.locations.values['training.regularization.lambda'], '0.001');
    expectRangeAt(XOR_TEXT, result.locations.keys['data'], '"data"');
    expect(textOf(XOR_TEXT, result.locations.values['data'])).toBe('{ "generator": "xor", "samples": 400, "noise": 0.1, "testFraction": 0.3 }');
  });

  test('each layer object by index', () => {
    expect(result.locations.layers.map((r) => textOf(XOR_TEXT, r))).toEqual(['{ "units": 4, "activation": "tanh" }', '{ "units": 1, "activation": "sigmoid", "dropout": 0 }']);
  });

  test('the root is the whole object', () => {
    expect(result.locations.root.offset).toBe(0);
    expect(textOf(XOR_TEXT, result.locations.root)).toBe(XOR_TEXT.trimEnd());
    expect(result.locations.root.end).toEqual(positionOf(XOR_TEXT, XOR_TEXT.trimEnd().length));
  });

  test('locations are kept even when the model has errors', () => {
    const broken = XOR_TEXT.replace('"sgd"', '"sdg"').replace('"epochs": 300', '"epochs": 300,,');
    const r = parseModel(broken);
    expect(r.spec).toBeUndefined();
    expect(r.locations.layers).toHaveLength(2);
    expect(r.locations.values['training.learningRate']).toBeDefined();
  });
});
