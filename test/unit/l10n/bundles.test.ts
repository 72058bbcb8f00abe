// The bundles are complete and current: every message of the sources is in the English bundle
// (`npm run l10n` writes it), every English key has a Chinese entry with the same placeholders, and
// the manifest's strings are in both package.nls files. The checks are run on a broken copy too,
// so each can be seen to fail.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEnglishBundle, scanMessages } from '../../../scripts/lib/l10n-messages';
import { placeholders } from '../../../src/shared/l10n';

const root = join(__dirname, '../../..');
const read = (file: string): Record<string, string> => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;

/** What is wrong with a translation of `english`: keys missing, extra, or with other placeholders. */
export function bundleFaults(english: Record<string, string>, translated: Record<string, string>): string[] {
  const faults: string[] = [];
  for (const [key, message] of Object.entries(english)) {
    const other = translated[key];
    if (other === undefined) faults.push(`missing: ${key}`);
    else if (placeholders(other).join() !== placeholders(message).join()) faults.push(`placeholders differ: ${key} → ${other}`);
    else if (other.trim() === '') faults.push(`empty: ${key}`);
  }
  for (const key of Object.keys(translated)) if (!(key in english)) faults.push(`not an English key: ${key}`);
  return faults;
}

describe('the message bundles', () => {
  const scan = scanMessages(root);

  it('every message is a string literal, so it can be translated', () => {
    expect(scan.computed).toEqual([]);
  });

  it('l10n/bundle.l10n.json is current with the sources (run `npm run l10n`)', () => {
    expect(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8')).toBe(renderEnglishBundle(scan));
  });

  it('every English message has a Chinese entry with the same placeholders', () => {
    expect(bundleFaults(read('l10n/bundle.l10n.json'), read('l10n/bundle.l10n.zh-cn.json'))).toEqual([]);
  });

  it('every manifest string has a Chinese entry with the same placeholders', () => {
    expect(bundleFaults(read('package.nls.json'), read('package.nls.zh-cn.json'))).toEqual([]);
  });

  it('every %key% of package.json is in package.nls.json, and no string is left in English there', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const nls = read('package.nls.json');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(used.filter((key) => !(key in nls))).toEqual([]);
    const contributes = (JSON.parse(manifest) as { contributes: unknown }).contributes;
    const english: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (typeof value === 'string') {
        if (['title', 'description', 'markdownDescription', 'category', 'name', 'label', 'contextualTitle', 'altText'].includes(key) && !/^%.+%$/.test(value)) english.push(`${key}: ${value}`);
      } else if (Array.isArray(value)) for (const item of value) walk(item, key);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'enumDescriptions') walk(v, k);
    };
    walk(contributes, '');
    expect(english).toEqual([]);
  });

  it('the checks can fail: a missing entry and a dropped placeholder are found', () => {
    const english = { 'Layer {layer} has {units} units.': 'Layer {layer} has {units} units.', 'Reset': 'Reset' };
    expect(bundleFaults(english, { 'Layer {layer} has {units} units.': '第 {layer} 层有 {count} 个单元。' })).toEqual([
      'placeholders differ: Layer {layer} has {units} units. → 第 {layer} 层有 {count} 个单元。',
      'missing: Reset',
    ]);
  });
});

describe('the glossary', () => {
  // `| English | 中文 | Not |` rows: the Chinese bundles use the second column's term, never the third's.
  const rows = readFileSync(join(root, 'l10n/glossary.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const avoided = rows.flatMap((cells) => (cells[3] ? cells[3].split(',').map((term) => term.trim()).filter((term) => term !== '') : []));

  it('has the terms to check against', () => {
    expect(avoided).toContain('感知器');
  });

  it('no Chinese string uses a term the glossary rules out', () => {
    const texts = [...Object.values(read('l10n/bundle.l10n.zh-cn.json')), ...Object.values(read('package.nls.zh-cn.json'))];
    expect(avoided.flatMap((term) => texts.filter((text) => text.includes(term)).map((text) => `${term}: ${text.slice(0, 60)}`))).toEqual([]);
  });
});
