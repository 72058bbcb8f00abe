// Issue 14's user path in a real VS Code UI: a person trains examples/spiral.nn.json, presses the
// panel's Export… button, picks "PyTorch script" and "Initial weights", runs the written file with
// python (the torch venv of scripts/setup-torch.sh) and finds the numbers the panel showed; then
// exports a notebook from the palette, opens it from the notification and VS Code shows its text
// and code cells. The script's per-epoch agreement with the engine is the torch layer's job
// (test/torch/): here the point is that the editor command and the panel button write what a
// person can run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { openFile, panelEpoch, panelFrame, runCommand, waitFor } from './workbench';

const MODEL = 'spiral.nn.json';
const python = process.env.NN_TORCH_PYTHON ?? join(ROOT, '.cache/torch-venv/bin/python');

interface Figures {
  trainCost: number;
  testAccuracy: number;
}

/** The final figures the panel's loss summary states ("… training cost 0.02384, … test accuracy 99%."). */
function figuresIn(summary: string): Figures | undefined {
  const cost = /training cost ([-+0-9.e]+)/i.exec(summary);
  const accuracy = /test accuracy ([0-9.]+)\s*%/i.exec(summary);
  return cost && accuracy ? { trainCost: Number(cost[1]), testAccuracy: Number(accuracy[1]) / 100 } : undefined;
}

/** How many significant digits the panel printed for `text`, so the comparison is as strict as the screen. */
const shownDigits = (text: string) => text.replace(/^[-+]?0*\.?0*/, '').replace(/e.*$/i, '').replace('.', '').length;

/** The model's `epochs`, read from the workspace copy. */
const epochsOf = (workspace: string) => Number(/"epochs":\s*(\d+)/.exec(readFileSync(join(workspace, MODEL), 'utf8'))![1]);

/** Picks the quick-pick row whose label contains `label`. */
async function pick(page: Page, label: string): Promise<void> {
  const row = page.locator(WORKBENCH.quickInputRow).filter({ hasText: label }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

const s = specSession({ results: join(ROOT, 'test-results', 'export') });
const { step } = s;

describe('export to PyTorch from the editor (issue 14)', () => {
  let shown: { figures: Figures; costText: string } | undefined;

  step('spiral trains to the end in the panel', async () => {
    const { page } = s();
    await openFile(page, MODEL);
    await runCommand(page, 'NN Playground: Train Network');
    await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 30_000 });
    const epochs = epochsOf(s().workspace);
    await waitFor(`the panel to reach epoch ${epochs}`, async () => ((await panelEpoch(page)) === epochs ? true : undefined), 240_000, 250);
    const summary = panelFrame(page).locator('#loss-summary');
    shown = await waitFor(
      'the loss summary of the last epoch',
      async () => {
        const text = (await summary.textContent()) ?? '';
        const figures = text.includes(String(epochs)) ? figuresIn(text) : undefined;
        return figures ? { figures, costText: /training cost ([-+0-9.e]+)/i.exec(text)![1]! } : undefined;
      },
      30_000,
    );
    await s().screenshot('panel-trained');
  }, 300_000);

  step("the panel's Export… button writes a script that python runs to the panel's numbers", async () => {
    const { page, workspace } = s();
    expect(shown, 'the training step read the panel').toBeDefined();
    await panelFrame(page).locator('#export').click();
    await pick(page, 'PyTorch script');
    await pick(page, 'Initial weights');
    const script = join(workspace, 'spiral.py');
    await waitFor('spiral.py to be written', async () => (existsSync(script) ? true : undefined), 30_000);
    await page.locator(WORKBENCH.notification).filter({ hasText: 'spiral.py' }).first().waitFor({ timeout: 15_000 });
    expect(existsSync(python), `no torch venv at ${python}: run scripts/setup-torch.sh`).toBe(true);
    // One intra-op thread: these matrices are tiny, and on a shared 2-core machine torch's thread
    // pool made the same run four times slower.
    const run = spawnSync(python, [script], { cwd: workspace, encoding: 'utf8', timeout: 240_000, env: { ...process.env, OMP_NUM_THREADS: '1' } });
    expect(run.status, run.stderr).toBe(0);
    // The script prints the loss curve one epoch a line, with the figures the panel's curve and
    // summary hold (the training cost is the epoch's, as the panel's; the final table after it
    // re-evaluates the whole training set, as `nn-playground train` does).
    const { figures, costText } = shown!;
    const last = new RegExp(`^epoch ${epochsOf(workspace)}/\\d+\\s+train loss ([-+0-9.e]+).*test loss [-+0-9.e]+\\s+accuracy ([0-9.]+)%`, 'm').exec(run.stdout);
    expect(last, run.stdout.slice(-400)).not.toBeNull();
    // The panel rounds; the script's figure must round to the same printed value.
    expect(Number(Number(last![1]).toPrecision(shownDigits(costText)))).toBe(figures.trainCost);
    expect(Math.abs(Number(last![2]) / 100 - figures.testAccuracy)).toBeLessThanOrEqual(0.0005 + 1e-12);
  }, 300_000);

  step('Export to PyTorch… from the palette writes a notebook that VS Code opens with its cells', async () => {
    const { page, workspace } = s();
    // Back to the model's own tab (Quick Open would also match the panel's tab, titled after the model).
    await page.locator(`.tabs-container .tab[data-resource-name="${MODEL}"]`).first().click();
    await page.locator(`.tabs-container .tab.active[data-resource-name="${MODEL}"]`).first().waitFor();
    await runCommand(page, 'NN Playground: Export to PyTorch', true);
    await pick(page, 'Jupyter notebook');
    await pick(page, 'Initial weights');
    const notebook = join(workspace, 'spiral.ipynb');
    await waitFor('spiral.ipynb to be written', async () => (existsSync(notebook) ? true : undefined), 30_000);
    const cells = (JSON.parse(readFileSync(notebook, 'utf8')) as { cells: { cell_type: string }[] }).cells;
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'spiral.ipynb' }).first();
    await toast.getByRole('button', { name: 'Open' }).click();
    await page.locator(WORKBENCH.activeTab).filter({ hasText: 'spiral.ipynb' }).waitFor({ timeout: 30_000 });
    // The list is virtualised (only rows on screen are in the DOM), so: both kinds of cell drawn,
    // and the first code cell's editor holds the script's first import.
    const shownCells = await waitFor(
      'the notebook editor to draw its cells',
      async () => {
        const markdown = await page.locator('.notebook-editor .markdown-cell-row').count();
        const code = await page.locator('.notebook-editor .code-cell-row').count();
        const firstCode = (await page.locator('.notebook-editor .code-cell-row .view-lines').first().textContent().catch(() => '')) ?? '';
        return markdown > 0 && code > 0 && /import/.test(firstCode) ? { markdown, code, firstCode } : undefined;
      },
      60_000,
    );
    expect(cells.filter((c) => c.cell_type === 'markdown').length).toBeGreaterThanOrEqual(shownCells.markdown);
    expect(cells.filter((c) => c.cell_type === 'code').length).toBeGreaterThanOrEqual(shownCells.code);
    await s().screenshot('notebook-open');
  }, 120_000);
});
