import { describe, expect, it } from 'vitest';
import type { LayerHealth } from '../../../src/engine/health-types';
import { DIGITS, formatNumber as formatAnyNumber } from '../../../src/shared/l10n';
import { formatPercent, layerText, markdownPercent, statusText, unitFormula, unitSymbol } from '../../../src/editor/format';

function health(overrides: Partial<LayerHealth>): LayerHealth {
  const distribution = { count: 1, mean: 0, std: 1, percentiles: [0, 0, 0, 0, 0, 0, 0, 0, 0], histogram: { min: 0, max: 0, counts: [] } };
  return {
    layer: 0,
    activation: 'tanh',
    units: 4,
    weights: distribution,
    biases: distribution,
    preActivations: distribution,
    activations: distribution,
    gradMeanAbs: 1e-4,
    gradNorm: 3e-4,
    weightNorm: 1,
    updateRatio: 1e-3,
    saturatedFraction: null,
    deadFraction: null,
    ...overrides,
  };
}

describe('numbers as the lenses show them', () => {
  const formatNumber = (value: number) => formatAnyNumber(value, DIGITS.compact);
  it('keeps two significant digits and switches to exponents for tiny and huge values', () => {
    expect(formatNumber(0.0312)).toBe('0.031');
    expect(formatNumber(0.0003)).toBe('3e-4');
    expect(formatNumber(0.000314)).toBe('3.1e-4');
    expect(formatNumber(-1.234)).toBe('-1.2');
    expect(formatNumber(123456)).toBe('1.2e5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('writes shares as percentages with a decimal only where it matters', () => {
    expect(formatPercent(0.97)).toBe('97%');
    expect(formatPercent(0.123)).toBe('12%');
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('words tiny shares for Markdown, where a leading "<" breaks bold text', () => {
    expect(markdownPercent(0.0004)).toBe('under 0.1%');
    expect(markdownPercent(0.5)).toBe('50%');
  });
});

describe('status text', () => {
  const last = { epoch: 120, trainCost: 0.0312, trainObjective: 0.0312, trainRegularization: 0, testCost: 0.04, trainAccuracy: 0.99, testAccuracy: 0.97 };

  it('reads as the issue shows it while training', () => {
    expect(statusText({ state: 'training', epoch: 120, epochs: 300, last })).toBe('epoch 120/300 · loss 0.031 · test acc 97%');
  });

  it('names the state when not training, and why it diverged', () => {
    expect(statusText({ state: 'idle', epoch: 0, epochs: 300, last: undefined })).toBe('ready · epoch 0/300');
    expect(statusText({ state: 'paused', epoch: 120, epochs: 300, last })).toMatch(/^paused · epoch 120\/300/);
    expect(statusText({ state: 'diverged', epoch: 7, epochs: 300, last, message: 'NaN in layer 2' })).toMatch(/^diverged · epoch 7\/300 .* — NaN in layer 2$/);
  });

  it('says a run stopped past a lowered limit is past it, never that it finished', () => {
    const text = statusText({ state: 'finished', epoch: 19844, epochs: 300, last });
    expect(text).not.toMatch(/finished/);
    expect(text).toMatch(/ — Stopped at epoch 19,844: the run is past the limit of 300 epochs\.$/);
    // Reaching the limit is finishing.
    expect(statusText({ state: 'finished', epoch: 300, epochs: 300, last })).toMatch(/^finished · epoch 300\/300/);
  });

  it('falls back to test loss for regression (no accuracy)', () => {
    const regression = { epoch: 3, trainCost: 0.5, trainObjective: 0.5, trainRegularization: 0, testCost: 0.61 };
    expect(statusText({ state: 'training', epoch: 3, epochs: 10, last: regression })).toBe('epoch 3/10 · loss 0.5 · test loss 0.61');
  });
});

describe('layer lens text', () => {
  it('reads as the issue shows it', () => {
    expect(layerText({ units: 4, activation: 'tanh' }, health({ saturatedFraction: 0.12 }), false)).toBe('tanh · 4 units · 12% saturated · ‖∇W‖ 3e-4');
  });

  it('reports dead ReLUs, the output layer, dropout, and nothing live before training', () => {
    expect(layerText({ units: 8, activation: 'relu', dropout: 0.5 }, health({ activation: 'relu', deadFraction: 0.25 }), false)).toBe(
      'relu · 8 units · dropout 0.5 · 25% dead · ‖∇W‖ 3e-4',
    );
    expect(layerText({ units: 1, activation: 'sigmoid' }, undefined, true)).toBe('sigmoid · 1 unit · output');
  });
});

describe('unit formulas', () => {
  it('writes the first unit with signs pulled out of the coefficients', () => {
    expect(unitFormula({ output: unitSymbol(0, 0, false), activation: 'tanh', inputs: ['x1', 'x2'], weights: [0.82, -1.1], bias: 0.05 })).toBe(
      'h₁ = tanh(0.82·x1 − 1.10·x2 + 0.05)',
    );
  });

  it('drops the function name for linear units and shortens long sums', () => {
    const weights = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const text = unitFormula({ output: 'ŷ₁', activation: 'linear', inputs: [], weights, bias: -0.5, maxTerms: 3 });
    expect(text).toBe('ŷ₁ = 1.00·x1 − 1.00·x2 + 1.00·x3 + … (7 more) − 0.50');
  });

  it('names deeper hidden units with their layer', () => {
    expect(unitSymbol(1, 2, false)).toBe('h⁽²⁾₃');
    expect(unitSymbol(2, 0, true)).toBe('ŷ₁');
  });
});
