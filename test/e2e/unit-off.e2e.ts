// Switch a unit off (issue 17, item 8) in the real UI: train lesson 4 (xor.nn.json) to the end in
// the panel, click the hidden unit with the strongest outgoing weight in the network diagram, and
// see, without training, the effect line's figures (every unit on → this one off) and the decision
// boundary change; the unit is drawn off and its tooltip and the view's summary say so. Then
// switch it back on from the keyboard (arrows, Enter): the boundary's pixels come back exactly. The
// model file's text never changes. Artefacts: test-results/unit-off/ (screenshots).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { TEST_RESULTS } from '../../scripts/lib/paths';
import { networkLayout } from '../../src/shared/view-models/network-view';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, panelFrame, runCommand, waitFor } from './workbench';

const RESULTS = join(TEST_RESULTS, 'unit-off');
const MODEL = 'xor.nn.json';

const s = specSession({ results: RESULTS });
const { step } = s;

const panelText = async (page: Page, selector: string) => ((await panelFrame(page).locator(selector).first().textContent()) ?? '').trim();
const onDisk = () => readFileSync(join(s().workspace, MODEL), 'utf8');

/** The minimal canvas surface the page evaluates (the project's TypeScript has no DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** Every pixel (RGBA) of the decision boundary's canvas, to compare two pictures of it. */
async function boundaryPixels(page: Page): Promise<number[]> {
  return panelFrame(page)
    .locator('#view-boundary canvas')
    .first()
    .evaluate((element) => {
      const c = element as unknown as CanvasLike;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      return Array.from(data);
    });
}

/** Pixels (of 4 channels) that differ between two pictures of the same size. */
function changedPixels(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  let changed = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) changed++;
  return changed;
}

/** Scrolls the panel so the network view is just below its sticky toolbar. */
function scrollBelowToolbar(el: unknown): void {
  interface Box {
    getBoundingClientRect(): { top: number };
  }
  const w = globalThis as unknown as { scrollY: number; scrollTo(x: number, y: number): void; document: { querySelector(s: string): Box | null } };
  const toolbar = (w.document.querySelector('.toolbar') as { getBoundingClientRect(): { height: number } } | null)?.getBoundingClientRect().height ?? 0;
  w.scrollTo(0, Math.max(0, (el as Box).getBoundingClientRect().top + w.scrollY - toolbar - 8));
}

const EFFECT = /^layer 1 unit (\d+) off: training cost (\S+) → (\S+), test accuracy (\S+%) → (\S+%)\.$/;

