// Driving VS Code's workbench in the browser the way a person does: the command palette, Quick
// Open, the mouse over the editor. Every wait is on visible state, never on a fixed delay.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { PANEL, WORKBENCH } from './selectors';

/** Polls `probe` until it returns a defined value; `what` names the state in the timeout error. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator(WORKBENCH.root).waitFor({ timeout: 60_000 });
  await page.locator(WORKBENCH.statusBar).waitFor({ timeout: 60_000 });
}

/**
 * Runs a command by its palette title, e.g. `NN Playground: Train Network`. Commands that open a
 * second picker (the theme picker) leave the quick input open: `expectPicker` says so.
 */
export async function runCommand(page: Page, title: string, expectPicker = false): Promise<void> {
  const input = page.locator(WORKBENCH.quickInput);
  const row = page.locator(WORKBENCH.quickInputRow).filter({ hasText: title }).first();
  // Right after a window reload the palette can open before the extensions' contributions are
  // read, or with the focus in a view whose context hides an editor command (seen on the loaded CI
  // machine: no row in 60 s). Ask again, from the active editor when there is one, a few times.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 20_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw new Error(`the command palette offered no "${title}" in 3 tries of 20 s`, { cause: error });
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden' }).catch(() => undefined);
      const editor = page.locator(WORKBENCH.editorLines).first();
      if ((await editor.count()) > 0) await editor.click().catch(() => undefined);
    }
  }
  await row.click();
  if (expectPicker) await waitFor('the next picker', async () => ((await input.inputValue()).startsWith('>') ? undefined : true), 10_000);
  else await input.waitFor({ state: 'hidden' });
}

/**
 * Opens a workspace file through Quick Open and waits for its editor tab to be the active one. The
 * row clicked is the one whose name is exactly `fileName` (`xor.nn.json`, not `long-xor.nn.json`).
 */
