import { describe, expect, it } from 'vitest';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import type { StandardizedDataset } from '../../../src/engine/index';
import { buildData } from '../../../src/run/run-core';
import { combineRuns, planExperiment, runBiasVariance, trainRun } from '../../../src/experiments/run-experiment';
import { decomposeRegression } from '../../../src/experiments/bias-variance';

const model = (generator: string, noise: number, layers: string, training = '"epochs": 20, "learningRate": 0.05, "batchSize": 10', samples = 60) =>
  `{ "seed": 3, "data": { "generator": "${generator}", "samples": ${samples}, "noise": ${noise}, "testFraction": 0 }, "layers": [${layers}], "training": { ${training} } }`;

function inputsOf(text: string) {
  const spec = parseModel(text).spec;
  if (spec === undefined) throw new Error('The test model did not parse.');
  return toTrainerInputs(spec);
}

describe('bias-variance experiment', () => {
  it('reports noise² exactly for generated regression data and its sum matches the measured error', () => {
    const result = runBiasVariance(inputsOf(model('sine', 0.2, '{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "linear" }')), 5);
    expect(result.kind).toBe('regression');
    if (result.kind !== 'regression') return;
    const d = result.decomposition;
    expect(d.noise).toBeCloseTo(0.04, 12);
    expect(d.bias2 + d.variance + d.noise).toBeCloseTo(result.measured, 10);
    expect(d.variance).toBeGreaterThan(0);
  });

  it('gives classification shares between 0 and 1 whose bias and net variance add up to the measured error (Domingos)', () => {
    const result = runBiasVariance(inputsOf(model('xor', 0.1, '{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }')), 5);
    expect(result.kind).toBe('classification');
    if (result.kind !== 'classification') return;
    const d = result.decomposition;
    for (const v of [d.bias, d.variance, d.unbiasedVariance, d.biasedVariance, d.expectedError]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(d.bias + d.netVariance).toBeCloseTo(result.measured, 12);
  });

  it('reads a tanh output unit’s labels at 0, as the trainer does (not at 0.5)', () => {
    // A tanh output learns −1/+1; read at 0.5, every output in (0, 0.5] would count as class 0.
    // Trained one epoch on two separable clusters, the outputs have the right sign but are small.
    const result = runBiasVariance(inputsOf(model('gaussian', 0.1, '{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "tanh" }', '"optimizer": "sgd", "learningRate": 0.01, "epochs": 1, "batchSize": 10', 200)), 5);
    expect(result.kind).toBe('classification');
    // Read at 0 the runs err on about 10% of the points; read at 0.5, on about 26%.
    expect(result.measured).toBeLessThan(0.15);
  });

  it('gives the same figures whatever order the runs finish in (as worker threads return them)', () => {
    const inputs = inputsOf(model('sine', 0.3, '{ "units": 3, "activation": "tanh" }, { "units": 1, "activation": "linear" }'));
    const plan = planExperiment(inputs, 6);
    const outputs = [5, 2, 0, 4, 1, 3].map((k) => trainRun(plan, k));
    expect(combineRuns(plan, outputs)).toEqual(runBiasVariance(inputs, 6));
  });

  it('refuses data it cannot draw afresh, and a run count outside 5–50, with a sentence', () => {
    const iris = inputsOf('{ "data": { "dataset": "iris" }, "layers": [{ "units": 3, "activation": "softmax" }] }');
    expect(() => planExperiment(iris, 20)).toThrow(/needs generated data .*dataset data has no generator/);
    const sine = inputsOf(model('sine', 0.1, '{ "units": 1, "activation": "linear" }'));
    expect(() => planExperiment(sine, 4)).toThrow(/from 5 to 50, got "4"/);
    expect(() => planExperiment(sine, 51)).toThrow(/from 5 to 50/);
  });

  it('matches ordinary least squares on a linear model of the plane, with the closed-form noise σ²', () => {
    // A linear unit trained to convergence on the plane y = 0.6x₁ − 0.4x₂ + 0.2 + N(0, σ²) is the
    // least-squares fit of each draw. Solve each draw's normal equations here, independently of the
    // engine, and decompose those predictions: the experiment must find the same bias² (≈ 0: the
    // model class holds the truth) and variance (σ²·E[x*ᵀ(XᵀX)⁻¹x*] ≈ σ²·p/n with p = 3).
    const sigma = 0.5;
    const inputs = inputsOf(model('plane', sigma, '{ "units": 1, "activation": "linear" }', '"optimizer": "adam", "learningRate": 0.05, "epochs": 400, "batchSize": 60', 60));
    const runs = 20;
    const plan = planExperiment(inputs, runs);
    const result = runBiasVariance(inputs, runs);
    if (result.kind !== 'regression') throw new Error('expected regression');
    const ols: Float64Array[] = [];
    for (let k = 0; k < runs; k++) {
      const data = buildData({ ...inputs, options: { ...inputs.options, seed: inputs.options.seed + k } }) as StandardizedDataset;
      const s = data.standardization;
      // Raw inputs back from the standardised ones, then the 3×3 normal equations with an intercept.
      const a = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
      const b = [0, 0, 0];
      for (let i = 0; i < data.train.n; i++) {
        const x1 = s ? data.train.x[2 * i] * s.std[0] + s.mean[0] : data.train.x[2 * i];
        const x2 = s ? data.train.x[2 * i + 1] * s.std[1] + s.mean[1] : data.train.x[2 * i + 1];
        const row = [1, x1, x2];
        for (let r = 0; r < 3; r++) {
          b[r] += row[r] * data.train.y[i];
          for (let c = 0; c < 3; c++) a[r][c] += row[r] * row[c];
        }
      }
      const w = solve3(a, b);
      ols.push(Float64Array.from({ length: plan.rows }, (_, i) => w[0] + w[1] * plan.x[2 * i] + w[2] * plan.x[2 * i + 1]));
    }
    const expected = decomposeRegression(ols, plan.truth, sigma ** 2);
    expect(result.decomposition.noise).toBeCloseTo(sigma ** 2, 12);
    expect(result.decomposition.variance / expected.variance).toBeGreaterThan(0.97);
    expect(result.decomposition.variance / expected.variance).toBeLessThan(1.03);
    expect(Math.abs(result.decomposition.bias2 - expected.bias2)).toBeLessThan(0.1 * expected.variance);
    // The closed form's order of magnitude: σ²·p/n = 0.25·3/60 = 0.0125.
    expect(expected.variance).toBeGreaterThan(0.5 * 0.0125);
    expect(expected.variance).toBeLessThan(2 * 0.0125);
    expect(result.decomposition.bias2 + result.decomposition.variance + result.decomposition.noise).toBeCloseTo(result.measured, 10);
  });
});

function solve3(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k < 4; k++) m[r][k] -= f * m[c][k];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
}
