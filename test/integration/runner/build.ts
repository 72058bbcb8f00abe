// Bundles the integration tests for the extension host: the runner's in-host entry
// (out/integration/runner/index.js) and one CommonJS bundle per suite file
// (test/integration/suite/**/*.test.ts -> out/integration/suite/**/*.test.js).
// `vscode` is provided by the extension host; `mocha` stays external so that the suites and the
// runner share the one instance whose interface (suite, test, ...) is live while a file loads.
import * as esbuild from 'esbuild';
import { esbuildWasmPlugin } from '../../../scripts/wasm.mjs';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/lib/paths';

export const OUT_DIR = join(ROOT, 'out', 'integration');
export const SUITE_DIR = join(ROOT, 'test', 'integration', 'suite');
export const TESTS_ENTRY = join(OUT_DIR, 'runner', 'index.js');

export async function buildIntegrationTests(): Promise<string[]> {
  const suites = readdirSync(SUITE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(SUITE_DIR, name));
  rmSync(OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'integration', 'runner', 'index.ts'), ...suites],
    outbase: join(ROOT, 'test', 'integration'),
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    plugins: [esbuildWasmPlugin],
  });
  return suites;
}
