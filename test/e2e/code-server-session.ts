// One end-to-end session: the packaged VSIX installed into a fresh code-server profile, a temporary
// workspace with copies of the examples (and this folder's fixtures), code-server on a free
// loopback port and Debian Chromium showing the workbench. Logs land in test-results/e2e/.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import { createProfile, ensureCodeServer, installVsix, startCodeServer, type Profile, type RunningCodeServer } from '../../scripts/lib/code-server';
import { installStubLanguagePack, type StubLocale } from '../../scripts/lib/language-pack';
import { ROOT, TEST_RESULTS, vsixPath } from '../../scripts/lib/paths';
import { WORKBENCH } from './selectors';
import { runCommand, waitForWorkbench } from './workbench';

export const E2E_RESULTS = join(TEST_RESULTS, 'e2e');

export interface E2ESession {
  page: Page;
  browser: Browser;
  server: RunningCodeServer;
  profile: Profile;
  workspace: string;
  /** Saves a screenshot of the whole page into test-results/e2e/<name>.png. */
  screenshot(name: string): Promise<string>;
  /** Switches the colour theme with the theme picker and waits for the workbench to repaint in it. */
  setTheme(theme: 'dark' | 'light' | 'high-contrast'): Promise<void>;
  dispose(): Promise<void>;
}

const THEMES = {
  dark: { name: 'Default Dark Modern', workbenchClass: 'vs-dark' },
  light: { name: 'Default Light Modern', workbenchClass: 'vs' },
  'high-contrast': { name: 'Default High Contrast', workbenchClass: 'hc-black' },
} as const;

export interface SessionOptions {
  /** Where this session's logs and screenshots go; test-results/e2e/ unless a spec keeps its own folder. */
  results?: string;
  /** User settings on top of the quiet defaults (scripts/lib/code-server.ts), e.g. Auto Save. */
  settings?: Record<string, unknown>;
  /**
   * Open the workspace in Restricted Mode: workspace trust stays on, the folder was never trusted,
   * and VS Code does not ask at start-up (a student who opens a downloaded folder and says no).
   */
  restricted?: boolean;
  /**
   * Run the browser build: the installed copy's package.json loses `main`, so code-server has only
   * the `browser` entry and runs the extension in its web worker extension host, as VS Code for
   * the web would. The VSIX itself is the shipped one, untouched.
   */
  web?: boolean;
  /** A display language other than English, through a stub language pack (scripts/lib/language-pack.ts). */
  locale?: StubLocale;
  /** Let the extension open its walkthrough on this fresh profile's first start, as for a new user (off by default). */
  firstRun?: boolean;
}

/** Workspace trust on, no start-up question: the folder opens untrusted, in Restricted Mode. */
const RESTRICTED_SETTINGS = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' };

/** Removes `main` from the installed extension's manifest, leaving the `browser` entry only. */
function keepBrowserEntryOnly(profile: Profile): void {
  const installed = readdirSync(profile.extensionsDir).filter((name) => name.startsWith('nn-playground.nn-playground-'));
  if (installed.length !== 1) throw new Error(`expected one installed NN Playground in ${profile.extensionsDir}, found ${installed.length}`);
  const manifestPath = join(profile.extensionsDir, installed[0]!, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { main?: string; browser?: string };
  if (!manifest.browser) throw new Error(`${manifestPath} has no browser entry`);
  delete manifest.main;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}

export async function startSession(options: SessionOptions = {}): Promise<E2ESession> {
  const results = options.results ?? E2E_RESULTS;
  ensureCodeServer();
  const vsix = process.env.NN_E2E_VSIX ?? vsixPath();
  if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}: run \`npm run package\` (or \`npm test\`, which packages first)`);
  mkdirSync(results, { recursive: true });

  // No walkthrough on first start except where a spec asks for a first run: the browser build's host
  // sees no environment variable, so the extension's own setting says it.
  const quiet = options.firstRun ? {} : { 'nnPlayground.openWalkthroughOnFirstStart': false };
  const profile = createProfile({ ...quiet, ...(options.restricted ? RESTRICTED_SETTINGS : {}), ...options.settings });
  const workspace = join(profile.dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const examples = process.env.NN_E2E_EXAMPLES ?? join(ROOT, 'examples');
  if (existsSync(examples)) cpSync(examples, workspace, { recursive: true });
  const fixtures = join(ROOT, 'test', 'e2e', 'fixtures');
  if (existsSync(fixtures)) cpSync(fixtures, join(workspace, 'e2e-fixtures'), { recursive: true });
  installVsix(profile, vsix);
  if (options.web) keepBrowserEntryOnly(profile);
  if (options.locale) installStubLanguagePack(profile, options.locale);

  const serverLog = join(results, 'code-server.log');
  writeFileSync(serverLog, '');
  const server = await startCodeServer({
    profile,
    workspace,
    log: serverLog,
    workspaceTrust: options.restricted === true,
    locale: options.locale,
    env: options.firstRun ? {} : { NN_PLAYGROUND_NO_WALKTHROUGH: '1' },
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
  await page.goto(server.folderUrl(workspace));
  await waitForWorkbench(page);

  let theme: keyof typeof THEMES = 'dark';
  return {
    page,
    browser,
    server,
    profile,
    workspace,
    async screenshot(name) {
      const path = join(results, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async setTheme(next) {
      if (next === theme) return;
      // As a person would: the theme picker (code-server does not reload a settings file written behind its back).
      await runCommand(page, 'Preferences: Color Theme', true);
      const input = page.locator(`${WORKBENCH.quickInput}[placeholder*="Color Theme"]`);
      await input.waitFor();
      await input.fill(THEMES[next].name);
      await page.locator(WORKBENCH.quickInputRow).filter({ hasText: THEMES[next].name }).first().click();
      await page.locator(WORKBENCH.quickInput).waitFor({ state: 'hidden' });
      await page.locator(`.monaco-workbench.${THEMES[next].workbenchClass}`).waitFor({ timeout: 20_000 });
      theme = next;
    },
    async dispose() {
      writeFileSync(join(results, 'browser-console.log'), consoleLines.join('\n'));
      await browser.close().catch(() => undefined);
      await server.stop();
      const logs = join(profile.userDataDir, 'logs');
      if (existsSync(logs) && readdirSync(logs).length > 0) cpSync(logs, join(results, 'vscode-logs'), { recursive: true });
      profile.dispose();
    },
  };
}
