// `nn-playground bias-variance`: figures that add up to the measured error (JSON and text), the
// sweep, and the exit codes of bad input. In-process (src/cli/main.ts), small fast models.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { runCli } from '../helpers/cli-in-process';

function tempModel(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-bv-'));
  const file = join(dir, 'model.nn.json');
  writeFileSync(file, text);
  return file;
}

const sine = (units: number) =>
  `{ "name": "Small sine", "seed": 2, "data": { "generator": "sine", "samples": 30, "noise": 0.2, "testFraction": 0 }, "layers": [{ "units": ${units}, "activation": "tanh" }, { "units": 1, "activation": "linear" }], "training": { "optimizer": "adam", "learningRate": 0.02, "epochs": 30, "batchSize": 10 } }`;

describe('bias-variance command', () => {
  test('--json reports bias² + variance + noise equal to the measured expected error, noise σ² exactly', () => {
    const r = runCli('bias-variance', tempModel(sine(3)), '--runs', '6', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('regression');
    expect(out.runs).toBe(6);
    expect(out.results).toHaveLength(1);
    const [first] = out.results;
    expect(first.noise).toBeCloseTo(0.04, 12);
    expect(first.bias2 + first.variance + first.noise).toBeCloseTo(first.measured, 10);
    expect(first.sum).toBeCloseTo(first.measured, 10);
    expect(out.noise).toEqual({ known: true, sigma: 0.2, variance: first.noise });
  });

  test('--sweep reports each value, the best one, and text whose shown terms add to the shown sum', () => {
    const file = tempModel(sine(3));
    const json = runCli('bias-variance', file, '--runs', '5', '--sweep', 'units=1,4', '--json');
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.setting).toBe('units');
    expect(out.results.map((x: { value: number }) => x.value)).toEqual([1, 4]);
    const measured = out.results.map((x: { measured: number }) => x.measured);
    expect(out.best.index).toBe(measured[0] <= measured[1] ? 0 : 1);
    for (const x of out.results) expect(x.bias2 + x.variance + x.noise).toBeCloseTo(x.measured, 10);

    const text = runCli('bias-variance', file, '--runs', '5', '--sweep=units=1,4');
    expect(text.code, text.stderr).toBe(0);
    const rows = text.stdout.split('\n').filter((line) => line.startsWith('hidden units = '));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [b, v, n, s] = (row.match(/\d+\.\d{4}/g) ?? []).map(Number);
      // Four decimals each: the shown sum differs from the shown terms' by at most rounding.
      expect(Math.abs(b + v + n - s)).toBeLessThanOrEqual(0.00015);
    }
    expect(text.stdout).toMatch(/Lowest expected error at hidden units = [14] \(/);
    expect(text.stdout).toContain('noise = σ² = 0.0400');
  });

  test('classification: bias + net variance equal the measured 0-1 error, with the source named', () => {
    const file = tempModel('{ "seed": 1, "data": { "generator": "moons", "samples": 60, "noise": 0.2, "testFraction": 0 }, "layers": [{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }], "training": { "epochs": 10 } }');
    const r = runCli('bias-variance', file, '--runs', '5', '--json');
    expect(r.code, r.stderr).toBe(0);
    const [first] = JSON.parse(r.stdout).results;
    expect(first.bias + first.netVariance).toBeCloseTo(first.measured, 12);
    expect(first.netVariance).toBeCloseTo(first.unbiasedVariance - first.biasedVariance, 12);
    const text = runCli('bias-variance', file, '--runs', '5');
    expect(text.stdout).toContain('Domingos (2000)');
  });

  test('bad input: usage errors exit 2, models it cannot measure exit 1 with a sentence', () => {
    const file = tempModel(sine(2));
    expect(runCli('bias-variance', file, '--runs', '4').code).toBe(2);
    expect(runCli('bias-variance', file, '--runs', '4').stderr).toMatch(/--runs must be a whole number ≥ 5/);
    expect(runCli('bias-variance', file, '--runs', '51').stderr).toMatch(/--runs must be at most 50/);
    const sweep = runCli('bias-variance', file, '--sweep', 'width=1,2');
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toMatch(/SETTING one of units, depth, lambda, epochs/);
    expect(runCli('bias-variance', file, '--sweep', 'units=1').stderr).toMatch(/at least 2/);
    expect(runCli('bias-variance', file, '--sweep', 'units=1,0.5').stderr).toMatch(/"0.5" is not allowed for units/);
    expect(runCli('bias-variance', file, '--sweep', 'units=1,4', '--epochs', '3').code).toBe(2);

    const iris = runCli('bias-variance', tempModel('{ "data": { "dataset": "iris" }, "layers": [{ "units": 3, "activation": "softmax" }] }'), '--runs', '5');
    expect(iris.code).toBe(1);
    expect(iris.stderr).toMatch(/^nn-playground: The bias-variance experiment draws 5 fresh training sets/);
    expect(iris.stderr).not.toMatch(/at \w+ \(/);

    const broken = runCli('bias-variance', tempModel('{ "data": { "generator": "sine" }, "layers": [{ "units": 0 }] }'));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/model\.nn\.json:1:\d+: error/);

    const big = runCli('bias-variance', file, '--sweep', 'units=2,4096', '--max-parameters', '1000');
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/At hidden units = 4096 the network has 12289 weights and biases, over the cap of 1000/);
  });

  test('parses the flags into the command', () => {
    expect(parseArgs(['bias-variance', 'm.nn.json'])).toEqual({ command: 'bias-variance', file: 'm.nn.json', runs: 20, json: false, allowDataOutside: false });
    expect(parseArgs(['bias-variance', 'm.nn.json', '--runs=7', '--sweep', 'lambda=0,0.01', '--json'])).toMatchObject({ runs: 7, json: true, sweep: { setting: 'lambda', values: [0, 0.01] } });
  });
});

