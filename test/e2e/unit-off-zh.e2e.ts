// Switch a unit off in a Chinese UI (the stub zh-cn language pack, as first-run.e2e.ts): the
// Chinese lesson 4 trained to the end, its strongest hidden unit clicked in the network diagram;
// the effect line, its note and the unit's tooltip must read as l10n/bundle.l10n.zh-cn.json words
// them, with the worker's figures in place. Screenshot: test-results/unit-off-zh/unit-off-zh-cn.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { networkLayout } from '../../src/shared/view-models/network-view';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, panelFrame, runCommand, waitFor } from './workbench';

const RESULTS = join(TEST_RESULTS, 'unit-off-zh');
const MODEL = 'xor.nn.json';
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

// The Chinese lesson over the English copy at the workspace's top.
const s = specSession({ results: RESULTS, locale: 'zh-cn' }, (session) => {
  writeFileSync(join(session.workspace, MODEL), readFileSync(join(ROOT, 'examples/zh-cn', MODEL), 'utf8'));
});
const { step } = s;

const panelText = async (page: Page, selector: string) => ((await panelFrame(page).locator(selector).first().textContent()) ?? '').trim();

describe('switching a unit off, in Chinese', () => {
  step('the effect line, its note and the tooltip read in Chinese', async () => {
    const { page } = s();
    await page.setViewportSize({ width: 2100, height: 1300 });
    await openFile(page, MODEL);
    await runCommand(page, 'NN Playground: Open Playground Panel');
    const frame = panelFrame(page);
    await frame.locator('.following').filter({ hasText: MODEL }).waitFor({ timeout: 30_000 });
    await frame.locator('#train-pause').click();
    await waitFor('the run to finish', async () => (/300 \/ 300/.test(await panelText(page, '[data-testid="epoch"]')) ? true : undefined), 180_000, 250);
    expect(await panelText(page, '#view-network .units-off')).toBe(zh['Click a hidden unit (or select it with the arrow keys and press Enter) to switch it off and see what the network does without it.']);
    const view = frame.locator('#view-network');
    const strongest = await waitFor('the strongest weight in the diagram summary', async () => new RegExp(`${zh['hidden {layer}.{unit}']!.replace('{layer}.{unit}', '1\\.(\\d+)')} \\S+ ${zh['output {unit}']!.replace('{unit}', '1')}`).exec(await panelText(page, '#network-summary')) ?? undefined);
    const unit = Number(strongest[1]) - 1;
    const canvas = view.locator('canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the network diagram has no box');
    const node = networkLayout([2, 8, 1], undefined, box.width, box.height).nodes.find((n) => n.column === 1 && n.unit === unit);
    if (!node) throw new Error(`no hidden unit ${unit}`);
    await canvas.click({ position: { x: node.x, y: node.y } });
    const effect = await waitFor('the effect line in Chinese', async () => {
      const text = await panelText(page, '#view-network .units-off');
      return /^第 1 层第 \d+ 个单元已关闭：训练代价 \S+ → \S+，测试准确率 \S+% → \S+%。$/.test(text) ? text : undefined;
    });
    expect(effect).toContain(`第 1 层第 ${unit + 1} 个单元已关闭`);
    expect(await panelText(page, '#view-network .units-off-note')).toBe(zh['Every unit on → with these off, the same weights evaluated now on the whole of each split (the curves show epoch averages). Training keeps them off, like a dropout mask that never changes and is not rescaled, so the other units learn to do without them. Reset or a new network switches every unit back on; the model file is not changed.']);
    await canvas.hover({ position: { x: node.x + 1, y: node.y } });
    const hint = zh['off: its output is held at 0. Click it (or press Enter) to switch it back on.'] as string;
    await waitFor('the tooltip in Chinese', async () => ((((await view.locator('.tooltip').textContent()) ?? '').includes(hint)) ? true : undefined));
    // The network view just below the panel's sticky toolbar, the boundary beside it.
    await view.evaluate((el) => {
      const w = globalThis as unknown as { scrollY: number; scrollTo(x: number, y: number): void; document: { querySelector(s: string): { getBoundingClientRect(): { height: number } } | null } };
      const toolbar = w.document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0;
      w.scrollTo(0, Math.max(0, (el as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top + w.scrollY - toolbar - 8));
    });
    await page.waitForTimeout(400);
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'unit-off-zh-cn.png') });
  }, 300_000);
});
