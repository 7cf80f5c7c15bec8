// The slow group: real site builds (Hugo, Eleventy, Astro, Jekyll) over fresh articles. `npm run test:sites`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/sites/**/*.sites.ts'],
    env: { TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1', LIQNEWS_HISTORY: 'off' },
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
