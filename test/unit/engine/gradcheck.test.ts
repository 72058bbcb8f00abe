// Backpropagation against central finite differences (Float64), for every differentiable
// activation × loss × regularisation combination, and with dropout under a fixed mask.

import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../../src/engine/trainer';
import { createRng } from '../../../src/engine/rng';
import { Network } from '../../../src/engine/network';
import { checkGradients } from '../../../src/engine/gradcheck';
import type { ActivationName, DropoutMode, LossName, RegularizationSpec } from '../../../src/engine/types';
import { network, options, randomData } from './helpers';

const HIDDEN: ActivationName[] = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'softplus', 'gelu', 'swish'];
const OUTPUTS: { loss: LossName; output: ActivationName; units: number; classes?: number }[] = [
  { loss: 'mse', output: 'linear', units: 2 },
  { loss: 'mse', output: 'sigmoid', units: 2 },
  { loss: 'mse', output: 'tanh', units: 2 },
  { loss: 'mse', output: 'relu', units: 2 },
  { loss: 'mse', output: 'leaky-relu', units: 2 },
  { loss: 'cross-entropy', output: 'softmax', units: 3, classes: 3 },
  { loss: 'mse', output: 'softmax', units: 3, classes: 3 },
  { loss: 'cross-entropy', output: 'sigmoid', units: 1, classes: 2 },
  { loss: 'binary-cross-entropy', output: 'sigmoid', units: 1, classes: 2 },
];
const REGULARIZATIONS: RegularizationSpec[] = [
  { type: 'none', lambda: 0 },
  { type: 'l1', lambda: 0.03 },
  { type: 'l2', lambda: 0.03 },
];

const cases = HIDDEN.flatMap((hidden) => OUTPUTS.flatMap((out) => REGULARIZATIONS.map((regularization) => ({ hidden, ...out, regularization }))));

function check(hidden: ActivationName, out: (typeof OUTPUTS)[number], regularization: RegularizationSpec, dropout = 0, dropoutMode: DropoutMode = 'inverted', seed = 7) {
  const data = out.classes ? randomData(12, 3, { classes: out.classes }, seed) : randomData(12, 3, { targets: out.units }, seed);
  const net = network(
    3,
    [
      { units: 5, activation: hidden, dropout },
      { units: 4, activation: hidden, dropout },
      { units: out.units, activation: out.output },
    ],
    out.loss,
    { init: { distribution: 'gaussian', std: 0.8 } },
  );
  const trainer = createTrainer(options(net, { regularization, dropoutMode }, seed), data);
  // Non-zero biases: with biases at 0, a sample whose ReLUs are all off puts the next layer's
  // pre-activation exactly on the kink, where no finite difference is meaningful.
  const rng = createRng(seed + 1);
  const weights = trainer.exportWeights();
  for (const layer of weights.layers) layer.biases = layer.biases.map(() => rng.normal(0, 0.3));
  trainer.importWeights(weights);
  trainer.trainEpoch();
  return trainer.gradientCheck({ samples: 12 });
}

describe('gradient check: backprop equals central differences', () => {
  it.each(cases)('$hidden hidden, $output output, $loss, $regularization.type', ({ hidden, loss, output, units, classes, regularization }) => {
    const result = check(hidden, { loss, output, units, classes }, regularization);
    expect(result.parameters).toBe(3 * 5 + 5 + 5 * 4 + 4 + 4 * units + units);
    expect(result.maxRelativeError).toBeLessThan(1e-6);
  });

  it.each(['inverted', 'scale-at-test'] as DropoutMode[])('holds with dropout (%s) under a fixed mask', (mode) => {
    for (const hidden of ['tanh', 'relu'] as ActivationName[]) {
      const result = check(hidden, OUTPUTS[5], REGULARIZATIONS[2], 0.4, mode);
      expect(result.maxRelativeError).toBeLessThan(1e-6);
    }
  });

  it('can fail: a backward pass that is off by 0.1% is caught', () => {
    const data = randomData(8, 3, { classes: 3 }, 1);
    const net = network(3, [[4, 'tanh'], [3, 'softmax']], 'cross-entropy');
    const trainer = createTrainer(options(net), data);
    expect(trainer.gradientCheck({ samples: 8 }).maxRelativeError).toBeLessThan(1e-6);

    const buggy = new Network(net);
    buggy.initialize(createRng(1));
    const backward = buggy.backward.bind(buggy);
    buggy.backward = (ws, rows) => {
      backward(ws, rows);
      buggy.layers[0].weightGrad[2] *= 1.001;
    };
    const ws = buggy.createWorkspace(8);
    ws.input.set(data.train.x);
    for (let r = 0; r < 8; r++) ws.target[r * 3 + data.train.y[r]] = 1;
    const result = checkGradients({ network: buggy, kernel: 'softmax-cross-entropy', regularization: { type: 'none', lambda: 0 }, dropoutMode: 'inverted', workspace: ws, rows: 8, maskRng: createRng(2) });
    expect(result.maxRelativeError).toBeGreaterThan(1e-4);
    expect(result.worst).toMatchObject({ layer: 0, kind: 'weight', index: 2 });
  });

  it('samples an evenly strided subset of a big network and leaves parameters and gradients untouched', () => {
    const data = randomData(4, 40, { classes: 3 }, 2);
    const trainer = createTrainer(options(network(40, [[60, 'tanh'], [3, 'softmax']], 'cross-entropy')), data);
    trainer.trainEpoch();
    const before = trainer.layerParameters(0);
    const result = trainer.gradientCheck({ maxParameters: 300, samples: 4 });
    expect(result.parameters).toBeGreaterThanOrEqual(299);
    expect(result.parameters).toBeLessThanOrEqual(301);
    expect(result.maxRelativeError).toBeLessThan(1e-6);
    const after = trainer.layerParameters(0);
    expect(after.weights).toEqual(before.weights);
    expect(after.gradients).toEqual(before.gradients);
  });
});
