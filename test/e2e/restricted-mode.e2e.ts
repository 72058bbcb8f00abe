// Restricted Mode (issue 15) in a real VS Code UI: workspace trust on, a folder never trusted, no
// start-up question (code-server-session.ts `restricted`), as when a student opens a downloaded
// course folder and does not trust it. The lesson opens as a model (JSON with Comments, no
// "Comments are not permitted"), trains, and shows its problems; a CSV model says it needs trust.
// Screenshots and logs in test-results/e2e-restricted/.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { TEST_RESULTS } from '../../scripts/lib/paths';
import { hoverLayer, openLesson, problemRows, trainAndSeePanel } from './lesson-path';
import { EDITOR, WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, problemsText, runCommand, waitFor } from './workbench';

const RESULTS = join(TEST_RESULTS, 'e2e-restricted');
beforeAll(() => rmSync(RESULTS, { recursive: true, force: true }));
const s = specSession({ restricted: true, results: RESULTS });
const { step } = s;

describe('a lesson in a folder that was never trusted', () => {
  step('the workbench is in Restricted Mode', async () => {
    const { page } = s();
    await waitFor('the Restricted Mode indicator', async () => ((await page.locator(`${WORKBENCH.statusBar}`).getByText('Restricted Mode').count()) > 0 ? true : undefined), 60_000);
  });

  step('the lesson opens as a model: lenses, JSON with Comments, no comment errors', async () => {
    const { page } = s();
    await openLesson(page);
    await waitFor('the JSON with Comments language mode', async () => ((await page.locator(WORKBENCH.statusBar).getByText('JSON with Comments').count()) > 0 ? true : undefined), 30_000);
    const rows = await problemsText(page);
    expect(rows.filter((row) => /Comments are not permitted/.test(row))).toEqual([]);
  });

  step('Train draws the panel', async () => {
    const { epoch, drawn } = await trainAndSeePanel(s().page);
    expect(epoch).toBeGreaterThan(0);
    expect(drawn).toBeGreaterThan(0);
    await s().screenshot('restricted-panel');
  });

  step('hovering a layer shows its live numbers', async () => {
    expect(await hoverLayer(s().page)).toMatch(/\d\.\d/);
  });

  step('a saturated deep sigmoid net shows its problem in Problems', async () => {
    const { page } = s();
    await openFile(page, EDITOR.saturatedModel);
    await runCommand(page, 'NN Playground: Train Network');
    expect((await problemRows(page, EDITOR.saturationCodes)).length).toBeGreaterThan(0);
  });

  step('a CSV model is not read: its problem and Train both say the folder needs trust', async () => {
    const { page } = s();
    await openFile(page, 'csv-points.nn.json');
    await runCommand(page, 'NN Playground: Train Network');
    const rows = await problemRows(page, ['csv-needs-trust'], 60_000);
    expect(rows.find((row) => row.includes('csv-needs-trust'))).toMatch(/not read in Restricted Mode/);
    const toast = page.locator(WORKBENCH.notification).filter({ hasText: /csv-points\.nn\.json has an error to fix before training/ });
    await toast.first().waitFor({ timeout: 30_000 });
    expect(await toast.first().textContent()).toMatch(/needs? trust|not trusted|Restricted Mode/);
    await s().screenshot('restricted-csv');
  });

  step('Save Trained Weights asks for trust first and writes nothing', async () => {
    const { page } = s();
    await openFile(page, 'xor.nn.json');
    await runCommand(page, 'NN Playground: Save Trained Weights');
    const toast = page.locator(WORKBENCH.notification).filter({ hasText: /The weights were not saved: writing .*xor\.weights\.json.* needs a trusted folder/ });
    await toast.first().waitFor({ timeout: 30_000 });
    // The toast offers VS Code's trust editor; the sidecar was not written.
    const item = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: /The weights were not saved/ }).first();
    await item.locator('.monaco-button').filter({ hasText: 'Manage Workspace Trust' }).first().waitFor({ timeout: 10_000 });
    expect(existsSync(join(s().workspace, 'xor.weights.json'))).toBe(false);
    await s().screenshot('restricted-save-weights');
  });
});

