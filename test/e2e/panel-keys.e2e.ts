// Issue 11, "Data loss": the panel's fields keep their own editing keys while a long model trains.
// Playwright's keyboard sends key events through the workbench the way a person's keyboard does,
// so a key that VS Code also binds (select all, undo, copy, paste, cut) shows what a user gets. With
// Auto Save on, the model file on disk is the record of what the keys did to the model: after each
// field's Ctrl+A and typing, it must hold the old text with that one value changed, and nothing else.
// The expected text is made here with a regular expression on the old text, not by the extension's
// own edit code. Artefacts: test-results/panel-keys/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { TEST_RESULTS } from '../../scripts/lib/paths';
import { AUTO_SAVE, LONG_MODEL, LONG_MODEL_TEXT } from './long-model';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { focusEditor, openFile, panelEpoch, panelFrame, runCommand, typeInto, waitFor, withValue } from './workbench';

const RESULTS = join(TEST_RESULTS, 'panel-keys');
let modelPath = '';
const s = specSession({ results: RESULTS, settings: AUTO_SAVE }, (session) => {
  modelPath = join(session.workspace, LONG_MODEL);
  writeFileSync(modelPath, LONG_MODEL_TEXT);
});
const { step } = s;

const onDisk = () => readFileSync(modelPath, 'utf8');

/** Waits until the file on disk differs from `before`, then until it has stayed the same for `quietMs`. */
async function settledChange(before: string, quietMs = 2000): Promise<string> {
  // Generous: Auto Save waits on the extension host's save participants, slow on a loaded machine.
  await waitFor('the model file to change on disk', async () => (onDisk() !== before ? true : undefined), 60_000, 50);
  let last = onDisk();
  let since = Date.now();
  return waitFor('the model file to settle', async () => {
    const now = onDisk();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    return Date.now() - since >= quietMs ? now : undefined;
  }, 60_000, 50);
}

/** The file must keep `expected` for `ms` (no late keystroke or edit reaches it). */
async function staysAs(expected: string, ms = 1500): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    expect(onDisk()).toBe(expected);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * One undo in the editor gives back `before` exactly: the panel's write was one edit. (Monaco
 * keeps one undo stop per WorkspaceEdit; two edits for one action would need two undos.)
 */
async function undoRestores(page: Page, before: string): Promise<void> {
  // After keys in the webview: Ctrl+Z must reach the editor, so wait until Monaco has the focus.
  await focusEditor(page);
  await page.keyboard.press('Control+Z');
  await waitFor('one undo to give back the text before the write', async () => (onDisk() === before ? true : undefined), 60_000, 50).catch(() => undefined);
  await staysAs(before, 2000);
}

async function trainingEpoch(page: Page): Promise<number> {
  return (await panelEpoch(page)) ?? 0;
}

/** The panel's text fields: selector, the key they write, and a new value to type. */
const TEXT_FIELDS = [
  { selector: '#lr', key: 'learningRate', value: '0.02' },
  { selector: '#batch', key: 'batchSize', value: '16' },
  { selector: '#lambda', key: 'lambda', value: '0.0005' },
] as const;

