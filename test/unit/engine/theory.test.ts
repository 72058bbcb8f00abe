// The theory note's claims (notes/theory.md), each as a test of the engine.

import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/network';
import { createRng } from '../../../src/engine/rng';
import { createTrainer } from '../../../src/engine/trainer';
import type { ActivationName, DropoutMode } from '../../../src/engine/types';
import { classification, network, options, randomData, regression, XOR } from './helpers';

const AND = classification([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]);
const OR = classification([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1]);

/** Plain triple-loop product of row-major matrices: an independent reference. */
function matmul(a: ArrayLike<number>, b: ArrayLike<number>, n: number, k: number, m: number): number[] {
  const out = new Array<number>(n * m).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) for (let t = 0; t < k; t++) out[i * m + j] += a[i * k + t] * b[t * m + j];
  return out;
}

describe('§1 the McCulloch–Pitts neuron', () => {
  // A hand-set step layer, not trained: unit j fires (1) when Σᵢ wⱼᵢxᵢ ≥ θⱼ, with bias b = −θ.
  const GATES = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const handSet = (inputSize: number, weights: number[][], thresholds: number[]) =>
    createTrainer(
      options(network(inputSize, [{ units: weights.length, activation: 'step', weights, biases: thresholds.map((t) => -t), trainable: false }], 'mse'), { epochs: 0 }),
      regression(inputSize === 2 ? GATES : [[0], [1]], (inputSize === 2 ? GATES : [[0], [1]]).map(() => weights.map(() => 0))),
    );
  /** Rows of the predictions, as plain numbers. */
  const fire = (trainer: ReturnType<typeof createTrainer>, inputs: number[][]) => {
    const out = trainer.predict(Float64Array.from(inputs.flat()), inputs.length);
    const units = out.length / inputs.length;
    return inputs.map((_, r) => Array.from(out.subarray(r * units, (r + 1) * units)));
  };

  it('computes AND, OR and NOT with hand-set weights and thresholds through the network', () => {
    // Unit 1: weights 1, 1 and θ = 2 (AND); unit 2: weights 1, 1 and θ = 1 (OR).
    const gates = handSet(2, [[1, 1], [1, 1]], [2, 1]);
    expect(fire(gates, GATES)).toEqual([[0, 0], [0, 1], [0, 1], [1, 1]]);
    const not = handSet(1, [[-1]], [0]);
    expect(fire(not, [[0], [1]])).toEqual([[1], [0]]);
  });

  it('fires exactly when the weighted sum reaches the threshold (z = w·x − θ ≥ 0)', () => {
    // At w·x = θ the neuron fires: AND on (1, 1) has z = 0.
    const and = handSet(2, [[1, 1]], [2]);
    expect(fire(and, [[1, 1], [1, 0.999999]])).toEqual([[1], [0]]);
  });

  it('keeps a layer marked not trainable as written while training runs, and trains the rest', () => {
    const hidden = { units: 2, activation: 'tanh' as const, weights: [[0.5, -0.25], [1, 2]], biases: [0.1, -0.2], trainable: false };
    const trainer = createTrainer(options(network(2, [hidden, { units: 1, activation: 'sigmoid' }], 'cross-entropy'), { learningRate: 0.5 }), XOR);
    const before = trainer.layerParameters(1).weights;
    for (let epoch = 0; epoch < 20; epoch++) trainer.trainEpoch();
    const first = trainer.layerParameters(0);
    // Engine layout is inputs × units: weight (i → j) at i·units + j.
    expect(Array.from(first.weights)).toEqual([0.5, 1, -0.25, 2]);
    expect(Array.from(first.biases)).toEqual([0.1, -0.2]);
    expect(Array.from(trainer.layerParameters(1).weights)).not.toEqual(Array.from(before));
  });
});

