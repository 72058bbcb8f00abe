// The module VS Code loads as `extensionTestsPath` inside its extension host (code-server's or a
// desktop VS Code's): it runs every bundled suite under out/integration/suite/ with mocha's TDD
// interface and settles when they are done; VS Code turns a rejection into a non-zero exit code.
//
// In code-server the extension host's stdout reaches nobody, so when NN_INTEGRATION_REPORT names a
// file the mocha report is appended there (the runner streams it) and a JSON summary is written
// next to it; otherwise (desktop VS Code) it goes to the console as usual.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { log } from './log';

/** Every `*.test.js` under dir, activation first (it must see the extension before anyone wakes it), then by path. */
function suiteFiles(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => join(dir, name));
  const rank = (file: string): string => (relative(dir, file) === 'activation.test.js' ? '0' : `1${relative(dir, file)}`);
  return files.sort((a, b) => rank(a).localeCompare(rank(b)));
}

export async function run(): Promise<void> {
  // Stack traces of failing tests then point into the .ts sources (the bundles carry inline maps).
  process.setSourceMapsEnabled(true);
  const report = process.env.NN_INTEGRATION_REPORT;
  if (report) {
    writeFileSync(report, '');
    Mocha.reporters.Base.consoleLog = log;
  }
  const grep = process.env.NN_INTEGRATION_GREP;
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: process.env.NN_INTEGRATION_COLOR === '1',
    timeout: Number(process.env.NN_INTEGRATION_TIMEOUT_MS ?? 20_000),
    ...(grep ? { grep } : {}),
  });
  const suiteDir = join(__dirname, '..', 'suite');
  // NN_INTEGRATION_FILES: a comma-separated subset (paths under suite/), for the runner's cold-start phase.
  const only = process.env.NN_INTEGRATION_FILES?.split(',').map((f) => f.trim());
  const files = suiteFiles(suiteDir).filter((file) => !only || only.includes(relative(suiteDir, file)));
  if (files.length === 0) throw new Error(`no integration suites (*.test.js) under ${suiteDir}`);
  for (const file of files) mocha.addFile(file);

  const started = Date.now();
  const summary = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  if (report) writeFileSync(`${report}.json`, JSON.stringify({ ...summary, durationMs: Date.now() - started }));
  if (summary.failures > 0) throw new Error(`${summary.failures} integration test(s) failed`);
  if (summary.passes === 0) throw new Error('no integration test ran');
}
