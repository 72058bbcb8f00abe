// Builds the bundles: the extension host's (node: a small entry and the wiring it loads), the
// training worker (node), the webview (browser), the headless CLI (node), and for VS Code for the
// web the extension (package.json `browser`) and its training worker, both for the browser. `--production`
// minifies and leaves source maps out; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { esbuildWasmPlugin } from './scripts/wasm.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=<dir>` writes the bundles there instead of dist/ (the bundle-size test builds into a
// temporary folder, so it never rewrites the working tree's dist/).
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length);

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  target: 'es2022',
  // The WebAssembly kernels, compiled from src/engine/wasm/kernels.wat into every bundle.
  plugins: [esbuildWasmPlugin],
};

// jsonc-parser's `main` is a UMD build whose internal requires esbuild cannot follow (the bundle
// then fails at run time with "Cannot find module './impl/format'"): prefer ES modules.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

// As `node`, for a browser: jsonc-parser's ES modules, and nothing of Node's.
const browser = { ...common, platform: 'browser', mainFields: ['browser', 'module', 'main'] };

// The extension host loads dist/extension.js on activation and dist/wiring.js just after it (see
// src/extension.ts): the entry's import of the wiring stays a run-time `require` of the sibling
// file (a plain require, not Node's import(), so VS Code's `vscode` module interception applies).
/** @type {import('esbuild').Plugin} */
const wiringLoadedAtRunTime = {
  name: 'wiring-loaded-at-run-time',
  setup(build) {
    build.onResolve({ filter: /^\.\/wiring$/ }, () => ({ path: './wiring.js', external: true }));
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [esbuildWasmPlugin, wiringLoadedAtRunTime], supported: { 'dynamic-import': false } },
  { ...node, entryPoints: ['src/wiring.ts'], outfile: 'dist/wiring.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/worker/worker.ts'], outfile: 'dist/worker.js' },
  // The bias-variance runs, one thread per core (src/editor/experiment-pool.ts).
  { ...node, entryPoints: ['src/worker/experiment-worker.ts'], outfile: 'dist/experiment-worker.js' },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // VS Code for the web: a small entry and the wiring it fetches after activation (the web worker
  // host loads no sibling files itself: src/web/extension.ts), and the training worker as a classic
  // script (the host starts it from a Blob, whose bootstrap importScripts it). No Node modules may
  // reach any of them: test/unit/packaging/browser-bundle.test.ts checks.
  { ...browser, format: 'cjs', entryPoints: ['src/web/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  { ...browser, format: 'cjs', entryPoints: ['src/web/wiring.ts'], outfile: 'dist/web/wiring.js', external: ['vscode'] },
  { ...browser, format: 'iife', entryPoints: ['src/worker/worker-web-main.ts'], outfile: 'dist/worker-web.js' },
  // In a folder of its own: the panel's webview may load files from there and from media/ only.
  { ...common, platform: 'browser', format: 'iife', entryPoints: ['webview/main.ts'], outfile: 'dist/webview/webview.js' },
];

// The benchmark is a developer tool, never packaged; its peers (tfjs, brain.js) stay external.
if (!production && existsSync('bench/main.ts')) {
  builds.push({
    ...node,
    entryPoints: ['bench/main.ts'],
    outfile: 'dist/bench.js',
    packages: 'external',
  });
}

if (outdir) for (const options of builds) options.outfile = options.outfile.replace(/^dist\//, `${outdir}/`);

// A package must hold only what this build wrote: no map, benchmark or bundle left from a dev build.
if (production && !outdir) rmSync('dist', { recursive: true, force: true });

// The panel's icons: the codicon font and its stylesheet, beside the webview's bundle (the only
// dist/ folder the panel may load from; CSP font-src and style-src are the webview's own origin).
function copyCodicons() {
  mkdirSync('dist/webview/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/codicons/${file}`);
}

if (watch) {
  copyCodicons();
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  copyCodicons();
}
