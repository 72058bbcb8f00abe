// When a run counts as diverged and which layer the message names.
import { describe, expect, it } from 'vitest';
import type { HealthReport, LayerHealth } from '../../../src/engine/health-types';
import type { NetworkConfig } from '../../../src/engine/types';
import { blameLayer, costHasDiverged, describeLayer, divergenceMessage } from '../../../src/run/divergence';

const network: NetworkConfig = {
  inputSize: 2,
  layers: [
    { units: 8, activation: 'tanh' },
    { units: 1, activation: 'linear' },
  ],
  loss: 'mse',
  init: { distribution: 'xavier' },
};

function layer(index: number, updateRatio: number): LayerHealth {
  const d = { count: 1, mean: 0, std: 0, percentiles: [], histogram: { min: 0, max: 0, counts: [] } };
  return {
    layer: index,
    activation: network.layers[index].activation,
    units: network.layers[index].units,
    weights: d,
    biases: d,
    preActivations: d,
    activations: d,
    gradMeanAbs: 0,
    gradNorm: updateRatio,
    weightNorm: 1,
    updateRatio,
    saturatedFraction: null,
    deadFraction: null,
  };
}

describe('costHasDiverged', () => {
  it('is true for NaN and infinities', () => {
    expect(costHasDiverged(NaN, 0.7)).toBe(true);
    expect(costHasDiverged(Infinity, 0.7)).toBe(true);
  });
  it('is true for a loss 10,000× its starting value, and not for ordinary noise', () => {
    expect(costHasDiverged(0.9, 0.7)).toBe(false);
    expect(costHasDiverged(500, 0.7)).toBe(false);
    expect(costHasDiverged(1e5, 0.7)).toBe(true);
  });
  it('scales with losses that start large (un-standardised targets)', () => {
    expect(costHasDiverged(1e9, 1e8)).toBe(false);
    expect(costHasDiverged(1e13, 1e8)).toBe(true);
  });
});

describe('blameLayer', () => {
  it('names the layer where non-finite values first appear', () => {
    const health: HealthReport = { layers: [layer(0, 1), layer(1, 5)], nonFinite: { layer: 0, where: 'weights' } };
    expect(blameLayer(health)?.layer).toBe(0);
    expect(blameLayer(health)?.detail).toMatch(/non-finite weights/);
  });
  it('otherwise names the layer with the largest updates relative to its weights', () => {
    const health: HealthReport = { layers: [layer(0, 0.01), layer(1, 3)], nonFinite: null };
    expect(blameLayer(health)?.layer).toBe(1);
  });
  it('counts a NaN statistic as the worst', () => {
    const health: HealthReport = { layers: [layer(0, NaN), layer(1, 3)], nonFinite: null };
    expect(blameLayer(health)?.layer).toBe(0);
  });
});

describe('divergenceMessage', () => {
  it('says the epoch, what happened, the layer by role and path, and what to do', () => {
    const health: HealthReport = { layers: [layer(0, 1), layer(1, 5)], nonFinite: { layer: 1, where: 'gradients' } };
    const message = divergenceMessage({ epoch: 12, cost: NaN, initialCost: 0.5, learningRate: 100, network, health });
    expect(message).toBe(
      'Training diverged at epoch 12: the loss became NaN; the output layer (layers[1]: linear, 1 unit) is where non-finite gradients ' +
        '(NaN or ±Infinity) first appear. The learning rate (100) is probably too large: try it 10× smaller, then Reset.',
    );
    expect(describeLayer(network, 0)).toBe('hidden layer 1 (layers[0]: tanh, 8 units)');
  });
});
