// A first run that teaches (issue 13), in a real VS Code UI in Chinese: code-server with the
// packaged VSIX and a stub zh-cn language pack (scripts/lib/language-pack.ts), a fresh profile
// whose settings let the walkthrough open on first start, as `npm start -- --locale zh-cn` makes it.
// It checks that the walkthrough opens by itself; that the editor title has one run button (Train,
// Pause while training); that the palette lists Pause only while the model trains; and that the
// panel declares the UI language and speaks through one polite live region. Then a Chinese lesson
// (examples/zh-cn/linear-collapse.nn.json) is opened and trained: its CodeLens, a hover, its
// problem, the palette's titles, the status bar and the panel must read in Chinese, as the zh-cn
// bundles word them (the expected texts are read from the bundles, not written here), and the
// walkthrough checks off the step of that lesson once it has trained to the end. Screenshots
// go to test-results/first-run/; the English ones of the same views are user-path's and panel's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { LONG_MODEL, LONG_MODEL_TEXT } from './long-model';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { problemRows } from './lesson-path';
import { codeLensTitles, hoverToken, openFile, panelFrame, runCommand, waitFor } from './workbench';

const RESULTS = join(TEST_RESULTS, 'first-run');
/**
 * The Chinese lesson, under its own name (the walkthrough knows a lesson by its file name): it
 * replaces the English copy at the workspace's top, beside the identical one in zh-cn/.
 */
const ZH_LESSON = 'linear-collapse.nn.json';
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zhNls = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
/** A bundle's Chinese for `english`, with its placeholders cut out: the fixed text around them. */
const zhParts = (english: string): string[] => {
  const text = zh[english];
  if (text === undefined) throw new Error(`no zh-cn entry for ${JSON.stringify(english)}`);
  return text.split(/\{\w+\}/).map((part) => part.trim()).filter((part) => part !== '');
};
/** English prose: three words in a row (formulas, activation names and "NN Playground" are not). */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}\b/g;
const CHINESE = /[\u4e00-\u9fff]/;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: unknown[] }[] } };

