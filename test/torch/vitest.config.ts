import { defineConfig } from 'vitest/config';

// The torch layer: exported scripts and the gradient oracle against real PyTorch (one Python process).
export default defineConfig({
  test: {
    include: ['test/torch/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
