// `node scripts/run-ts.mjs scripts/host-load.ts [--seconds N] [--model FILE]`: what loads the extension
// host while a long model trains in the real UI (code-server + Chromium, the packaged VSIX). With
// the soak probe on (src/editor/soak-probe.ts), it opens the model and the panel, trains, and for
// N seconds with the editor focused, then N with the panel focused, reads once a second:
//   - messages and characters per second, worker -> host and host -> webview;
//   - milliseconds per second the host spent in the session's message handler, the lens provider,
//     the diagnostics, the status bar, the panel's flush and the parser;
//   - the host's event-loop delay (p99 and max over each half second) and the page's own
//     (a timer in the workbench's renderer, and one in the panel's document);
//   - how far the status CodeLens is behind the status bar (same definition as live-figures.e2e.ts).
// Prints a table and writes test-results/host-load/figures.json. Measures; asserts nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ProbeCounters } from '../src/editor/soak-probe';
import { startSession } from '../test/e2e/code-server-session';
import { WORKBENCH } from '../test/e2e/selectors';
import { openFile, panelFrame, runCommand, waitFor } from '../test/e2e/workbench';
import { TEST_RESULTS } from './lib/paths';

const RESULTS = join(TEST_RESULTS, 'host-load');
const PROBE = join(RESULTS, 'probe.json');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const seconds = Number(arg('seconds', '20'));
const model = arg('model', 'e2e-fixtures/long-xor.nn.json');
/** Rewrites the model's `epochs` in the workspace copy first (e.g. a lesson made long). */
const epochs = arg('epochs', '');

const readProbe = (): ProbeCounters | undefined => {
  try {
    return JSON.parse(readFileSync(PROBE, 'utf8')) as ProbeCounters;
  } catch {
    return undefined;
  }
};
const epochOf = (text: string | undefined) => {
  const match = /epoch (\d[\d,]*)/.exec(text ?? '');
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
};

async function statusLens(page: Page): Promise<string | undefined> {
  for (const lens of await page.locator(WORKBENCH.codeLens).filter({ hasText: /epoch \d/ }).all()) {
    if (await lens.isVisible()) return ((await lens.textContent()) ?? '').trim();
  }
  return undefined;
}
async function statusBar(page: Page): Promise<string> {
  const item = page.locator(`${WORKBENCH.statusBar} .statusbar-item`).filter({ hasText: /NN: / }).first();
  return ((await item.count()) > 0 ? ((await item.textContent()) ?? '') : '').trim();
}

/** Installs a timer in a document that records how late it fires (the document's main-thread delay). */
function installLagMonitor(): void {
  const w = globalThis as unknown as { __lag?: { max: number } };
  if (w.__lag) return;
  const lag = { max: 0 };
  w.__lag = lag;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    lag.max = Math.max(lag.max, now - last - 50);
    last = now;
  }, 50);
}
/** The worst delay since the last call (-1 when no monitor runs there). */
function takeLag(): number {
  const lag = (globalThis as unknown as { __lag?: { max: number } }).__lag;
  if (!lag) return -1;
  const max = lag.max;
  lag.max = 0;
  return max;
}

interface Row {
  t: number;
  phase: string;
  rates: Record<string, number>;
  hostLagP99: number;
  hostLagMax: number;
  rendererLagMax: number;
  webviewLagMax: number;
  lensEpoch?: number;
  barEpoch?: number;
  /** The panel's drawing per second: frames, milliseconds in all views, and per view. */
  panel: Record<string, number>;
}

interface PanelStats {
  frames: number;
  totalMs: number;
  snapshots: number;
  viewMs: Record<string, number>;
}
const panelStats = (page: Page) =>
  panelFrame(page)
    .locator('body')
    .evaluate(() => JSON.parse(JSON.stringify((globalThis as unknown as { nnPanelStats?: unknown }).nnPanelStats ?? null)) as PanelStats | null);