const s = specSession(
  { results: RESULTS, locale: 'zh-cn', firstRun: true, settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true, 'nnPlayground.autoOpenPanel': true } },
  (session) => {
    writeFileSync(join(session.workspace, LONG_MODEL), LONG_MODEL_TEXT);
    writeFileSync(join(session.workspace, ZH_LESSON), readFileSync(join(ROOT, 'examples/zh-cn/linear-collapse.nn.json'), 'utf8'));
  },
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

  step('a Chinese lesson: its CodeLens and a layer hover read in Chinese before training', async () => {
    const { page } = s();
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, ZH_LESSON);
    const lenses = await waitFor('the lesson\'s lenses in Chinese', async () => {
      const shown = await codeLensTitles(page);
      return ['Train', 'Step', 'Reset', 'Open Panel'].every((english) => shown.some((title) => title.includes(zh[english]!))) ? shown : undefined;
    }, 60_000);
    expect(lenses.join(' ')).not.toMatch(/\b(Train|Step|Reset|Open Panel)\b/);
    await page.mouse.move(0, 0);
    const hover = await waitFor('a layer hover', async () => {
      const text = await hoverToken(page, '"units"');
      return CHINESE.test(text) ? text : undefined;
    }, 30_000, 500);
    await page.keyboard.press('Escape');
    // Rendered markdown: no ** and no link syntax in the text.
    for (const part of zhParts('**Layer {index} of {count}**')) expect(hover).toContain(part.replace(/\*\*/g, ''));
    expect(hover).toContain(zh['Not trained yet — [▶ Train]({link}) to see live numbers.']!.split(' — ')[0]);
    expect(hover.match(ENGLISH_SENTENCE) ?? []).toEqual([]);
    await s().screenshot('lesson-zh-cn-hover');
  });

  step('its problem reads in Chinese in the Problems panel', async () => {
    const { page } = s();
    // A problem's row names its code, `linear-collapse`; the file's row (linear-collapse.nn.json) does too, by its name.
    const rows = await problemRows(page, ['linear-collapse'], 60_000);
    const row = rows.find((text) => text.includes('linear-collapse') && !text.includes('.nn.json'));
    expect(row, rows.join('\n')).toBeDefined();
    expect(row!).toMatch(CHINESE);
    expect(row!).toContain(zhParts('Hidden layer {layer} is linear, so it adds no expressive power: (X·W{layer} + b{layer})·W{next} + b{next} = X·(W{layer}·W{next}) + (b{layer}·W{next} + b{next}) is a single linear layer, and its {units} units only add parameters. A non-linear activation (tanh, relu) lets hidden layers bend the decision boundary.')[0]!);
    expect(row!).not.toContain('adds no expressive power');
    await s().screenshot('lesson-zh-cn-problem');
  });

  step('the palette shows the commands under their Chinese titles', async () => {
    const { page } = s();
    await page.locator(WORKBENCH.editorLines).first().click();
    const rows = await paletteRows(page, zhNls['command.train.title']!);
    expect(rows.some((row) => row.includes(`NN Playground: ${zhNls['command.train.title']}`))).toBe(true);
    const more = await paletteRows(page, 'NN Playground');
    for (const key of ['command.step.title', 'command.reset.title', 'command.openPanel.title']) {
      expect(more.some((row) => row.includes(zhNls[key]!)), `${key}: ${zhNls[key]}`).toBe(true);
    }
  });

  step('trained, the status lens, the status bar and the panel read in Chinese', async () => {
    const { page } = s();
    await page.locator(WORKBENCH.editorLines).first().click();
    await runCommand(page, `NN Playground: ${zhNls['command.train.title']}`);
    // 200 epochs: it finishes; the status lens and the status bar then say so, in Chinese.
    const finished = zh['finished']!;
    const epochWord = zhParts('epoch {epoch}/{epochs}');
    const status = await waitFor('the status lens to say finished', async () => {
      const shown = (await codeLensTitles(page)).find((title) => title.includes(finished));
      return shown;
    }, 90_000, 250);
    for (const part of epochWord) expect(status).toContain(part);
    expect(status.match(ENGLISH_SENTENCE) ?? []).toEqual([]);
    const bar = (await page.locator(`${WORKBENCH.statusBar} .statusbar-item`).filter({ hasText: /NN: / }).first().textContent()) ?? '';
    expect(bar).toContain(finished);
    const frame = panelFrame(page);
    await frame.locator('.following').filter({ hasText: ZH_LESSON }).waitFor({ timeout: 30_000 });
    expect((await frame.locator('.following').first().textContent()) ?? '').toContain(zhParts('Following the active model: {file} (“{name}”)')[0]!);
    const panelText = ((await frame.locator('body').innerText()) ?? '').replace(/\s+/g, ' ');
    expect(panelText).toContain(zh['Loss']!);
    expect(panelText).toContain(zh['Decision boundary']!);
    const english = (panelText.match(ENGLISH_SENTENCE) ?? []).filter((m) => !/NN Playground/.test(m));
    expect(english).toEqual([]);
    await s().screenshot('lesson-zh-cn-trained');
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'panel-lesson-zh-cn.png') });
  });

  step('after training, the layer hover\'s table reads in Chinese', async () => {
    const { page } = s();
    await page.locator('.editor-group-container').first().locator(WORKBENCH.editorLines).first().click();
    // The Problems panel took half the editor's height: back to the top, where the layers are.
    await page.keyboard.press('Control+Home');
    await page.mouse.move(0, 0);
    const hover = await waitFor('a hover with numbers', async () => {
      const text = await hoverToken(page, '"units"');
      return text.includes(zh['this layer']!) ? text : undefined;
    }, 30_000, 500);
    await page.keyboard.press('Escape');
    for (const key of ['weights', 'biases', 'gradient', 'update ratio']) expect(hover).toContain(zh[key]!);
    expect(hover.match(ENGLISH_SENTENCE) ?? []).toEqual([]);
  });

  step('the walkthrough checks off the step whose lesson trained to the end, and no other', async () => {
    const { page } = s();
    await runCommand(page, 'Welcome: Open Walkthrough...', true);
    await page.locator(WORKBENCH.quickInputRow).filter({ hasText: zhNls['walkthrough.title']! }).first().click();
    const stepOf = (key: string) => page.locator(WORKBENCH.walkthroughStep).filter({ hasText: zhNls[key]! }).first();
    await stepOf('walkthrough.activations.title').waitFor({ timeout: 20_000 });
    // VS Code marks a done step's button aria-checked="true" (its check icon says "Completed").
    const done = async (key: string) => (await stepOf(key).getAttribute('aria-checked')) === 'true';
    expect(await waitFor('the activations step to be checked off', async () => ((await done('walkthrough.activations.title')) ? true : undefined), 15_000, 250)).toBe(true);
    // No other lesson trained to the end (the long spiral above is no lesson, and was paused).
    const checks = await page.locator(WORKBENCH.walkthroughStep).evaluateAll((nodes) => nodes.map((n) => (n as unknown as { getAttribute(name: string): string | null }).getAttribute('aria-checked')));
    expect(checks.filter((c) => c === 'true').length).toBe(1);
    await s().screenshot('walkthrough-zh-cn-step-done');
  });
});
