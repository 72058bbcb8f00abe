// Bad arguments throw EngineError with a code and a message a person can act on; the rest of the
// Trainer API (weights round trip, grids, live hyperparameters, label encodings) does what it says.

import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engine/errors';
import { createRng } from '../../../src/engine/rng';
import { createTrainer } from '../../../src/engine/trainer';
import type { TrainerOptions } from '../../../src/engine/trainer-api';
import type { Dataset } from '../../../src/engine/types';
import { classification, network, options, randomData, regression, training, XOR } from './helpers';

function expectEngineError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(code);
    expect((error as EngineError).message).toMatch(message);
    return;
  }
  expect.fail(`expected an EngineError ${code}`);
}

const xorNet = network(2, [[4, 'tanh'], [1, 'sigmoid']], 'cross-entropy');

describe('bad arguments', () => {
  it.each<[string, () => TrainerOptions, string, RegExp]>([
    ['zero units', () => options(network(2, [[0, 'tanh'], [1, 'sigmoid']], 'cross-entropy')), 'invalid-config', /layer 0 units must be a whole number in \[1, \d+\], got 0/],
    ['fractional units', () => options(network(2, [[2.5, 'tanh'], [1, 'sigmoid']], 'cross-entropy')), 'invalid-config', /got 2\.5/],
    ['unknown activation', () => options(network(2, [[3, 'mish' as never], [1, 'sigmoid']], 'cross-entropy')), 'invalid-config', /activation must be one of .*got mish/],
    ['hidden softmax', () => options(network(2, [[3, 'softmax'], [1, 'sigmoid']], 'cross-entropy')), 'invalid-config', /softmax is only allowed on the output layer/],
    ['no layers', () => options(network(2, [], 'mse')), 'invalid-config', /at least one layer/],
    ['dropout of 1', () => options(network(2, [{ units: 3, activation: 'tanh', dropout: 1 }, { units: 1, activation: 'sigmoid' }], 'cross-entropy')), 'invalid-rate', /dropout must be below 1/],
    ['output dropout', () => options(network(2, [{ units: 1, activation: 'sigmoid', dropout: 0.5 }], 'cross-entropy')), 'invalid-config', /dropout applies to hidden layers/],
    ['cross-entropy on linear', () => options(network(2, [[1, 'linear']], 'cross-entropy')), 'invalid-config', /cross-entropy needs a softmax .* or sigmoid .* not linear/],
    ['hand-set weights of the wrong shape', () => options(network(2, [{ units: 1, activation: 'step', weights: [[1, 1, 1]] }], 'mse')), 'invalid-shape', /layer \(layer 0\): hand-set weights must be 1 rows of 2 finite numbers/],
    ['hand-set biases of the wrong length', () => options(network(2, [{ units: 2, activation: 'sigmoid', biases: [0] }], 'mse')), 'invalid-shape', /hand-set biases must be 2 finite numbers/],
    ['negative learning rate', () => options(xorNet, { learningRate: -0.1 }), 'invalid-rate', /learningRate must be a number in \(0, .*got -0\.1/],
    ['NaN learning rate', () => options(xorNet, { learningRate: Number.NaN }), 'invalid-rate', /learningRate .* got NaN/],
    ['zero batch', () => options(xorNet, { batchSize: 0 }), 'invalid-config', /batchSize must be a whole number/],
    ['bad optimiser', () => options(xorNet, { optimizer: 'rmsprop' as never }), 'invalid-config', /optimizer must be one of sgd, momentum, adam, perceptron/],
    ['perceptron with hidden layers', () => options(xorNet, { optimizer: 'perceptron' }), 'invalid-config', /perceptron rule trains a single layer of sign or step units/],
    ['negative lambda', () => options(xorNet, { regularization: { type: 'l2', lambda: -1 } }), 'invalid-rate', /lambda/],
    ['bad init', () => options(network(2, [[1, 'sigmoid']], 'cross-entropy', { init: { distribution: 'gaussian', std: -1 } })), 'invalid-rate', /init std/],
    ['NaN seed', () => ({ ...options(xorNet), seed: Number.NaN }), 'invalid-config', /seed must be a finite number/],
  ])('%s', (_name, make, code, message) => {
    expectEngineError(() => createTrainer(make(), XOR), code, message);
  });

  it.each<[string, () => Dataset, string, RegExp]>([
    ['input size mismatch', () => randomData(4, 3, { classes: 2 }, 1), 'invalid-shape', /expects 2 input\(s\) but the data has 3/],
    ['NaN input', () => classification([[0, 0], [Number.NaN, 1]], [0, 1]), 'non-finite-input', /sample 1, feature 0 is NaN/],
    ['class out of range', () => classification([[0, 0], [0, 1]], [0, 2]), 'invalid-data', /sample 1 has class 2, but classes are 0 … 1/],
    ['three classes on one unit', () => classification([[0, 0], [0, 1], [1, 1]], [0, 1, 2], 3), 'invalid-shape', /3 classes but the output layer has 1 unit/],
    ['regression width mismatch', () => regression([[0, 0]], [[1, 2]]), 'invalid-shape', /1 unit\(s\) but the data has 2 target column/],
    ['empty training split', () => ({ ...XOR, train: { n: 0, x: new Float64Array(0), y: new Float64Array(0) } }), 'invalid-data', /training split is empty/],
  ])('data: %s', (_name, make, code, message) => {
    expectEngineError(() => createTrainer(options(xorNet), make()), code, message);
  });

  it('guards the trainer methods too, and leaves settings alone on a bad update', () => {
    const trainer = createTrainer(options(xorNet), XOR);
    expectEngineError(() => trainer.updateTraining({ learningRate: 0 }), 'invalid-rate', /learningRate/);
    expect(trainer.options.training.learningRate).toBe(0.1);
    expectEngineError(() => trainer.evaluate('test'), 'invalid-data', /test split is empty/);
    expectEngineError(() => trainer.outputGrid(1), 'invalid-config', /grid size/);
    expectEngineError(() => trainer.outputGrid(10, { layer: 0, unit: 4 }), 'invalid-config', /grid unit must be a whole number in \[0, 3\]/);
    expectEngineError(() => trainer.layerParameters(2), 'invalid-config', /layer must be a whole number in \[0, 1\]/);
    expectEngineError(() => trainer.predict(new Float64Array(3), 2), 'invalid-shape', /rows × inputSize = 4/);
    expectEngineError(() => trainer.predict(Float64Array.of(1, Number.POSITIVE_INFINITY), 1), 'non-finite-input', /Infinity/);
    expectEngineError(() => trainer.gradientCheck({ samples: 9 }), 'invalid-config', /samples must be a whole number in \[1, 4\]/);
    const file = trainer.exportWeights();
    expectEngineError(() => trainer.importWeights({ ...file, shape: [2, 5, 1] }), 'weights-mismatch', /for a 2-5-1 network, but the model is 2-4-1/);
    const bad = structuredClone(file);
    bad.layers[1].weights[0] = Number.NaN;
    expectEngineError(() => trainer.importWeights(bad), 'non-finite-input', /Layer 1 weights\[0\] is NaN/);
    expect(trainer.exportWeights()).toEqual(file);
  });
});

describe('trainer API', () => {
  it('exports and imports weights: a second trainer predicts the same', () => {
    const data = randomData(40, 3, { classes: 3 }, 2);
    const net = network(3, [[5, 'relu'], [3, 'softmax']], 'cross-entropy');
    const a = createTrainer(options(net, { optimizer: 'adam', learningRate: 0.01, batchSize: 8 }, 1), data);
    for (let epoch = 0; epoch < 10; epoch++) a.trainEpoch();
    const b = createTrainer(options(net, {}, 99), data);
    const file = JSON.parse(JSON.stringify(a.exportWeights()));
    expect(file.shape).toEqual([3, 5, 3]);
    b.importWeights(file);
    expect(b.predict(data.train.x, 40)).toEqual(a.predict(data.train.x, 40));
    expect(b.evaluate('train')).toEqual(a.evaluate('train'));
  });

  it('reports epochs with train and test metrics; accuracy agrees with predict', () => {
    const rng = createRng(4);
    const points = Array.from({ length: 60 }, () => [rng.normal(), rng.normal()]);
    const labels = points.map(([x, y]) => (x + y > 0 ? 1 : 0));
    const data = classification(points.slice(0, 40), labels.slice(0, 40), 2, { inputs: points.slice(40), labels: labels.slice(40) });
    const trainer = createTrainer(options(network(2, [[1, 'sigmoid']], 'cross-entropy'), { learningRate: 0.5, batchSize: 5 }), data);
    let report = trainer.trainEpoch();
    expect(report.epoch).toBe(1);
    for (let epoch = 0; epoch < 30; epoch++) report = trainer.trainEpoch();
    expect(trainer.epoch).toBe(31);
    expect(report.test).not.toBeNull();
    const outputs = trainer.predict(data.test.x, 20);
    const correct = Array.from(outputs).filter((p, i) => (p > 0.5 ? 1 : 0) === data.test.y[i]).length;
    expect(report.test!.accuracy).toBe(correct / 20);
    expect(report.test!.accuracy).toBeGreaterThan(0.85);
    expect(report.train.objective).toBe(report.train.cost + report.train.regularization);
  });

  it('encodes two classes as −1/+1 for a sign unit and 0/1 for a step unit', () => {
    // Hand weights that classify AND perfectly: a zero MSE proves the targets match the outputs.
    const and = classification([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]);
    for (const activation of ['sign', 'step'] as const) {
      const trainer = createTrainer(options(network(2, [[1, activation]], 'mse'), { optimizer: 'perceptron' }), and);
      trainer.importWeights({ format: 'nn-playground-weights', version: 1, shape: [2, 1], layers: [{ weights: [1, 1], biases: [-1.5] }] });
      expect(trainer.evaluate('train')).toMatchObject({ cost: 0, accuracy: 1 });
      expect(Array.from(trainer.predict(and.train.x, 4))).toEqual(activation === 'sign' ? [-1, -1, -1, 1] : [0, 0, 0, 1]);
    }
  });

  it('draws output grids over the data plane, for the output and for one hidden unit', () => {
    const trainer = createTrainer(options(xorNet, { learningRate: 0.5 }), XOR);
    for (let epoch = 0; epoch < 20; epoch++) trainer.trainEpoch();
    const grid = trainer.outputGrid(11);
    expect(grid.values).toHaveLength(121);
    expect(grid.mode).toBe('value');
    expect(grid.xMin).toBeLessThan(0);
    expect(grid.xMax).toBeGreaterThan(1);
    // Top-left cell is (xMin, yMax); bottom-right is (xMax, yMin).
    const corners = trainer.predict(Float64Array.of(grid.xMin, grid.yMax, grid.xMax, grid.yMin), 2);
    expect(grid.values[0]).toBeCloseTo(corners[0], 6);
    expect(grid.values[120]).toBeCloseTo(corners[1], 6);
    const unit = trainer.outputGrid(11, { layer: 0, unit: 2 });
    const { weights, biases } = trainer.layerParameters(0);
    expect(unit.values[0]).toBeCloseTo(Math.tanh(grid.xMin * weights[2] + grid.yMax * weights[6] + biases[2]), 6);

    const line = createTrainer(options(network(1, [[3, 'tanh'], [1, 'linear']], 'mse')), regression([[0], [1], [2]], [[0], [1], [4]])).outputGrid(7);
    expect(line.values).toHaveLength(7);
    expect(line.yMin).toBe(0);
    expect(line.yMax).toBe(0);

    const classes = createTrainer(options(network(2, [[3, 'softmax']], 'cross-entropy')), randomData(9, 2, { classes: 3 }, 1)).outputGrid(4);
    expect(classes.mode).toBe('class');
    expect(Array.from(classes.values).every((v) => v === 0 || v === 1 || v === 2)).toBe(true);
    expect(Array.from(classes.confidence!).every((p) => p >= 1 / 3 && p <= 1)).toBe(true);
  });

  it('changes hyperparameters on the fly', () => {
    const data = randomData(30, 2, { classes: 2 }, 3);
    const trainer = createTrainer(options(xorNet, { batchSize: 30 }), data);
    trainer.trainEpoch();
    trainer.updateTraining({ learningRate: 0.3, batchSize: 7, optimizer: 'adam', regularization: { type: 'l2', lambda: 0.01 } });
    expect(trainer.options.training).toMatchObject({ learningRate: 0.3, batchSize: 7, optimizer: 'adam', regularization: { type: 'l2', lambda: 0.01 } });
    const report = trainer.trainEpoch();
    expect(report.train.regularization).toBeGreaterThan(0);
    expect(trainer.health().layers[0].updateRatio).toBeCloseTo((0.3 * trainer.health().layers[0].gradNorm) / trainer.health().layers[0].weightNorm, 12);
    // The caller's config object is not mutated.
    expect(training().learningRate).toBe(0.1);
  });
});
