// Every error the parser reports, each on the exact range of the offending value, with a message
// that names the value and the theory behind the limit.

import { describe, expect, test } from 'vitest';
import { codes, expectRangeAt, model, only, parse, XOR_TEXT } from './helpers';

const xorLayers = [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }];

describe('syntax', () => {
  test('a missing comma is reported where the next entry starts', () => {
    const text = '{\n  "data": { "generator": "xor" }\n  "layers": []\n}';
    const p = only(parse(text), 'syntax-error');
    expectRangeAt(text, p.range, '"layers"');
    expect(p.message).toMatch(/comma/);
  });

  test('single quotes get a hint about double quotes', () => {
    const text = "{ 'data': 1 }";
    const p = parse(text).problems[0];
    expect(p.code).toBe('syntax-error');
    expect(p.message).toMatch(/double quotes/);
    expect(p.range.offset).toBe(2);
  });

  test('an unclosed object at the end of the file has an in-bounds range', () => {
    const text = '{ "data": { "generator": "xor" }';
    const p = only(parse(text), 'syntax-error');
    expect(p.range.offset + p.range.length).toBeLessThanOrEqual(text.length);
    expect(p.message).toMatch(/not closed/);
  });

  test('syntax errors hold back "missing field" errors the break may have caused', () => {
    expect(codes(parse('{ "data": { "generator": "xor" }, '))).toEqual(['syntax-error']);
  });

  test('empty and comment-only files', () => {
    expect(codes(parse(''))).toEqual(['empty-model']);
    expect(codes(parse('  // nothing yet\n'))).toEqual(['empty-model']);
  });

  test('the root must be an object', () => {
    const p = only(parse('[1, 2]'), 'wrong-type');
    expect(p.range).toMatchObject({ offset: 0, length: 6 });
  });
});

describe('missing and wrongly typed fields', () => {
  test('missing data and layers point at the opening brace', () => {
    const r = parse('{ "name": "x" }');
    expect(codes(r)).toEqual(['missing-field', 'missing-field']);
    for (const p of r.problems) expect(p.range).toMatchObject({ offset: 0, length: 1 });
    expect(r.problems[0].message).toMatch(/"data"/);
    expect(r.problems[1].message).toMatch(/"layers"/);
  });

  test('a layer without units', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ activation: 'tanh' }, { units: 1 }] });
    const p = only(parse(text), 'missing-field');
    expectRangeAt(text, p.range, '{"activation":"tanh"}');
    expect(p.layer).toBe(0);
  });

  test('a string where a number belongs', () => {
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 'four' }, { units: 1 }] });
    const p = only(parse(text), 'wrong-type');
    expectRangeAt(text, p.range, '"four"');
    expect(p.message).toMatch(/"units" must be a whole number/);
    expect(p.path).toBe('layers.0.units');
  });

  test('layers must be a non-empty list', () => {
    const empty = model({ data: { generator: 'xor' }, layers: [] });
    expectRangeAt(empty, only(parse(empty), 'empty-layers').range, '[\n\n  ]');
    const notList = model({ data: { generator: 'xor' }, layers: 3 });
    expectRangeAt(notList, only(parse(notList), 'wrong-type').range, '3');
  });
});

