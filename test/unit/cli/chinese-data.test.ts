// A CSV saved by Chinese Excel (GB18030, Chinese headers and class labels) through the CLI, end to
// end: it trains, the theory's confusion matrix is labelled with the Chinese classes, the UTF-8 copy
// with a BOM trains to the very same numbers (same text, same seed), and a wrong "encoding" shows
// as a located problem naming the column as the model writes it.

import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeCsv, makeDataset } from '../../../src/engine/index';
import { parseModel, toTrainerInputs } from '../../../src/model/index';
import { boundarySummary } from '../../../src/shared/view-models/boundary-view';
import type { GridView } from '../../../src/shared/protocol/snapshot';
import { toDataView } from '../../../src/run/views';
import { runCli } from '../helpers/cli-in-process';

const fixtures = join(__dirname, '../../fixtures/iris-zh');
const modelText = readFileSync(join(fixtures, 'iris-gb18030.nn.json'), 'utf8');
const LABELS = ['山鸢尾', '变色鸢尾', '维吉尼亚鸢尾'];

/** A folder holding both fixture CSVs and the model, with its text changed by `edit`. */
function folder(edit: (text: string) => string = (text) => text): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-zh-'));
  for (const name of ['iris-gb18030.csv', 'iris-utf8-bom.csv']) copyFileSync(join(fixtures, name), join(dir, name));
  writeFileSync(join(dir, 'iris.nn.json'), edit(modelText));
  return join(dir, 'iris.nn.json');
}

function trainJson(file: string) {
  const r = runCli('train', file, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { test: { accuracy: number }; train: { loss: number }; theory: { classNames?: string[]; test: { confusion: number[][] } } };
}

describe('a GB18030 CSV with Chinese headers', () => {
  test('trains from the fixture as it is, and the confusion matrix is labelled in Chinese', () => {
    const result = trainJson(join(fixtures, 'iris-gb18030.nn.json'));
    expect(result.theory.classNames).toEqual(LABELS);
    const confusion = result.theory.test.confusion;
    expect(confusion).toHaveLength(3);
    // 30% of 150 held out: the matrix counts every test sample once.
    expect(confusion.flat().reduce((s, v) => s + v, 0)).toBe(45);
    expect(result.test.accuracy).toBeGreaterThan(0.9);
  });

  test('the UTF-8 copy with a BOM, and "encoding": "gbk" on the GB18030 file, train to the same numbers', () => {
    const detected = trainJson(folder());
    const bom = trainJson(folder((text) => text.replace('"iris-gb18030.csv"', '"iris-utf8-bom.csv"')));
    const named = trainJson(folder((text) => text.replace('"target": "品种"', '"target": "品种", "encoding": "gbk"')));
    expect(bom).toEqual(detected);
    expect(named).toEqual(detected);
  });

  test('read as UTF-8 when it is not, the target column is missing: a problem on "target" naming 品种', () => {
    const r = runCli('check', folder((text) => text.replace('"target": "品种"', '"target": "品种", "encoding": "utf-8"')));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/iris\.nn\.json:6:\d+: error \[csv-missing-column\] The CSV file .+ has no target column "品种"/);
  });

  test('the panel names the Chinese classes and columns in the decision-boundary summary', () => {
    const text = modelText.replace('"target": "品种"', '"target": "品种", "features": ["花瓣长度", "花瓣宽度"]');
    const parse = parseModel(text);
    const inputs = toTrainerInputs(parse.spec!, decodeCsv(readFileSync(join(fixtures, 'iris-gb18030.csv'))));
    const data = toDataView(makeDataset(inputs.data, inputs.dataOptions, inputs.options.seed));
    const grid: GridView = { size: 2, xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [0, 1, 2, 0], mode: 'class' };
    const summary = boundarySummary(data, grid);
    expect(summary).toContain(LABELS.join(', '));
    expect(summary).toContain('花瓣长度 and 花瓣宽度');
  });
});
