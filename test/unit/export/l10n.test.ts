// The export in Chinese: with the zh-cn bundle, every markdown cell of a notebook reads in Chinese
// (a message of src/export missing from l10n/bundle.l10n.zh-cn.json leaves an English sentence
// there), and the code is the English export's, comments aside: translating the prose never changes
// what the script computes or prints as data. The examples in examples/zh-cn have Chinese names,
// so their whole cells can be checked; together they reach every branch of the cells' text.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { exportModel } from '../../../src/export/index';
import { parseModel } from '../../../src/model/index';
import { configureL10n, type Bundle } from '../../../src/shared/l10n';

const root = join(__dirname, '../../..');
const zhBundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const lessons = readdirSync(join(root, 'examples/zh-cn')).filter((name) => name.endsWith('.nn.json'));
/** A lesson that starts from an empty plane has nothing to export until points are placed (tested below). */
const startsEmpty = (name: string) => parseModel(readFileSync(join(root, 'examples/zh-cn', name), 'utf8')).spec?.data.kind === 'inline' && (parseModel(readFileSync(join(root, 'examples/zh-cn', name), 'utf8')).spec?.data as { inputs: unknown[] }).inputs.length === 0;
const examples = lessons.filter((name) => !startsEmpty(name));

interface Cell {
  cell_type: 'markdown' | 'code';
  source: string[];
}

function notebook(name: string, contents?: Bundle): Cell[] {
  configureL10n(contents ? { locale: 'zh-cn', contents } : { locale: 'en' });
  try {
    const result = exportModel({ text: readFileSync(join(root, 'examples/zh-cn', name), 'utf8'), source: name, to: 'notebook' });
    if (!result.ok) throw new Error(`${name} was not exported: ${result.reason}`);
    return (JSON.parse(result.content) as { cells: Cell[] }).cells;
  } finally {
    configureL10n({ locale: 'en' });
  }
}

/** Lines of the markdown cells with three English words in a row, inline code (`DTYPE`) aside. */
function englishLines(cells: readonly Cell[]): string[] {
  const words = /[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/;
  return cells
    .filter((cell) => cell.cell_type === 'markdown')
    .flatMap((cell) => cell.source.join('').split('\n'))
    .filter((line) => words.test(line.replace(/`[^`]*`/g, '')));
}

/**
 * The code cells without comments, and without PROBLEMS: its messages are the model's problems in
 * the UI's language (what `train --json` prints), so only their codes are compared.
 */
function code(cells: readonly Cell[]): { code: string[]; problems: string[] } {
  const text = cells
    .filter((cell) => cell.cell_type === 'code')
    .map((cell) => cell.source.join(''))
    .join('\n');
  const lines = text.split('\n');
  const problemsLine = lines.find((line) => line.startsWith('PROBLEMS = ')) ?? '';
  return {
    code: lines
      .filter((line) => !line.startsWith('PROBLEMS = '))
      .map((line) => line.replace(/(^|\s+)# .*$|^\s*#$/, ''))
      .filter((line) => line.trim() !== ''),
    problems: [...problemsLine.matchAll(/"code": "([^"]+)"/g)].map((m) => m[1]),
  };
}

describe('the notebook in Chinese', () => {
  afterEach(() => configureL10n({ locale: 'en' }));

  test('there are examples to export', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  test.each(examples)('%s: the markdown cells read in Chinese, the code is the English export\'s', (name) => {
    const english = notebook(name);
    const chinese = notebook(name, zhBundle);
    expect(englishLines(english).length).toBeGreaterThan(0);
    expect(englishLines(chinese)).toEqual([]);
    expect(chinese.map((cell) => cell.cell_type)).toEqual(english.map((cell) => cell.cell_type));
    expect(code(chinese)).toEqual(code(english));
  });

  test('the check can fail: a message missing from the bundle leaves its English sentence', () => {
    const missing = 'The loss is the gap for one sample, the cost its mean over the samples.';
    expect(zhBundle[missing]).toBeDefined();
    const { [missing]: _dropped, ...partial } = zhBundle;
    const lines = englishLines(notebook(examples.find((name) => name.startsWith('spiral')) ?? examples[0], partial));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(missing);
  });
});

describe('a lesson that starts from an empty plane', () => {
  afterEach(() => configureL10n({ locale: 'en' }));
  const empty = lessons.filter(startsEmpty);

  test('there is one (lesson 25), and its export is refused with the sentence the panel says, in both languages', () => {
    expect(empty).toEqual(['hand-data.nn.json']);
    const text = readFileSync(join(root, 'examples/zh-cn', empty[0] as string), 'utf8');
    const english = exportModel({ text, source: 'hand-data.nn.json', to: 'pytorch' });
    expect(english).toMatchObject({ ok: false, problems: [{ code: 'no-points-yet' }] });
    expect(english.ok ? '' : english.reason).toMatch(/^hand-data\.nn\.json has no data to train on yet, so there is nothing to export\. No points yet: /);
    configureL10n({ locale: 'zh-cn', contents: zhBundle });
    const chinese = exportModel({ text, source: 'hand-data.nn.json', to: 'notebook' });
    expect(chinese.ok ? '' : chinese.reason).toContain('还没有数据点');
  });
});