describe('sizes and rates out of range', () => {
  test.each([
    ['units', { layers: [{ units: 0 }, { units: 1 }] }, '0', 'non-positive-size'],
    ['units', { layers: [{ units: -3 }, { units: 1 }] }, '-3', 'non-positive-size'],
    ['units', { layers: [{ units: 2.5 }, { units: 1 }] }, '2.5', 'not-an-integer'],
    ['samples', { data: { generator: 'xor', samples: 0 } }, '0', 'non-positive-size'],
    ['batchSize', { training: { batchSize: 0 } }, '0', 'non-positive-size'],
    ['epochs', { training: { epochs: -1 } }, '-1', 'non-positive-size'],
    ['learningRate', { training: { learningRate: 0 } }, '0', 'rate-out-of-range'],
    ['learningRate', { training: { learningRate: -0.1 } }, '-0.1', 'rate-out-of-range'],
    ['dropout', { layers: [{ units: 4, dropout: 1 }, { units: 1 }] }, '1', 'rate-out-of-range'],
    ['testFraction', { data: { generator: 'xor', testFraction: 1 } }, '1', 'rate-out-of-range'],
    ['noise', { data: { generator: 'xor', noise: -0.5 } }, '-0.5', 'rate-out-of-range'],
    ['lambda', { training: { regularization: { type: 'l2', lambda: -1 } } }, '-1', 'rate-out-of-range'],
    ['momentum', { training: { optimizer: 'momentum', momentum: 1 } }, '1', 'rate-out-of-range'],
    ['std', { init: { distribution: 'gaussian', std: -1 } }, '-1', 'rate-out-of-range'],
    ['seed', { seed: 1.5 }, '1.5', 'not-an-integer'],
  ])('%s: %j', (key, parts, snippet, code) => {
    const text = model({ data: { generator: 'xor' }, layers: xorLayers, ...parts });
    const p = only(parse(text), code);
    expectRangeAt(text, p.range, snippet, `"${key}":`);
    expect(p.severity).toBe('error');
    expect(p.message).toContain(`"${key}"`);
  });

  test('the learning-rate message says why', () => {
    const text = model({ data: { generator: 'xor' }, layers: xorLayers, training: { learningRate: 0 } });
    expect(only(parse(text), 'rate-out-of-range').message).toMatch(/against the gradient/);
  });
});

describe('unknown names, with "did you mean"', () => {
  test.each([
    ['activation', '"sigmod"', 'sigmoid', 'unknown-activation'],
    ['activation', '"ReLU"', 'relu', 'unknown-activation'],
    ['activation', '"logistic"', 'sigmoid', 'unknown-activation'],
    ['loss', '"crossentropy"', 'cross-entropy', 'unknown-loss'],
    ['optimizer', '"Adam"', 'adam', 'unknown-optimizer'],
    ['generator', '"spirals"', 'spiral', 'unknown-generator'],
    ['init', '"glorot"', 'xavier', 'unknown-init'],
  ])('%s %s → %s', (key, written, suggestion, code) => {
    const text = XOR_TEXT.replace(
      { activation: '"tanh"', loss: '"cross-entropy"', optimizer: '"sgd"', generator: '"xor"', init: '{ "distribution": "gaussian", "mean": 0, "std": 0.5 }' }[key] as string,
      written,
    );
    const p = only(parse(text), code);
    expectRangeAt(text, p.range, written);
    expect(p.message).toContain(`Did you mean "${suggestion}"?`);
    expect(p.fixes?.[0].edits[0]).toMatchObject({ newText: `"${suggestion}"`, range: p.range });
  });

  test.each([
    ['dataset', { data: { dataset: 'irs' } }, '"irs"', 'iris', 'unknown-dataset'],
    ['regularization', { training: { regularization: 'L2' } }, '"L2"', 'l2', 'unknown-regularization'],
    ['regularization type', { training: { regularization: { type: 'l22' } } }, '"l22"', 'l2', 'unknown-regularization'],
    ['dropoutMode', { training: { dropoutMode: 'inverse' } }, '"inverse"', 'inverted', 'unknown-dropout-mode'],
  ])('%s', (name, parts: Record<string, unknown>, written, suggestion, code) => {
    const layers = name === 'dataset' ? [{ units: 4 }, { units: 3 }] : xorLayers;
    const text = model({ data: { generator: 'xor' }, layers, ...parts });
    const p = only(parse(text), code);
    expectRangeAt(text, p.range, written);
    expect(p.message).toContain(`Did you mean "${suggestion}"?`);
  });

  test('no guess when nothing is close', () => {
    const text = XOR_TEXT.replace('"tanh"', '"banana"');
    const p = only(parse(text), 'unknown-activation');
    expect(p.message).not.toMatch(/Did you mean/);
    expect(p.message).toMatch(/Known: linear, step, sign, sigmoid, tanh, relu, leaky-relu, elu, softplus, gelu, swish, softmax/);
    expect(p.fixes).toBeUndefined();
  });

  test('unknown fields are warnings with a rename fix', () => {
    const text = XOR_TEXT.replace('"learningRate"', '"learning_rate"');
    const r = parse(text);
    const p = only(r, 'unknown-field');
    expect(p.severity).toBe('warning');
    expectRangeAt(text, p.range, '"learning_rate"');
    expect(p.fixes?.[0].edits[0].newText).toBe('"learningRate"');
    // A warning does not stop training.
    expect(r.spec).toBeDefined();
  });

  test('a field one level too high is sent where it belongs', () => {
    const text = model({ data: { generator: 'xor' }, layers: xorLayers, learningRate: 0.5 });
    expect(only(parse(text), 'unknown-field').message).toMatch(/Did you mean "learningRate"\? It belongs inside "training"/);
  });

  test('a setting of another optimizer', () => {
    const text = model({ data: { generator: 'xor' }, layers: xorLayers, training: { optimizer: 'sgd', momentum: 0.9 } });
    const p = only(parse(text), 'optimizer-parameter-ignored');
    expectRangeAt(text, p.range, '"momentum"');
    expect(p.message).toBe('"momentum" is a setting of the momentum optimizer and is ignored by sgd.');
  });

  test('a parameter the chosen distribution ignores', () => {
    const text = model({ data: { generator: 'xor' }, layers: xorLayers, init: { distribution: 'xavier', std: 2 } });
    const p = only(parse(text), 'init-parameter-ignored');
    expectRangeAt(text, p.range, '"std"');
  });

  test('duplicate fields: the later wins, the earlier is flagged', () => {
    const text = '{ "data": { "generator": "xor" }, "layers": [{ "units": 2, "units": 4 }, { "units": 1 }] }';
    const r = parse(text);
    expectRangeAt(text, only(r, 'duplicate-field').range, '"units"', 0);
    expect(r.spec?.layers[0].units).toBe(4);
  });
});