describe('switching a unit off in the network diagram', () => {
  let fileBefore = '';
  let boundaryOn: number[] = [];
  let unit = -1;

  step('train lesson 4 to the end in the panel', async () => {
    const { page } = s();
    // Wide and tall, so the panel beside the editor shows the boundary and the diagram together.
    await page.setViewportSize({ width: 2100, height: 1300 });
    await openFile(page, MODEL);
    fileBefore = onDisk();
    await runCommand(page, 'NN Playground: Open Playground Panel');
    const frame = panelFrame(page);
    await frame.locator('.following').filter({ hasText: MODEL }).waitFor({ timeout: 30_000 });
    await frame.locator('#train-pause').click();
    await waitFor('the run to finish', async () => ((await panelText(page, '.state')).includes('finished') || (await panelText(page, '#train-pause')) === 'Train' ? true : undefined), 180_000, 250);
    await waitFor('the epoch counter at 300', async () => (/\b300 \/ 300\b/.test(await panelText(page, '[data-testid="epoch"]')) ? true : undefined), 60_000, 250);
    // With every unit on the view says how to switch one off.
    await waitFor('the hint above the diagram', async () => (/^Click a hidden unit/.test(await panelText(page, '#view-network .units-off')) ? true : undefined));
    await frame.locator('#view-boundary').evaluate(scrollBelowToolbar);
    // The run's last diagrams may still be on their way (the worker sends diagrams at most every
    // 200 ms while training, and fresh ones when it finishes): the picture must hold still first.
    await waitFor('the finished state', async () => ((await panelText(page, '.state')) === 'finished' ? true : undefined), 60_000, 250);
    let previous = await boundaryPixels(page);
    boundaryOn = await waitFor('the boundary to hold still', async () => {
      await page.waitForTimeout(700);
      const pixels = await boundaryPixels(page);
      const still = changedPixels(previous, pixels) === 0;
      previous = pixels;
      return still ? pixels : undefined;
    });
    expect(boundaryOn.length).toBeGreaterThan(0);
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'unit-all-on.png') });
  }, 240_000);

  step('a click on the strongest hidden unit switches it off: figures and boundary change at once', async () => {
    const { page } = s();
    const view = panelFrame(page).locator('#view-network');
    await view.evaluate(scrollBelowToolbar);
    // The summary names the strongest weight; for XOR's 2-8-1 net it runs from a hidden unit to the
    // output. (Waited for: the summary is rewritten as the last diagrams arrive.)
    const strongest = await waitFor('the strongest weight in the diagram summary', async () => /strongest weight \S+ from hidden 1\.(\d+) to output 1/.exec(await panelText(page, '#network-summary')) ?? undefined);
    unit = Number(strongest[1]) - 1;
    const canvas = view.locator('canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the network diagram has no box');
    const node = networkLayout([2, 8, 1], undefined, box.width, box.height).nodes.find((n) => n.column === 1 && n.unit === unit);
    if (!node) throw new Error(`no hidden unit ${unit} in the layout`);
    const lossSummary = await panelText(page, '#loss-summary');

    await canvas.click({ position: { x: node.x, y: node.y } });
    const effect = await waitFor('the effect line with the figures', async () => {
      const text = await panelText(page, '#view-network .units-off');
      return EFFECT.test(text) ? text : undefined;
    });
    const [, which, costOn, costOff, accuracyOn, accuracyOff] = EFFECT.exec(effect)!;
    expect(Number(which)).toBe(unit + 1);
    // The worker's own figures: silencing the strongest unit costs something, and with every unit on
    // the test accuracy is the one the loss view reports for the last epoch (same weights, same split).
    expect(Number(costOff)).toBeGreaterThan(Number(costOn));
    expect(lossSummary).toContain(`test accuracy ${accuracyOn}`);
    expect(accuracyOff).not.toBe(accuracyOn);
    expect(await panelText(page, '#view-network .units-off-note')).toMatch(/Training keeps them off.*Reset or a new network switches every unit back on; the model file is not changed\./);
    // The run did not train: still finished at epoch 300.
    expect(await panelText(page, '[data-testid="epoch"]')).toMatch(/\b300 \/ 300\b/);

    const boundaryOff = await waitFor('the boundary to change', async () => {
      const pixels = await boundaryPixels(page);
      return changedPixels(boundaryOn, pixels) > 100 ? pixels : undefined;
    });
    const changed = changedPixels(boundaryOn, boundaryOff);
    expect(changed).toBeGreaterThan(100);
    // The summary (what a screen reader reads for the diagram) and the tooltip say it too.
    expect(await panelText(page, '#network-summary')).toContain(effect);
    await canvas.hover({ position: { x: node.x + 1, y: node.y } });
    await waitFor('the tooltip saying the unit is off', async () => (/· off: its output is held at 0\. Click it \(or press Enter\) to switch it back on\./.test(((await view.locator('.tooltip').textContent()) ?? '').trim()) ? true : undefined));
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'unit-off-diagram.png') });
    // The thumbnail of a unit held at 0 is left out (it would be blank).
    expect(await view.locator('.thumb').isHidden()).toBe(true);
    await panelFrame(page).locator('#view-boundary').evaluate(scrollBelowToolbar);
    await page.waitForTimeout(300);
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'unit-off.png') });
  });

  step('Enter on the same unit from the keyboard switches it back on: the boundary comes back exactly', async () => {
    const { page } = s();
    const frame = panelFrame(page);
    const view = frame.locator('#view-network');
    await view.evaluate(scrollBelowToolbar);
    const canvas = view.locator('canvas').first();
    // The click left the keyboard's selection on the unit; Escape clears it, and focus starts again
    // at the first input, from where the arrows walk to the unit.
    await canvas.focus();
    await canvas.press('Escape');
    await canvas.focus();
    await canvas.press('ArrowRight');
    for (let i = 0; i < unit; i++) await canvas.press('ArrowDown');
    await waitFor('the keyboard on the unit', async () => (((await view.locator('.tooltip').textContent()) ?? '').startsWith(`hidden 1.${unit + 1}`) ? true : undefined));
    await canvas.press('Enter');
    await waitFor('the hint again, with every unit on', async () => (/^Click a hidden unit/.test(await panelText(page, '#view-network .units-off')) ? true : undefined));
    await waitFor('the boundary as it was', async () => (changedPixels(boundaryOn, await boundaryPixels(page)) === 0 ? true : undefined));
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'unit-on-again.png') });
    expect(await view.locator('.units-off-note').isHidden()).toBe(true);
  });

  step('the model file was never changed', async () => {
    expect(onDisk()).toBe(fileBefore);
  });
});