describe('bias-variance command on data without a generator (bootstrap)', () => {
  // y = sin(x) plus a fixed noise-like term of spread about 0.2 (a formula, so the file holds plain
  // inline numbers as a student's would).
  const points = Array.from({ length: 80 }, (_, i) => -3 + (6 * i) / 79);
  const noise = points.map((_, i) => 0.2 * Math.sqrt(-2 * Math.log((i + 0.5) / 80)) * Math.cos(2.399963 * i));
  const inline = JSON.stringify({
    name: 'Inline sine',
    seed: 4,
    data: { inputs: points.map((x) => [x]), targets: points.map((x, i) => [Math.sin(x) + noise[i]]), testFraction: 0.25 },
    layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'linear' }],
    training: { optimizer: 'adam', learningRate: 0.02, epochs: 20, batchSize: 20 },
  });

  test('--json on inline data: bias² + variance + noise equal the measured error; the noise is an estimate, said so', () => {
    const r = runCli('bias-variance', tempModel(inline), '--runs', '5', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('regression');
    expect(out.points).toBe(20);
    expect(out.sampling).toEqual({ kind: 'bootstrap', trainingSize: 60, evaluationSet: 'held-out' });
    const [first] = out.results;
    expect(first.bias2 + first.variance + first.noise).toBeCloseTo(first.measured, 10);
    expect(first.sum).toBeCloseTo(first.measured, 10);
    expect(out.noise).toMatchObject({ known: false, estimator: 'nearest-neighbour', samples: 80, variance: first.noise, remainder: 'bias2' });
    expect(first.noise).toBeGreaterThan(0);

    const text = runCli('bias-variance', tempModel(inline), '--runs', '5');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('The noise is estimated, not known');
    expect(text.stdout).toContain('bootstrap resamples: 60 samples each');
    expect(text.stdout).not.toContain('known exactly');
  });

  test('CSV data: the same bootstrap path, and 0-1 loss taken on the held-out labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-bv-csv-'));
    const rows = ['a,b,label'];
    for (let i = 0; i < 60; i++) {
      const a = ((i * 37) % 60) / 30 - 1;
      const b = ((i * 11) % 60) / 30 - 1;
      rows.push(`${a},${b},${a + b > 0 ? 1 : 0}`);
    }
    writeFileSync(join(dir, 'points.csv'), rows.join('\n'));
    const file = join(dir, 'model.nn.json');
    writeFileSync(file, '{ "seed": 2, "data": { "csv": "points.csv", "target": "label", "task": "classification", "testFraction": 0.3 }, "layers": [{ "units": 3, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }], "training": { "epochs": 10 } }');
    const r = runCli('bias-variance', file, '--runs', '5', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('classification');
    expect(out.points).toBe(18);
    const [first] = out.results;
    expect(first.bias + first.netVariance).toBeCloseTo(first.measured, 12);
    expect(out.noise).toEqual({ known: false, estimator: 'held-out-labels', sigma: 0, variance: 0 });
    expect(runCli('bias-variance', file, '--runs', '5').stdout).toContain('the held-out labels stand in for the truth');
  });
});
