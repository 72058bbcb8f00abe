// Runs side by side (issue 17, item 1) in the real UI: the Compare runs view's Add a run… (and
// the walkthrough's vanishing-gradients link) opens the three deep-net lessons in one editor group
// and pins them in the panel's Compare runs view; Train all trains the three, each in its own worker. The view's line
// for each run must give the same final training cost as the panel's own Loss view gives when it
// shows that model (two paths: the comparison's gathering and the panel's full message), and the
// lesson's promise must read off the gradient flow: sigmoid's first layer gets a far smaller share
// of the output layer's gradient than ReLU's. Remove takes one run off; the others stay.
// Screenshots go to test-results/e2e/.
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/paths';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { canvasInk, openFile, panelFrame, runCommand, waitFor } from './workbench';

const VIEW = '#view-compare';
const RUNS = `${VIEW} .compare-runs li`;
const LESSONS = ['deep-sigmoid', 'deep-tanh', 'deep-relu'];
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

const s = specSession();
const { step } = s;

/** The Compare view's line for each run, keyed by the lesson it is a copy of. */
async function runLines(): Promise<Map<string, string>> {
  const texts = await panelFrame(s().page).locator(RUNS).allTextContents();
  const lines = new Map<string, string>();
  for (const text of texts) {
    const lesson = LESSONS.find((name) => text.startsWith(name));
    if (lesson) lines.set(lesson, text);
  }
  return lines;
}

const number = (text: string, pattern: RegExp): number => {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no ${String(pattern)} in ${JSON.stringify(text)}`);
  return Number(match[1]!.replace(/,/g, ''));
};

step('the Compare view\'s Add a run… opens sigmoid, tanh and ReLU together and pins them', async () => {
  const { page } = s();
  // The panel's command is offered once a model is open.
  await openFile(page, 'xor.nn.json');
  await runCommand(page, 'NN Playground: Open Playground Panel');
  await panelFrame(page).locator('#compare-add').click();
  const row = page.locator(WORKBENCH.quickInputRow).filter({ hasText: 'The deep-net lessons: sigmoid, tanh and ReLU' }).first();
  await row.waitFor({ timeout: 20_000 });
  await row.click();
  const lines = await waitFor('three runs in the Compare view', async () => {
    const found = await runLines();
    return found.size === 3 ? found : undefined;
  }, 60_000, 250);
  for (const lesson of LESSONS) expect(lines.get(lesson)).toMatch(/: ready, epoch 0\/40\./);
  // One editor group holds the three copies as tabs (not three new columns).
  const groupTabs = await page.locator('.editor-group-container').evaluateAll((groups) =>
    groups.map((g) => Array.from((g as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll('.tab'), (tab) => tab.textContent ?? '').join(' | ')),
  );
  // The panel's tab is titled after the model it follows: editors only.
  const editorTabs = groupTabs.map((tabs) => tabs.split(' | ').filter((tab) => !tab.startsWith('NN Playground')).join(' | '));
  const groupsOf = LESSONS.map((lesson) => editorTabs.findIndex((tabs) => tabs.includes(lesson)));
  expect(groupsOf[0], groupTabs.join(' / ')).toBeGreaterThanOrEqual(0);
  expect(new Set(groupsOf).size, groupTabs.join(' / ')).toBe(1);
  await s().screenshot('compare-pinned');
}, 120_000);

step('Train all trains the three in their own workers; each line agrees with the panel’s own Loss view', async () => {
  const { page } = s();
  const frame = panelFrame(page);
  await frame.locator('#compare-train-all').click();
  const lines = await waitFor('the three runs to finish', async () => {
    const found = await runLines();
    return [...found.values()].filter((line) => /finished, epoch 40\/40/.test(line)).length === 3 ? found : undefined;
  }, 180_000, 500);
  const cost = new Map(LESSONS.map((lesson) => [lesson, number(lines.get(lesson)!, /training cost ([\d.e+-]+)/)]));
  const ratio = new Map(LESSONS.map((lesson) => [lesson, number(lines.get(lesson)!, /first layer’s gradient ([\d.e+-]+) ×/)]));
  // The lesson's promise: sigmoid's gradient vanishes towards the input, ReLU's reaches it.
  expect(ratio.get('deep-sigmoid')!).toBeLessThan(ratio.get('deep-relu')! / 10);
  // The three curves are drawn.
  const ink = await canvasInk(page, `${VIEW} canvas`);
  expect(ink?.drawn ?? 0).toBeGreaterThan(500);
  await frame.locator(VIEW).scrollIntoViewIfNeeded();
  await s().screenshot('compare-trained');

  // The panel follows each model in turn; its Loss view's summary names the same final cost.
  for (const lesson of LESSONS) {
    await page.locator('.tabs-container .tab').filter({ hasText: lesson }).first().click();
    await frame.locator('.following').filter({ hasText: lesson }).waitFor({ timeout: 30_000 });
    // The summary is written at most every 2 s, so it may still be the last model's for a moment.
    const seen: string[] = [];
    await waitFor(`${lesson}'s loss summary to give the Compare view's cost ${cost.get(lesson)}`, async () => {
      const text = (await frame.locator('#loss-summary').textContent()) ?? '';
      seen.push(text);
      return text.startsWith('Epoch 40:') && number(text, /training cost ([\d.e+-]+)/) === cost.get(lesson) ? true : undefined;
    }, 20_000, 250).catch((error: unknown) => {
      throw new Error(`${String(error)}; the summary read ${JSON.stringify(seen.at(-1))}`);
    });
  }
}, 300_000);

step('removing a run takes only that run off the chart', async () => {
  const { page } = s();
  const frame = panelFrame(page);
  await frame.locator(RUNS).filter({ hasText: 'deep-tanh' }).locator('button').click();
  const lines = await waitFor('two runs left', async () => {
    const found = await runLines();
    return found.size === 2 ? found : undefined;
  }, 30_000, 250);
  expect([...lines.keys()].sort()).toEqual(['deep-relu', 'deep-sigmoid']);
  await frame.locator(VIEW).scrollIntoViewIfNeeded();
  await s().screenshot('compare-removed');
}, 60_000);

step('the walkthrough\'s vanishing-gradients link opens and pins the three lessons too', async () => {
  const { page } = s();
  const frame = panelFrame(page);
  await frame.locator('#compare-clear').click();
  await waitFor('an empty comparison', async () => ((await frame.locator(RUNS).count()) === 0 ? true : undefined), 30_000, 250);
  await runCommand(page, 'Welcome: Open Walkthrough...', true);
  await page.locator(WORKBENCH.quickInputRow).filter({ hasText: nls['walkthrough.title']! }).first().click();
  await page.locator(WORKBENCH.walkthroughStep).filter({ hasText: nls['walkthrough.vanishing-gradients.title']! }).first().click();
  const link = /\[([^\]]+)\]\(command:nnPlayground\.compareExamples/.exec(nls['walkthrough.vanishing-gradients.description']!)![1]!;
  await page.locator('a').filter({ hasText: link }).first().click();
  await waitFor('three runs pinned from the walkthrough', async () => ((await runLines()).size === 3 ? true : undefined), 60_000, 250);
  await s().screenshot('compare-from-walkthrough');
}, 120_000);
