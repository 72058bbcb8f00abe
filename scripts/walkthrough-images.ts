// npm run walkthrough-images: the walkthrough's pictures, one per step, of that step's lesson in
// the panel after training. It drives the packaged VSIX in code-server through Chromium as the
// e2e specs do (test/e2e/code-server-session.ts), so the pictures can be made again whenever the
// panel changes. Each is scaled to WIDTH px and saved as WebP (media/walkthrough/<step>.webp), with
// a PNG copy in test-results/walkthrough-images/ to look at: the VSIX has a 1 MB budget
// (test/unit/packaging/vsix-contents.test.ts). Needs `npm run package`. Usage: npm run
// walkthrough-images [-- <step> ...] (all steps without one).
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
const WIDTH = 320;
const QUALITY = 0.45;

/** Scales a PNG to WIDTH px and encodes it as `type`, in the browser (no image library needed). */
const ENCODE = `async (png, type, quality) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = ${WIDTH};
  canvas.height = Math.round(image.height * ${WIDTH} / image.width);
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL(type, quality).split(',')[1];
}`;

const only = process.argv.slice(2);
const results = join(ROOT, 'test-results', 'walkthrough-images');
const session = await startSession({ results, settings: { 'nnPlayground.autoOpenPanel': true } });
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
    const encode = async (type: string, quality: number) =>
      Buffer.from((await encoder.evaluate(`(${ENCODE})(${JSON.stringify(png)}, '${type}', ${quality})`)) as string, 'base64');
    const webp = await encode('image/webp', QUALITY);
    const out = join(ROOT, 'media', 'walkthrough', `${step}.webp`);
    writeFileSync(out, webp);
    writeFileSync(join(results, `${step}.png`), await encode('image/png', 1));
    console.log(`${out}: ${(webp.length / 1024).toFixed(1)} KB (${file})`);
  }
} finally {
  await session.dispose();
}
