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
import { openFile, runCommand } from './workbench';

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
