// Issue 17, item 7, "Data by hand", in the real UI: lesson 25 (hand-data.nn.json) opens on an empty
// plane (no rows, only the file's "plane"), with the class picker and the sentence that says how.
// A click of class 0, then three of class 1; the model file (Auto Save on, so the disk is the record)
// and the editor must gain exactly those four points and nothing else. A shift-click takes one away,
// one Ctrl+Z in the editor brings it back, and training draws the boundary between the classes. Then
// the Chinese lesson in a zh-cn UI: the view's words are the bundle's, a click writes one point, and
// a shift-click on it gives the file back byte for byte and the empty plane again. The expected rows
// come from the click positions and the file's plane worked out here, not from the extension's code.
// Artefacts: test-results/hand-data/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { AUTO_SAVE } from './long-model';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { focusEditor, openFile, panelEpoch, panelFrame, runCommand, waitFor } from './workbench';

const LESSON = 'hand-data.nn.json';
const CANVAS = '[data-view="boundary"] canvas';
/** The lesson's "plane": x1 and x2 from -1 to 1, fixed, whatever the points. */
const PLANE = { min: -1, max: 1 };
/** The first click, of class 0: near the bottom-left corner (fractions of the side from the top-left). */
const CLASS_0 = [0.18, 0.82] as const;
/** Then three of class 1, near the top-left corner. */
const CLICKS = [
  [0.2, 0.2],
  [0.32, 0.14],
  [0.14, 0.33],
] as const;

interface Data {
  inputs: number[][];
  targets: number[][];
}

/** The raw point a click at a fraction of the plane stands for (y grows upwards). */
const pointAt = ([fx, fy]: readonly [number, number]): [number, number] => [PLANE.min + fx * (PLANE.max - PLANE.min), PLANE.max - fy * (PLANE.max - PLANE.min)];
/** The plane fraction of a raw point. */
const fractionOf = ([x, y]: readonly number[]): [number, number] => [((x as number) - PLANE.min) / (PLANE.max - PLANE.min), (PLANE.max - (y as number)) / (PLANE.max - PLANE.min)];

function dataOf(text: string): Data {
  const model = parse(text, [], { allowTrailingComma: true }) as { data: Data };
  return { inputs: model.data.inputs, targets: model.data.targets };
}

/** The text outside the data's two arrays: what no click may change. */
function outsideRows(text: string): string {
  return text.replace(/"inputs": \[[\s\S]*?\n {4}\],/, '"inputs": …,').replace(/"targets": \[[\s\S]*?\n {4}\],/, '"targets": …,');
}

/** The editor's visible text, spaces as spaces (Monaco draws them as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  return ((await page.locator(WORKBENCH.editorLines).first().textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Clicks the boundary plane at a fraction of its side, with Shift when asked. */
async function clickPlane(page: Page, at: readonly [number, number], shift = false): Promise<void> {
  const canvas = panelFrame(page).locator(CANVAS);
  // After a point the data changed and a new run starts: the plane is drawn again with its first
  // diagrams, and is hidden for that moment.
  // On a loaded machine it can blink more than once: take the box when the plane is there.
  const box = await waitFor('the boundary plane to be shown', async () => ((await canvas.isVisible()) ? ((await canvas.boundingBox()) ?? undefined) : undefined), 30_000, 100);
  await canvas.click({ position: { x: at[0] * box.width, y: at[1] * box.height }, modifiers: shift ? ['Shift'] : [] });
}

/** RGB of the boundary canvas at a fraction of its side. */
async function colourAt(page: Page, at: readonly [number, number]): Promise<number[]> {
  return panelFrame(page).locator(CANVAS).evaluate((element, [fx, fy]) => {
    const c = element as unknown as { width: number; height: number; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } };
    const d = c.getContext('2d').getImageData(Math.round(fx * c.width), Math.round(fy * c.height), 1, 1).data;
    return [d[0] as number, d[1] as number, d[2] as number];
  }, at as [number, number]);
}

