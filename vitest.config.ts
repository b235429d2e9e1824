import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    // End-to-end tests spawn the real CLI; the cross-check runs whole corpora.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NO_COLOR: '1' },
  },
});