describe("the panel's fields keep their editing keys while a model trains", () => {
  step('a long model trains with the panel open', async () => {
    const { page } = s();
    await openFile(page, LONG_MODEL);
    await runCommand(page, 'NN Playground: Open Playground Panel');
    const frame = panelFrame(page);
    await frame.locator('.following').filter({ hasText: LONG_MODEL }).waitFor({ timeout: 30_000 });
    await frame.locator('#train-pause').click();
    await waitFor('the epoch counter to advance', async () => ((await trainingEpoch(page)) > 0 ? true : undefined));
    expect(onDisk()).toBe(LONG_MODEL_TEXT);
  });

  for (const field of TEXT_FIELDS) {
    step(`Ctrl+A and typing in ${field.selector} change only "${field.key}" in the file`, async () => {
      const { page } = s();
      const frame = panelFrame(page);
      expect(await frame.locator('#train-pause').textContent()).toBe('Pause');
      const before = onDisk();
      const input = frame.locator(field.selector);
      // As a person goes from the text to the panel: the editor had focus, then the field is clicked.
      await page.locator(WORKBENCH.editorLines).first().click();
      await input.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(field.value);
      await page.keyboard.press('Enter');
      const after = await settledChange(before);
      await s().screenshot(`after-${field.key}`);
      expect(after).toBe(withValue(before, field.key, field.value));
      expect(await input.inputValue()).toBe(field.value);
      await undoRestores(page, before);
    });
  }

  step('Ctrl+A and the arrow keys in the regularisation list change only its "type"', async () => {
    const { page } = s();
    const before = onDisk();
    const select = panelFrame(page).locator('#reg');
    await page.locator(WORKBENCH.editorLines).first().click();
    await select.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('ArrowDown');
    const after = await settledChange(before);
    expect(after).toBe(withValue(before, 'type', '"l2"'));
    expect(await select.inputValue()).toBe('l2');
    await undoRestores(page, before);
  });

  step('copy, paste, cut and undo work inside a field, and none of them reaches the file', async () => {
    const { page } = s();
    const before = onDisk();
    const input = panelFrame(page).locator('#lr');
    await page.locator(WORKBENCH.editorLines).first().click();
    await input.click();
    const shown = await input.inputValue();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.keyboard.type('9');
    expect(await input.inputValue()).toBe('9');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    expect(await input.inputValue()).toBe(shown);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+X');
    expect(await input.inputValue()).toBe('');
    await page.keyboard.press('Control+Z');
    await waitFor('undo inside the field', async () => ((await input.inputValue()) === shown ? true : undefined), 5_000, 50);
    await staysAs(before);
    // Training went on through all of it.
    const epoch = await trainingEpoch(page);
    await waitFor('training to go on', async () => ((await trainingEpoch(page)) > epoch ? true : undefined));
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'panel-after-keys.png') });
  });

  step("the panel's buttons train, pause, step and reset without touching the file", async () => {
    const { page } = s();
    const frame = panelFrame(page);
    const before = onDisk();
    for (const id of ['#train-pause', '#step', '#train-pause', '#reset']) {
      await frame.locator(id).click();
      await staysAs(before, 700);
    }
    await frame.locator('#train-pause').click();
    await waitFor('training again', async () => ((await frame.locator('#train-pause').textContent()) === 'Pause' ? true : undefined));
  });

  step('a "Not written" error goes once the field shows a valid value, and on the next model', async () => {
    const { page } = s();
    const frame = panelFrame(page);
    const input = frame.locator('#lr');
    const error = frame.locator('.input-error');
    const before = onDisk();
    const fileValue = await input.inputValue();
    // 1. Typed again into a valid value: the error goes as soon as the field holds it.
    await typeInto(page, input, '-1');
    await error.filter({ hasText: 'Not written: the learning rate must be a number above 0.' }).waitFor({ timeout: 5_000 });
    await typeInto(page, input, fileValue, false);
    await error.waitFor({ state: 'hidden', timeout: 5_000 });
    // 2. Left for the editor: the field shows the file's value again, and the error goes with it.
    await typeInto(page, input, '-1');
    await error.waitFor({ state: 'visible', timeout: 5_000 });
    await page.locator(WORKBENCH.editorLines).first().click();
    await waitFor("the field to show the file's value", async () => ((await input.inputValue()) === fileValue ? true : undefined), 10_000);
    await error.waitFor({ state: 'hidden', timeout: 5_000 });
    expect(onDisk()).toBe(before);
    // 3. Another model opened: the error was about the last one's field.
    await typeInto(page, input, '-1');
    await error.waitFor({ state: 'visible', timeout: 5_000 });
    for (const model of ['iris-softmax.nn.json', 'deep-relu.nn.json']) {
      // Into the text editor's group: Quick Open from the panel's group would open the model over the panel.
      await runCommand(page, 'View: Focus First Editor Group');
      await openFile(page, model);
      await frame.locator('.following').filter({ hasText: model }).waitFor({ timeout: 30_000 });
      expect(await error.isVisible(), `the error line over ${model}`).toBe(false);
    }
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'panel-after-error.png') });
  });
});
