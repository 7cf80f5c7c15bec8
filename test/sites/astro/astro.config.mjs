// Minimal Astro 5 site for liqnews articles: `liqnews render … --site astro --format md` into src/content/posts/.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.org',
  // Caches stay beside the site instead of in a node_modules other projects share.
  cacheDir: './.astro-cache',
  vite: { cacheDir: './.astro-cache/vite' },
  build: { format: 'directory' },
});
