// TensorFlow.js as an independent oracle: random architectures with random weights, copied into
// tfjs (cpu backend, float32); forward outputs, the cost and every gradient must agree with ours
// to a relative 1e-4, and so must a few optimiser steps of sgd, momentum and adam.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchLossGradient, batchLossSum, resolveLossKernel } from '../../../src/engine/losses';
import { Network } from '../../../src/engine/network';
import { createRng, type Rng } from '../../../src/engine/rng';
import { createTrainer } from '../../../src/engine/trainer';
import type { ActivationName, LossName, NetworkConfig, OptimizerName } from '../../../src/engine/types';
import { network, options, randomData } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const HIDDEN: ActivationName[] = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky-relu'];
const HEADS: { loss: LossName; output: ActivationName }[] = [
  { loss: 'mse', output: 'linear' },
  { loss: 'mse', output: 'sigmoid' },
  { loss: 'mse', output: 'tanh' },
  { loss: 'cross-entropy', output: 'softmax' },
  { loss: 'cross-entropy', output: 'sigmoid' },
  { loss: 'binary-cross-entropy', output: 'sigmoid' },
];

/** Agreement within float32 tolerance: relative 1e-4, with a floor for values that are nearly 0. */
function expectClose(ours: ArrayLike<number>, theirs: ArrayLike<number>, what: string): void {
  expect(ours.length, what).toBe(theirs.length);
  let scale = 0;
  for (let i = 0; i < theirs.length; i++) scale = Math.max(scale, Math.abs(theirs[i]));
  for (let i = 0; i < ours.length; i++) {
    const tolerance = 1e-4 * Math.max(Math.abs(theirs[i]), 1e-3 * scale, 1e-6);
    if (!(Math.abs(ours[i] - theirs[i]) <= tolerance)) {
      expect.fail(`${what}[${i}]: ours ${ours[i]}, tfjs ${theirs[i]} (tolerance ${tolerance})`);
    }
  }
}

function tfActivation(name: ActivationName, z: tf.Tensor2D): tf.Tensor2D {
  switch (name) {
    case 'linear':
      return z;
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'leaky-relu':
      return tf.leakyRelu(z, 0.01);
    case 'softmax':
      return tf.softmax(z);
    default:
      throw new Error(`no tfjs oracle for ${name}`);
  }
}

interface Case {
  config: NetworkConfig;
  rows: number;
  x: Float64Array;
  targets: Float64Array;
}

function randomCase(rng: Rng): Case {
  const inputSize = 1 + rng.int(5);
  const hiddenCount = rng.int(4);
  const head = HEADS[rng.int(HEADS.length)];
  const outputs = head.output === 'softmax' ? 2 + rng.int(4) : head.loss === 'mse' ? 1 + rng.int(3) : 1 + rng.int(3);
  const layers = Array.from({ length: hiddenCount }, () => ({ units: 1 + rng.int(7), activation: HIDDEN[rng.int(HIDDEN.length)] }));
  layers.push({ units: outputs, activation: head.output });
  const config: NetworkConfig = { inputSize, layers, loss: head.loss, init: { distribution: 'gaussian', std: 0.7 } };
  const rows = 1 + rng.int(9);
  const x = Float64Array.from({ length: rows * inputSize }, () => rng.normal());
  const targets = new Float64Array(rows * outputs);
  for (let r = 0; r < rows; r++) {
    if (head.output === 'softmax') targets[r * outputs + rng.int(outputs)] = 1;
    else for (let c = 0; c < outputs; c++) targets[r * outputs + c] = head.loss === 'mse' ? rng.normal() : rng.uniform() < 0.5 ? 0 : 1;
  }
  return { config, rows, x, targets };
}

function tfCost(config: NetworkConfig, x: tf.Tensor2D, targets: tf.Tensor2D, params: { w: tf.Variable; b: tf.Variable }[]): { cost: tf.Scalar; output: tf.Tensor2D } {
  let h: tf.Tensor2D = x;
  let logits: tf.Tensor2D = x;
  config.layers.forEach((layer, l) => {
    logits = tf.add(tf.matMul(h, params[l].w as tf.Tensor2D), params[l].b) as tf.Tensor2D;
    h = tfActivation(layer.activation, logits);
  });
  const output = config.layers[config.layers.length - 1].activation;
  let cost: tf.Scalar;
  if (config.loss === 'mse') cost = tf.losses.meanSquaredError(targets, h) as tf.Scalar;
  else if (output === 'softmax') cost = tf.losses.softmaxCrossEntropy(targets, logits) as tf.Scalar;
  else cost = tf.losses.sigmoidCrossEntropy(targets, logits) as tf.Scalar;
  return { cost, output: h };
}

