import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Dates in the text are UTC unless a test asks otherwise.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
