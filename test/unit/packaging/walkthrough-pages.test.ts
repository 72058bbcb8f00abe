// The walkthrough's steps follow the one table of examples (src/editor/example-table.ts), and each
// step shows its own page in English and in Chinese. VS Code picks the Chinese page by itself: for a
// step's `media.markdown` of `media/walkthrough/x.md` it reads `x.nls.<UI language>.md`, then
// `x.nls.<language without region>.md`, then `x.md` (its getting-started content provider), so the
// manifest names only the English page and `x.nls.zh-cn.md` sits beside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { walkthroughSteps } from '../../../src/editor/example-table';
import { readLocalisedManifest } from '../../../scripts/lib/manifest';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string };
}
// Through package.nls.json: the steps' descriptions (with their links) are localised keys.
const manifest = readLocalisedManifest(ROOT) as { contributes: { walkthroughs: { steps: Step[] }[] } };
const steps = manifest.contributes.walkthroughs[0]!.steps;
const PAGES = join(ROOT, 'media', 'walkthrough');
const CJK = /[\u4e00-\u9fff]/;
/** A line ending in Chinese text followed by one going on in Chinese: one paragraph, rendered with a stray space. */
const SOFT_BREAK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]\n[ \t]*[\u4e00-\u9fff\uff00-\uffef]/;

/** The Chinese page VS Code shows for an English one in a zh-cn UI. */
const chinesePage = (page: string) => page.replace(/\.md$/, '.nls.zh-cn.md');

/** The files a step's links open, in order. */
const linkedFiles = (step: Step) =>
  [...step.description.matchAll(/\(command:nnPlayground\.newFromExample\?([^)]+)\)/g)].map((m) => String((JSON.parse(decodeURIComponent(m[1]!)) as unknown[])[0]));

/** The glossary's avoided alternatives (its "Not" column). */
function avoidedTerms(): string[] {
  const rows = readFileSync(join(ROOT, 'l10n', 'glossary.md'), 'utf8').split('\n').filter((line) => /^\| [^-|]/.test(line) && !line.startsWith('| English'));
  return rows.flatMap((row) => (row.split('|')[3] ?? '').split(',').map((term) => term.trim())).filter((term) => term !== '');
}

describe('the walkthrough and the table of examples', () => {
  it('has the table\'s steps, in order, each opening the table\'s examples for it', () => {
    expect(steps.map((step) => ({ step: step.id, files: linkedFiles(step) }))).toEqual(walkthroughSteps());
  });

  it('gives each step its own page, in English and in Chinese', () => {
    for (const step of steps) {
      const page = step.media.markdown!;
      expect(page, step.id).toBe(`media/walkthrough/${step.id}.md`);
      for (const path of [page, chinesePage(page)]) expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
    // No page without a step.
    const pages = readdirSync(PAGES).filter((file) => file.endsWith('.md') && !file.includes('.nls.'));
    expect(pages.sort()).toEqual(steps.map((step) => `${step.id}.md`).sort());
  });

  it('names the step\'s examples on both pages, the Chinese one in Chinese and the glossary\'s terms, neither with "§"', () => {
    const avoided = avoidedTerms();
    for (const { step, files } of walkthroughSteps()) {
      const english = readFileSync(join(PAGES, `${step}.md`), 'utf8');
      const chinese = readFileSync(join(PAGES, `${step}.nls.zh-cn.md`), 'utf8');
      for (const file of files) {
        expect(english, `${step}.md names ${file}`).toContain(file);
        expect(chinese, `${step}.nls.zh-cn.md names ${file}`).toContain(file);
      }
      expect(chinese.split('\n')[0], `${step}: a Chinese title`).toMatch(CJK);
      for (const text of [english, chinese]) expect(text).not.toContain('§');
      // Markdown turns a line break inside a paragraph into a space, which Chinese text does not have.
      expect(chinese, `${step}.nls.zh-cn.md: a line break between Chinese characters`).not.toMatch(SOFT_BREAK);
      for (const term of avoided) expect(chinese, `${step}.nls.zh-cn.md avoids ${term}`).not.toContain(term);
      // Images resolve relative to the page and ship, with alt text in the page's language.
      for (const [page, text] of [[`${step}.md`, english], [`${step}.nls.zh-cn.md`, chinese]] as const) {
        for (const image of text.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)) {
          expect(image[1]!.length, `${page}: alt text`).toBeGreaterThan(10);
          expect(existsSync(join(PAGES, image[2]!)), `${page}: ${image[2]}`).toBe(true);
          if (page.includes('.nls.zh-cn.')) expect(image[1]).toMatch(CJK);
        }
      }
    }
  });
});
