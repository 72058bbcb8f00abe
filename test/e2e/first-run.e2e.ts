// A first run that teaches (issue 13), in a real VS Code UI in Chinese: code-server with the
// packaged VSIX and a stub zh-cn language pack (scripts/lib/language-pack.ts), a fresh profile
// whose settings let the walkthrough open on first start, as `npm start -- --locale zh-cn` makes it.
// It checks that the walkthrough opens by itself; that the editor title has one run button (Train,
// Pause while training); that the palette lists Pause only while the model trains; and that the
// panel declares the UI language and speaks through one polite live region. Screenshots go to
// test-results/first-run/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { LONG_MODEL, LONG_MODEL_TEXT } from './long-model';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, panelFrame, runCommand, waitFor } from './workbench';

const RESULTS = join(TEST_RESULTS, 'first-run');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: unknown[] }[] } };

const s = specSession(
  { results: RESULTS, locale: 'zh-cn', firstRun: true, settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true, 'nnPlayground.autoOpenPanel': true } },
  (session) => writeFileSync(join(session.workspace, LONG_MODEL), LONG_MODEL_TEXT),
);
const { step } = s;

/** Our buttons in the active editor group's title bar: the icons of the run button and of any other. */
async function titleIcons(page: Page): Promise<string[]> {
  const labels = page.locator('.editor-group-container.active .editor-actions .action-label');
  const classes = await labels.evaluateAll((nodes) => nodes.map((n) => (n as unknown as { className: string }).className));
  return classes.map((c) => /codicon-([\w-]+)/.exec(c)?.[1] ?? '').filter((name) => ['play', 'debug-pause', 'debug-step-over', 'graph-line'].includes(name));
}

/** The palette's rows for `query`, after the list has settled. */
async function paletteRows(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('F1');
  const input = page.locator(WORKBENCH.quickInput);
  await input.waitFor();
  await input.fill(`>${query}`);
  await page.waitForTimeout(800);
  const rows = await page.locator(WORKBENCH.quickInputRow).allTextContents();
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden' });
  return rows;
}

describe('a first run that teaches, in Chinese', () => {
  step('the UI language is zh-cn, and the walkthrough opens by itself on first start', async () => {
    const { page } = s();
    expect(await page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE)).toBe('zh-cn');
    await page.locator('.tabs-container .tab').filter({ hasText: /Walkthrough|演练/ }).first().waitFor({ timeout: 45_000 });
    const steps = page.locator(WORKBENCH.walkthroughStep);
    await waitFor('every lesson of the walkthrough', async () => ((await steps.count()) === manifest.contributes.walkthroughs[0]!.steps.length ? true : undefined), 20_000);
    // The open step shows its page beside the steps (media/walkthrough/<step>.nls.zh-cn.md).
    await page.locator('.getting-started-media').first().waitFor({ timeout: 15_000 });
    await s().screenshot('walkthrough-zh-cn');
  });

  step('the editor title has one run button: Train while the model is idle', async () => {
    const { page } = s();
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, LONG_MODEL);
    expect(await waitFor('the run button', async () => {
      const icons = await titleIcons(page);
      return icons.length > 0 ? icons : undefined;
    })).toEqual(['play']);
  });

  step('the palette lists Pause only while the model trains, and the run button turns into Pause', async () => {
    const { page } = s();
    const before = await paletteRows(page, 'NN Playground: Pause');
    expect(before.filter((row) => row.includes('NN Playground: Pause'))).toEqual([]);
    expect((await paletteRows(page, 'NN Playground: Train Network')).some((row) => row.includes('Train Network'))).toBe(true);

    await openFile(page, LONG_MODEL);
    await runCommand(page, 'NN Playground: Train Network');
    await panelFrame(page).locator('#train-pause').filter({ hasText: /Pause|暂停/ }).waitFor({ timeout: 60_000 });
    // The model's editor active again (a click in its text), the panel beside it.
    await page.locator('.editor-group-container').first().locator(WORKBENCH.editorLines).first().click();
    expect(await waitFor('the run button to be Pause', async () => {
      const icons = await titleIcons(page);
      return icons.includes('debug-pause') ? icons : undefined;
    })).toEqual(['debug-pause']);
    const during = await paletteRows(page, 'NN Playground: Pause');
    expect(during.some((row) => row.includes('NN Playground: Pause'))).toBe(true);
    await s().screenshot('training-zh-cn');

    // Ctrl+Alt+Enter in the model's editor pauses it (the Find widget is closed).
    await page.locator('.editor-group-container').first().locator(WORKBENCH.editorLines).first().click();
    await page.keyboard.press('Control+Alt+Enter');
    await waitFor('the run button to be Train again', async () => ((await titleIcons(page)).includes('play') ? true : undefined));
    const after = await paletteRows(page, 'NN Playground: Pause');
    expect(after.filter((row) => row.includes('NN Playground: Pause'))).toEqual([]);
  });

  step('the panel declares the UI language and speaks through one polite live region', async () => {
    const { page } = s();
    const frame = panelFrame(page);
    expect(await frame.locator('html').getAttribute('lang')).toBe('zh-CN');
    const live = frame.locator('[aria-live]');
    expect(await live.count()).toBe(1);
    expect(await live.first().getAttribute('aria-live')).toBe('polite');
    // It said the pause (a state change), not every epoch.
    const said = await waitFor('the live region to speak', async () => {
      const text = ((await live.first().textContent()) ?? '').trim();
      return text === '' ? undefined : text;
    });
    expect(said.length).toBeGreaterThan(0);
    // Codicons, not emoji: the toolbar's icons are the bundled font's, and it loaded.
    const icon = frame.locator('#train-pause .codicon').first();
    await icon.waitFor();
    const family = await icon.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(el).fontFamily);
    expect(family).toContain('codicon');
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'panel-zh-cn.png') });
  });

  step('the network diagram answers the keyboard: Tab to it, arrows move between units', async () => {
    const { page } = s();
    const frame = panelFrame(page);
    const canvas = frame.locator('#view-network canvas[tabindex="0"]').first();
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const tooltip = frame.locator('#view-network .tooltip:not([hidden])');
    await tooltip.waitFor({ timeout: 10_000 });
    const first = ((await tooltip.textContent()) ?? '').trim();
    await page.keyboard.press('ArrowDown');
    await waitFor('the tooltip to move to the next unit', async () => {
      const next = ((await tooltip.textContent()) ?? '').trim();
      return next !== '' && next !== first ? next : undefined;
    });
    await page.keyboard.press('Escape');
    await frame.locator('#view-network .tooltip').first().waitFor({ state: 'hidden' });
  });
});
