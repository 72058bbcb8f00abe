// The documented limits hold at the limit and give a located problem just above it: samples and
// inline/CSV rows 1,000,000, epochs 1,000,000. Past about 10⁵ elements, spreading an array into a
// call (Math.min(...costs), push(...rows)) overflowed the stack: these cases failed before.

import { describe, expect, it } from 'vitest';
import { makeDataset, MAX_SAMPLES } from '../../../src/engine/index';
import { checkCsv, liveProblems, parseModel } from '../../../src/model/index';
import { expectRangeAt, model } from './helpers';

const LAYERS = [{ units: 4, activation: 'tanh' }, { units: 1 }];
const MAX_EPOCHS = 1_000_000;

describe('documented limits', () => {
  it(`${MAX_SAMPLES} generated samples are accepted and split; one more is a located error`, () => {
    const at = model({ data: { generator: 'sine', samples: MAX_SAMPLES }, layers: LAYERS });
    const parsed = parseModel(at);
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const generator of ['sine', 'xor'] as const) {
      const data = makeDataset({ kind: 'generator', generator, samples: MAX_SAMPLES, noise: 0.1 }, { testFraction: 0.2, standardize: true }, 1);
      expect(data.train.n + data.test.n).toBe(MAX_SAMPLES);
    }
    const above = model({ data: { generator: 'sine', samples: MAX_SAMPLES + 1 }, layers: LAYERS });
    const problem = parseModel(above).problems.find((p) => p.severity === 'error');
    expect(problem?.message).toMatch(/"samples" must be .*1000000/);
    expectRangeAt(above, problem!.range, String(MAX_SAMPLES + 1));
  });

  it(`${MAX_EPOCHS} epochs are accepted and the live rules read a history that long; one more is a located error`, () => {
    const at = model({ data: { generator: 'xor' }, layers: LAYERS, training: { epochs: MAX_EPOCHS } });
    const parsed = parseModel(at);
    expect(parsed.spec?.training.epochs).toBe(MAX_EPOCHS);
    const history = Array.from({ length: MAX_EPOCHS }, (_, i) => ({ epoch: i + 1, trainCost: 1 / (i + 1), trainObjective: 1 / (i + 1), trainRegularization: 0, testCost: 1 / (i + 1) }));
    expect(() => liveProblems({ parse: parsed, health: { layers: [], nonFinite: null }, history })).not.toThrow();
    const above = model({ data: { generator: 'xor' }, layers: LAYERS, training: { epochs: MAX_EPOCHS + 1 } });
    const problem = parseModel(above).problems.find((p) => p.severity === 'error');
    expect(problem?.message).toMatch(/"epochs" must be .*1000000/);
    expectRangeAt(above, problem!.range, String(MAX_EPOCHS + 1));
  });

  it(`a CSV of ${MAX_SAMPLES} rows is checked and built, for regression and classification; one more row is a located error`, () => {
    const rows = (n: number, label: (i: number) => string) => {
      const lines = ['x,y'];
      for (let i = 0; i < n; i++) lines.push(`${(i % 1000) / 1000},${label(i)}`);
      return `${lines.join('\n')}\n`;
    };
    const csvModel = (activation: string) => model({ data: { csv: 'points.csv', target: 'y' }, layers: [LAYERS[0], { units: 1, activation }] });
    const cases = [
      { activation: 'linear', label: (i: number) => String(i % 7) },
      { activation: 'sigmoid', label: (i: number) => (i % 2 ? 'a' : 'b') },
    ];
    for (const { activation, label } of cases) {
      const parsed = parseModel(csvModel(activation));
      expect(parsed.spec).toBeDefined();
      expect(checkCsv(parsed, rows(MAX_SAMPLES, label))).toEqual([]);
    }
    const text = csvModel('linear');
    const parsed = parseModel(text);
    const problems = checkCsv(parsed, rows(MAX_SAMPLES + 1, (i) => String(i % 7)));
    expect(problems.map((p) => p.code)).toEqual(['csv-invalid']);
    expect(problems[0].message).toMatch(/1000001 rows; at most 1000000/);
    expectRangeAt(text, problems[0].range, '"points.csv"');
  });

  it(`inline data of ${MAX_SAMPLES} rows is accepted; one more is a located error`, () => {
    const inline = (n: number) => `{ "data": { "inputs": [${'[0.5],'.repeat(n - 1)}[1]], "targets": [${'[0.5],'.repeat(n - 1)}[1]] }, "layers": [{ "units": 1 }] }`;
    expect(parseModel(inline(MAX_SAMPLES)).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const above = inline(MAX_SAMPLES + 1);
    const problem = parseModel(above).problems.find((p) => p.severity === 'error');
    expect(problem?.message).toMatch(/1000001 rows; at most 1000000/);
    expect(problem?.range.offset).toBe(above.indexOf('[[0.5]'));
  }, 180_000); // the JSON tree of 2 × 10⁶ rows takes the parser 10-20 s (see the report): a ceiling, not a target
});
