import { describe, expect, it } from 'vitest';
import { validateFromWebview } from '../../../src/shared/checks/validate-message';

const ctx = { layerUnits: [8, 4, 1] };

describe('validateFromWebview', () => {
  it('accepts every well-formed message and returns a clean copy', () => {
    const ok = [
      { type: 'ready' },
      { type: 'command', command: 'train' },
      { type: 'command', command: 'reset' },
      { type: 'set-hyperparameter', field: 'learningRate', value: 0.03 },
      { type: 'set-hyperparameter', field: 'batchSize', value: 32 },
      { type: 'set-hyperparameter', field: 'regularization.type', value: 'l2' },
      { type: 'set-hyperparameter', field: 'regularization.lambda', value: 0 },
      { type: 'reveal-problem', line: 12, character: 4 },
      { type: 'unit-grid', id: 3, layer: 1, unit: 3 },
      { type: 'compare', action: 'pin' },
      { type: 'compare', action: 'train-all' },
      { type: 'compare-remove', key: 'file:///a/deep-relu.nn.json' },
      { type: 'toggle-unit', layer: 1, unit: 3 },
      { type: 'toggle-unit', layer: 0, unit: 7 },
      { type: 'add-point', x1: -0.25, x2: 1.5, classIndex: 1 },
      { type: 'remove-point', x1: 0, x2: 3, tolerance: 1e-6 },
      { type: 'remove-point', x1: 0, x2: 3, tolerance: 1e-6, classIndex: 0 },
    ];
    for (const m of ok) {
      const r = validateFromWebview({ ...m, extra: 'dropped' }, ctx);
      expect(r, JSON.stringify(m)).toEqual({ ok: true, message: m });
    }
  });

  it.each([
    [null],
    ['ready'],
    [[{ type: 'ready' }]],
    [{}],
    [{ type: 'eval', code: 'x' }],
    [{ type: 'command', command: 'delete' }],
    [{ type: 'command' }],
    [{ type: 'set-hyperparameter', field: 'epochs', value: 3 }],
    [{ type: 'set-hyperparameter', field: 'learningRate', value: '0.1' }],
    [{ type: 'set-hyperparameter', field: 'learningRate', value: 0 }],
    [{ type: 'set-hyperparameter', field: 'learningRate', value: -1 }],
    [{ type: 'set-hyperparameter', field: 'learningRate', value: Infinity }],
    [{ type: 'set-hyperparameter', field: 'learningRate', value: NaN }],
    [{ type: 'set-hyperparameter', field: 'batchSize', value: 2.5 }],
    [{ type: 'set-hyperparameter', field: 'batchSize', value: 0 }],
    [{ type: 'set-hyperparameter', field: 'regularization.type', value: 'l3' }],
    [{ type: 'set-hyperparameter', field: 'regularization.lambda', value: -0.1 }],
    [{ type: 'reveal-problem', line: -1, character: 0 }],
    [{ type: 'reveal-problem', line: 1.5, character: 0 }],
    [{ type: 'reveal-problem', line: '3', character: 0 }],
    [{ type: 'unit-grid', id: 1, layer: 3, unit: 0 }],
    [{ type: 'unit-grid', id: 1, layer: 0, unit: 8 }],
    [{ type: 'unit-grid', id: -1, layer: 0, unit: 0 }],
    // The output layer's units are not switched off: they are the prediction.
    [{ type: 'toggle-unit', layer: 2, unit: 0 }],
    [{ type: 'toggle-unit', layer: 0, unit: 8 }],
    [{ type: 'toggle-unit', layer: '0', unit: 0 }],
  ])('rejects %j', (raw) => {
    const r = validateFromWebview(raw, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });

  it('rejects comparison requests outside the protocol', () => {
    for (const m of [{ type: 'compare', action: 'delete-everything' }, { type: 'compare' }, { type: 'compare-remove', key: 7 }, { type: 'compare-remove', key: '' }, { type: 'compare-remove', key: 'x'.repeat(5000) }]) {
      expect(validateFromWebview(m, ctx).ok, JSON.stringify(m).slice(0, 60)).toBe(false);
    }
  });

  it('rejects unit grids when no model is attached', () => {
    expect(validateFromWebview({ type: 'unit-grid', id: 1, layer: 0, unit: 0 }).ok).toBe(false);
    expect(validateFromWebview({ type: 'toggle-unit', layer: 0, unit: 0 }).ok).toBe(false);
  });

  it('rejects switching a unit of a model without hidden layers', () => {
    expect(validateFromWebview({ type: 'toggle-unit', layer: 0, unit: 0 }, { layerUnits: [1] }).ok).toBe(false);
  });

  it.each([
    { type: 'add-point', x1: Number.NaN, x2: 0, classIndex: 0 },
    { type: 'add-point', x1: 0, x2: '1', classIndex: 0 },
    { type: 'add-point', x1: 0, x2: 1e300, classIndex: 0 },
    { type: 'add-point', x1: 0, x2: 0, classIndex: -1 },
    { type: 'add-point', x1: 0, x2: 0, classIndex: 0.5 },
    { type: 'add-point', x1: 0, x2: 0 },
    { type: 'remove-point', x1: 0, x2: 0, tolerance: 0 },
    { type: 'remove-point', x1: 0, x2: 0, tolerance: 1e-6, classIndex: 'a' },
  ])('refuses a malformed point %j', (m) => {
    expect(validateFromWebview(m, ctx).ok).toBe(false);
  });
});
