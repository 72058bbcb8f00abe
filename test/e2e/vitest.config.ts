// The end-to-end layer: one code-server and one Chromium shared by the tests of a file, so files
// run one at a time and every wait is on state, bounded by these generous limits.
import { defineConfig } from 'vitest/config';
import { viteWasmPlugin } from '../../scripts/wasm.mjs';

export default defineConfig({
  // panel.e2e's workload builds the engine, whose WebAssembly kernels come from a virtual module.
  plugins: [viteWasmPlugin()],
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    reporters: ['verbose'],
  },
});
