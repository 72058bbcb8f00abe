// Runs the same integration suites under @vscode/test-electron, in a desktop VS Code, with the
// repository itself as the extension under development (built first with `node esbuild.mjs`).
// Desktop VS Code cannot be downloaded on machines without internet access (this project's CI
// among them): give a local one with VSCODE_EXECUTABLE_PATH, or use the code-server runner.
//
// Usage: [VSCODE_EXECUTABLE_PATH=/path/to/code] node scripts/run-ts.mjs test/integration/runner/electron.ts
//        [--grep pattern] [--skip-build]
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../../../scripts/lib/paths';
import { buildIntegrationTests, TESTS_ENTRY } from './build';
import { prepareWorkspace } from './workspace';

const { values: options } = parseArgs({ options: { grep: { type: 'string' }, 'skip-build': { type: 'boolean', default: false } } });
// The oldest VS Code the extension supports (engines.vscode), the same one code-server embeds.
const VSCODE_VERSION = '1.100.3';

async function main(): Promise<number> {
  if (!options['skip-build']) {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return 1;
  }
  await buildIntegrationTests();

  const scratch = mkdtempSync(join(tmpdir(), 'nnp-electron-'));
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  try {
    return await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: VSCODE_VERSION }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: options.grep ? { NN_INTEGRATION_GREP: options.grep } : {},
      launchArgs: [
        prepareWorkspace(join(scratch, 'workspace')),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--user-data-dir', join(scratch, 'user-data'),
        '--extensions-dir', join(scratch, 'extensions'),
      ],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!executable && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download/i.test(message)) {
      console.error(
        `test:electron: could not download desktop VS Code ${VSCODE_VERSION} (${message.split('\n')[0]}).\n` +
          '  This machine cannot reach the VS Code download service. Either point VSCODE_EXECUTABLE_PATH at a\n' +
          '  local desktop VS Code (>= 1.100; on Linux it needs a display, e.g. xvfb-run) and rerun, or run the\n' +
          '  same suites inside code-server with `npm run test:integration`.',
      );
    } else {
      console.error(`test:electron: ${message}`);
    }
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
