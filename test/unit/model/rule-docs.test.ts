// Every rule code has a page in English and in Chinese (docs/rules/, docs/rules/zh-cn/), the pages
// link to each other and to lessons that exist, the Chinese pages use the glossary's terms, and a
// problem's code links to the page in the UI language.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { RULE_CODES, RULE_DOCS_DIR, ruleDocPath } from '../../../src/model/index';

const docs = join(ROOT, RULE_DOCS_DIR);
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const CJK = /[\u4e00-\u9fff]/;

/** Codes the rule sources report, read from their text (independent of the tables RULE_CODES is built from). */
function codesInRuleSources(): Set<string> {
  const found = new Set<string>();
  const dir = join(ROOT, 'src/model/rules');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:problem|layerProblem)\([^,]+,\s*'([a-z]+(?:-[a-z]+)+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/const code = [^;]*;/g)) for (const lit of m[0].matchAll(/'([a-z]+(?:-[a-z]+)+)'/g)) found.add(lit[1]!);
    for (const m of text.matchAll(/^\s+code: '([a-z]+(?:-[a-z]+)+)'/gm)) found.add(m[1]!);
  }
  return found;
}

/** Terms the glossary says Chinese text must not use ("Not" column). */
function forbiddenTerms(): string[] {
  const rows = read('l10n/glossary.md').split('\n').filter((line) => /^\|[^|]+\|[^|]+\|[^|]*\|$/.test(line));
  return rows.slice(2).flatMap((row) => row.split('|')[3]!.split(',').map((t) => t.trim()).filter((t) => t !== ''));
}

describe('rule pages', () => {
  it('cover every code the rules report', () => {
    const reported = codesInRuleSources();
    expect(reported.size).toBeGreaterThan(15);
    for (const code of reported) expect(RULE_CODES, code).toContain(code);
  });

  it('exist for every rule code in both languages, each linking to the other', () => {
    for (const code of RULE_CODES) {
      const en = `${RULE_DOCS_DIR}/${code}.md`;
      const zh = `${RULE_DOCS_DIR}/zh-cn/${code}.md`;
      expect(existsSync(join(ROOT, en)), en).toBe(true);
      expect(existsSync(join(ROOT, zh)), zh).toBe(true);
      expect(read(en), en).toContain(`(zh-cn/${code}.md)`);
      expect(read(zh), zh).toContain(`(../${code}.md)`);
      expect(read(en), en).toContain(`\`${code}\``);
      expect(read(zh), zh).toContain(`\`${code}\``);
      // The Chinese page is a translation, not a copy: its title and body are Chinese.
      expect(read(zh).split('\n')[0], zh).toMatch(CJK);
      expect(read(en).replace('[中文]', '')).not.toMatch(CJK);
    }
  });

  it('are all listed in each language\'s index, with no page for a code that does not exist', () => {
    for (const dir of ['', 'zh-cn']) {
      const index = read(join(RULE_DOCS_DIR, dir, 'README.md'));
      for (const code of RULE_CODES) expect(index, `${dir} index`).toContain(`](${code}.md)`);
      const pages = readdirSync(join(docs, dir)).filter((f) => f.endsWith('.md') && f !== 'README.md');
      expect(pages.map((p) => p.replace(/\.md$/, '')).sort()).toEqual([...RULE_CODES].sort());
    }
  });

  it('link only to files that exist (lessons, the other language, the index)', () => {
    for (const code of RULE_CODES) {
      for (const page of [`${RULE_DOCS_DIR}/${code}.md`, `${RULE_DOCS_DIR}/zh-cn/${code}.md`]) {
        for (const m of read(page).matchAll(/\]\(([^)#]+)\)/g)) expect(existsSync(resolve(dirname(join(ROOT, page)), m[1]!)), `${page} → ${m[1]}`).toBe(true);
        for (const m of read(page).matchAll(/`([a-z-]+\.nn\.json)`/g)) expect(existsSync(join(ROOT, 'examples', m[1]!)), `${page} names ${m[1]}`).toBe(true);
      }
    }
  });

  it('use the glossary\'s Chinese terms, not the alternatives it rules out', () => {
    const banned = forbiddenTerms();
    expect(banned).toContain('感知器');
    for (const code of RULE_CODES) {
      const text = read(`${RULE_DOCS_DIR}/zh-cn/${code}.md`);
      for (const term of banned) expect(text.includes(term), `${code}: ${term}`).toBe(false);
    }
  });
});

describe('a problem\'s code link', () => {
  it('points at the page in the UI language, English for any other', () => {
    expect(ruleDocPath('dead-relu', 'en')).toBe('docs/rules/dead-relu.md');
    expect(ruleDocPath('dead-relu', 'zh-cn')).toBe('docs/rules/zh-cn/dead-relu.md');
    expect(ruleDocPath('dead-relu', 'zh-CN')).toBe('docs/rules/zh-cn/dead-relu.md');
    expect(ruleDocPath('dead-relu', 'de')).toBe('docs/rules/dead-relu.md');
  });

  it('is there for every rule code and absent for the format\'s own codes', () => {
    for (const code of RULE_CODES) expect(existsSync(join(ROOT, ruleDocPath(code, 'zh-cn')!)), code).toBe(true);
    for (const code of ['syntax-error', 'wrong-type', 'unknown-field']) expect(ruleDocPath(code, 'en')).toBeUndefined();
  });
});
