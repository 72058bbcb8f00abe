// Issue 17, item 4, in the real UI: the L2 lesson (`overfitting-l2.nn.json`, a sigmoid classifier
// with a regulariser and a test split) trains to the end in the panel; the "Loss vs cost" view
// then says the epoch it measured at and shows the cost, term and objective, the information
// identity and the confusion matrices, which must be what `nn-playground train --json` prints for
// the same file (the matrices exactly, the other numbers to the shown precision); the hover on
// `loss` tables the same numbers. Then the same view in a Chinese UI. Screenshots:
// test-results/theory-numbers/.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';
import type { TheoryReport } from '../../src/engine/theory-numbers';
import { formatNumber } from '../../src/shared/l10n';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { hoverToken, openFile, panelEpoch, panelFrame, runCommand, waitFor } from './workbench';

const MODEL = 'overfitting-l2.nn.json';
const VIEW = '#view-theory';
const RESULTS = join(ROOT, 'test-results', 'theory-numbers');
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

const epochsOf = (workspace: string) => Number(/"epochs":\s*(\d+)/.exec(readFileSync(join(workspace, MODEL), 'utf8'))![1]);

/** The CLI's report of the same file: the headless run path, in its own process. */
function cliTheory(workspace: string): TheoryReport {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'train', join(workspace, MODEL), '--json'], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  expect(result.status, result.stderr).toBe(0);
  const theory = (JSON.parse(result.stdout) as { theory: TheoryReport | null }).theory;
  expect(theory).not.toBeNull();
  return theory!;
}

/** Opens the lesson, trains it to the end in the panel, and waits for the view's numbers of the last epoch. */
async function trainToTheEnd(session: ReturnType<ReturnType<typeof specSession>>): Promise<FrameLocator> {
  const { page, workspace } = session;
  await openFile(page, MODEL);
  await runCommand(page, 'NN Playground: Train Network');
  await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 30_000 });
  const epochs = epochsOf(workspace);
  await waitFor(`the panel to reach epoch ${epochs}`, async () => ((await panelEpoch(page)) === epochs ? true : undefined), 240_000, 250);
  const frame = panelFrame(page);
  await waitFor(`the view's numbers of epoch ${epochs}`, async () => ((await frame.locator(`${VIEW} [data-epoch]`).first().getAttribute('data-epoch')) === String(epochs) ? true : undefined), 30_000, 250);
  return frame;
}

/**
 * Photographs the view: the page with the view's heading just under the panel's sticky toolbar
 * (`<name>-top`), then the view's element, whose screenshot scrolls to show as much of it as fits.
 */
async function photograph(session: ReturnType<ReturnType<typeof specSession>>, frame: FrameLocator, name: string): Promise<void> {
  const view = frame.locator(VIEW).first();
  await view.evaluate((el) => {
    const node = el as unknown as { scrollIntoView(options: { block: string }): void; ownerDocument: { querySelector(s: string): { getBoundingClientRect(): { height: number } } | null; defaultView: { scrollBy(x: number, y: number): void } } };
    node.scrollIntoView({ block: 'start' });
    node.ownerDocument.defaultView.scrollBy(0, -(node.ownerDocument.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0));
  });
  await session.screenshot(`${name}-top`);
  await view.screenshot({ path: join(RESULTS, `${name}.png`) });
}

const cell = async (frame: FrameLocator, table: string, row: string, key: string) => ((await frame.locator(`${VIEW} table.${table} tr[data-row="${row}"] [data-key="${key}"]`).first().textContent()) ?? '').trim();

