// The export in Chinese: with the zh-cn bundle, every markdown cell of a notebook reads in Chinese
// (a message of src/export missing from l10n/bundle.l10n.zh-cn.json leaves an English sentence
// there), and the code is the English export's, comments aside: translating the prose never changes
// what the script computes or prints as data. The examples in examples/zh-cn have Chinese names,
// so their whole cells can be checked; together they reach every branch of the cells' text.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { exportModel } from '../../../src/export/index';
import { configureL10n, type Bundle } from '../../../src/shared/l10n';

const root = join(__dirname, '../../..');
const zhBundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const examples = readdirSync(join(root, 'examples/zh-cn')).filter((name) => name.endsWith('.nn.json'));

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
