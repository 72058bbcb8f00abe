// The bias-variance lessons keep their promises at the number of runs the editor and the CLI use
// by default (20): measured by the same `measure` both call, judged by the note's decomposition.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { measure } from '../../../src/experiments/report';
import { DEFAULT_RUNS } from '../../../src/experiments/run-experiment';
import { SWEEP_PRESETS, sweepText } from '../../../src/experiments/sweep';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import type { BiasVarianceReport } from '../../../src/shared/protocol/experiment';

const dir = join(__dirname, '../../../examples');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const inputs = (name: string) => {
  const parse = parseModel(read(name));
  expect(parse.problems.filter((p) => p.severity !== 'info'), name).toEqual([]);
  return toTrainerInputs(parse.spec!);
};
const regression = (report: BiasVarianceReport, index = 0) => {
  const r = report.points[index].result;
  if (r.kind !== 'regression') throw new Error('expected a regression result');
  return r.decomposition;
};

describe('noisy sine: a 2-unit net has high bias, a 64-64 net trained long high variance', () => {
  let small: BiasVarianceReport;
  let large: BiasVarianceReport;
  beforeAll(() => {
    small = measure('high bias', inputs('bias-variance-high-bias.nn.json'), DEFAULT_RUNS);
    large = measure('high variance', inputs('bias-variance-high-variance.nn.json'), DEFAULT_RUNS);
  }, 240_000);

  test('the 2-unit net: bias² above its variance, and far above the large net’s bias²', () => {
    const d = regression(small);
    expect(d.bias2).toBeGreaterThan(d.variance);
    expect(d.bias2).toBeGreaterThan(5 * regression(large).bias2);
  });

  test('the 64-64 net: variance several times its bias², and above the small net’s variance', () => {
    const d = regression(large);
    expect(d.variance).toBeGreaterThan(5 * d.bias2);
    expect(d.variance).toBeGreaterThan(1.3 * regression(small).variance);
  });

  test('both on the same data with the same noise, which neither removes: σ² = 0.09', () => {
    expect(regression(small).noise).toBeCloseTo(0.09, 12);
    expect(regression(large).noise).toBeCloseTo(0.09, 12);
    for (const r of [small, large]) expect(r.points[0].result.measured).toBeGreaterThan(0.09);
  });
});

describe('the U curve over λ', () => {
  const sweep = SWEEP_PRESETS[0];
  let report: BiasVarianceReport;
  beforeAll(() => {
    report = measure('U curve', inputs('bias-variance-sweep.nn.json'), DEFAULT_RUNS, sweep);
  }, 240_000);

  test('the lesson names the sweep the editor offers first', () => {
    expect(sweep.setting).toBe('lambda');
    expect(read('bias-variance-sweep.nn.json')).toContain(`--sweep ${sweepText(sweep)}`);
  });

  test('variance dominates without L2, bias² with strong L2, and the sum is lowest in between', () => {
    const first = regression(report, 0);
    const last = regression(report, sweep.values.length - 1);
    expect(first.variance).toBeGreaterThan(5 * first.bias2);
    expect(last.bias2).toBeGreaterThan(2 * last.variance);
    expect(last.bias2).toBeGreaterThan(10 * first.bias2);
    expect(report.best).toBeGreaterThan(0);
    expect(report.best).toBeLessThan(sweep.values.length - 1);
    const sums = report.points.map((_, i) => regression(report, i).bias2 + regression(report, i).variance);
    expect(sums[report.best]).toBeLessThan(0.8 * sums[0]);
    expect(sums[report.best]).toBeLessThan(0.8 * sums[sums.length - 1]);
  });
});
