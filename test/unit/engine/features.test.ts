// Input features (features.ts): the data's two inputs become the listed functions of them, in the
// data building and in the decision boundary's grid alike. Checked against values computed here
// by hand from the raw points, not against the engine's own map.

import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/engine/data/index';
import { EngineError } from '../../../src/engine/errors';
import { createTrainer } from '../../../src/engine/trainer';
import type { DataSource } from '../../../src/engine/types';
import { network, options } from './helpers';

const POINTS = [[0.5, -1], [2, 0.25], [-1.5, 3], [0, 0], [1, 1], [-2, -0.5]];
const inline: DataSource = { kind: 'inline', inputs: POINTS, targets: POINTS.map((_, i) => [i % 2]) };
const byHand = ([a, b]: number[]) => [a, b, a * a, b * b, a * b, Math.sin(a), Math.sin(b)];

describe('data building', () => {
  it('computes each feature from the raw inputs and keeps the point in the plane', () => {
    const all = ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin x1', 'sin x2'] as const;
    const data = makeDataset(inline, { testFraction: 0, standardize: false, inputFeatures: all }, 1);
    expect(data.inputSize).toBe(7);
    expect(data.featureNames).toEqual([...all]);
    for (let r = 0; r < data.train.n; r++) {
      const point = Array.from(data.train.plane!.subarray(2 * r, 2 * r + 2));
      expect(POINTS).toContainEqual(point);
      const row = Array.from(data.train.x.subarray(7 * r, 7 * r + 7));
      byHand(point).forEach((v, f) => expect(row[f]).toBeCloseTo(v, 15));
    }
  });

  it('standardises the features (not the raw inputs) with the training split\'s statistics', () => {
    const data = makeDataset(inline, { testFraction: 0, inputFeatures: ['x1^2', 'x1x2'] }, 1);
    for (let f = 0; f < 2; f++) {
      let mean = 0;
      for (let r = 0; r < data.train.n; r++) mean += data.train.x[2 * r + f];
      expect(mean / data.train.n).toBeCloseTo(0, 12);
    }
    const squares = POINTS.map(([a]) => a * a);
    const m = squares.reduce((s, v) => s + v, 0) / squares.length;
    expect(data.inputMap?.mean?.[0]).toBeCloseTo(m, 12);
  });

  it('refuses data that is not 2-D, and unknown or repeated features', () => {
    const three: DataSource = { kind: 'inline', inputs: [[1, 2, 3], [4, 5, 6]], targets: [[0], [1]] };
    expect(() => makeDataset(three, { testFraction: 0, inputFeatures: ['x1^2'] }, 1)).toThrow(/functions of two inputs, x1 and x2, but this data has 3 inputs/);
    expect(() => makeDataset(inline, { testFraction: 0, inputFeatures: ['x3' as never] }, 1)).toThrow(EngineError);
    expect(() => makeDataset(inline, { testFraction: 0, inputFeatures: ['x1', 'x1'] }, 1)).toThrow(/twice/);
  });
});

describe('the decision boundary goes through the same features', () => {
  it('a hand-set unit on x1² and x2² gives σ(x1² + x2² − 1) at every cell of the plane', () => {
    const data = makeDataset(inline, { testFraction: 0, standardize: false, inputFeatures: ['x1^2', 'x2^2'] }, 1);
    const unit = { units: 1, activation: 'sigmoid' as const, weights: [[1, 1]], biases: [-1], trainable: false };
    const trainer = createTrainer(options(network(2, [unit], 'cross-entropy'), { epochs: 0 }), data);
    const grid = trainer.outputGrid(9);
    // The grid spans the points' plane (x from −2 to 2, y from −1 to 3, with a 10% margin).
    expect(grid.xMin).toBeCloseTo(-2.4, 12);
    expect(grid.yMax).toBeCloseTo(3.4, 12);
    for (let row = 0; row < 9; row++) {
      for (let col = 0; col < 9; col++) {
        const x = grid.xMin + ((grid.xMax - grid.xMin) * col) / 8;
        const y = grid.yMax - ((grid.yMax - grid.yMin) * row) / 8;
        expect(grid.values[row * 9 + col]).toBeCloseTo(1 / (1 + Math.exp(-(x * x + y * y - 1))), 6);
      }
    }
  });

  it('with standardised features too: the grid at a data point is the prediction for that point', () => {
    const data = makeDataset(inline, { testFraction: 0, inputFeatures: ['x1^2', 'sin x2', 'x1x2'] }, 1);
    const trainer = createTrainer(options(network(3, [[4, 'tanh'], [1, 'sigmoid']], 'cross-entropy'), { epochs: 5 }, 3), data);
    for (let e = 0; e < 5; e++) trainer.trainEpoch();
    const grid = trainer.outputGrid(5);
    // The cell at the top-left corner is the point (xMin, yMax): map it by hand and predict.
    const [x, y] = [grid.xMin, grid.yMax];
    const stats = data.inputMap!;
    const raw = [x * x, Math.sin(y), x * y];
    const input = Float64Array.from(raw.map((v, f) => (v - stats.mean![f]) / stats.std![f]));
    expect(grid.values[0]).toBeCloseTo(trainer.predict(input, 1)[0], 6);
  });
});
