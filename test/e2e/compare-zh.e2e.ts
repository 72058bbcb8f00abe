// Runs side by side in a Chinese UI (issue 17, item 1): the Compare runs view's buttons, its line
// for each run and the picker's entry read as the zh-cn bundle words them (the texts are read from
// the bundle, not written here), and Train all races the three deep-net lessons to the end.
// The English path, with its numbers checked against the Loss view, is compare.e2e.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, panelFrame, runCommand, waitFor } from './workbench';

const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zhNls = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
/** English prose: three words in a row (file names and activation names are not). */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}\b/g;
const s = specSession({ locale: 'zh-cn', results: join(TEST_RESULTS, 'compare-zh') });

s.step('the Compare view in Chinese: pin the three deep-net lessons from its picker and race them', async () => {
  const { page } = s();
  await openFile(page, 'xor.nn.json');
  await runCommand(page, `NN Playground: ${zhNls['command.openPanel.title']}`);
  const frame = panelFrame(page);
  expect(await frame.locator('#view-compare h2').textContent()).toBe(zh['Compare runs']);
  expect((await frame.locator('#compare-train-all').textContent())?.trim()).toBe(zh['Train all']);
  await frame.locator('#compare-add').click();
  const row = page.locator(WORKBENCH.quickInputRow).filter({ hasText: zh['The deep-net lessons: sigmoid, tanh and ReLU']! }).first();
  await row.waitFor({ timeout: 20_000 });
  await row.click();
  const runs = frame.locator('#view-compare .compare-runs li');
  await waitFor('three runs pinned', async () => ((await runs.count()) === 3 ? true : undefined), 60_000, 250);
  await frame.locator('#compare-train-all').click();
  const finished = zh['finished']!;
  const lines = await waitFor('the three runs to finish', async () => {
    const texts = await runs.allTextContents();
    return texts.filter((text) => text.includes(finished) && text.includes('40/40')).length === 3 ? texts : undefined;
  }, 180_000, 500);
  const gradientWords = zh['first layer’s gradient {ratio} × the output layer’s']!.split('{ratio}')[0]!;
  for (const line of lines) {
    expect(line).toContain(gradientWords);
    expect(line.match(ENGLISH_SENTENCE) ?? []).toEqual([]);
  }
  await frame.locator('#view-compare').scrollIntoViewIfNeeded();
  await s().screenshot('compare-zh-cn');
}, 300_000);
