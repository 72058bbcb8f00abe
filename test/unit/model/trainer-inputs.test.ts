// From spec to engine: the options the trainer accepts, and the static data facts the parser
// predicted agree with the dataset the engine actually builds (an independent implementation).

import { describe, expect, test } from 'vitest';
import { createTrainer, makeDataset } from '../../../src/engine/index';
import { checkAgainstData, checkCsv, csvReadProblem, toTrainerInputs } from '../../../src/model/index';
import { applyFix, codes, expectRangeAt, model, parse } from './helpers';

const CSV = 'x1,x2,species\n0.1,0.2,a\n0.3,0.1,b\n0.9,0.8,a\n0.5,0.4,c\n0.2,0.7,b\n0.6,0.6,c\n';

function build(text: string, csvText?: string) {
  const r = parse(text);
  expect(r.spec, JSON.stringify(r.problems)).toBeDefined();
  const inputs = toTrainerInputs(r.spec!, csvText);
  const dataset = makeDataset(inputs.data, inputs.dataOptions, inputs.options.seed);
  return { r, inputs, dataset, trainer: createTrainer(inputs.options, dataset) };
}

describe('static facts agree with the built dataset', () => {
  test.each([
    ['xor', { generator: 'xor' }, [{ units: 4 }, { units: 1 }]],
    ['spiral 3', { generator: 'spiral', classes: 3 }, [{ units: 8 }, { units: 3, activation: 'softmax' }]],
    ['blobs default', { generator: 'blobs' }, [{ units: 3, activation: 'softmax' }]],
    ['sine', { generator: 'sine' }, [{ units: 8 }, { units: 1 }]],
    ['plane', { generator: 'plane' }, [{ units: 1, activation: 'linear' }]],
    ['iris', { dataset: 'iris' }, [{ units: 5 }, { units: 3, activation: 'softmax' }]],
    ['inline 0/1', { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]], testFraction: 0 }, [{ units: 4 }, { units: 1 }]],
    ['inline ±1', { inputs: [[0], [1], [2], [3]], targets: [[-1], [-1], [1], [1]], testFraction: 0 }, [{ units: 1, activation: 'sign' }]],
    ['inline 0..2', { inputs: [[0], [1], [2]], targets: [[0], [1], [2]], testFraction: 0 }, [{ units: 3, activation: 'softmax' }]],
    ['inline one-hot', { inputs: [[0], [1]], targets: [[1, 0], [0, 1]], testFraction: 0 }, [{ units: 2, activation: 'softmax' }]],
    ['inline regression', { inputs: [[0], [1], [2]], targets: [[0], [1], [4]], testFraction: 0 }, [{ units: 1, activation: 'linear' }]],
  ])('%s', (_, data, layers) => {
    const perceptron = layers.some((l) => (l as { activation?: string }).activation === 'sign');
    const { r, dataset, trainer } = build(model({ data, layers, ...(perceptron ? { training: { optimizer: 'perceptron' } } : {}) }));
    expect(r.facts?.inputSize).toBe(dataset.inputSize);
    expect(r.facts?.task).toBe(dataset.kind);
    if (dataset.kind === 'classification') expect(r.facts?.classes).toBe(dataset.classes);
    else expect(r.facts?.targetSize).toBe(dataset.targetSize);
    expect(checkAgainstData(r, dataset)).toEqual([]);
    expect(Number.isFinite(trainer.trainEpoch().train.cost)).toBe(true);
  });
});

test('the options carry the spec exactly', () => {
  const { inputs } = build(model({ seed: 9, data: { generator: 'moons', samples: 50, noise: 0.2, testFraction: 0.4, standardize: false }, layers: [{ units: 6, dropout: 0.1, init: 'he' }, { units: 1 }], training: { optimizer: 'adam', epochs: 12 } }));
  expect(inputs).toEqual({
    options: {
      seed: 9,
      network: { inputSize: 2, loss: 'cross-entropy', init: { distribution: 'xavier' }, layers: [{ units: 6, activation: 'tanh', dropout: 0.1, init: { distribution: 'he' } }, { units: 1, activation: 'sigmoid', dropout: 0 }] },
      training: { optimizer: 'adam', learningRate: 0.01, batchSize: 10, epochs: 12, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, regularization: { type: 'none', lambda: 0 }, dropoutMode: 'inverted' },
    },
    data: { kind: 'generator', generator: 'moons', samples: 50, noise: 0.2 },
    dataOptions: { testFraction: 0.4, standardize: false },
  });
});

