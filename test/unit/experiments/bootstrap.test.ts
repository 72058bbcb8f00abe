// Bootstrap resamples for data without a generator: each training set has the training split's
// size, is drawn with replacement, is reproducible from its seed, and every run is evaluated on the
// one held-out split, whose rows no resample contains.

import { describe, expect, it } from 'vitest';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import { bootstrapRows, rawSplit, resampledDataset } from '../../../src/experiments/bootstrap';
import { combineRuns, planExperiment, runBiasVariance, trainRun } from '../../../src/experiments/run-experiment';

/** Inline 1-D data: x = i, y = 2i, so each row is identified by its input. */
function inlineModel(n: number, testFraction = 0.25): string {
  const inputs = Array.from({ length: n }, (_, i) => [i]);
  const targets = Array.from({ length: n }, (_, i) => [2 * i]);
  return JSON.stringify({
    seed: 7,
    data: { inputs, targets, testFraction },
    layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'linear' }],
    training: { epochs: 5, learningRate: 0.01, batchSize: 8 },
  });
}

function inputsOf(text: string) {
  const spec = parseModel(text).spec;
  if (spec === undefined) throw new Error('The test model did not parse.');
  return toTrainerInputs(spec);
}

describe('bootstrap resamples', () => {
  it('draws n indices in [0, n) with replacement, the same for the same seed and different for another', () => {
    const n = 200;
    const a = bootstrapRows(n, 11);
    expect(a).toHaveLength(n);
    for (const row of a) {
      expect(Number.isInteger(row)).toBe(true);
      expect(row).toBeGreaterThanOrEqual(0);
      expect(row).toBeLessThan(n);
    }
    // With replacement: some rows repeat. A uniform resample holds 1 − (1 − 1/n)^n ≈ 63.2 % of the
    // distinct rows (sd about 2.4 % at n = 200), far from the 100 % a permutation would give.
    const distinct = new Set(a).size / n;
    expect(distinct).toBeGreaterThan(0.55);
    expect(distinct).toBeLessThan(0.72);
    expect(bootstrapRows(n, 11)).toEqual(a);
    expect(bootstrapRows(n, 12)).not.toEqual(a);
  });

  it('trains each run on a resample of the training split, of its size, and keeps the held-out split as it is', () => {
    const inputs = inputsOf(inlineModel(40));
    const raw = rawSplit(inputs);
    expect(raw.train.n).toBe(30);
    expect(raw.test.n).toBe(10);
    const trainInputs = new Set(Array.from(raw.train.x));
    const testInputs = Array.from(raw.test.x);
    for (const seed of [7, 8, 9]) {
      const data = resampledDataset(raw, bootstrapRows(raw.train.n, seed), false);
      expect(data.train.n).toBe(raw.train.n);
      for (let i = 0; i < data.train.n; i++) {
        // Every resampled row is a training row with its own target: no held-out row leaks in.
        expect(trainInputs.has(data.train.x[i])).toBe(true);
        expect(testInputs).not.toContain(data.train.x[i]);
        expect(data.train.y[i]).toBe(2 * data.train.x[i]);
      }
      expect(Array.from(data.test.x)).toEqual(testInputs);
    }
  });

  it('standardises a resample with its own statistics, and the held-out split with the same ones', () => {
    const raw = rawSplit(inputsOf(inlineModel(40)));
    const data = resampledDataset(raw, bootstrapRows(raw.train.n, 3), true);
    let mean = 0;
    for (let i = 0; i < data.train.n; i++) mean += data.train.x[i];
    expect(mean / data.train.n).toBeCloseTo(0, 12);
    const s = data.standardization!;
    for (let i = 0; i < raw.test.n; i++) expect(data.test.x[i]).toBeCloseTo((raw.test.x[i] - s.mean[0]) / s.std[0], 12);
  });

  it('evaluates every run on the held-out split, the same set for every run, reproducibly', () => {
    const inputs = inputsOf(inlineModel(40));
    const plan = planExperiment(inputs, 5);
    expect(plan.sampling).toEqual({ kind: 'bootstrap', trainingSize: 30, noiseSamples: 40 });
    const raw = rawSplit(inputs);
    expect(Array.from(plan.x).sort((a, b) => a - b)).toEqual(Array.from(raw.test.x).sort((a, b) => a - b));
    // Labels stay with their inputs after the plan sorts the points by x.
    for (let i = 0; i < plan.rows; i++) expect(plan.truth[i]).toBe(2 * plan.x[i]);
    const first = combineRuns(plan, [0, 1, 2, 3, 4].map((k) => trainRun(plan, k)));
    const again = runBiasVariance(inputs, 5);
    expect(again).toEqual(first);
    // Runs differ by their resample and initial weights: the variance is not 0.
    expect(first.kind === 'regression' && first.decomposition.variance).toBeGreaterThan(0);
  });

  it('refuses data it cannot evaluate: no held-out samples, with a sentence that says what to change', () => {
    expect(() => planExperiment(inputsOf(inlineModel(20, 0)), 5)).toThrow(/holds out no samples \("testFraction" is 0\): set "testFraction" above 0/);
  });
});

describe('input features', () => {
  it('evaluates a generated model with input features in its own input space (it threw a width error before)', () => {
    const spec = parseModel('{ "seed": 1, "data": { "generator": "circle", "samples": 60, "noise": 0.1, "testFraction": 0, "inputFeatures": ["x1", "x2", "x1^2", "x2^2"] }, "layers": [{ "units": 3, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }], "training": { "epochs": 10 } }').spec!;
    const plan = planExperiment(toTrainerInputs(spec), 5);
    expect(plan.inputSize).toBe(4);
    expect(plan.grid).toBeUndefined();
    const result = runBiasVariance(toTrainerInputs(spec), 5);
    expect(result.kind).toBe('classification');
    if (result.kind === 'classification') expect(result.decomposition.bias + result.decomposition.netVariance).toBeCloseTo(result.measured, 12);
  });
});
