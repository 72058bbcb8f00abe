// Issue 18 in the real UI: the sweep lesson measured with "NN Playground: Measure Bias and
// Variance" (the λ sweep picked in its quick pick, the runs in worker threads behind a progress
// notification), then the panel's Bias and variance view: the 20 fits overlaid with their mean,
// the stacked bar, the U curve with its best setting marked. Screenshots go to test-results/e2e/.
import { expect } from 'vitest';
import { WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { canvasInk, openFile, panelFrame, runCommand, waitFor } from './workbench';

const VIEW = '#view-bias-variance';
const FITS = `${VIEW} canvas.bv-fits`;
const SWEEP = `${VIEW} canvas.bv-sweep`;
const BAR_SEGMENTS = `${VIEW} .bv-bar .bv-segment`;

const s = specSession();
const { step } = s;

step('the sweep lesson: the λ sweep runs with a progress notification and the panel draws the fits and the U curve', async () => {
  const { page } = s();
  await openFile(page, 'bias-variance-sweep.nn.json');
  await runCommand(page, 'NN Playground: Measure Bias and Variance', true);
  const row = page.locator(WORKBENCH.quickInputRow).filter({ hasText: 'λ (L2)' }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  const toast = page.locator(WORKBENCH.notification).filter({ hasText: 'Measuring bias and variance of bias-variance-sweep.nn.json' });
  await toast.first().waitFor({ timeout: 30_000 });
  await s().screenshot('bias-variance-progress');

  const frame = panelFrame(page);
  const points = await waitFor(
    'the U curve with its 7 settings in the panel',
    async () => {
      const sweep = frame.locator(SWEEP).first();
      if ((await sweep.count()) === 0) return undefined;
      const value = await sweep.getAttribute('data-points');
      return value === '7' ? Number(value) : undefined;
    },
    300_000,
    500,
  );
  expect(points).toBe(7);
  const best = Number(await frame.locator(SWEEP).first().getAttribute('data-best'));
  // The lesson's promise, read off the drawn view: the best λ is neither end of the sweep.
  expect(best).toBeGreaterThan(0);
  expect(best).toBeLessThan(6);
  expect(await frame.locator(FITS).first().getAttribute('data-runs')).toBe('20');
  const fitsInk = await canvasInk(page, FITS);
  const sweepInk = await canvasInk(page, SWEEP);
  expect(fitsInk?.drawn ?? 0).toBeGreaterThan(500);
  expect(sweepInk?.drawn ?? 0).toBeGreaterThan(300);
  const keys = await frame.locator(BAR_SEGMENTS).evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { key: string } }).dataset.key));
  expect(keys).toEqual(['bias2', 'variance', 'noise']);
  const caption = (await frame.locator(`${VIEW} .legend`).allTextContents()).join(' ');
  expect(caption).toMatch(/The 20 fitted curves \(thin\) and their mean \(thick\), with λ \(L2\) = 0\.003/);
  expect(caption).toMatch(/bias² 0\.\d{4}, variance 0\.\d{4}, noise 0\.0900/);

  await frame.locator(VIEW).first().scrollIntoViewIfNeeded();
  await s().screenshot('bias-variance-view');
  // Another setting's fits: λ = 0, the high-variance end.
  await frame.locator(`${VIEW} select.bv-setting`).first().selectOption('0');
  await waitFor('the fits of λ = 0', async () => ((await frame.locator(`${VIEW} .legend`).first().textContent())?.includes('= 0;') ? true : undefined));
  await frame.locator(FITS).first().scrollIntoViewIfNeeded();
  await s().screenshot('bias-variance-lambda-0');
}, 360_000);
