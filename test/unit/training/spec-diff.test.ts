// What an edit means for a running session: the split between values the trainer takes on the fly
// and changes that invalidate the weights, with a reason a person can read.
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../src/model/spec';
import { countParameters, diffSpecs, sameValue } from '../../../src/run/spec-diff';
import { xorSpec } from '../helpers/xor-spec';

const spec = xorSpec;

describe('diffSpecs', () => {
  it('sees nothing when only the name changes', () => {
    expect(diffSpecs(spec(), spec({ name: 'renamed' }))).toEqual({ kind: 'none' });
  });

  it('patches learning rate, batch size, epochs and regularisation without a reset', () => {
    const before = spec();
    const after = spec({
      training: { ...before.training, learningRate: 0.03, batchSize: 32, epochs: 500, regularization: { type: 'l2', lambda: 0.001 } },
    });
    const change = diffSpecs(before, after);
    expect(change.kind).toBe('hyperparameters');
    if (change.kind !== 'hyperparameters') return;
    expect(change.patch).toEqual({ learningRate: 0.03, batchSize: 32, epochs: 500, regularization: { type: 'l2', lambda: 0.001 } });
    expect(change.fields.sort()).toEqual(['batchSize', 'epochs', 'learningRate', 'regularization']);
  });

  it('treats optimiser parameters and the dropout mode as hyperparameters', () => {
    const before = spec({ training: { ...spec().training, optimizer: 'adam', beta1: 0.9 } });
    const after = spec({ training: { ...before.training, beta1: 0.8, dropoutMode: 'scale-at-test' } });
    expect(diffSpecs(before, after)).toMatchObject({ kind: 'hyperparameters', patch: { beta1: 0.8, dropoutMode: 'scale-at-test' } });
  });

  it('resets on an activation change and names the layer and both activations', () => {
    const before = spec();
    const after = spec({ layers: [{ units: 4, activation: 'relu' }, before.layers[1]] });
    const change = diffSpecs(before, after);
    expect(change).toEqual({ kind: 'structure', reasons: ['the activation of layers[0] changed (tanh → relu)'] });
  });

  it('resets on added layers, units, seed, data, loss, init, dropout and optimiser, each with its reason', () => {
    const before = spec();
    const cases: [Partial<ModelSpec>, RegExp][] = [
      [{ layers: [...before.layers, { units: 1, activation: 'sigmoid' }] }, /a layer was added \(2 → 3 layers\)/],
      [{ layers: [{ units: 8, activation: 'tanh' }, before.layers[1]] }, /units of layers\[0\] changed \(4 → 8\)/],
      [{ seed: 7 }, /seed changed \(1 → 7\)/],
      [{ data: { ...before.data, noise: 0.3 } as ModelSpec['data'] }, /data changed \(noise\)/],
      [{ data: { ...before.data, generator: 'spiral' } as ModelSpec['data'] }, /data changed \(xor → spiral\)/],
      [{ loss: 'mse' }, /loss changed \(cross-entropy → mse\)/],
      [{ init: { distribution: 'gaussian', std: 1 } }, /initialisation changed \(xavier → gaussian std 1\)/],
      [{ layers: [{ units: 4, activation: 'tanh', dropout: 0.5 }, before.layers[1]] }, /dropout of layers\[0\] changed \(0 → 0.5\)/],
      [{ training: { ...before.training, optimizer: 'adam' } }, /optimiser changed \(sgd → adam\)/],
    ];
    for (const [overrides, reason] of cases) {
      const change = diffSpecs(before, spec(overrides));
      expect(change.kind, JSON.stringify(overrides)).toBe('structure');
      if (change.kind === 'structure') expect(change.reasons.join('; ')).toMatch(reason);
    }
  });

  it('lets structure win when hyperparameters change in the same edit', () => {
    const before = spec();
    const after = spec({ seed: 2, training: { ...before.training, learningRate: 1 } });
    expect(diffSpecs(before, after).kind).toBe('structure');
  });
});

describe('sameValue', () => {
  it('compares nested plain values and treats a missing key like undefined', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
  });
});

describe('countParameters', () => {
  it('counts a weight per input per unit and a bias per unit', () => {
    // 2→4→1: 2·4+4 + 4·1+1 = 17
    expect(countParameters(2, [{ units: 4 }, { units: 1 }])).toBe(17);
    // The refused model of the brief: 10 layers of 4,096 units on 2 inputs.
    const huge = countParameters(2, Array.from({ length: 10 }, () => ({ units: 4096 })));
    expect(huge).toBe(2 * 4096 + 4096 + 9 * (4096 * 4096 + 4096));
  });
});