describe('§2 the perceptron', () => {
  it.each([
    { gate: 'AND', data: AND, activation: 'sign' },
    { gate: 'OR', data: OR, activation: 'sign' },
    { gate: 'AND', data: AND, activation: 'step' },
    { gate: 'OR', data: OR, activation: 'step' },
  ] as const)('learns $gate with Rosenblatt’s rule on a $activation unit', ({ data, activation }) => {
    const trainer = createTrainer(options(network(2, [[1, activation]], 'mse'), { optimizer: 'perceptron', learningRate: 0.1, batchSize: 1 }, 3), data);
    let accuracy = 0;
    for (let epoch = 0; epoch < 100 && accuracy < 1; epoch++) trainer.trainEpoch();
    accuracy = trainer.evaluate('train').accuracy as number;
    expect(accuracy).toBe(1);
  });

  it('gets no gradient from backpropagation through sign: sgd leaves its weights unchanged', () => {
    const trainer = createTrainer(options(network(2, [[1, 'sign']], 'mse'), { optimizer: 'sgd', learningRate: 0.5 }, 3), AND);
    const before = trainer.exportWeights();
    for (let epoch = 0; epoch < 10; epoch++) trainer.trainEpoch();
    expect(trainer.exportWeights()).toEqual(before);
  });

  it('never exceeds 75% on XOR, whatever the seed, epoch or learning rate', () => {
    let best = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const learningRate of [0.01, 0.1, 1]) {
        const trainer = createTrainer(options(network(2, [[1, 'sign']], 'mse', { init: { distribution: 'gaussian', std: 1 } }), { optimizer: 'perceptron', learningRate, batchSize: 1 }, seed), XOR);
        for (let epoch = 0; epoch < 50; epoch++) best = Math.max(best, trainer.trainEpoch().train.accuracy as number, trainer.evaluate('train').accuracy as number);
      }
    }
    expect(best).toBe(0.75);
    // Not just these runs: no line w·x + b = 0 classifies more than 3 of the 4 XOR points.
    let bestLine = 0;
    for (let a = -10; a <= 10; a++) {
      for (let b = -10; b <= 10; b++) {
        for (let c = -10; c <= 10; c++) {
          const hits = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]].filter(([x, y, label]) => (a * x + b * y + c / 2 >= 0 ? 1 : 0) === label).length;
          bestLine = Math.max(bestLine, hits / 4);
        }
      }
    }
    expect(bestLine).toBe(0.75);
  });
});

describe('§3 the multilayer perceptron', () => {
  it('2-4-1 tanh solves XOR (100% accuracy)', () => {
    const trainer = createTrainer(options(network(2, [[4, 'tanh'], [1, 'sigmoid']], 'cross-entropy'), { optimizer: 'adam', learningRate: 0.05, batchSize: 4 }, 1), XOR);
    for (let epoch = 0; epoch < 500; epoch++) trainer.trainEpoch();
    expect(trainer.evaluate('train').accuracy).toBe(1);
  });
});

describe('§4 without activations the stack collapses to one linear model', () => {
  it('O = X·W_h1·W_h2·W_o + (b_h1·W_h2 + b_h2)·W_o + b_o', () => {
    const data = randomData(6, 3, { targets: 2 }, 4);
    const trainer = createTrainer(options(network(3, [[4, 'linear'], [5, 'linear'], [2, 'linear']], 'mse', { init: { distribution: 'gaussian', std: 1 } }), {}, 9), data);
    const weights = trainer.exportWeights();
    const rng = createRng(10);
    for (const layer of weights.layers) layer.biases = layer.biases.map(() => rng.normal());
    trainer.importWeights(weights);
    const [l1, l2, l3] = weights.layers;
    const product = matmul(matmul(l1.weights, l2.weights, 3, 4, 5), l3.weights, 3, 5, 2);
    const bias = matmul(matmul(l1.biases, l2.weights, 1, 4, 5).map((v, j) => v + l2.biases[j]), l3.weights, 1, 5, 2).map((v, j) => v + l3.biases[j]);
    const collapsed = matmul(data.train.x, product, 6, 3, 2).map((v, i) => v + bias[i % 2]);
    const outputs = trainer.predict(data.train.x, 6);
    collapsed.forEach((v, i) => expect(outputs[i]).toBeCloseTo(v, 12));
  });
});