describe('the theory numbers in an English UI', () => {
  // Wrapped lines: the editor beside the panel is narrow, and a long comment line scrolled it sideways past `"loss"`.
  const s = specSession({ results: RESULTS, settings: { 'editor.wordWrap': 'on' } });
  let cli: TheoryReport | undefined;

  s.step('the L2 lesson trains to the end, and the view shows the CLI’s numbers for the same file', async () => {
    const frame = await trainToTheEnd(s());
    const { workspace } = s();
    cli = cliTheory(workspace);
    const epochs = epochsOf(workspace);
    expect(((await frame.locator(`${VIEW} .theory-measured`).first().textContent()) ?? '').trim()).toBe(`Measured after epoch ${epochs}.`);
    for (const split of ['train', 'test'] as const) {
      const numbers = cli[split]!;
      expect(await cell(frame, 'theory-objective', split, 'cost')).toBe(formatNumber(numbers.cost));
      expect(await cell(frame, 'theory-objective', split, 'regularization')).toBe(formatNumber(numbers.regularization));
      expect(await cell(frame, 'theory-objective', split, 'objective')).toBe(formatNumber(numbers.objective));
      const info = numbers.information!;
      expect(await cell(frame, 'theory-information', split, 'crossEntropy')).toBe(formatNumber(info.crossEntropy));
      expect(await cell(frame, 'theory-information', split, 'labelEntropy')).toBe(formatNumber(info.labelEntropy));
      expect(await cell(frame, 'theory-information', split, 'kl')).toBe(formatNumber(info.kl));
      expect(await cell(frame, 'theory-information', split, 'predictionEntropy')).toBe(formatNumber(info.predictionEntropy));
      // The confusion matrix exactly: every cell, rows the actual class.
      const table = frame.locator(`${VIEW} table.theory-confusion[data-split="${split}"]`).first();
      const shown = await table.locator('td[data-key]').evaluateAll((cells) => cells.map((c) => [(c as unknown as { dataset: { key: string } }).dataset.key, Number(c.textContent)] as const));
      const expected = numbers.confusion!.flatMap((row, i) => row.map((n, j) => [`${i}-${j}`, n] as const));
      expect(shown).toEqual(expected);
    }
    await photograph(s(), frame, 'theory-view-en');
    // A regulariser is on: the loss chart draws the term and the test objective too (its legend names them).
    await frame.locator('#view-loss').first().screenshot({ path: join(RESULTS, 'loss-view-en.png') });
  }, 300_000);

  s.step('the hover on "loss" tables the latest numbers with their epoch', async () => {
    const { page, workspace } = s();
    expect(cli, 'the first step read the CLI').toBeDefined();
    await page.locator('.editor-group-container').first().locator(WORKBENCH.editorLines).first().click();
    await page.keyboard.press('Control+Home');
    const text = await hoverToken(page, '"loss"');
    expect(text).toContain(`Measured after epoch ${epochsOf(workspace)}.`);
    expect(text).toContain(formatNumber(cli!.train.cost));
    expect(text).toContain(`${formatNumber(cli!.test!.information!.crossEntropy)} = ${formatNumber(cli!.test!.information!.labelEntropy)} + ${formatNumber(cli!.test!.information!.kl)}`);
    // The table ends the hover: scroll it into sight for the photograph.
    await page.locator(WORKBENCH.hover).first().hover();
    await page.mouse.wheel(0, 600);
    await s().screenshot('hover-loss-en');
  }, 60_000);
});

describe('the theory numbers in a Chinese UI', () => {
  const s = specSession({ results: RESULTS, locale: 'zh-cn' });

  s.step('the view reads in Chinese, with the epoch it measured at', async () => {
    const frame = await trainToTheEnd(s());
    const epochs = epochsOf(s().workspace);
    const title = zh['Loss vs cost']!;
    expect(((await frame.locator(`${VIEW} h2`).first().textContent()) ?? '').trim()).toBe(title);
    expect(((await frame.locator(`${VIEW} .theory-measured`).first().textContent()) ?? '').trim()).toBe(zh['Measured after epoch {epoch}.']!.replace('{epoch}', String(epochs)));
    expect(((await frame.locator(`${VIEW} .theory-content`).first().textContent()) ?? '')).toContain(zh['Confusion matrices']!);
    await photograph(s(), frame, 'theory-view-zh-cn');
  }, 300_000);
});
