// Runs the integration suites against the INSTALLED VSIX inside code-server's real Node extension
// host. code-server's CLI refuses --extensionTestsPath, but its workbench accepts the same launch
// options in the page's `payload` query parameter: an empty extension as extensionDevelopmentPath
// (so the installed VSIX stays the thing under test) and our bundled runner as extensionTestsPath.
// When the tests end the workbench calls window.codeAutomationExit(code), exposed here by Playwright.
//
// Two phases, each its own code-server and window:
//   1. cold start: a workspace with no model in it, only activation.test.ts, so the extension is
//      provably asleep until the test opens a .nn.json (in a workspace holding models its
//      `workspaceContains` event wakes it at startup);
//   2. suites: a workspace with copies of examples/ and test/integration/fixtures/, every suite.
//
// Usage: node scripts/run-ts.mjs test/integration/runner/code-server.ts [--vsix file] [--examples dir]
//        [--grep pattern] [--keep]
// Exit code: 0 when both phases passed; 1 otherwise, with logs in test-results/integration/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium';
import { createProfile, ensureCodeServer, installVsix, remoteAuthority, startCodeServer, type Profile } from '../../../scripts/lib/code-server';
import { ROOT, TEST_RESULTS, vsixPath } from '../../../scripts/lib/paths';
import { buildIntegrationTests, TESTS_ENTRY } from './build';
import { prepareWorkspace } from './workspace';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string', default: vsixPath() },
    examples: { type: 'string', default: join(ROOT, 'examples') },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.NN_INTEGRATION_RUN_TIMEOUT_MS ?? '600000' },
  },
});

const results = join(TEST_RESULTS, 'integration');
// Stale artefacts from an earlier run would mislead: start this run's folder empty.
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (message: string): void => console.log(`integration: ${message}`);

/** An extension with no code: VS Code needs a development path to run tests, and this one adds nothing. */
function writeEmptyExtension(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'nn-playground-test-host', publisher: 'nn-playground-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } }),
  );
}

interface Phase {
  name: string;
  /** Folder name under test-results/integration/ for this phase's logs. */
  slug: string;
  workspace: string;
  /** Suite files to run (paths under out/integration/suite/); all when absent. */
  files?: string;
}

interface Summary {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
}

async function runPhase(phase: Phase, profile: Profile, devExtension: string, browser: Browser): Promise<number> {
  const logs = join(results, phase.slug);
  mkdirSync(logs, { recursive: true });
  const report = join(profile.dir, `${phase.slug}-report.txt`);
  const serverLog = join(logs, 'code-server.log');
  writeFileSync(serverLog, '');
  const server = await startCodeServer({
    profile,
    workspace: phase.workspace,
    log: serverLog,
    env: {
      NN_INTEGRATION_REPORT: report,
      NN_INTEGRATION_COLOR: process.stdout.isTTY ? '1' : '0',
      ...(phase.files ? { NN_INTEGRATION_FILES: phase.files } : {}),
      ...(options.grep ? { NN_INTEGRATION_GREP: options.grep } : {}),
    },
  });
  say(`${phase.name}: code-server ${server.url} is healthy (${elapsed()})`);

  const consoleLog: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  let exitCode = 1;
  try {
    const page = await context.newPage();
    page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLog.push(`[pageerror] ${error.message}`));
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });

    const authority = await remoteAuthority(server, phase.workspace);
    const remote = (path: string): string => `vscode-remote://${authority}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(devExtension)],
      ['extensionTestsPath', remote(TESTS_ENTRY)],
    ]);
    await page.goto(server.folderUrl(phase.workspace, `&payload=${encodeURIComponent(payload)}`));

    // Stream the report while the extension host runs the suites.
    let printed = 0;
    const pump = (): void => {
      if (!existsSync(report)) return;
      const text = readFileSync(report, 'utf8');
      if (text.length > printed) process.stdout.write(text.slice(printed));
      printed = text.length;
    };
    const ticker = setInterval(pump, 200);
    const timeoutMs = Number(options.timeout);
    const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const outcome = await Promise.race([exited, timedOut]);
    clearInterval(ticker);
    pump();
    say(`${phase.name}: finished (${elapsed()})`);

    if (outcome === 'timeout') say(`${phase.name}: no result after ${timeoutMs / 1000} s: the suites hung or the extension host never started`);
    else exitCode = outcome;
    const summaryFile = `${report}.json`;
    if (existsSync(summaryFile)) {
      const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
      say(`${phase.name}: ${summary.passes} passing, ${summary.failures} failing, ${summary.pending} pending in the extension host (${summary.durationMs} ms)`);
      if (summary.failures > 0 || summary.passes === 0) exitCode = exitCode || 1;
    } else {
      say(`${phase.name}: the runner in the extension host wrote no summary: it never ran (see the logs)`);
      exitCode = exitCode || 1;
    }
    if (exitCode !== 0) await page.screenshot({ path: join(logs, 'failure.png') }).catch(() => undefined);
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
    say(`${phase.name}: code-server stopped (${elapsed()})`);
    writeFileSync(join(logs, 'browser-console.log'), consoleLog.join('\n'));
    if (existsSync(report)) cpSync(report, join(logs, 'mocha-report.txt'));
    // The extension host's own log says why an extension failed to activate or a suite failed to load.
    const vscodeLogs = join(profile.userDataDir, 'logs');
    if (exitCode !== 0 && existsSync(vscodeLogs)) cpSync(vscodeLogs, join(logs, 'vscode-logs'), { recursive: true });
  }
  return exitCode;
}

async function main(): Promise<number> {
  ensureCodeServer();
  const suites = await buildIntegrationTests();
  say(`bundled the runner and ${suites.length} suite file(s) into out/integration (${elapsed()})`);

  const profile = createProfile();
  const devExtension = join(profile.dir, 'test-host-extension');
  writeEmptyExtension(devExtension);
  installVsix(profile, options.vsix);
  say(`installed ${options.vsix.replace(`${ROOT}/`, '')} into a fresh profile (${elapsed()})`);

  const phases: Phase[] = [
    { name: 'cold start', slug: 'cold-start', workspace: prepareWorkspace(join(profile.dir, 'empty-workspace'), { examples: false, fixtures: false }), files: 'activation.test.js' },
    { name: 'suites', slug: 'suites', workspace: prepareWorkspace(join(profile.dir, 'workspace'), { examples: options.examples }) },
  ];
  const browser = await launchChromium();
  const failed: string[] = [];
  try {
    for (const phase of phases) {
      if ((await runPhase(phase, profile, devExtension, browser)) !== 0) failed.push(phase.name);
    }
  } finally {
    await browser.close().catch(() => undefined);
    if (options.keep) say(`kept the profile in ${profile.dir}`);
    else profile.dispose();
  }
  if (failed.length > 0) say(`logs and screenshots are in ${results.replace(`${ROOT}/`, '')}/`);
  say(`${failed.length === 0 ? 'passed' : `FAILED (${failed.join(', ')})`} in ${elapsed()}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`integration: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