describe('§12 initialisation', () => {
  it('N(0, σ) puts ≈99.73% of weights within 3σ (and ≈68.3% within 1σ); 0.01 is the std', () => {
    const data = randomData(2, 200, { targets: 1 }, 1);
    const trainer = createTrainer(options(network(200, [[500, 'tanh'], [1, 'linear']], 'mse', { init: { distribution: 'gaussian' } })), data);
    const w = trainer.layerParameters(0).weights;
    const sigma = 0.01;
    const within = (k: number) => w.filter((v) => Math.abs(v) < k * sigma).length / w.length;
    expect(within(3)).toBeGreaterThan(0.996);
    expect(within(3)).toBeLessThan(0.9985);
    expect(within(1)).toBeGreaterThan(0.678);
    expect(within(1)).toBeLessThan(0.688);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const std = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
    expect(Math.abs(mean)).toBeLessThan(1e-4);
    expect(std).toBeGreaterThan(0.0099);
    expect(std).toBeLessThan(0.0101);
    expect(trainer.layerParameters(0).biases.every((b) => b === 0)).toBe(true);
  });

  it('xavier, he and uniform draw at their documented scales', () => {
    const data = randomData(2, 300, { targets: 1 }, 1);
    const spread = (distribution: 'xavier' | 'he' | 'uniform') => {
      const trainer = createTrainer(options(network(300, [[200, 'tanh'], [1, 'linear']], 'mse', { init: { distribution, limit: 0.2 } })), data);
      const w = trainer.layerParameters(0).weights;
      return { max: w.reduce((m, v) => Math.max(m, Math.abs(v)), 0), std: Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length) };
    };
    const xavier = spread('xavier');
    expect(xavier.max).toBeLessThanOrEqual(Math.sqrt(6 / 500));
    expect(xavier.std).toBeCloseTo(Math.sqrt(2 / 500), 3);
    expect(spread('he').std).toBeCloseTo(Math.sqrt(2 / 300), 3);
    const uniform = spread('uniform');
    expect(uniform.max).toBeLessThanOrEqual(0.2);
    expect(uniform.std).toBeCloseTo(0.2 / Math.sqrt(3), 3);
  });

  it('zero init keeps every hidden unit of a layer identical, even after training', () => {
    const data = randomData(40, 3, { classes: 2 }, 8);
    const trainer = createTrainer(options(network(3, [[4, 'sigmoid'], [3, 'sigmoid'], [1, 'sigmoid']], 'cross-entropy', { init: { distribution: 'zeros' } }), { learningRate: 0.5, batchSize: 8 }), data);
    for (let epoch = 0; epoch < 30; epoch++) trainer.trainEpoch();
    for (const [layer, units] of [[0, 4], [1, 3]] as const) {
      const { weights, biases } = trainer.layerParameters(layer);
      const inputs = weights.length / units;
      for (let i = 0; i < inputs; i++) for (let j = 1; j < units; j++) expect(weights[i * units + j]).toBe(weights[i * units]);
      for (let j = 1; j < units; j++) expect(biases[j]).toBe(biases[0]);
    }
    // …and training did move them: the degeneracy is not just "nothing happened".
    expect(trainer.layerParameters(0).weights.some((w) => w !== 0)).toBe(true);
    expect(trainer.layerParameters(1).weights.some((w) => w !== 0)).toBe(true);
  });
});

describe('§14 L1 and L2', () => {
  // With every input 0, ∂L/∂W = Xᵀ·δ = 0 exactly: only the regulariser moves the weights.
  const silent = regression([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], [[1], [2], [3], [4]]);

  it('L2 is weight decay: ‖w‖ shrinks by exactly (1 − lr·λ) per step when the data gradient is 0', () => {
    const lr = 0.1;
    const lambda = 0.5;
    const trainer = createTrainer(options(network(3, [[1, 'linear']], 'mse', { init: { distribution: 'gaussian', std: 1 } }), { learningRate: lr, batchSize: 4, regularization: { type: 'l2', lambda } }), silent);
    const norm = () => Math.hypot(...trainer.layerParameters(0).weights);
    let previous = norm();
    for (let step = 0; step < 5; step++) {
      trainer.trainEpoch();
      const current = norm();
      expect(current / previous).toBeCloseTo(1 - lr * lambda, 14);
      previous = current;
    }
    // The objective reports the term λ/2·Σw².
    const w = trainer.layerParameters(0).weights;
    expect(trainer.evaluate('train').regularization).toBeCloseTo((lambda / 2) * w.reduce((s, v) => s + v * v, 0), 14);
  });

  it('L1 moves every weight towards 0 by lr·λ per step', () => {
    const trainer = createTrainer(options(network(3, [[1, 'linear']], 'mse', { init: { distribution: 'gaussian', std: 1 } }), { learningRate: 0.1, batchSize: 4, regularization: { type: 'l1', lambda: 0.2 } }), silent);
    const before = trainer.layerParameters(0).weights;
    trainer.trainEpoch();
    const after = trainer.layerParameters(0).weights;
    before.forEach((w, i) => expect(Math.abs(after[i])).toBeCloseTo(Math.abs(w) - 0.02, 14));
    expect(trainer.evaluate('train').regularization).toBeCloseTo(0.2 * after.reduce((s, v) => s + Math.abs(v), 0), 14);
  });
});