function panelRates(now: PanelStats | null, before: PanelStats | null, dt: number): Record<string, number> {
  if (!now || !before || dt <= 0) return {};
  const rate = (a: number, b: number) => Math.round(((a - b) / dt) * 10) / 10;
  const rates: Record<string, number> = { 'frames/s': rate(now.frames, before.frames), 'draw ms/s': rate(now.totalMs, before.totalMs), 'snapshots/s': rate(now.snapshots, before.snapshots) };
  for (const [view, ms] of Object.entries(now.viewMs)) rates[`${view} ms/s`] = rate(ms, before.viewMs[view] ?? 0);
  return rates;
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  process.env.NN_PLAYGROUND_PROBE = PROBE;
  const session = await startSession({ results: RESULTS });
  const { page } = session;
  const rows: Row[] = [];
  try {
    if (epochs) {
      const path = join(session.workspace, model);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/"epochs"\s*:\s*\d+/, `"epochs": ${epochs}`));
    }
    await openFile(page, model.split('/').pop()!);
    await runCommand(page, 'NN Playground: Train Network');
    await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 30_000 });
    await waitFor('the status bar to count epochs', async () => ((epochOf(await statusBar(page)) ?? 0) > 0 ? true : undefined), 60_000);
    await page.locator(WORKBENCH.editorLines).first().click({ position: { x: 60, y: 5 } });
    await page.keyboard.press('Control+Home');
    await page.evaluate(installLagMonitor);
    await panelFrame(page).locator('body').evaluate(installLagMonitor);
    let previous = readProbe();
    let previousPanel = await panelStats(page);
    const started = Date.now();
    for (const phase of ['editor focused', 'panel focused']) {
      if (phase === 'panel focused') await panelFrame(page).locator('body').click({ position: { x: 5, y: 5 } });
      const phaseEnd = Date.now() + seconds * 1000;
      while (Date.now() < phaseEnd) {
        await page.waitForTimeout(1000);
        const probe = readProbe();
        const lens = await statusLens(page);
        const bar = await statusBar(page);
        const rendererLagMax = await page.evaluate(takeLag);
        const webviewLagMax = await panelFrame(page).locator('body').evaluate(takeLag);
        const panelNow = await panelStats(page);
        if (!probe || !previous) continue;
        const dt = (probe.at - previous.at) / 1000;
        const panel = panelRates(panelNow, previousPanel, dt);
        previousPanel = panelNow;
        const rates: Record<string, number> = {};
        for (const [kind, table] of [['n', 'counts'], ['ms', 'ms'], ['chars', 'chars']] as const) {
          for (const [name, value] of Object.entries(probe.totals[table])) {
            const delta = value - (previous.totals[table][name] ?? 0);
            if (delta !== 0 && dt > 0) rates[`${name} ${kind}/s`] = Math.round((delta / dt) * 10) / 10;
          }
        }
        rows.push({
          t: Math.round((Date.now() - started) / 100) / 10,
          phase,
          rates,
          hostLagP99: Math.round(probe.lag.p99),
          hostLagMax: Math.round(probe.lag.max),
          rendererLagMax: Math.round(rendererLagMax),
          webviewLagMax: Math.round(webviewLagMax),
          lensEpoch: epochOf(lens),
          barEpoch: epochOf(bar),
          panel,
        });
        previous = probe;
      }
    }
    await session.screenshot('end');
  } finally {
    await session.dispose();
  }
  writeFileSync(join(RESULTS, 'figures.json'), JSON.stringify(rows, null, 2));
  // Means per phase of every rate, and the worst lags.
  for (const phase of ['editor focused', 'panel focused']) {
    const of = rows.filter((r) => r.phase === phase);
    if (of.length === 0) continue;
    const names = [...new Set(of.flatMap((r) => Object.keys(r.rates)))].sort();
    console.log(`\nhost-load: ${phase}, ${of.length} one-second readings`);
    for (const name of names) {
      const mean = of.reduce((sum, r) => sum + (r.rates[name] ?? 0), 0) / of.length;
      console.log(`  ${name.padEnd(44)} ${mean.toFixed(1).padStart(12)}`);
    }
    for (const name of [...new Set(of.flatMap((r) => Object.keys(r.panel)))].sort()) {
      const mean = of.reduce((sum, r) => sum + (r.panel[name] ?? 0), 0) / of.length;
      console.log(`  panel ${name.padEnd(38)} ${mean.toFixed(1).padStart(12)}`);
    }
    const worst = (key: 'hostLagP99' | 'hostLagMax' | 'rendererLagMax' | 'webviewLagMax') => Math.max(...of.map((r) => r[key]));
    console.log(`  host event-loop delay: worst p99 ${worst('hostLagP99')} ms, worst max ${worst('hostLagMax')} ms`);
    console.log(`  renderer timer delay: worst ${worst('rendererLagMax')} ms; panel document: worst ${worst('webviewLagMax')} ms`);
    // The lens's age: how long ago the status bar last showed an epoch no greater than the lens's.
    const ages = of.map((r) => {
      if (r.lensEpoch === undefined) return '-';
      const i = rows.indexOf(r);
      for (let k = i; k >= 0; k--) if ((rows[k]!.barEpoch ?? Infinity) <= r.lensEpoch) return String(Math.round((r.t - rows[k]!.t) * 1000));
      return '>' + String(Math.round(r.t * 1000));
    });
    console.log(`  lens age behind the status bar at each reading (ms, 1 s resolution): ${ages.join(' ')}`);
  }
}

await main();
