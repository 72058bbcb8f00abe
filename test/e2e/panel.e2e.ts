// The playground panel in a real VS Code UI (issue 5): code-server serving the packaged VSIX,
// driven through Debian Chromium. Train from the panel and watch its charts draw and its epoch
// counter move; write a hyperparameter back into the file (and undo it); follow a Problems link to
// its line; screenshots in light and dark; the panel restored after a window reload; and the
// performance figures on benchmark workload (b): redraw cost with every view open, and training
// throughput with the panel open against closed.
// Artefacts: test-results/panel/ (screenshots, performance.json).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { networkLayout } from '../../src/shared/view-models/network-view';
import type { RenderStats } from '../../src/shared/view-models/render-stats';
import { writeWorkloadB, WORKLOAD_B_MODEL } from './panel-workload';
import { PANEL, WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { canvasInk, focusEditor, openFile, panelEpoch, panelFrame, runCommand, statusEpoch, waitFor, waitForWorkbench } from './workbench';

const RESULTS = join(TEST_RESULTS, 'panel');
/** The model the UI checks train: the shipped example when there is one. */
const SPIRAL = existsSync(join(ROOT, 'examples', 'spiral.nn.json')) ? 'spiral.nn.json' : 'panel-spiral.nn.json';
const PROBLEM_MODEL = 'deep-sigmoid.nn.json';
/**
 * Throughput rounds (panel open, then closed) and the seconds each half is timed over. `npm test`
 * runs one round: it checks that training goes on with the panel open and closed and writes the
 * figures; the README's figures come from NN_E2E_WORKLOAD_ROUNDS=4 (about 90 s more).
 */
const ROUNDS = Math.max(1, Number(process.env.NN_E2E_WORKLOAD_ROUNDS ?? 1) || 1);
const ROUND_SECONDS = 15;
/** Samples per epoch of workload (b). */
const WORKLOAD_B_SAMPLES = 8192;

const s = specSession({ results: RESULTS }, (session) => {
  if (SPIRAL === 'panel-spiral.nn.json') copyFileSync(join(ROOT, 'webview', 'dev', 'models', 'spiral.nn.json'), join(session.workspace, SPIRAL));
  writeWorkloadB(session.workspace);
});
const { step } = s;

const panelText = async (page: Page, selector: string) => ((await panelFrame(page).locator(selector).first().textContent()) ?? '').trim();

/** Epochs trained over a window: from the first change of the status bar's counter to its last. */
interface Span {
  epochs: number;
  seconds: number;
}

/**
 * Watches the status bar's epoch counter for about `seconds` (polled every 25 ms) and returns the
 * epochs between its first and its last change, and the time between them. A rate over the whole
 * span, not a median of single epochs: the counter moves in the host's update steps, so single
 * epochs read as one of two step-sized values (here ~0.6 or ~0.8 s for a ~0.7 s epoch), and a
 * median jumps between the two.
 */
async function epochSpan(page: Page, seconds: number): Promise<Span> {
  const end = Date.now() + seconds * 1000;
  let first: { epoch: number; at: number } | undefined;
  let last: { epoch: number; at: number } | undefined;
  let previous = await statusEpoch(page);
  while (Date.now() < end || !first || !last || last.epoch - first.epoch < 3) {
    const epoch = await statusEpoch(page);
    const at = Date.now();
    if (epoch !== undefined && previous !== undefined && epoch !== previous) {
      if (!first) first = { epoch, at };
      else last = { epoch, at };
    }
    previous = epoch;
    await page.waitForTimeout(25);
  }
  return { epochs: last.epoch - first.epoch, seconds: (last.at - first.at) / 1000 };
}

/** Everything the extension has written to its log (the NN Playground output channel) in this profile. */
function extensionLog(userDataDir: string): string {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  return (readdirSync(logs, { recursive: true }) as string[])
    .filter((path) => path.endsWith(join('nn-playground.nn-playground', 'NN Playground.log')))
    .map((path) => readFileSync(join(logs, path), 'utf8'))
    .join('\n');
}

const samplesPerSecond = (spans: Span[]) =>
  (WORKLOAD_B_SAMPLES * spans.reduce((n, s) => n + s.epochs, 0)) / spans.reduce((t, s) => t + s.seconds, 0);

/**
 * Runs in the panel's document: counts the frames the panel draws over `seconds`. With `replay`,
 * the latest snapshot message is dispatched again every 16 ms (without new epochs), so every view
 * redraws as often as the panel can manage.
 */
async function measureFrames(_body: unknown, { seconds, replay }: { seconds: number; replay: boolean }): Promise<PanelStats & { seconds: number }> {
  interface Win {
    nnPanelStats: PanelStats;
    addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
    removeEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
    dispatchEvent(event: unknown): void;
    setInterval(f: () => void, ms: number): number;
    clearInterval(h: number): void;
    MessageEvent: new (type: string, init: { data: unknown }) => unknown;
  }
  const w = globalThis as unknown as Win;
  let latest: { type: string; snapshot: { points: unknown[] } } | undefined;
  const record = (e: { data: unknown }) => {
    const m = e.data as typeof latest;
    if (m?.type === 'snapshot' && m.snapshot.points.length > 0) latest = m;
  };
  w.addEventListener('message', record);
  if (replay) {
    // Wait for a real snapshot to replay.
    while (!latest) await new Promise((r) => setTimeout(r, 50));
  }
  // Without their numbers, the replayed health report and diagrams count as new: every view redraws.
  const replayed = () => {
    if (!latest) return;
    const { healthId: _h, diagramId: _d, ...snapshot } = latest.snapshot as { healthId?: number; diagramId?: number; points: unknown[] };
    w.dispatchEvent(new w.MessageEvent('message', { data: { ...latest, snapshot: { ...snapshot, points: [] } } }));
  };
  const timer = replay ? w.setInterval(replayed, 16) : 0;
  Object.assign(w.nnPanelStats, { frames: 0, totalMs: 0, maxMs: 0, since: performance.now(), snapshots: 0, viewMs: {}, changes: {} });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  if (replay) w.clearInterval(timer);
  w.removeEventListener('message', record);
  return { ...w.nnPanelStats, seconds: (performance.now() - w.nnPanelStats.since) / 1000 };
}

/** Runs in the panel's document: scrolls `el` to just below the sticky toolbar (the top for body). */
function scrollBelowToolbar(el: unknown): void {
  interface Box {
    getBoundingClientRect(): { top: number; height: number };
  }
  const w = globalThis as unknown as { scrollY: number; scrollTo(x: number, y: number): void; document: { querySelector(s: string): Box | null } };
  const toolbar = w.document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0;
  const top = (el as Box).getBoundingClientRect().top + w.scrollY;
  w.scrollTo(0, Math.max(0, top - toolbar - 8));
}

type PanelStats = RenderStats;

describe('the playground panel in VS Code', () => {
  step('Open Playground Panel shows the active model', async () => {
    const { page } = s();
    await openFile(page, SPIRAL);
    await runCommand(page, 'NN Playground: Open Playground Panel');
    await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 30_000 });
    await panelFrame(page).locator('.following').filter({ hasText: SPIRAL }).waitFor({ timeout: 30_000 });
    await page.locator('.tab').filter({ hasText: `NN Playground · ${SPIRAL}` }).first().waitFor();
  });

  step('Train in the panel: the epoch counter advances and every view draws', async () => {
    const { page } = s();
    const frame = panelFrame(page);
    expect(await panelEpoch(page)).toBe(0);
    await frame.locator('#train-pause').click();
    const later = await waitFor('the epoch counter to advance', async () => {
      const e = await panelEpoch(page);
      return e !== undefined && e > 0 ? e : undefined;
    });
    expect(later).toBeGreaterThan(0);
    for (const [what, selector] of [
      ['loss chart', PANEL.lossCanvas],
      ['decision boundary', '#view-boundary canvas'],
      ['network diagram', '#view-network canvas'],
      ['gradient bars', '#view-gradients canvas'],
      ['weight histogram', '#view-weights canvas'],
      ['activation chart', '#view-activations canvas'],
    ] as const) {
      const ink = await waitFor(`drawn pixels on the ${what}`, async () => {
        const i = await canvasInk(page, selector);
        return i && i.drawn > 0 ? i : undefined;
      });
      expect(ink.drawn, what).toBeGreaterThan(0);
    }
    // Every chart's screen-reader summary carries its latest numbers.
    const summary = await waitFor('the loss summary', async () => {
      const t = await panelText(page, '#loss-summary');
      return /Epoch \d+: training cost \d/.test(t) ? t : undefined;
    });
    expect(summary).toMatch(/test cost/);
  });

  step('the panel in light, high-contrast and dark themes (screenshots)', async () => {
    const { page } = s();
    await waitFor('training to finish or pause', async () => {
      const label = await panelText(page, '#train-pause');
      if (label === 'Pause' && ((await panelEpoch(page)) ?? 0) > 150) await panelFrame(page).locator('#train-pause').click();
      return (await panelText(page, '#train-pause')) === 'Train' ? true : undefined;
    }, 90_000, 250);
    // A wide window, so the panel beside the editor is as wide as a person studying it would make it.
    // (The palette cannot maximise the group: a focused webview keeps F1 from the workbench.)
    await page.setViewportSize({ width: 2100, height: 1100 });
    const frame = panelFrame(page);
    // Dark last: the README's screenshot, and the theme the later steps run in.
    for (const theme of ['light', 'high-contrast', 'dark'] as const) {
      await s().setTheme(theme);
      await frame.locator(`body.vscode-${theme}`).waitFor({ timeout: 20_000 });
      for (const [part, view] of [
        ['top', 'body'],
        ['weights', '#view-weights'],
        ['activations', '#view-activations'],
      ] as const) {
        await frame.locator(view).first().evaluate(scrollBelowToolbar);
        await page.waitForTimeout(400); // the redraw after the theme's class change, and the scroll
        await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, `panel-${theme}-${part}.png`) });
      }
    }
    await frame.locator('body').evaluate(scrollBelowToolbar);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  step("hovering the network diagram shows a unit's output over the plane, and a link's weight and gradient", async () => {
    const { page } = s();
    const view = panelFrame(page).locator('#view-network');
    await view.evaluate(scrollBelowToolbar);
    const canvas = view.locator('canvas').first();
    // Where the units are: the view model's own layout for the drawn size and the shape it reports.
    const shape = /Network ([\d–]+)/.exec(await panelText(page, '#network-summary'))?.[1];
    const columns = (shape ?? '').split('–').map(Number);
    expect(columns.length).toBeGreaterThanOrEqual(3);
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the network diagram has no box');
    const layout = networkLayout(columns, undefined, box.width, box.height);
    const unit = (column: number, index: number) => {
      const node = layout.nodes.find((n) => n.column === column && n.unit === index);
      if (!node) throw new Error(`no unit ${index} in column ${column}`);
      return node;
    };
    const tooltip = view.locator('.tooltip');

    // A hidden unit: its name and bias, and its output over the input plane, which the worker computes.
    const first = unit(1, 0);
    await canvas.hover({ position: { x: first.x, y: first.y } });
    await waitFor('the unit tooltip', async () => (/^hidden 1\.1 · bias -?\d/.test(((await tooltip.textContent()) ?? '').trim()) ? true : undefined));
    await view.locator('.thumb').waitFor({ state: 'visible' });
    const thumb = await canvasInk(page, '#view-network .thumb');
    expect(thumb?.total).toBeGreaterThan(0);
    expect(thumb?.drawn).toBe(thumb?.total);
    await page.locator(WORKBENCH.webview).first().screenshot({ path: join(RESULTS, 'panel-network-hover.png') });

    // The link from the last hidden layer's first unit to the first output, a third of the way along.
    const last = columns.length - 1;
    const [a, b] = [unit(last - 1, 0), unit(last, 0)];
    await canvas.hover({ position: { x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3 } });
    const text = await waitFor('the link tooltip', async () => {
      const t = ((await tooltip.textContent()) ?? '').trim();
      return t.includes('→') ? t : undefined;
    });
    expect(text).toMatch(new RegExp(`^hidden ${last - 1}\\.1 → output 1: w = -?\\d\\S*, ∂L/∂w = -?\\d`));
    await view.locator('.thumb').waitFor({ state: 'hidden' });
  });

  step('a learning rate typed in the panel is written into the file, and undo takes it back', async () => {
    const { page } = s();
    const lr = panelFrame(page).locator('#lr');
    const before = await lr.inputValue();
    const editor = page.locator(WORKBENCH.editorLines).first();
    // Monaco draws spaces as no-break spaces; \s matches both.
    const holds = async (value: string) => new RegExp(`"learningRate"\\s*:\\s*${value.replace('.', '\\.')}\\b`).test((await editor.textContent()) ?? '');
    await lr.fill('0.0042');
    await lr.press('Enter');
    // Right after keys in the webview: click until Monaco has the focus, so Ctrl+Z goes to it.
    await focusEditor(page);
    await page.keyboard.press('Control+Home');
    await waitFor('the new learning rate in the editor', async () => ((await holds('0.0042')) ? true : undefined));
    await page.keyboard.press('Control+Z');
    await waitFor(`the learning rate ${before} back in the editor`, async () => ((await holds(before)) ? true : undefined));
    await waitFor('the panel input to follow the file', async () => ((await lr.inputValue()) === before ? true : undefined));
  });

  step('a Problems link in the panel reveals its line in the editor', async () => {
    const { page } = s();
    await openFile(page, PROBLEM_MODEL);
    const frame = panelFrame(page);
    await frame.locator('.following').filter({ hasText: PROBLEM_MODEL }).waitFor({ timeout: 30_000 });
    const link = frame.locator('.problem-link').first();
    await link.waitFor({ timeout: 30_000 });
    const line = Number(await link.getAttribute('data-line'));
    // Move the cursor elsewhere first, so the check cannot pass by accident.
    await page.locator(WORKBENCH.editorLines).first().click();
    await page.keyboard.press('Control+End');
    await link.click();
    const position = page.locator('[id="status.editor.selection"]');
    const shown = await waitFor(`the cursor on line ${line + 1}`, async () => {
      const t = (await position.textContent()) ?? '';
      return t.includes(`Ln ${line + 1},`) ? t : undefined;
    });
    expect(shown).toContain(`Ln ${line + 1},`);
    await page.locator(`.tab.active[data-resource-name="${PROBLEM_MODEL}"]`).waitFor();
  });

  step('after a window reload the serializer brings the panel back on the same model', async () => {
    const { page } = s();
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window').catch(() => undefined); // the page goes away under it
    await reloaded;
    await waitForWorkbench(page);
    await panelFrame(page).locator('.following').filter({ hasText: PROBLEM_MODEL }).waitFor({ timeout: 60_000 });
    await page.locator('.tab').filter({ hasText: `NN Playground · ${PROBLEM_MODEL}` }).first().waitFor();
  });

  step(
    'workload (b): redraw cost with every view open, and throughput with the panel open vs closed',
    async () => {
      const { page } = s();
      await openFile(page, WORKLOAD_B_MODEL);
      const frame = panelFrame(page);
      await frame.locator('.following').filter({ hasText: WORKLOAD_B_MODEL }).waitFor({ timeout: 60_000 });
      await frame.locator('#train-pause').click();
      await waitFor('workload (b) to train', async () => (((await panelEpoch(page)) ?? 0) >= 2 ? true : undefined), 120_000, 250);

      // 1. Redraws. Live: the frames the panel draws as snapshots arrive (~16 a second; each redraws
      //    what is new in it: the counters always, the health views when the worker recomputed its
      //    report, the loss chart at epoch ends). Capacity: the latest snapshot replayed every 16 ms
      //    as if all of it were new, so every view redraws on each, while training goes on.
      const body = frame.locator('body');
      const real = await body.evaluate(measureFrames, { seconds: 10, replay: false });
      const stressed = await body.evaluate(measureFrames, { seconds: 10, replay: true });

      // 2. Throughput: epochs per second, panel open against closed, alternating in short rounds
      //    so that load from elsewhere on the machine falls on both alike; training runs on throughout.
      const spans = { open: [] as Span[], closed: [] as Span[] };
      for (let round = 0; round < ROUNDS; round++) {
        if (round > 0) {
          await runCommand(page, 'NN Playground: Open Playground Panel');
          await frame.locator('.following').filter({ hasText: WORKLOAD_B_MODEL }).waitFor({ timeout: 60_000 });
        }
        spans.open.push(await epochSpan(page, ROUND_SECONDS));
        // The tab's own close button: a focused webview keeps F1 from reaching the workbench.
        const tab = page.locator('.tab').filter({ hasText: 'NN Playground' }).first();
        await tab.hover();
        await tab.locator('.codicon-close').click();
        await page.locator(WORKBENCH.webview).first().waitFor({ state: 'detached', timeout: 20_000 });
        spans.closed.push(await epochSpan(page, ROUND_SECONDS));
      }
      const perSecond = (stats: PanelStats & { seconds: number }, counts: Record<string, number>) =>
        Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Math.round((10 * v) / stats.seconds) / 10]));
      const figures = {
        workload: '784-128-64-10 ReLU, softmax cross-entropy, 8,192 samples, batch 64 (bench workload b)',
        redrawsPerSecondLive: real.frames / real.seconds,
        snapshotsPerSecondLive: real.snapshots / real.seconds,
        liveFramesPerSecondByChange: perSecond(real, real.changes),
        liveDrawMsPerSecondByView: perSecond(real, real.viewMs),
        redrawsPerSecondReplayed: stressed.frames / stressed.seconds,
        meanRedrawMs: stressed.totalMs / Math.max(stressed.frames, 1),
        worstRedrawMs: stressed.maxMs,
        spans,
        samplesPerSecondPanelOpen: samplesPerSecond(spans.open),
        samplesPerSecondPanelClosed: samplesPerSecond(spans.closed),
        throughputRatio: samplesPerSecond(spans.open) / samplesPerSecond(spans.closed),
        roundRatios: spans.open.map((o, i) => samplesPerSecond([o]) / samplesPerSecond([spans.closed[i] as Span])),
      };
      // Issue 16: the worker that trained these samples ran the WebAssembly kernels (the line the
      // session writes to the NN Playground log when the worker says which it runs).
      // The log file is written behind a buffer: polled.
      const kernels = await waitFor(
        'the kernels line of workload (b) in the extension log',
        async () => extensionLog(s().profile.userDataDir).split('\n').find((line) => line.includes(WORKLOAD_B_MODEL) && line.includes('matrix products')),
        30_000,
        500,
      ).catch(() => undefined);
      writeFileSync(join(RESULTS, 'performance.json'), JSON.stringify({ ...figures, kernels }, null, 2));
      console.log('panel performance', figures, kernels);
      // The figures are measurements, reported above and in the README; thresholds on them would
      // make this test judge the shared machine's load (the throughput ratio read 0.82 to 0.98 on
      // the same code). What must hold: the panel redrew live while training, and training went
      // on both with the panel open and closed.
      expect(real.frames).toBeGreaterThan(0);
      expect(stressed.changes.health).toBeGreaterThan(0);
      expect(figures.samplesPerSecondPanelOpen).toBeGreaterThan(0);
      expect(figures.samplesPerSecondPanelClosed).toBeGreaterThan(0);
      expect(kernels).toContain('WebAssembly with 128-bit SIMD');
    },
    400_000,
  );
});
