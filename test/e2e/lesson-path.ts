// The user path of issue 15, shared by the browser-build and Restricted Mode specs: open a lesson,
// Train, the panel draws, hover a layer, a problem appears. Each step waits on what the screen
// shows, with generous bounds: the e2e machine is shared and slow.
import type { Page } from 'playwright-core';
import { EDITOR, PANEL, WORKBENCH } from './selectors';
import { canvasInk, codeLensTitles, hoverToken, openFile, panelEpoch, problemsText, runCommand, waitFor } from './workbench';

/** Opens the lesson and waits for its Train | Step | Reset lenses: the extension is running on it. */
export async function openLesson(page: Page, file = 'xor.nn.json'): Promise<string[]> {
  await openFile(page, file);
  return waitFor(
    'Train, Step and Reset lenses',
    async () => {
      const shown = await codeLensTitles(page);
      return EDITOR.lensTitles.every((title) => shown.some((t) => title.test(t))) ? shown : undefined;
    },
    60_000,
  );
}

/** Train Network from the palette: the panel opens, its epoch passes 0 and its loss chart has ink. */
export async function trainAndSeePanel(page: Page): Promise<{ epoch: number; drawn: number }> {
  await runCommand(page, 'NN Playground: Train Network');
  await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 60_000 });
  const epoch = await waitFor(
    'the panel epoch counter to pass 0',
    async () => {
      const e = await panelEpoch(page);
      return e !== undefined && e > 0 ? e : undefined;
    },
    60_000,
  );
  const ink = await waitFor(
    'drawn pixels on the loss chart',
    async () => {
      const i = await canvasInk(page, PANEL.lossCanvas);
      return i && i.drawn > 0 ? i : undefined;
    },
    60_000,
  );
  return { epoch, drawn: ink.drawn };
}

/** Hovers the first layer of the active lesson and returns the hover's text once it holds numbers. */
export async function hoverLayer(page: Page): Promise<string> {
  await page.mouse.move(0, 0);
  const text = await waitFor('a hover with numbers', async () => {
    const shown = await hoverToken(page, EDITOR.layerHoverToken);
    return /\d\.\d/.test(shown) ? shown : undefined;
  }, 30_000, 500);
  await page.keyboard.press('Escape');
  return text;
}

/** The rows of the Problems panel once one of them contains any of `codes`. */
export async function problemRows(page: Page, codes: readonly string[], timeoutMs = 90_000): Promise<string[]> {
  return waitFor(
    `one of ${codes.join(', ')} in the Problems panel`,
    async () => {
      const rows = await problemsText(page);
      return rows.some((row) => codes.some((code) => row.includes(code))) ? rows : undefined;
    },
    timeoutMs,
    500,
  );
}

/** The NN Playground row of Developer: Show Running Extensions (where it runs, how long it took). */
export async function runningExtensionRow(page: Page): Promise<string> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator(WORKBENCH.runningExtensionsRow).filter({ hasText: 'NN Playground' }).first();
  // Sorted slowest first, drawn only in view: a fast activation can sit below the fold.
  await waitFor('the NN Playground row in Running Extensions', async () => {
    if ((await row.count()) > 0) return true;
    const box = await page.locator(WORKBENCH.runningExtensions).boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 600);
    }
    return undefined;
  }, 30_000);
  return waitFor('an activation time in the row', async () => {
    const text = (await row.textContent()) ?? '';
    return /\d+\s*ms/.test(text) ? text.trim() : undefined;
  });
}
