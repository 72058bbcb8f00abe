// A hidden unit switched off (the panel's network diagram) must be exactly a unit whose output
// nobody reads: checked against an independent construction, the same network with the unit's
// outgoing weights set to 0, on both kernel kinds; backward must give its incoming weights no
// gradient, and switching it back on must give back the very outputs of before.

import { afterEach, describe, expect, it } from 'vitest';
import { Network, type Workspace } from '../../../src/engine/network';
import { createRng } from '../../../src/engine/rng';
import { createTrainer } from '../../../src/engine/trainer';
import { availableKernels, forceKernels, type KernelKind } from '../../../src/engine/wasm/kernels';
import type { LayerConfig } from '../../../src/engine/types';
import { network, options, randomData } from './helpers';

afterEach(() => forceKernels(null));

const ROWS = 64;
// Wide enough that the products reach the WebAssembly kernels (over 2,048 multiply-adds).
const LAYERS: LayerConfig[] = [
  { units: 16, activation: 'tanh' },
  { units: 12, activation: 'relu' },
  { units: 3, activation: 'softmax' },
];
const KINDS: KernelKind[] = availableKernels() === 'wasm-simd' ? ['js', 'wasm-simd'] : ['js'];

function built(layers: LayerConfig[] = LAYERS): { net: Network; ws: Workspace } {
  const net = new Network(network(8, layers, 'cross-entropy'));
  net.initialize(createRng(3));
  const ws = net.createWorkspace(ROWS);
  const rng = createRng(11);
  for (let i = 0; i < ws.input.length; i++) ws.input[i] = rng.normal();
  return { net, ws };
}

const outputs = (net: Network, ws: Workspace): Float64Array => {
  net.forward(ws, ROWS, 'eval', 'inverted', null, false);
  return ws.act[net.layers.length - 1].slice();
};

function maxDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe.each(KINDS)('units switched off (%s kernels)', (kind) => {
  it('equals the same network with the unit’s outgoing weights set to 0', () => {
    forceKernels(kind);
    const off = built();
    const zeroed = built();
    off.net.setUnitsOff([{ layer: 0, unit: 5 }, { layer: 1, unit: 2 }]);
    const next0 = zeroed.net.layers[1];
    const next1 = zeroed.net.layers[2];
    for (let j = 0; j < next0.units; j++) next0.weights[5 * next0.units + j] = 0;
    for (let j = 0; j < next1.units; j++) next1.weights[2 * next1.units + j] = 0;
    const a = outputs(off.net, off.ws);
    const b = outputs(zeroed.net, zeroed.ws);
    expect(maxDifference(a, b)).toBeLessThan(1e-12);
    // …and it is a real change: with every unit on the outputs differ.
    off.net.setUnitsOff([]);
    expect(maxDifference(outputs(off.net, off.ws), b)).toBeGreaterThan(1e-3);
  });

  it('gives the unit’s incoming weights and bias zero gradient, and its outgoing weights too', () => {
    forceKernels(kind);
    const { net, ws } = built();
    net.setUnitsOff([{ layer: 0, unit: 5 }]);
    net.forward(ws, ROWS, 'train', 'inverted', createRng(1), false);
    const last = net.layers.length - 1;
    const rng = createRng(5);
    for (let i = 0; i < ROWS * net.outputSize; i++) ws.delta[last][i] = rng.normal();
    net.backward(ws, ROWS);
    const first = net.layers[0];
    for (let i = 0; i < first.inputs; i++) expect(first.weightGrad[i * first.units + 5]).toBe(0);
    expect(first.biasGrad[5]).toBe(0);
    const second = net.layers[1];
    for (let j = 0; j < second.units; j++) expect(second.weightGrad[5 * second.units + j]).toBe(0);
    // The other units still learn.
    expect(Math.abs(first.weightGrad[4]) + Math.abs(first.biasGrad[4])).toBeGreaterThan(0);
  });

  it('restores the exact outputs when the unit is switched back on', () => {
    forceKernels(kind);
    const { net, ws } = built();
    const before = outputs(net, ws);
    net.setUnitsOff([{ layer: 1, unit: 7 }]);
    const silenced = outputs(net, ws);
    expect(maxDifference(before, silenced)).toBeGreaterThan(1e-6);
    net.setUnitsOff([]);
    expect(outputs(net, ws)).toEqual(before);
  });

  it('holds with dropout on the layer, and leaves the dropout draws as they were', () => {
    forceKernels(kind);
    const dropped: LayerConfig[] = [{ units: 16, activation: 'tanh', dropout: 0.3 }, LAYERS[1], LAYERS[2]];
    const off = built(dropped);
    const zeroed = built(dropped);
    off.net.setUnitsOff([{ layer: 0, unit: 9 }]);
    const next = zeroed.net.layers[1];
    for (let j = 0; j < next.units; j++) next.weights[9 * next.units + j] = 0;
    off.net.forward(off.ws, ROWS, 'train', 'inverted', createRng(8), false);
    zeroed.net.forward(zeroed.ws, ROWS, 'train', 'inverted', createRng(8), false);
    expect(maxDifference(off.ws.act[2], zeroed.ws.act[2])).toBeLessThan(1e-12);
    expect(off.ws.mask[0]).toEqual(zeroed.ws.mask[0]);
  });
});

describe('Trainer.setUnitsOff', () => {
  const data = randomData(60, 2, { classes: 2 }, 4);
  const net = network(2, [[6, 'tanh'], [1, 'sigmoid']], 'cross-entropy');

  it('changes the evaluation at once, keeps the unit silent in training, and reset switches it back on', () => {
    const trainer = createTrainer(options(net, { batchSize: 10 }), data);
    for (let e = 0; e < 20; e++) trainer.trainEpoch();
    const on = trainer.evaluate('train');
    trainer.setUnitsOff([{ layer: 0, unit: 2 }]);
    expect(trainer.unitsOff()).toEqual([{ layer: 0, unit: 2 }]);
    const off = trainer.evaluate('train');
    expect(off.cost).not.toBe(on.cost);
    const incoming = () => Array.from({ length: 2 }, (_, i) => trainer.layerParameters(0).weights[i * 6 + 2]);
    const weightsBefore = incoming();
    const biasBefore = trainer.layerParameters(0).biases[2];
    trainer.trainEpoch();
    // No gradient and no regularisation: plain SGD leaves a silent unit's incoming weights alone.
    expect(incoming()).toEqual(weightsBefore);
    expect(trainer.layerParameters(0).biases[2]).toBe(biasBefore);
    trainer.reset();
    expect(trainer.unitsOff()).toEqual([]);
  });

  it('refuses output units and units that do not exist', () => {
    const trainer = createTrainer(options(net), data);
    expect(() => trainer.setUnitsOff([{ layer: 1, unit: 0 }])).toThrow(RangeError);
    expect(() => trainer.setUnitsOff([{ layer: 0, unit: 6 }])).toThrow(RangeError);
    expect(() => trainer.setUnitsOff([{ layer: 0, unit: 1.5 }])).toThrow(RangeError);
    expect(trainer.unitsOff()).toEqual([]);
  });
});
