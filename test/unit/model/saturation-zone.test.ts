// The rules and the engine's health statistics share one saturation zone. The engine counts
// |z| > 4.585 (sigmoid) and |z| > 2.993 (tanh) as saturated, where the derivative falls below 0.01;
// the book's figures 4.6 and 3.0 are those numbers rounded. A z between the two, e.g. 4.59, must be
// saturated for the static rule, for the live rule and for the engine alike.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACTIVATION_FUNCTIONS } from '../../../src/engine/activations';
import { saturatedFraction } from '../../../src/engine/health';
import { createTrainer } from '../../../src/engine/trainer';
import type { ActivationName } from '../../../src/engine/types';
import { liveProblems } from '../../../src/model/index';
import { SATURATION_THRESHOLD, saturationLabel } from '../../../src/model/vocabulary';
import type { HistoryPoint } from '../../../src/shared/protocol/snapshot';
import { network, options, randomData } from '../engine/helpers';
import { model, parse } from './helpers';

/** Φ⁻¹(0.95): a standard normal |z| exceeds it with probability 10% (tables, not this code's erfc). */
const Z_TWO_SIDED_10_PERCENT = 1.6448536269514722;

// Between the derived zone and the rounded figure, and a control just inside the zone's edge.
const CASES: { activation: 'sigmoid' | 'tanh'; between: number; inside: number; rounded: string }[] = [
  { activation: 'sigmoid', between: 4.5925, inside: 4.58, rounded: '4.6' },
  { activation: 'tanh', between: 2.9965, inside: 2.99, rounded: '3.0' },
];

/** Where the derivative falls below 0.01, solved in closed form (independent of the engine's bisection). */
const exactZone = (activation: 'sigmoid' | 'tanh') =>
  activation === 'sigmoid' ? Math.log((0.5 + Math.sqrt(0.24)) / (0.5 - Math.sqrt(0.24))) : Math.atanh(Math.sqrt(0.99));

function history(epochs: number): HistoryPoint[] {
  return Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, trainCost: 0.7, trainObjective: 0.7, trainRegularization: 0, testCost: 0.7 }));
}

test('the rules compare against the zone where the derivative is 0.01, which lies between the old rounded figures', () => {
  for (const { activation, between, inside } of CASES) {
    const zone = SATURATION_THRESHOLD[activation] as number;
    expect(zone).toBeCloseTo(exactZone(activation), 9);
    expect(ACTIVATION_FUNCTIONS[activation].der(zone)).toBeCloseTo(0.01, 9);
    expect(inside).toBeLessThan(zone);
    expect(between).toBeGreaterThan(zone);
  }
  // The old figures: the band between them is where the two used to disagree.
  expect(SATURATION_THRESHOLD.sigmoid).toBeLessThan(4.6);
  expect(SATURATION_THRESHOLD.tanh).toBeLessThan(3.0);
  // Text prints the zone rounded to the theory's figures; the value compared is not rounded.
  expect(saturationLabel(SATURATION_THRESHOLD.sigmoid as number)).toBe('4.6');
  expect(saturationLabel(SATURATION_THRESHOLD.tanh as number)).toBe('3.0');
});

test('the schema quotes the precise zones as the engine derives them', () => {
  const schema = readFileSync(join(__dirname, '../../../schemas/nn.schema.json'), 'utf8');
  for (const activation of ['sigmoid', 'tanh'] as const) {
    const precise = (SATURATION_THRESHOLD[activation] as number).toFixed(3);
    expect(schema).toContain(`(precisely ${precise}`);
  }
  expect(schema).toContain("(4% of that peak) for |z| > 4.6 (precisely 4.585)");
});

describe.each(CASES)('$activation: a z between the derived zone and $rounded', ({ activation, between, inside, rounded }) => {
  test('the engine\'s statistics count it as saturated, and a z just inside the edge as not', () => {
    expect(saturatedFraction(activation, Float64Array.of(between, -between), 2)).toBe(1);
    expect(saturatedFraction(activation, Float64Array.of(inside, -inside), 2)).toBe(0);
  });

  test('init-saturation fires exactly when that z is the 10% point of |z| at init', () => {
    // A layer's initial z ~ N(0, σ_z²) has 10% of |z| beyond Z·σ_z. The rule fires at a predicted
    // 10% saturated (THRESHOLDS.initSaturationShare), so it must fire iff the engine counts the
    // 10% point as saturated: for `between` (which 4.6 or 3.0 would not), not for `inside`.
    const initFor = (tenPercentPoint: number) => {
      // xor: 2 standardised inputs, so σ_z = √2·std.
      const std = tenPercentPoint / Z_TWO_SIDED_10_PERCENT / Math.SQRT2;
      return model({
        data: { generator: 'xor' },
        layers: [{ units: 4, activation, init: { distribution: 'gaussian', std } }, { units: 1, activation: 'sigmoid' }],
        loss: 'cross-entropy',
      });
    };
    const fires = (text: string) => parse(text).problems.filter((p) => p.code === 'init-saturation');
    const found = fires(initFor(between));
    expect(found).toHaveLength(1);
    expect(found[0].layer).toBe(0);
    expect(found[0].message).toContain(`about 10% of them have |z| > ${rounded}, the ${activation} saturation zone`);
    expect(fires(initFor(inside))).toEqual([]);
  });

  test('the live rule reports a layer the real engine measured there', () => {
    // Weights 0 and biases ±z put every pre-activation of the hidden layer at exactly ±z.
    const measure = (z: number) => {
      const trainer = createTrainer(options(network(2, [[4, activation as ActivationName], [1, 'sigmoid']], 'mse'), { learningRate: 0.1, batchSize: 10 }), randomData(40, 2, { classes: 2 }, 3));
      const weights = trainer.exportWeights();
      weights.layers[0].weights.fill(0);
      weights.layers[0].biases.forEach((_, i) => (weights.layers[0].biases[i] = i % 2 === 0 ? z : -z));
      trainer.importWeights(weights);
      return trainer.health();
    };
    const text = model({ data: { generator: 'xor' }, layers: [{ units: 4, activation }, { units: 1, activation: 'sigmoid' }], loss: 'mse' });
    const code = `${activation}-saturation`;

    const saturated = measure(between);
    expect(saturated.layers[0].saturatedFraction).toBe(1);
    const reported = liveProblems({ parse: parse(text), health: saturated, history: history(5) }).filter((p) => p.code === code);
    expect(reported.map((p) => p.layer)).toEqual([0]);
    expect(reported[0].message).toContain(`100% of layer 1 (${activation}, 4 units)'s pre-activations have |z| > ${rounded}`);

    const edge = measure(inside);
    expect(edge.layers[0].saturatedFraction).toBe(0);
    expect(liveProblems({ parse: parse(text), health: edge, history: history(5) }).filter((p) => p.code === code)).toEqual([]);
  });
});
