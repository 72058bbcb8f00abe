// Walks the activation table: for every entry, the engine's scalar function and batch kernels,
// the panel's view model, the hover's chart and definition, and the schema agree at sample points
// (z = 0 and inside each of its zones); the derivative matches a finite difference of the
// function; the new activations match PyTorch's definitions at reference points computed
// independently (mpmath, 40 digits); and each new one trains.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_INFO, ACTIVATIONS, activationRecord, activateInto, multiplyByDerivative } from '../../../src/engine/activations';
import { createTrainer } from '../../../src/engine/trainer';
import { activationValue as chartValue, flatZones } from '../../../src/editor/activation-chart';
import { activationDefinition, activationLesson } from '../../../src/editor/lessons';
import { activationValue as panelValue, activationZones } from '../../../src/shared/view-models/activation-view';
import { didYouMean } from '../../../src/model/text/did-you-mean';
import { classification, network, options } from './helpers';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/nn.schema.json'), 'utf8'));
const schemaActivation = schema.definitions.layer.properties.activation;

/** z = 0, points inside each zone the table computes, and one point on either side. */
function samplePoints(name: (typeof ACTIVATIONS)[number]): number[] {
  const z = ACTIVATION_INFO[name].zones;
  const points = [0, -2, 2];
  if (z.saturatedBelow !== null) points.push(z.saturatedBelow - 1);
  if (z.saturatedAbove !== null) points.push(z.saturatedAbove + 1);
  if (z.deadBelow !== null) points.push(z.deadBelow - 1);
  if (z.linear !== null) {
    const { min, max } = z.linear;
    points.push(Number.isFinite(min) && Number.isFinite(max) ? (min + max) / 2 : Number.isFinite(min) ? min + 0.5 : Number.isFinite(max) ? max - 0.5 : 1);
  }
  return points;
}

describe.each([...ACTIVATIONS])('%s: one record, read everywhere', (name) => {
  const record = activationRecord(name);
  const points = samplePoints(name);

  it('the batch kernels compute the scalar function and derivative', () => {
    if (record.rowwise) return;
    const pre = Float64Array.from(points);
    const act = new Float64Array(points.length);
    activateInto(name, pre, act, points.length);
    const delta = new Float64Array(points.length).fill(1);
    multiplyByDerivative(name, pre, act, delta, points.length);
    points.forEach((z, i) => {
      expect(act[i]).toBeCloseTo(record.forward(z), 14);
      expect(delta[i]).toBeCloseTo(record.derivative(z), 12);
    });
  });

  it('the derivative is the slope of the function (central difference away from kinks)', () => {
    for (const z of points) {
      if (record.kinks.some((k) => Math.abs(z - k) < 1e-3)) continue;
      const h = 1e-5;
      const slope = (record.forward(z + h) - record.forward(z - h)) / (2 * h);
      expect(record.derivative(z)).toBeCloseTo(slope, 6);
    }
  });

  it('the panel view model and the hover chart draw the engine’s values and zones', () => {
    for (const z of points) {
      expect(panelValue(name, z)).toBe(record.forward(z));
      expect(chartValue(name, z)).toBe(record.forward(z));
    }
    const zones = ACTIVATION_INFO[name].zones;
    expect(activationZones(name)).toEqual(zones);
    const half = 50;
    const flat = flatZones(name, half);
    const expected = [zones.saturatedBelow, zones.saturatedAbove, zones.deadBelow].filter((edge) => edge !== null).length;
    expect(flat).toHaveLength(expected);
    // Inside a shaded zone the derivative is (nearly) 0.
    for (const zone of flat) expect(Math.abs(record.derivative((zone.from + zone.to) / 2))).toBeLessThan(0.01);
  });

  it('the hover prints its formula and lesson; the schema lists it with its theory line', () => {
    expect(activationDefinition(name)).toContain(record.formula);
    if (record.pytorch !== null) expect(activationDefinition(name)).toContain(record.pytorch);
    expect(activationLesson(name, {})[0]).toContain(record.lesson);
    const index = schemaActivation.enum.indexOf(name);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(schemaActivation.enumDescriptions[index]).toBe(record.theory);
  });

  it('its range holds at the sample points', () => {
    const [min, max] = record.range;
    for (const z of [...points, -30, 30]) {
      const y = record.forward(z);
      expect(y).toBeGreaterThanOrEqual(min - 1e-12);
      expect(y).toBeLessThanOrEqual(max);
    }
  });
});

