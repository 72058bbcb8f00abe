// One lesson numbering (issue 13): a lesson's number is its place in the table of examples
// (src/editor/example-table.ts), and every place a student reads a number says the same one: each
// lesson's first comment in English and Chinese, both examples READMEs, the project README's table
// and the walkthrough's pages. Nothing the student reads cites "§" sections of a note they do not have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { EXAMPLE_TABLE, examplePath, type LessonLanguage } from '../../../src/editor/example-table';
import { describeExample } from '../../../src/editor/example-text';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const numberOf = new Map(EXAMPLE_TABLE.map((entry, index) => [entry.file, index + 1]));
const LABEL: Record<LessonLanguage, (n: number) => string> = { en: (n) => `Lesson ${n}`, 'zh-cn': (n) => `第 ${n} 课` };

/** The `| N | [file](file) |` rows of an examples README, as file → the number it shows. */
function readmeNumbers(path: string): Map<string, string> {
  return new Map([...read(path).matchAll(/^\| (\S+) \| \[([\w.-]+\.nn\.json)\]/gm)].map((m) => [m[2]!, m[1]!]));
}

describe.each(['en', 'zh-cn'] as const)('lesson numbers in %s', (language) => {
  test.each(EXAMPLE_TABLE.map((entry, index) => [entry.file, index + 1] as const))('%s starts as lesson %i', (file, n) => {
    expect(describeExample(read(examplePath(language, file))).lesson).toBe(LABEL[language](n));
  });

  test('the examples README numbers every lesson as the table does', () => {
    const rows = readmeNumbers(`${examplePath(language, 'README.md')}`);
    expect([...rows.keys()]).toEqual(EXAMPLE_TABLE.map((entry) => entry.file));
    for (const [file, shown] of rows) expect(shown, file).toBe(String(numberOf.get(file)));
  });

  test('the walkthrough pages name each lesson by its number', () => {
    const pages = readdirSync(join(ROOT, 'media', 'walkthrough')).filter((f) => (language === 'en' ? !f.includes('.nls.') : f.endsWith('.nls.zh-cn.md')));
    let named = 0;
    for (const page of pages) {
      const text = read(`media/walkthrough/${page}`);
      // Every lesson a page names in bold carries its number, and only that one.
      for (const m of text.matchAll(/\*\*([^*]*?)[,，] ?([\w-]+\.nn\.json)\*\*/g)) {
        expect(m[1], `${page}: ${m[2]}`).toBe(LABEL[language](numberOf.get(m[2]!)!));
        named += 1;
      }
      expect(text, page).not.toMatch(/\*\*[\w-]+\.nn\.json\*\*/);
    }
    expect(named).toBeGreaterThanOrEqual(EXAMPLE_TABLE.length);
  });
});

test('the project README\'s table of lessons gives each lesson its table number', () => {
  const section = read('README.md').split('## Lessons')[1]!.split('\n## ')[0]!;
  const seen: string[] = [];
  for (const m of section.matchAll(/^\| (\d+)(?:–(\d+))? \| [^|]+ \| ([^|]+) \|$/gm)) {
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    const files = [...m[3]!.matchAll(/`([\w-]+)`/g)].map((f) => `${f[1]}.nn.json`);
    expect(files.map((f) => numberOf.get(f)), m[0]).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    seen.push(...files);
  }
  expect(seen).toEqual(EXAMPLE_TABLE.map((entry) => entry.file));
});

test('no text a student reads cites "§" sections of a note they do not have', () => {
  const files = [
    ...['examples', 'examples/zh-cn', 'media/walkthrough', 'docs/rules'].flatMap((dir) =>
      readdirSync(join(ROOT, dir)).filter((f) => /\.(md|json)$/.test(f)).map((f) => `${dir}/${f}`)),
    'README.md', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json',
    'schemas/nn.schema.json', 'schemas/nn.schema.zh-cn.json',
  ];
  expect(files.length).toBeGreaterThan(60);
  const citing = files.filter((f) => read(f).includes('§'));
  expect(citing).toEqual([]);
});
