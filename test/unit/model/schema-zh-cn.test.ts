// The Chinese schema (schemas/nn.schema.zh-cn.json): the English schema with every text a reader sees
// in Chinese and nothing else changed. VS Code reads the file as it is on disk, chosen by the UI
// language through the manifest's `%jsonValidation.nnJson.url%` (package.nls.json gives the English
// schema, package.nls.zh-cn.json the Chinese one), so this checks the committed files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import { localiseSchema, schemaStructure, schemaTexts } from '../../../scripts/lib/schema-l10n';
import { validate } from './json-schema-check';

const root = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const englishText = read('schemas/nn.schema.json');
const chineseText = read('schemas/nn.schema.zh-cn.json');
const english = JSON.parse(englishText);
const chinese = JSON.parse(chineseText);
const translations = JSON.parse(read('l10n/schema.zh-cn.json')) as Record<string, string>;
const CJK = /[\u4e00-\u9fff]/;

/** The glossary's avoided alternatives (its "Not" column). */
function avoidedTerms(): string[] {
  const rows = read('l10n/glossary.md').split('\n').filter((line) => /^\| [^-|]/.test(line) && !line.startsWith('| English'));
  return rows.flatMap((row) => (row.split('|')[3] ?? '').split(',').map((term) => term.trim())).filter((term) => term !== '');
}

test('schemas/nn.schema.zh-cn.json is current with the English schema and its translations (run `npm run schema`)', () => {
  const localised = localiseSchema(englishText, translations);
  expect(localised.missing, 'English texts without a translation in l10n/schema.zh-cn.json').toEqual([]);
  expect(localised.unused, 'translations of texts the schema no longer has').toEqual([]);
  expect(localised.text).toBe(chineseText);
});

test('both schemas have the same structure: only the reader\'s text differs', () => {
  expect(schemaStructure(chinese)).toEqual(schemaStructure(english));
});

test('every text of the English schema has its Chinese one at the same place, in Chinese and in the glossary\'s terms', () => {
  const en = schemaTexts(english);
  const zh = schemaTexts(chinese);
  expect(en.length).toBeGreaterThan(100);
  expect(zh.map((entry) => entry.pointer)).toEqual(en.map((entry) => entry.pointer));
  const avoided = avoidedTerms();
  en.forEach(({ pointer, text }, index) => {
    const translated = zh[index]!.text;
    // Text with words in it is translated; a bare formula such as "U(−0.05, 0.05)." may stay as it is.
    if (/[A-Za-z]{3,}/.test(text.replace(/`[^`]*`/g, ''))) expect(translated, pointer).toMatch(CJK);
    for (const term of avoided) expect(translated, `${pointer} avoids ${term}`).not.toContain(term);
    // Formulas, code and numbers survive translation.
    for (const code of text.match(/`[^`]+`/g) ?? []) expect(translated, `${pointer} keeps ${code}`).toContain(code);
    for (const number of text.match(/\d+(\.\d+)?/g) ?? []) expect(translated, `${pointer} keeps ${number}`).toContain(number);
  });
});

test('both schemas accept the same models and reject the same mistakes', () => {
  const dirs = ['examples', 'examples/zh-cn'];
  const models = dirs.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith('.nn.json'))
      .map((file) => parseJsonc(read(`${dir}/${file}`)) as unknown),
  );
  const bad: unknown[] = [
    { data: { generator: 'xorr' }, layers: [{ units: 1 }] },
    { data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sigmod' }] },
    { data: { generator: 'xor' }, layers: [{ units: 1 }], init: { std: 1 } },
    { layers: [{ units: 1 }] },
  ];
  for (const model of models) expect(validate(chinese, model)).toEqual([]);
  for (const model of bad) expect(validate(chinese, model)).toEqual(validate(english, model));
  for (const model of bad) expect(validate(chinese, model)).not.toEqual([]);
});

describe('the manifest points VS Code at the schema of the UI language', () => {
  const manifest = JSON.parse(read('package.json')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
  const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const chineseNls = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;

  test('through one nls key, English by default and Chinese in a zh-cn UI', () => {
    const [validation] = manifest.contributes.jsonValidation;
    expect(validation!.fileMatch).toBe('*.nn.json');
    const key = /^%(.+)%$/.exec(validation!.url)?.[1];
    expect(key, 'the url is an nls key').toBeDefined();
    expect(english[key!]).toBe('./schemas/nn.schema.json');
    expect(chineseNls[key!]).toBe('./schemas/nn.schema.zh-cn.json');
  });
});

describe('the checks can fail', () => {
  test('a changed English description is reported missing, and its old translation unused', () => {
    const text = 'Passes over the training data; 0 evaluates the network as written (hand-set weights).';
    const changed = englishText.replace(`"${text}"`, '"Passes over the training set."');
    const localised = localiseSchema(changed, translations);
    expect(localised.missing).toEqual(['Passes over the training set.']);
    expect(localised.unused).toEqual([text]);
  });

  test('a Chinese schema that changed a bound or dropped a description differs in structure or texts', () => {
    const wider = JSON.parse(chineseText);
    wider.properties.seed.minimum = -1;
    expect(schemaStructure(wider)).not.toEqual(schemaStructure(english));
    const dropped = JSON.parse(chineseText);
    delete dropped.properties.seed.markdownDescription;
    expect(schemaTexts(dropped).map((entry) => entry.pointer)).not.toEqual(schemaTexts(english).map((entry) => entry.pointer));
  });
});
