import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Dates in the text are UTC unless a test asks otherwise.
    // No default history store: tests that use one name it with --history (a shared store in the temp folder would couple them).
    env: { TZ: 'UTC', LIQNEWS_HISTORY: 'off' },
    testTimeout: 20_000,
  },
});
