// Compiles the WebAssembly kernels (src/engine/wasm/kernels.wat) with wabt and hands them to the
// bundlers as a module whose default export is the binary in base64: the worker, the CLI, the
// tests and a browser Web Worker then all load it from their own bundle, without file access.
// The import `virtual:nn-kernels-wasm` resolves here (esbuild.mjs, bench/build.mjs, vitest).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

export const WASM_MODULE_ID = 'virtual:nn-kernels-wasm';
export const WAT_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'engine', 'wasm', 'kernels.wat');

/** The compiled binary of kernels.wat (SIMD enabled). */
export async function compileKernels() {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('kernels.wat', readFileSync(WAT_PATH, 'utf8'), { simd: true });
  try {
    parsed.validate();
    return Buffer.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

async function moduleSource() {
  return `export default ${JSON.stringify((await compileKernels()).toString('base64'))};\n`;
}

/** @type {import('esbuild').Plugin} */
export const esbuildWasmPlugin = {
  name: 'nn-kernels-wasm',
  setup(build) {
    build.onResolve({ filter: /^virtual:nn-kernels-wasm$/ }, () => ({ path: WASM_MODULE_ID, namespace: 'nn-wasm' }));
    build.onLoad({ filter: /.*/, namespace: 'nn-wasm' }, async () => ({ contents: await moduleSource(), loader: 'js', watchFiles: [WAT_PATH] }));
  },
};

/** The same for vite (vitest). */
export function viteWasmPlugin() {
  const resolved = '\0' + WASM_MODULE_ID;
  return {
    name: 'nn-kernels-wasm',
    resolveId(id) {
      return id === WASM_MODULE_ID ? resolved : null;
    },
    async load(id) {
      return id === resolved ? moduleSource() : null;
    },
  };
}