export async function openFile(page: Page, fileName: string): Promise<void> {
  const exact = new RegExp(`^\\s*${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const rows = page.locator(WORKBENCH.quickInputRow);
  const row = rows.filter({ has: page.locator('.label-name').filter({ hasText: exact }) }).first();
  // By the tab's file, not its text: the panel's tab ("NN Playground · xor.nn.json") is active in
  // its own group and names the same model as soon as it follows it.
  const tab = page.locator(`${WORKBENCH.activeTab}[data-resource-name="${fileName}"]`).first();
  // Quick Open fills its list in steps while the file search runs, so a row can move under the
  // click (seen on the loaded CI machine: long-xor.nn.json opened for xor.nn.json). So: click once
  // the list reads the same twice in a row, and ask again if the file's tab does not come.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator(WORKBENCH.quickInput);
    await input.waitFor();
    await input.fill(fileName);
    // File search indexes the workspace first: on a loaded machine that took over 15 s.
    await row.waitFor({ timeout: 60_000 });
    let previous = '';
    await waitFor(
      'the Quick Open list to settle',
      async () => {
        const now = (await rows.allTextContents()).join('\n');
        const settled = now === previous && now !== '';
        previous = now;
        return settled ? true : undefined;
      },
      30_000,
      250,
    );
    await row.click();
    try {
      await tab.waitFor({ timeout: 15_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.locator(WORKBENCH.editorLines).first().waitFor();
}

/** The titles of the CodeLenses currently shown in the visible editors. */
export async function codeLensTitles(page: Page): Promise<string[]> {
  return (await page.locator(WORKBENCH.codeLens).allTextContents()).map((t) => t.trim()).filter((t) => t !== '');
}

/** The document of the (single) visible extension webview panel. */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator(WORKBENCH.webview).frameLocator(WORKBENCH.webviewInner);
}

/** The current epoch shown by the panel, or undefined while it shows none. */
export async function panelEpoch(page: Page): Promise<number | undefined> {
  const counter = panelFrame(page).locator(PANEL.epoch).first();
  if ((await counter.count()) === 0) return undefined;
  return parsePanelEpoch((await counter.textContent()) ?? '');
}

/** The epoch in the panel counter's text (its first whole number). */
export function parsePanelEpoch(text: string): number | undefined {
  const match = /(\d[\d,]*)/.exec(text);
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

/** The minimal canvas surface the page evaluates (the project's TypeScript has no DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** How many pixels of the first canvas matching `selector` in the panel are drawn (alpha > 0). */
export async function canvasInk(page: Page, selector: string): Promise<{ drawn: number; total: number } | undefined> {
  const canvas = panelFrame(page).locator(selector).first();
  if ((await canvas.count()) === 0) return undefined;
  return canvas.evaluate((element) => {
    const c = element as unknown as CanvasLike;
    const context = c.getContext('2d');
    if (!context || c.width === 0 || c.height === 0) return { drawn: 0, total: 0 };
    const data = context.getImageData(0, 0, c.width, c.height).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
    return { drawn, total: c.width * c.height };
  });
}

/** The text of the Problems panel's rows (opens the panel when it is closed). */
export async function problemsText(page: Page): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
  }
  return page.locator(WORKBENCH.problemsRows).allTextContents();
}

/**
 * Hovers the topmost visible editor token whose text is exactly `token` and returns the hover's
 * text once it shows. (Monaco reuses line elements, so DOM order is not line order.)
 */
export async function hoverToken(page: Page, token: string): Promise<string> {
  const candidates = page.locator(`${WORKBENCH.editorLines} .view-line span span`).getByText(token, { exact: true });
  const boxes = await Promise.all((await candidates.all()).map(async (el) => ({ el, box: await el.boundingBox() })));
  const topmost = boxes.filter((b) => b.box).sort((a, b) => a.box!.y - b.box!.y)[0];
  if (!topmost) throw new Error(`no ${token} visible in the editor`);
  await topmost.el.hover();
  const hover = page.locator(WORKBENCH.hover).first();
  await hover.waitFor({ timeout: 10_000 });
  return (await hover.textContent()) ?? '';
}

/** The epoch the status bar shows for the active model (`NN: epoch 12/1000 · …`). */
export async function statusEpoch(page: Page): Promise<number | undefined> {
  const text = (await page.locator(`${WORKBENCH.statusBar} .statusbar-item`).filter({ hasText: STATUS_WITH_EPOCH }).first().textContent()) ?? '';
  return parseStatusEpoch(text);
}

/** The status bar item of NN Playground while it shows an epoch. */
export const STATUS_WITH_EPOCH = /NN: .*epoch \d+/;

/** The epoch in the status bar item's text. */
export function parseStatusEpoch(text: string): number | undefined {
  const match = /epoch (\d[\d,]*)/.exec(text);
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

/**
 * Give the active text editor the keyboard, as a click on its text does, and wait until Monaco says
 * it has it: a key pressed before that (after a click in the panel's webview) goes elsewhere.
 */
export async function focusEditor(page: Page): Promise<void> {
  await waitFor('the editor to take the keyboard focus', async () => {
    if ((await page.locator(WORKBENCH.focusedEditor).count()) > 0) return true;
    await page.locator(WORKBENCH.editorLines).first().click();
    return undefined;
  }, 20_000, 500);
}

/** As a person types into a panel field: click it, select all, type, and (unless `commit` is false) Enter. */
export async function typeInto(page: Page, input: Locator, text: string, commit = true): Promise<void> {
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  if (commit) await page.keyboard.press('Enter');
}

/**
 * `text` with the JSON value after `"key":` (its first occurrence) replaced by `value`: the edit a
 * panel field should make, computed without the extension's own edit code.
 */
export function withValue(text: string, key: string, value: string): string {
  const pattern = new RegExp(`("${key}"\\s*:\\s*)("[^"]*"|[-+0-9.eE]+)`);
  if (!pattern.test(text)) throw new Error(`no "${key}" in the model text`);
  return text.replace(pattern, (_all, head: string) => `${head}${value}`);
}
