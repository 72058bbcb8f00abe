// The panel's webview in plain Chromium, outside VS Code: the shipped app and views, fed by the
// real parser, training loop and live rules (webview/dev/). For quick screenshots while developing
// and for the webview's own frame-rate figures; the real-UI checks live in panel.e2e.ts.
//   node scripts/run-ts.mjs test/e2e/panel-harness.ts shots [model.nn.json …]
//   node scripts/run-ts.mjs test/e2e/panel-harness.ts perf
import * as esbuild from 'esbuild';
import { esbuildWasmPlugin } from '../../scripts/wasm.mjs';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import { ROOT, TEST_RESULTS } from '../../scripts/lib/paths';
import { writeWorkloadB, WORKLOAD_B_MODEL } from './panel-workload';

export const HARNESS_RESULTS = join(TEST_RESULTS, 'panel-dev');
const SITE = join(ROOT, 'out', 'panel-dev');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv' };

export async function buildHarness(): Promise<string> {
  mkdirSync(join(SITE, 'models'), { recursive: true });
  const common: esbuild.BuildOptions = { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning', sourcemap: 'linked', plugins: [esbuildWasmPlugin] };
  await esbuild.build({ ...common, entryPoints: [join(ROOT, 'webview/dev/harness.ts')], outfile: join(SITE, 'harness.js') });
  await esbuild.build({ ...common, entryPoints: [join(ROOT, 'webview/dev/worker.ts')], outfile: join(SITE, 'worker.js') });
  copyFileSync(join(ROOT, 'webview/dev/harness.html'), join(SITE, 'harness.html'));
  copyFileSync(join(ROOT, 'webview/dev/dev-theme.css'), join(SITE, 'dev-theme.css'));
  copyFileSync(join(ROOT, 'media/panel.css'), join(SITE, 'panel.css'));
  const examples = join(ROOT, 'examples');
  if (existsSync(examples)) {
    for (const f of readdirSync(examples)) if (f.endsWith('.nn.json') || f.endsWith('.csv')) copyFileSync(join(examples, f), join(SITE, 'models', f));
  }
  for (const dir of ['test/e2e/fixtures', 'webview/dev/models']) {
    for (const f of readdirSync(join(ROOT, dir))) copyFileSync(join(ROOT, dir, f), join(SITE, 'models', f));
  }
  if (!existsSync(join(SITE, 'models', WORKLOAD_B_MODEL))) writeWorkloadB(join(SITE, 'models'));
  return SITE;
}

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

export interface Harness {
  browser: Browser;
  url: string;
  open(model: string, theme: 'dark' | 'light' | 'high-contrast', viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const site = await buildHarness();
  const { server, url } = await serve(site);
  const browser = await launchChromium();
  return {
    browser,
    url,
    async open(model, theme, viewport = { width: 1200, height: 1800 }) {
      const page = await browser.newPage({ viewport });
      page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.error(`[${m.type()}] ${m.text()}`));
      await page.goto(`${url}/harness.html?model=models/${model}&theme=${theme}`);
      await page.locator('#train-pause').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** What the harness page exposes (webview/main.ts). */
interface PageGlobals {
  nnPanelStats: { frames: number; totalMs: number; maxMs: number; since: number; snapshots: number };
}

async function epochOf(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid="epoch"]').textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? 0);
}

async function shots(models: string[]): Promise<void> {
  mkdirSync(HARNESS_RESULTS, { recursive: true });
  const h = await startHarness();
  try {
    for (const model of models) {
      for (const theme of ['dark', 'light', 'high-contrast'] as const) {
        const page = await h.open(model, theme);
        await page.locator('#train-pause').click();
        const deadline = Date.now() + 20_000;
        while ((await epochOf(page)) < 150 && Date.now() < deadline) await page.waitForTimeout(250);
        await page.locator('#train-pause').click();
        await page.waitForTimeout(400);
        const file = join(HARNESS_RESULTS, `${basename(model, '.nn.json')}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        for (const id of ['loss', 'boundary', 'network', 'gradients', 'weights', 'activations', 'problems']) {
          await page.locator(`#view-${id}`).screenshot({ path: file.replace(/\.png$/, `-${id}.png`) });
        }
        console.log(`${file} (epoch ${await epochOf(page)})`);
        await page.close();
      }
    }
  } finally {
    await h.close();
  }
}

/** Frames the webview drew per second, and the worker's samples/s with and without the webview drawing. */
async function perf(seconds = 20): Promise<void> {
  const h = await startHarness();
  try {
    const page = await h.open(WORKLOAD_B_MODEL, 'dark');
    await page.locator('#train-pause').click();
    await page.waitForTimeout(3000);
    await page.evaluate(() => Object.assign((globalThis as unknown as PageGlobals).nnPanelStats, { frames: 0, totalMs: 0, maxMs: 0, since: performance.now(), snapshots: 0 }));
    await page.waitForTimeout(seconds * 1000);
    const stats = await page.evaluate(() => {
      const s = (globalThis as unknown as PageGlobals).nnPanelStats;
      return { ...s, elapsed: performance.now() - s.since };
    });
    console.log(
      `redraws/s ${(stats.frames / (stats.elapsed / 1000)).toFixed(1)}, snapshots/s ${(stats.snapshots / (stats.elapsed / 1000)).toFixed(1)}, ` +
        `mean frame ${(stats.totalMs / Math.max(stats.frames, 1)).toFixed(1)} ms, worst ${stats.maxMs.toFixed(1)} ms, epoch ${await epochOf(page)}`,
    );
    await page.close();
  } finally {
    await h.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'shots') await shots(rest.length ? rest : ['deep-sigmoid.nn.json']);
else if (command === 'perf') await perf(Number(rest[0] ?? 20));
