// Runs the integration suites against the INSTALLED VSIX inside code-server's real Node extension
// host. code-server's CLI refuses --extensionTestsPath, but its workbench accepts the same launch
// options in the page's `payload` query parameter: an empty extension as extensionDevelopmentPath
// (so the installed VSIX stays the thing under test) and our bundled runner as extensionTestsPath.
// When the tests end the workbench calls window.codeAutomationExit(code), exposed here by Playwright.
//
// Usage: node scripts/run-ts.mjs test/integration/runner/code-server.ts [--vsix file] [--examples dir]
//        [--grep pattern] [--keep]
// Exit code: the mocha run's (0 all passed); 1 on any failure, with logs in test-results/integration/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../../scripts/lib/chromium';
import { createProfile, ensureCodeServer, installVsix, remoteAuthority, startCodeServer } from '../../../scripts/lib/code-server';
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

function copyIfPresent(from: string, to: string): void {
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}

/** An extension with no code: VS Code needs a development path to run tests, and this one adds nothing. */
function writeEmptyExtension(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'nn-playground-test-host', publisher: 'nn-playground-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } }),
  );
}

async function main(): Promise<number> {
  ensureCodeServer();
  const suites = await buildIntegrationTests();
  say(`bundled the runner and ${suites.length} suite file(s) into out/integration (${elapsed()})`);

  const profile = createProfile();
  const workspace = prepareWorkspace(join(profile.dir, 'workspace'), options.examples);
  const devExtension = join(profile.dir, 'test-host-extension');
  writeEmptyExtension(devExtension);

  installVsix(profile, options.vsix);
  say(`installed ${options.vsix.replace(`${ROOT}/`, '')} into a fresh profile (${elapsed()})`);

  const report = join(profile.dir, 'mocha-report.txt');
  const serverLog = join(results, 'code-server.log');
  writeFileSync(serverLog, '');
  const server = await startCodeServer({
    profile,
    workspace,
    log: serverLog,
    env: {
      NN_INTEGRATION_REPORT: report,
      NN_INTEGRATION_COLOR: process.stdout.isTTY ? '1' : '0',
      ...(options.grep ? { NN_INTEGRATION_GREP: options.grep } : {}),
    },
  });
  say(`code-server ${server.url} is healthy (${elapsed()})`);

  const browser = await launchChromium();
  const consoleLog: string[] = [];
  let exitCode = 1;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLog.push(`[pageerror] ${error.message}`));
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });

    const authority = await remoteAuthority(server, workspace);
    const remote = (path: string): string => `vscode-remote://${authority}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(devExtension)],
      ['extensionTestsPath', remote(TESTS_ENTRY)],
    ]);
    await page.goto(server.folderUrl(workspace, `&payload=${encodeURIComponent(payload)}`));

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

    if (outcome === 'timeout') {
      say(`no result after ${timeoutMs / 1000} s: the suites hung or the extension host never started`);
      exitCode = 1;
    } else {
      exitCode = outcome;
    }
    const summaryFile = `${report}.json`;
    if (existsSync(summaryFile)) {
      const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { passes: number; failures: number; pending: number; durationMs: number };
      say(`${summary.passes} passing, ${summary.failures} failing, ${summary.pending} pending in the extension host (${summary.durationMs} ms)`);
      if (summary.failures > 0 || summary.passes === 0) exitCode = exitCode || 1;
    } else {
      say('the runner in the extension host wrote no summary: it never ran (see the logs below)');
      exitCode = exitCode || 1;
    }
    if (exitCode !== 0) await page.screenshot({ path: join(results, 'failure.png') }).catch(() => undefined);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    writeFileSync(join(results, 'browser-console.log'), consoleLog.join('\n'));
    if (existsSync(report)) cpSync(report, join(results, 'mocha-report.txt'));
    if (exitCode !== 0) {
      // The extension host's own logs say why an extension failed to activate or a suite failed to load.
      copyIfPresent(join(profile.userDataDir, 'logs'), join(results, 'vscode-logs'));
      say(`logs and a screenshot are in ${results.replace(`${ROOT}/`, '')}/`);
    }
    if (options.keep) say(`kept the profile in ${profile.dir}`);
    else profile.dispose();
  }
  say(`${exitCode === 0 ? 'passed' : 'FAILED'} in ${elapsed()}`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`integration: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
