// A pace you can watch, and finer steps (issue 17, item 2), in a real VS Code UI: xor.nn.json
// trained at 5 epochs a second, whose epoch counter moves at about that pace while the boundary
// canvas changes from epoch to epoch; then perceptron-and.nn.json stepped one sample at a time,
// whose four listed updates must be Rosenblatt's rule computed by hand here, with the latest
// sample ringed. The same in Chinese, in a second session with the zh-cn UI.
// Artefacts: test-results/pace/ (screenshots, pace.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, panelEpoch, panelFrame, runCommand, waitFor } from './workbench';

const RESULTS = join(TEST_RESULTS, 'pace');
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

/**
 * Runs in the panel's document for `seconds`: every 40 ms, the epoch counter and a hash of the
 * boundary canvas's pixels (FNV-1a over every 7th byte: equal pictures, equal hashes). Sampled in
 * the page, so a loaded machine's slow round trips to the test do not thin the samples.
 */
async function watchEpochs(_body: unknown, seconds: number): Promise<{ at: number; epoch: number; hash: string }[]> {
  interface Canvas {
    width: number;
    height: number;
    getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
  }
  const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
  const seen: { at: number; epoch: number; hash: string }[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const text = (doc.querySelector('[data-testid="epoch"]') as { textContent: string | null } | null)?.textContent ?? '';
    const match = /(\d+)/.exec(text);
    const canvas = doc.querySelector('[data-view="boundary"] canvas') as Canvas | null;
    const context = canvas?.getContext('2d');
    if (match && canvas && context && canvas.width > 0) {
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0x811c9dc5;
      for (let i = 0; i < data.length; i += 7) hash = Math.imul(hash ^ data[i]!, 0x01000193) >>> 0;
      seen.push({ at: performance.now(), epoch: Number(match[1]), hash: hash.toString(16) });
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  return seen;
}

/** Runs in the panel's document: scrolls `el` to just below the sticky toolbar. */
function scrollBelowToolbar(el: unknown): void {
  interface Box {
    getBoundingClientRect(): { top: number; height: number };
  }
  const w = globalThis as unknown as { scrollY: number; scrollTo(x: number, y: number): void; document: { querySelector(s: string): Box | null } };
  const toolbar = w.document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0;
  const top = (el as Box).getBoundingClientRect().top + w.scrollY;
  w.scrollTo(0, Math.max(0, top - toolbar - 8));
}

/** Scrolls the panel so that the boundary view (and the list under it) is in sight, for the screenshot. */
async function showBoundary(page: Page): Promise<void> {
  await panelFrame(page).locator('[data-view="boundary"]').first().evaluate(scrollBelowToolbar);
}

async function openPanelOn(page: Page, file: string): Promise<void> {
  await openFile(page, file);
  await runCommand(page, 'NN Playground: Open Playground Panel');
  await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 30_000 });
  await panelFrame(page).locator('.following').filter({ hasText: file }).waitFor({ timeout: 30_000 });
}

/** The four updates of AND's first epoch, by hand, in the order the panel lists the samples. */
function andByHand(order: [number, number][]): { y: number; yHat: number; w: [number, number]; b: number; before: { w: [number, number]; b: number } }[] {
  let w: [number, number] = [0, 0];
  let b = 0;
  return order.map(([x1, x2]) => {
    const y = x1 === 1 && x2 === 1 ? 1 : -1;
    const yHat = w[0] * x1 + w[1] * x2 + b >= 0 ? 1 : -1;
    const before = { w, b };
    w = [w[0] + (y - yHat) * x1, w[1] + (y - yHat) * x2];
    b += y - yHat;
    return { y, yHat, w, b, before };
  });
}

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/** Steps perceptron-and one sample at a time, four times; returns the listed lines (each must appear as it is stepped). */
async function stepFourSamples(page: Page): Promise<string[]> {
  const frame = panelFrame(page);
  await frame.locator('#step-unit').selectOption('sample');
  for (let i = 1; i <= 4; i++) {
    await frame.locator('#step').click();
    await waitFor(`update ${i} listed`, async () => ((await frame.locator('#perceptron-trace li').count()) === i ? true : undefined));
  }
  return (await frame.locator('#perceptron-trace li').allTextContents()).map((text) => text.trim());
}