describe('data', () => {
  test('no form', () => {
    const text = model({ data: { samples: 100 }, layers: xorLayers });
    const r = parse(text);
    expect(codes(r)).toContain('missing-field');
    expectRangeAt(text, r.problems.find((p) => p.code === 'missing-field')!.range, '{"samples":100}');
  });

  test('two forms at once', () => {
    const text = model({ data: { generator: 'xor', dataset: 'iris' }, layers: xorLayers });
    expectRangeAt(text, only(parse(text), 'data-form').range, '"dataset"');
  });

  test('fields of another form are unknown here', () => {
    const text = model({ data: { dataset: 'iris', samples: 100 }, layers: [{ units: 4 }, { units: 3 }] });
    expect(only(parse(text), 'unknown-field').message).toMatch(/"samples" is not a field of the data \(a bundled dataset\)/);
  });

  test('classes of a fixed generator', () => {
    const text = model({ data: { generator: 'xor', classes: 3 }, layers: xorLayers });
    const p = only(parse(text), 'generator-classes');
    expectRangeAt(text, p.range, '3', '"classes":');
    expect(p.message).toMatch(/always has 2 classes/);
  });

  test('ragged inline rows are reported on the row', () => {
    const text = model({ data: { inputs: [[0, 0], [0], [1, 1]], targets: [[0], [1], [0]] }, layers: [{ units: 1 }] });
    const p = only(parse(text), 'inline-shape');
    expectRangeAt(text, p.range, '[0]', '[[0,0],');
    expect(p.message).toMatch(/Row 2 of "inputs" has 1 value but row 1 has 2/);
  });

  test('inline rows and targets must pair up', () => {
    const text = model({ data: { inputs: [[0], [1]], targets: [[0]] }, layers: [{ units: 1 }] });
    const p = only(parse(text), 'inline-shape');
    expectRangeAt(text, p.range, '[[0]]');
  });

  test('a non-number inline value', () => {
    const text = model({ data: { inputs: [[0, 'a']], targets: [[0]] }, layers: [{ units: 1 }] });
    expectRangeAt(text, only(parse(text), 'wrong-type').range, '"a"');
  });

  test('a csv column listed twice', () => {
    const text = model({ data: { csv: 'a.csv', features: ['x', 'x'], target: 'y' }, layers: [{ units: 1, activation: 'linear' }] });
    expectRangeAt(text, only(parse(text), 'duplicate-column').range, '"x"', '"x",');
  });

  test('a csv target that is also a feature', () => {
    const text = model({ data: { csv: 'a.csv', features: ['x', 'y'], target: 'y' }, layers: [{ units: 1, activation: 'linear' }] });
    expectRangeAt(text, only(parse(text), 'csv-target-is-feature').range, '"y"', '"x",');
  });
});
