// npm run walkthrough-images: the walkthrough's pictures, one per step, of that step's lesson in
// the panel after training. It drives the packaged VSIX in code-server through Chromium as the
// e2e specs do (test/e2e/code-server-session.ts), so the pictures can be made again whenever the
// panel changes. Each is scaled to 480 px wide and saved as JPEG (media/walkthrough/<step>.jpg):
// the VSIX has a 1 MB budget (test/unit/packaging/vsix-contents.test.ts). Needs `npm run package`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths';
import { walkthroughSteps } from '../src/editor/example-table';
import { startSession } from '../test/e2e/code-server-session';
import { openLesson } from '../test/e2e/lesson-path';
import { WORKBENCH } from '../test/e2e/selectors';
import { panelEpoch, panelFrame, runCommand, waitFor } from '../test/e2e/workbench';

/** The lesson each step's picture shows: the one whose panel makes the step's point. */
const PICTURED: Record<string, string> = {
  'neuron-perceptron': 'perceptron-xor.nn.json',
  'hidden-layer': 'xor.nn.json',
  activations: 'linear-collapse.nn.json',
  'vanishing-gradients': 'deep-sigmoid.nn.json',
  'learning-rate': 'learning-rate-too-high.nn.json',
  losses: 'loss-cross-entropy.nn.json',
  softmax: 'iris-softmax.nn.json',
  initialisation: 'init-zeros.nn.json',
  overfitting: 'overfitting.nn.json',
  spiral: 'spiral.nn.json',
};
const WIDTH = 480;
const QUALITY = 0.72;

/** Scales a PNG to WIDTH px and encodes it as JPEG, in the browser (no image library needed). */
const TO_JPEG = `async (png) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = ${WIDTH};
  canvas.height = Math.round(image.height * ${WIDTH} / image.width);
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', ${QUALITY}).split(',')[1];
}`;

const only = process.argv.slice(2);
const session = await startSession({ results: join(ROOT, 'test-results', 'walkthrough-images'), settings: { 'nnPlayground.autoOpenPanel': true } });
try {
  const { page, browser } = session;
  const encoder = await browser.newPage();
  for (const { step, files } of walkthroughSteps()) {
    if (only.length > 0 && !only.includes(step)) continue;
    const file = PICTURED[step];
    if (!file || !files.includes(file)) throw new Error(`no pictured lesson of step ${step} (one of ${files.join(', ')})`);
    await runCommand(page, 'View: Close All Editors');
    await openLesson(page, file);
    await runCommand(page, 'NN Playground: Train Network');
    await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 60_000 });
    await waitFor(`${file} to start`, async () => ((await panelEpoch(page)) ?? 0) > 0 || undefined, 60_000);
    // Trained to the end: the panel's run button reads Train again (a diverged run stops too).
    await waitFor(`${file} to finish`, async () => {
      const label = (await panelFrame(page).locator('#train-pause').first().textContent()) ?? '';
      return /Train/.test(label) || undefined;
    }, 240_000, 500);
    await page.waitForTimeout(1500);
    const png = (await page.locator(WORKBENCH.webview).first().screenshot()).toString('base64');
    const jpeg = (await encoder.evaluate(`(${TO_JPEG})(${JSON.stringify(png)})`)) as string;
    const out = join(ROOT, 'media', 'walkthrough', `${step}.jpg`);
    writeFileSync(out, Buffer.from(jpeg, 'base64'));
    console.log(`${out}: ${Math.round(Buffer.from(jpeg, 'base64').length / 1024)} KB (${file})`);
  }
} finally {
  await session.dispose();
}
