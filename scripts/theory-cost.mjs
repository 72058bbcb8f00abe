// Bundles scripts/theory-cost.ts with the engine's WebAssembly kernels (as bench/build.mjs does for
// the bench) into out/scripts/, then runs it with the same arguments.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildWasmPlugin } from './wasm.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out', 'scripts', 'theory-cost.cjs');
await esbuild.build({ entryPoints: [join(root, 'scripts', 'theory-cost.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning', plugins: [esbuildWasmPlugin] });
process.exitCode = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1;