describe('§15 dropout', () => {
  function layerOutputs(mode: DropoutMode, seed: number, draws: number) {
    const net = new Network({ inputSize: 3, layers: [{ units: 6, activation: 'relu' as ActivationName, dropout: 0.5 }, { units: 1, activation: 'linear' }], loss: 'mse', init: { distribution: 'gaussian', std: 1 } });
    net.initialize(createRng(1));
    const ws = net.createWorkspace(1);
    ws.input.set([0.7, -0.3, 1.1]);
    const rng = createRng(seed);
    const mean = new Float64Array(6);
    const firstDraw: number[] = [];
    for (let d = 0; d < draws; d++) {
      net.forward(ws, 1, 'train', mode, rng, false);
      for (let j = 0; j < 6; j++) mean[j] += ws.out[0][j] / draws;
      if (d === 0) firstDraw.push(...ws.out[0].subarray(0, 6));
    }
    net.forward(ws, 1, 'eval', mode, null, false);
    return { mean: Array.from(mean), test: Array.from(ws.out[0].subarray(0, 6)), act: Array.from(ws.act[0].subarray(0, 6)), firstDraw };
  }

  it('each mode’s training output equals its test-time output in expectation', () => {
    for (const mode of ['inverted', 'scale-at-test'] as const) {
      const { mean, test, act } = layerOutputs(mode, 5, 40000);
      expect(act.some((a) => a > 0.1)).toBe(true);
      mean.forEach((m, j) => expect(Math.abs(m - test[j])).toBeLessThan(0.02 * Math.max(1, act[j])));
    }
    // Inverted leaves the test output alone; scale-at-test multiplies it by the keep probability.
    const inverted = layerOutputs('inverted', 5, 1);
    const scaled = layerOutputs('scale-at-test', 5, 1);
    inverted.test.forEach((t, j) => expect(t).toBe(inverted.act[j]));
    scaled.test.forEach((t, j) => expect(t).toBeCloseTo(0.5 * scaled.act[j], 15));
  });

  it('differs per sample: a training pass drops units, and the two modes scale the kept ones differently', () => {
    const inverted = layerOutputs('inverted', 5, 1);
    const scaled = layerOutputs('scale-at-test', 5, 1);
    const positive = inverted.act.map((a, j) => (a > 0 ? j : -1)).filter((j) => j >= 0);
    expect(positive.some((j) => inverted.firstDraw[j] === 0)).toBe(true);
    expect(inverted.firstDraw).not.toEqual(inverted.test);
    // Same generator, same mask: the inverted pass is the scale-at-test pass divided by 1 − p.
    inverted.firstDraw.forEach((v, j) => expect(v).toBeCloseTo(scaled.firstDraw[j] / 0.5, 14));
  });
});

describe('reproducibility: one seeded generator', () => {
  const data = randomData(60, 4, { classes: 3 }, 12);
  const net = network(4, [{ units: 8, activation: 'relu', dropout: 0.3 }, { units: 3, activation: 'softmax' }], 'cross-entropy', { init: { distribution: 'he' } });
  const run = (seed: number, peek = false) => {
    const trainer = createTrainer(options(net, { batchSize: 7, optimizer: 'momentum' }, seed), data);
    const reports = [];
    for (let epoch = 0; epoch < 5; epoch++) {
      reports.push(trainer.trainEpoch());
      if (peek) {
        trainer.health();
        trainer.outputGrid(8);
        trainer.gradientCheck({ samples: 5 });
        trainer.evaluate('train');
      }
    }
    return { reports, weights: trainer.exportWeights(), trainer };
  };

  it('the same seed gives a bit-identical run, even when health, grids and gradient checks are read in between', () => {
    const a = run(42);
    const b = run(42, true);
    expect(b.weights).toEqual(a.weights);
    expect(b.reports).toEqual(a.reports);
  });

  it('a different seed gives a different run', () => {
    expect(run(43).weights).not.toEqual(run(42).weights);
  });

  it('reset() returns to the same initial weights and replays the same run', () => {
    const { trainer } = run(42);
    trainer.reset();
    const initial = trainer.exportWeights();
    expect(trainer.epoch).toBe(0);
    const fresh = createTrainer(options(net, { batchSize: 7, optimizer: 'momentum' }, 42), data);
    expect(initial).toEqual(fresh.exportWeights());
    for (let epoch = 0; epoch < 5; epoch++) trainer.trainEpoch();
    expect(trainer.exportWeights()).toEqual(run(42).weights);
  });
});