describe('the new activations are PyTorch’s', () => {
  // [z, value] computed with mpmath at 40 digits from the definitions in PyTorch's documentation.
  const GELU: [number, number][] = [
    [-5, -1.4332578593959695e-6],
    [-1.5, -0.1002108019032871],
    [-0.5, -0.15426876936299344],
    [0.5, 0.34573123063700656],
    [1.5, 1.399789198096713],
    [5, 4.999998566742141],
  ];
  it.each(GELU)('gelu(%s), the exact erf form', (z, value) => {
    // Far below 0, 1 + erf(z/√2) cancels (as in PyTorch, which computes it the same way): absolute error there.
    expect(Math.abs(activationRecord('gelu').forward(z) - value)).toBeLessThanOrEqual(2e-15 * Math.max(Math.abs(value), 0.1));
  });

  it('softplus returns z above its threshold 20 and ln(1 + eᶻ) at or below it', () => {
    const softplus = activationRecord('softplus');
    expect(softplus.forward(20.5)).toBe(20.5);
    expect(softplus.derivative(20.5)).toBe(1);
    expect(softplus.forward(20)).toBe(Math.log1p(Math.exp(20)));
    expect(softplus.forward(0)).toBe(Math.LN2);
    expect(softplus.forward(-800)).toBe(0);
  });

  it('elu and swish by their formulas; hand values', () => {
    expect(activationRecord('elu').forward(-1)).toBeCloseTo(Math.exp(-1) - 1, 15);
    expect(activationRecord('elu').forward(3)).toBe(3);
    expect(activationRecord('swish').forward(1)).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(activationRecord('swish').forward(-1000)).toBe(-0);
  });

  it('the numbers the theory lines quote are the computed zones', () => {
    expect(ACTIVATION_INFO.elu.zones.saturatedBelow?.toFixed(1)).toBe('-4.6');
    expect(ACTIVATION_INFO.softplus.zones.saturatedBelow?.toFixed(1)).toBe('-4.6');
    expect(ACTIVATION_INFO.gelu.zones.saturatedBelow?.toFixed(1)).toBe('-3.1');
    expect(ACTIVATION_INFO.swish.zones.saturatedBelow?.toFixed(1)).toBe('-6.3');
    expect(ACTIVATION_INFO.gelu.range[0].toFixed(2)).toBe('-0.17');
    expect(ACTIVATION_INFO.swish.range[0].toFixed(2)).toBe('-0.28');
    expect(ACTIVATION_INFO.gelu.maxDerivative.toFixed(2)).toBe('1.13');
    expect(ACTIVATION_INFO.swish.maxDerivative.toFixed(1)).toBe('1.1');
  });

  it('"silu" is offered as swish', () => {
    expect(didYouMean('silu', ACTIVATIONS)).toBe('swish');
  });
});

describe('each new activation trains', () => {
  // XOR's four corners, repeated: needs a non-linear hidden layer.
  const corners = [
    [-1, -1],
    [-1, 1],
    [1, -1],
    [1, 1],
  ];
  const inputs = Array.from({ length: 40 }, (_, i) => corners[i % 4]);
  const labels = inputs.map(([a, b]) => (a * b > 0 ? 0 : 1));
  it.each(['elu', 'softplus', 'gelu', 'swish'] as const)('%s hidden layer learns XOR', (name) => {
    const data = classification(inputs, labels);
    const trainer = createTrainer(options(network(2, [[8, name], [1, 'sigmoid']], 'cross-entropy'), { optimizer: 'adam', learningRate: 0.05, batchSize: 8, epochs: 200 }, 3), data);
    for (let e = 0; e < 200; e++) trainer.trainEpoch();
    expect(trainer.evaluate('train').accuracy).toBe(1);
  });
});
