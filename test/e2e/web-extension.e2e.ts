// The browser build (issue 15) in a real browser: code-server runs the shipped extension from its
// `browser` entry alone (the installed copy's package.json loses `main`; code-server-session.ts),
// in its web worker extension host, as VS Code for the web would; training runs in a Web Worker
// made from a Blob of dist/worker-web.js. The user path: open a lesson, Train, the panel draws,
// hover a layer, a problem appears. Screenshots and logs in test-results/e2e-web/.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { TEST_RESULTS } from '../../scripts/lib/paths';
import { hoverLayer, openLesson, problemRows, runningExtensionRow, trainAndSeePanel } from './lesson-path';
import { EDITOR, WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, runCommand, waitFor } from './workbench';

const RESULTS = join(TEST_RESULTS, 'e2e-web');
beforeAll(() => rmSync(RESULTS, { recursive: true, force: true }));
const s = specSession({ web: true, results: RESULTS });
const { step } = s;

describe('the browser build in code-server\'s web worker extension host', () => {
  step('a lesson opens with its Train | Step | Reset lenses', async () => {
    await openLesson(s().page);
  });

  step('Train draws the panel: the epoch advances and the loss chart has ink', async () => {
    const { epoch, drawn } = await trainAndSeePanel(s().page);
    expect(epoch).toBeGreaterThan(0);
    expect(drawn).toBeGreaterThan(0);
    await s().screenshot('web-panel');
  });

  step('the log says which kernels the Web Worker runs its products on', async () => {
    const { page } = s();
    // Chromium compiles the embedded WebAssembly inside the worker the extension host made, or the
    // engine falls back to scalar JavaScript and says so: either line shows the worker started.
    await runCommand(page, 'Output: Show Output Channels...', true);
    await page.locator(WORKBENCH.quickInputRow).filter({ hasText: 'NN Playground' }).first().click();
    const output = page.locator('.part.panel .monaco-editor .view-lines').first();
    await output.waitFor({ timeout: 30_000 });
    await output.click();
    await page.keyboard.press('Control+Home');
    const line = await waitFor('the kernels line in the NN Playground log', async () => {
      const text = (await output.textContent()) ?? '';
      // Monaco draws spaces as no-break spaces: \s matches both.
      return /matrix\s+products/.test(text) ? text.replace(/\s+/g, ' ') : undefined;
    }, 30_000, 250);
    await s().screenshot('web-output');
    console.log(`web build log: ${/[^\]]*matrix products[^)]*\)?/.exec(line)?.[0] ?? line.slice(0, 200)}`);
    expect(line).toMatch(/WebAssembly with 128-bit SIMD|scalar JavaScript/);
    await page.keyboard.press('Control+J');
  });

  step('hovering a layer shows its live numbers', async () => {
    expect(await hoverLayer(s().page)).toMatch(/\d\.\d/);
  });

  step('a saturated deep sigmoid net shows its problem in Problems', async () => {
    const { page } = s();
    await openFile(page, EDITOR.saturatedModel);
    await runCommand(page, 'NN Playground: Train Network');
    const rows = await problemRows(page, EDITOR.saturationCodes);
    expect(rows.length).toBeGreaterThan(0);
    await s().screenshot('web-problems');
  });

  step('Running Extensions shows it in the web worker host, with its activation time', async () => {
    const { page } = s();
    const row = await runningExtensionRow(page);
    await page.locator(WORKBENCH.runningExtensions).screenshot({ path: join(RESULTS, 'web-running-extensions.png') });
    const ms = Number(/(\d+)\s*ms/.exec(row)![1]);
    writeFileSync(join(RESULTS, 'activation-time.json'), JSON.stringify({ host: 'web worker', activationMs: ms, row }, null, 2));
    console.log(`web build: ${row}`);
    expect(row).toMatch(/web worker/i);
  });
});