describe('a pace you can watch, and finer steps', () => {
  const s = specSession({ results: RESULTS });

  step(s, 'xor at 5 epochs a second: the counter moves at about that pace and the boundary changes between epochs', async () => {
    const { page } = s();
    await openPanelOn(page, 'xor.nn.json');
    const frame = panelFrame(page);
    await frame.locator('#pace').selectOption('5');
    await showBoundary(page);
    await frame.locator('#train-pause').click();
    await waitFor('the first epoch', async () => ((await panelEpoch(page)) ?? 0) > 0 || undefined);
    // The counter and the canvas, sampled in the page for 6 s.
    const seen = await frame.locator('body').evaluate(watchEpochs, 6);
    await s().screenshot('xor-paced');
    await frame.locator('#train-pause').click();
    // From the first change of the counter to its last: whole epochs over the time between.
    const changes = seen.filter((p, i) => i > 0 && p.epoch !== seen[i - 1]!.epoch);
    const first = changes[0]!;
    const last = changes.at(-1)!;
    const rate = (last.epoch - first.epoch) / ((last.at - first.at) / 1000);
    const hashes = new Map<number, string>();
    for (const p of seen) if (p.hash) hashes.set(p.epoch, p.hash);
    const distinct = new Set(hashes.values()).size;
    writeFileSync(join(RESULTS, 'pace.json'), `${JSON.stringify({ pace: 5, rate, epochs: last.epoch - first.epoch, seconds: (last.at - first.at) / 1000, distinctBoundaries: distinct, epochsSeen: hashes.size }, null, 2)}\n`);
    // Unpaced, xor's 300 epochs finish in about a second: at 5 a second, 6 s show about 30.
    expect(rate).toBeGreaterThan(2.5);
    expect(rate).toBeLessThan(6.5);
    expect(last.epoch).toBeLessThan(60);
    // The boundary is redrawn with each epoch's snapshot: most epochs seen show a picture of their own.
    expect(distinct).toBeGreaterThanOrEqual(Math.max(5, Math.floor(hashes.size * 0.6)));
  });

  step(s, 'perceptron-and, one sample at a time: four updates as the rule computes them by hand, the latest sample ringed', async () => {
    const { page } = s();
    await openPanelOn(page, 'perceptron-and.nn.json');
    const frame = panelFrame(page);
    // With batch size 1 "sample" is offered; the counter moves a quarter epoch a step.
    expect(await frame.locator('#step-unit option[value="sample"]').isDisabled()).toBe(false);
    await showBoundary(page);
    const lines = await stepFourSamples(page);
    expect(await panelEpoch(page)).toBe(1);
    const order = lines.map((line) => {
      const match = /x = \((\d), (\d)\)/.exec(line);
      if (!match) throw new Error(`no x in ${line}`);
      return [Number(match[1]), Number(match[2])] as [number, number];
    });
    expect(order.map((x) => x.join(',')).sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
    andByHand(order).forEach((u, i) => {
      const head = `epoch 1, sample ${i + 1}: x = (${order[i]!.join(', ')}), y = ${signed(u.y)}, ŷ = ${signed(u.yHat)}`;
      expect(lines[i]).toBe(
        u.y === u.yHat
          ? `${head}: right, no change`
          : `${head} → w ← w + 1·(${signed(u.y)} − (${signed(u.yHat)}))·x: (${u.before.w.join(', ')}) → (${u.w.join(', ')}), b ${u.before.b} → ${u.b}`,
      );
    });
    // The latest update's sample is ringed on the boundary canvas.
    expect(await frame.locator('[data-view="boundary"] canvas').first().getAttribute('data-ringed')).toBe(order[3]!.join(','));
    await frame.locator('#perceptron-trace li.latest').waitFor();
    // The other views redraw within the panel's frame budget: let them catch up for the picture.
    await page.waitForTimeout(1000);
    await showBoundary(page);
    await s().screenshot('perceptron-and-steps');
  });
});

describe('the same in Chinese', () => {
  const z = specSession({ results: join(RESULTS, 'zh-cn'), locale: 'zh-cn' });

  step(z, 'the pace control and the perceptron updates read in Chinese', async () => {
    const { page } = z();
    await openPanelOn(page, 'perceptron-and.nn.json');
    const frame = panelFrame(page);
    expect(((await frame.locator('#pace option[value="0"]').textContent()) ?? '').trim()).toBe(zh['as fast as possible']);
    await showBoundary(page);
    const lines = await stepFourSamples(page);
    lines.forEach((line, i) => expect(line.startsWith(`第 1 轮，样本 ${i + 1}：x = (`), line).toBe(true));
    expect(lines.some((line) => line.endsWith('正确，不变'))).toBe(true);
    await page.waitForTimeout(1000);
    await showBoundary(page);
    await z().screenshot('perceptron-and-steps-zh-cn');
  });
});

/** A step of one of the two sessions: a failure leaves a screenshot named after it. */
function step(session: ReturnType<typeof specSession>, name: string, body: () => Promise<void>): void {
  session.step(name, body, 120_000);
}