describe('CSV', () => {
  const text = model({ data: { csv: 'flowers.csv', target: 'species' }, layers: [{ units: 4 }, { units: 3, activation: 'softmax' }] });

  test('input width from the header; the built dataset needs no extra problem', () => {
    const { inputs, dataset, r } = build(text, CSV);
    expect(inputs.options.network.inputSize).toBe(2);
    expect(dataset.classes).toBe(3);
    expect(checkCsv(r, CSV)).toEqual([]);
    expect(checkAgainstData(r, dataset)).toEqual([]);
  });

  test('a missing target column: its path, the available columns and a did-you-mean fix', () => {
    const misspelt = text.replace('"target":"species"', '"target":"specis"');
    const r = parse(misspelt);
    const problems = checkCsv(r, CSV);
    expect(codes(problems)).toEqual(['csv-missing-column']);
    expectRangeAt(misspelt, problems[0].range, '"specis"');
    expect(problems[0].message).toBe('The CSV file "flowers.csv" has no target column "specis". Did you mean "species"? It has 3 columns.');
    expect(applyFix(misspelt, problems[0].fixes![0])).toBe(text);
    expect(() => toTrainerInputs(r.spec!, CSV)).toThrow(/has no column "specis"/);
  });

  test('a missing feature column is reported on that feature', () => {
    const withFeatures = model({ data: { csv: 'flowers.csv', features: ['x1', 'x3'], target: 'species' }, layers: [{ units: 3, activation: 'softmax' }] });
    const problems = checkCsv(parse(withFeatures), CSV);
    expect(codes(problems)).toEqual(['csv-missing-column']);
    expectRangeAt(withFeatures, problems[0].range, '"x3"');
  });

  test('checkCsv reports the output width from the file\'s classes before any training', () => {
    const wrong = text.replace('"units":3', '"units":2');
    const problems = checkCsv(parse(wrong), CSV);
    expect(codes(problems)).toEqual(['output-width']);
    expect(problems[0].message).toMatch(/3 classes/);
  });

  test('a cell that is not a number is reported with its file line', () => {
    const problems = checkCsv(parse(text), CSV.replace('0.3,0.1,b', '0.3,oops,b'));
    expect(codes(problems)).toEqual(['csv-invalid']);
    expect(problems[0].message).toMatch(/line 3, column "x2": "oops" is not a number/);
  });

  test('an empty file', () => {
    expect(codes(checkCsv(parse(text), ''))).toEqual(['csv-empty']);
  });

  test('an unreadable file points at the path', () => {
    const r = parse(text);
    const p = csvReadProblem(r, 'data/flowers.csv', 'no such file');
    expectRangeAt(text, p.range, '"flowers.csv"');
    expect(p.message).toMatch(/data\/flowers\.csv.*no such file/);
  });

  test('the output width is checked once the data is built', () => {
    const wrong = text.replace('"units":3', '"units":2');
    const r = parse(wrong);
    const inputs = toTrainerInputs(r.spec!, CSV);
    const dataset = makeDataset(inputs.data, inputs.dataOptions, 1);
    // The engine refuses the mismatch too, but without a place in the file.
    expect(() => createTrainer(inputs.options, dataset)).toThrow(/output layer has 2 units/);
    const problems = checkAgainstData(r, dataset);
    expect(codes(problems)).toEqual(['output-width']);
    expectRangeAt(wrong, problems[0].range, '2', '"units":');
  });

  test('a numeric target makes a regression: softmax and cross-entropy are wrong there', () => {
    const numeric = 'a,b,y\n1,2,0.5\n2,3,0.7\n3,1,0.1\n';
    const r = parse(model({ data: { csv: 'n.csv', target: 'y' }, layers: [{ units: 4 }, { units: 2, activation: 'softmax' }] }));
    const dataset = makeDataset(toTrainerInputs(r.spec!, numeric).data, { testFraction: 0 }, 1);
    expect(codes(checkAgainstData(r, dataset)).sort()).toEqual(['loss-task', 'output-task', 'output-width']);
  });

  test('without its text, toTrainerInputs says so', () => {
    expect(() => toTrainerInputs(parse(text).spec!)).toThrow(/has not been read/);
  });
});