describe('data by hand, in English', () => {
  let modelPath = '';
  const s = specSession({ results: join(TEST_RESULTS, 'hand-data'), settings: AUTO_SAVE }, (session) => {
    modelPath = join(session.workspace, LESSON);
  });
  const { step } = s;
  const onDisk = () => readFileSync(modelPath, 'utf8');
  const changedFrom = (before: string) => waitFor('the model file to change on disk', async () => (onDisk() !== before ? onDisk() : undefined), 60_000, 50);
  let start = '';
  let afterFour = '';

  step('the lesson opens on an empty plane: no points, a class picker and the sentence that says how', async () => {
    const { page } = s();
    start = onDisk();
    expect(dataOf(start)).toEqual({ inputs: [], targets: [] });
    await openFile(page, LESSON);
    await runCommand(page, 'NN Playground: Open Playground Panel');
    const frame = panelFrame(page);
    await frame.locator('.following').filter({ hasText: LESSON }).waitFor({ timeout: 30_000 });
    await frame.locator(CANVAS).waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('.hand-hint').filter({ hasText: 'No points yet: click in the panel' }).waitFor({ timeout: 15_000 });
    expect(await frame.locator('.hand-classes label').allTextContents()).toEqual([' 0', ' 1']);
    await frame.locator('#boundary-summary').filter({ hasText: 'no data yet' }).waitFor({ state: 'attached', timeout: 10_000 });
    // Nothing is drawn on it: the plane's middle is the panel's background, as its corners are.
    expect(await colourAt(page, [0.3, 0.7])).toEqual(await colourAt(page, [0.7, 0.3]));
    await s().screenshot('hand-data-start');
    await frame.locator('[data-view="boundary"]').screenshot({ path: join(TEST_RESULTS, 'hand-data', 'boundary-empty.png') });
    // The panel's Train with nothing to train on says why, where the panel shows notices.
    await frame.locator('#train-pause').click();
    await frame.locator('#notice').filter({ hasText: 'No points yet' }).waitFor({ timeout: 15_000 });
    expect(await frame.locator('#state').textContent()).toBe('ready');
  });

  step('one click of class 0, three of class 1: the file and the editor gain exactly those four points', async () => {
    const { page } = s();
    const frame = panelFrame(page);
    await frame.locator('#hand-class-0').check();
    let text = start;
    await clickPlane(page, CLASS_0);
    text = await changedFrom(text);
    // The first point makes the run: the plane is drawn with it.
    await waitFor('the boundary view to draw the first point', async () => ((await frame.locator('#boundary-summary').textContent())?.includes('1 training') ? true : undefined), 30_000);
    // What Train said is not true any more.
    await waitFor('the no-points notice to go', async () => (((await frame.locator('#notice').textContent()) ?? '').includes('No points yet') ? undefined : true), 15_000);
    await frame.locator('#hand-class-1').check();
    for (const at of CLICKS) {
      await clickPlane(page, at);
      text = await changedFrom(text);
    }
    // Let Auto Save and any late edit settle, then judge the file.
    await page.waitForTimeout(1000);
    afterFour = onDisk();
    const after = dataOf(afterFour);
    expect(after.inputs).toHaveLength(4);
    [CLASS_0, ...CLICKS].forEach((at, i) => {
      const [x, y] = pointAt(at);
      const row = after.inputs[i] as number[];
      // A click lands within a pixel of its place; the row holds it to two decimals.
      expect(Math.abs((row[0] as number) - x), `x of click ${i + 1}`).toBeLessThan(0.02);
      expect(Math.abs((row[1] as number) - y), `y of click ${i + 1}`).toBeLessThan(0.02);
      expect(row.every((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9)).toBe(true);
    });
    expect(after.targets).toEqual([[1, 0], [0, 1], [0, 1], [0, 1]]);
    expect(outsideRows(afterFour)).toBe(outsideRows(start));
    // Each row on its own line between the lesson's brackets, the first one too.
    for (const row of after.inputs) expect(afterFour).toContain(`\n      [${row.join(', ')}]`);
    const shown = await editorText(page);
    for (const row of after.inputs) expect(shown).toContain(`[${row.join(', ')}]`);
    await waitFor('the boundary view to draw the four points', async () => ((await frame.locator('#boundary-summary').textContent())?.includes('4 training') ? true : undefined), 30_000);
    await s().screenshot('hand-data-four-points');
    await frame.locator('[data-view="boundary"]').screenshot({ path: join(TEST_RESULTS, 'hand-data', 'boundary-view.png') });
  });

  step('shift-click takes the second point away, and one Ctrl+Z in the editor brings it back', async () => {
    const { page } = s();
    const removed = dataOf(afterFour).inputs[2] as number[];
    await clickPlane(page, fractionOf(removed), true);
    const after = await changedFrom(afterFour);
    const data = dataOf(after);
    const expected = dataOf(afterFour);
    expect(data.inputs).toEqual(expected.inputs.filter((_, i) => i !== 2));
    expect(data.targets).toEqual(expected.targets.filter((_, i) => i !== 2));
    // A shift-click far from every point removes nothing.
    await clickPlane(page, [0.8, 0.8], true);
    await page.waitForTimeout(1500);
    expect(onDisk()).toBe(after);
    await focusEditor(page);
    await page.keyboard.press('Control+Z');
    await waitFor('one undo to give back the removed point', async () => (onDisk() === afterFour ? true : undefined), 30_000, 50);
    await page.waitForTimeout(1000);
    expect(onDisk()).toBe(afterFour);
  });

  step('training draws the boundary: the class-1 corner and the class-0 corner take different colours', async () => {
    const { page } = s();
    const frame = panelFrame(page);
    await frame.locator('#train-pause').click();
    await waitFor('the run to pass 100 epochs', async () => (((await panelEpoch(page)) ?? 0) >= 100 ? true : undefined), 60_000);
    await page.waitForTimeout(1000);
    const topLeft = await colourAt(page, [0.06, 0.06]);
    const bottomLeft = await colourAt(page, [0.06, 0.94]);
    const distance = Math.hypot(...topLeft.map((v, i) => v - (bottomLeft[i] as number)));
    expect(distance, `${topLeft.join(',')} vs ${bottomLeft.join(',')}`).toBeGreaterThan(40);
    await s().screenshot('hand-data-trained');
    // Training never wrote the file.
    expect(onDisk()).toBe(afterFour);
  });
});

describe('data by hand, in Chinese', () => {
  const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  let modelPath = '';
  const s = specSession({ results: join(TEST_RESULTS, 'hand-data-zh-cn'), locale: 'zh-cn', settings: AUTO_SAVE }, (session) => {
    // The Chinese lesson under its own name, over the English copy at the workspace's top.
    modelPath = join(session.workspace, LESSON);
    writeFileSync(modelPath, readFileSync(join(ROOT, 'examples/zh-cn', LESSON), 'utf8'));
  });
  const { step } = s;

  step('the empty plane speaks Chinese, a click writes one point, and a shift-click on it gives the empty plane back', async () => {
    const { page } = s();
    const before = readFileSync(modelPath, 'utf8');
    await openFile(page, LESSON);
    await runCommand(page, 'NN Playground: Open Playground Panel');
    const frame = panelFrame(page);
    await frame.locator(CANVAS).waitFor({ state: 'visible', timeout: 30_000 });
    const empty = zh['No points yet: click in the panel\'s decision boundary to place some (Shift+click removes one), or write rows in "inputs" and "targets". Training starts from the first point.'];
    expect(empty).toBeDefined();
    await frame.locator('.hand-hint').filter({ hasText: empty! }).waitFor({ timeout: 15_000 });
    expect(await frame.locator('.hand-classes legend').textContent()).toBe(zh['Class of a new point']);
    await s().screenshot('hand-data-zh-cn-empty');
    await frame.locator('[data-view="boundary"]').screenshot({ path: join(TEST_RESULTS, 'hand-data-zh-cn', 'boundary-empty.png') });
    await frame.locator('#hand-class-1').check();
    await clickPlane(page, [0.5, 0.5]);
    await waitFor('the model file to change', async () => (readFileSync(modelPath, 'utf8') !== before ? true : undefined), 60_000, 50);
    await page.waitForTimeout(1000);
    const one = readFileSync(modelPath, 'utf8');
    expect(dataOf(one)).toEqual({ inputs: [[0, 0]], targets: [[0, 1]] });
    const hint = zh['Click the plane to add a point of the chosen class, Shift+click a point to remove it; each is a row of "inputs" and "targets" in the file (Undo takes it back). From the keyboard: type the rows there.'];
    await frame.locator('.hand-hint').filter({ hasText: hint! }).waitFor({ timeout: 30_000 });
    await s().screenshot('hand-data-zh-cn');
    await frame.locator('[data-view="boundary"]').screenshot({ path: join(TEST_RESULTS, 'hand-data-zh-cn', 'boundary-view.png') });
    // The only point taken away: the file as it was, byte for byte, and the plane empty again.
    await clickPlane(page, [0.5, 0.5], true);
    await waitFor('the file to be the empty lesson again', async () => (readFileSync(modelPath, 'utf8') === before ? true : undefined), 60_000, 50);
    await frame.locator('.hand-hint').filter({ hasText: empty! }).waitFor({ timeout: 30_000 });
    // The screen-reader summary is written at most every 2 s: waited for.
    await frame.locator('#boundary-summary').filter({ hasText: zh['Decision boundary: no data yet.']! }).waitFor({ state: 'attached', timeout: 10_000 });
  });
});
