import { defineConfig } from 'vitest/config';
import { viteWasmPlugin } from './scripts/wasm.mjs';

export default defineConfig({
  plugins: [viteWasmPlugin()],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