describe('TensorFlow.js oracle', () => {
  it('agrees on forward outputs, cost and gradients for 40 random architectures', () => {
    const rng = createRng(2024);
    const seen = new Set<string>();
    for (let trial = 0; trial < 40; trial++) {
      const { config, rows, x, targets } = randomCase(rng);
      const net = new Network(config);
      net.initialize(rng);
      for (const layer of net.layers) for (let j = 0; j < layer.units; j++) layer.biases[j] = rng.normal(0, 0.3);
      const ws = net.createWorkspace(rows);
      ws.input.set(x);
      ws.target.set(targets);
      net.forward(ws, rows, 'eval', 'inverted', null, false);
      const last = net.layers.length - 1;
      const kernel = resolveLossKernel(config.loss, net.outputLayer.activation);
      const cost = batchLossSum(kernel, ws.pre[last], ws.act[last], ws.target, rows, net.outputSize) / rows;
      batchLossGradient(kernel, net.outputLayer.activation, ws.pre[last], ws.act[last], ws.target, ws.delta[last], rows, net.outputSize);
      net.backward(ws, rows);

      tf.tidy(() => {
        const params = net.layers.map((layer) => ({
          w: tf.variable(tf.tensor2d(Array.from(layer.weights), [layer.inputs, layer.units])),
          b: tf.variable(tf.tensor1d(Array.from(layer.biases))),
        }));
        const xs = tf.tensor2d(Array.from(x), [rows, config.inputSize]);
        const ts = tf.tensor2d(Array.from(targets), [rows, net.outputSize]);
        const label = `trial ${trial} (${[config.inputSize, ...config.layers.map((l) => `${l.units}${l.activation}`)].join('-')}, ${config.loss})`;
        const forward = tfCost(config, xs, ts, params);
        expectClose(ws.act[last].subarray(0, rows * net.outputSize), forward.output.dataSync(), `${label} outputs`);
        expectClose([cost], forward.cost.dataSync(), `${label} cost`);
        const { grads } = tf.variableGrads(() => tfCost(config, xs, ts, params).cost, params.flatMap((p) => [p.w, p.b]));
        net.layers.forEach((layer, l) => {
          expectClose(layer.weightGrad, grads[params[l].w.name].dataSync(), `${label} dW${l}`);
          expectClose(layer.biasGrad, grads[params[l].b.name].dataSync(), `${label} db${l}`);
        });
        params.forEach((p) => {
          p.w.dispose();
          p.b.dispose();
        });
      });
      config.layers.forEach((layer) => seen.add(layer.activation));
      seen.add(config.loss);
    }
    // The random draws covered every activation and loss the oracle knows.
    for (const name of [...HIDDEN, 'softmax', 'mse', 'cross-entropy', 'binary-cross-entropy']) expect(seen).toContain(name);
  });

  it.each(['sgd', 'momentum', 'adam'] as OptimizerName[])('agrees on three full-batch %s steps with L2 weight decay', (optimizer) => {
    const data = randomData(10, 3, { classes: 3 }, 5);
    const net = network(3, [[5, 'tanh'], [3, 'softmax']], 'cross-entropy', { init: { distribution: 'gaussian', std: 0.5 } });
    const lambda = 0.01;
    const lr = 0.05;
    const trainer = createTrainer(options(net, { optimizer, learningRate: lr, batchSize: 10, regularization: { type: 'l2', lambda } }, 3), data);
    const initial = trainer.exportWeights();
    for (let step = 0; step < 3; step++) trainer.trainEpoch();
    const ours = trainer.exportWeights();

    tf.tidy(() => {
      const params = initial.layers.map((layer, l) => ({
        w: tf.variable(tf.tensor2d(layer.weights, [initial.shape[l], initial.shape[l + 1]])),
        b: tf.variable(tf.tensor1d(Array.from(layer.biases))),
      }));
      const xs = tf.tensor2d(Array.from(data.train.x), [10, 3]);
      const ts = tf.oneHot(tf.tensor1d(Array.from(data.train.y), 'int32'), 3).toFloat() as tf.Tensor2D;
      const tfOptimizer = optimizer === 'sgd' ? tf.train.sgd(lr) : optimizer === 'momentum' ? tf.train.momentum(lr, 0.9) : tf.train.adam(lr, 0.9, 0.999, 1e-8);
      for (let step = 0; step < 3; step++) {
        tfOptimizer.minimize(() => {
          const { cost } = tfCost(net, xs, ts, params);
          const decay = params.reduce((sum, p) => sum.add(tf.sum(tf.square(p.w))), tf.scalar(0));
          return cost.add(decay.mul(lambda / 2)) as tf.Scalar;
        });
      }
      params.forEach((p, l) => {
        expectClose(ours.layers[l].weights, p.w.dataSync(), `${optimizer} W${l}`);
        expectClose(ours.layers[l].biases, p.b.dataSync(), `${optimizer} b${l}`);
      });
      tfOptimizer.dispose();
    });
  });
});
