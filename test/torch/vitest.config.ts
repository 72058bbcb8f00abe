import { defineConfig } from 'vitest/config';
import { viteWasmPlugin } from '../../scripts/wasm.mjs';

// The torch layer: exported scripts and the gradient oracle against real PyTorch (one Python process).
export default defineConfig({
  // The engine's WebAssembly kernels are embedded through a virtual module, as in the unit layer.
  plugins: [viteWasmPlugin()],
  test: {
    include: ['test/torch/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
