// The Chinese lessons (examples/zh-cn/) are the English ones translated: the same models, so every
// promise test/unit/examples/examples.test.ts checks on an English lesson holds for its Chinese
// copy. This file proves them identical instead of training each twice: the same parsed model
// apart from `name`, the same problems found before training, the same first epochs bit for bit,
// and the same lesson number. Only the text may differ, and it must be Chinese, in the glossary's
// terms, and without "§" references to a note the user does not have.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../../src/run/headless-run';
import { EXAMPLE_TABLE, LESSON_FOLDERS, examplePath } from '../../../src/editor/example-table';
import { describeExample } from '../../../src/editor/example-text';
import { addPointEdit, parseModel } from '../../../src/model/index';
import { applyRowEdits } from '../../../src/model/text/data-rows';
import type { ModelSpec } from '../../../src/model/spec';

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const CJK = /[\u4e00-\u9fff]/;

/** The parsed model with its one text field removed: what training sees. */
function model(text: string): Omit<ModelSpec, 'name'> {
  const parsed = parseModel(text);
  expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const { name: _name, ...rest } = parsed.spec!;
  return rest;
}

/**
 * A lesson that starts from an empty plane trains once points are placed: the same two, as the
 * panel writes them, in both languages. Any other lesson as it is.
 */
function withPoints(text: string): string {
  let out = text;
  for (const [x1, x2, k] of [[-0.5, -0.5, 0], [0.5, 0.5, 1]] as const) {
    const spec = parseModel(out).spec;
    if (spec?.data.kind !== 'inline' || spec.data.plane === undefined || spec.data.inputs.length >= 2) return out;
    const edit = addPointEdit(out, spec.data, [x1, x2], k, spec.layers.at(-1));
    if (!edit.ok) throw new Error(`no point written: ${edit.reason}`);
    out = applyRowEdits(out, edit.edits);
  }
  return out;
}

/** The problems found before training, by what they are and where, not by their wording. */
const problemKeys = (text: string) => parseModel(text).problems.map((p) => `${p.severity} ${p.code} ${p.layer ?? ''}`);

/** The glossary's avoided alternatives (its "Not" column). */
function avoidedTerms(): string[] {
  const rows = read('l10n/glossary.md').split('\n').filter((line) => /^\| [^-|]/.test(line) && !line.startsWith('| English'));
  return rows.flatMap((row) => (row.split('|')[3] ?? '').split(',').map((term) => term.trim())).filter((term) => term !== '');
}

test('each language folder holds exactly the lessons of the table', () => {
  for (const folder of Object.values(LESSON_FOLDERS)) {
    const files = readdirSync(join(ROOT, folder)).filter((file) => file.endsWith('.nn.json'));
    expect(files.sort(), folder).toEqual(EXAMPLE_TABLE.map((entry) => entry.file).sort());
  }
});

describe.each(EXAMPLE_TABLE.map((entry) => entry.file))('%s in Chinese', (file) => {
  const en = read(examplePath('en', file));
  const zh = read(examplePath('zh-cn', file));

  test('is the same model as the English lesson, apart from its name', () => {
    expect(model(zh)).toEqual(model(en));
    expect(problemKeys(zh)).toEqual(problemKeys(en));
  });

  test('trains the same, bit for bit, over its first epochs', () => {
    const a = run(withPoints(en), { epochs: 3 });
    const b = run(withPoints(zh), { epochs: 3 });
    expect(b.history.length).toBeGreaterThan(0);
    expect(b.history).toEqual(a.history);
  });

  test('is the same lesson, told in Chinese without "§" and in the glossary\'s terms', () => {
    const english = describeExample(en);
    const chinese = describeExample(zh);
    expect(chinese.order, 'lesson number').toEqual(english.order);
    expect(chinese.lesson).toMatch(/^第 \d+[a-z]? 课$/);
    expect(chinese.description).toMatch(CJK);
    expect(parseModel(zh).spec!.name).toMatch(CJK);
    expect(zh).not.toContain('§');
    for (const term of avoidedTerms()) expect(zh, term).not.toContain(term);
  });
});

test('the Chinese README lists every lesson in the table\'s order, numbered as its file, with no "§"', () => {
  const readme = read(`${LESSON_FOLDERS['zh-cn']}/README.md`);
  const rows = [...readme.matchAll(/^\| (\d+[a-z]?) \| \[([\w-]+\.nn\.json)\]\(\2\)/gm)].map((match) => ({ label: match[1], file: match[2]! }));
  expect(rows.map((row) => row.file)).toEqual(EXAMPLE_TABLE.map((entry) => entry.file));
  for (const row of rows) expect(`第 ${row.label} 课`, row.file).toBe(describeExample(read(examplePath('zh-cn', row.file))).lesson);
  expect(readme).not.toContain('§');
  // Markdown turns a line break inside a paragraph into a space, which Chinese text does not have.
  expect(readme).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]\n[ \t]*[\u4e00-\u9fff\uff00-\uffef]/);
  for (const term of avoidedTerms()) expect(readme, term).not.toContain(term);
});

test('the drift check can fail: a changed number, a dropped layer, a different seed', () => {
  const en = read(examplePath('en', 'xor.nn.json'));
  const zh = read(examplePath('zh-cn', 'xor.nn.json'));
  expect(model(zh.replace('"learningRate": 0.2', '"learningRate": 0.3'))).not.toEqual(model(en));
  expect(model(zh.replace('"seed": 7', '"seed": 8'))).not.toEqual(model(en));
  expect(model(zh.replace('{ "units": 8, "activation": "tanh" },', ''))).not.toEqual(model(en));
  expect(run(zh.replace('"seed": 7', '"seed": 8'), { epochs: 3 }).history).not.toEqual(run(en, { epochs: 3 }).history);
  expect(describeExample(zh.replace('第 4 课', '第 5 课')).order).not.toEqual(describeExample(en).order);
});
