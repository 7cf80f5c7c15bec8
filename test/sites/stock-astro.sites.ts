// A stock Astro 5 project (written by hand as `npm create astro` would, see stock-astro/README.txt: the default
// config, the glob loader without generateId) builds `--site astro` articles at <base>/<date>-<slug>/.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { bin, runTool } from './harness.js';
import { feedUrls, fileOf, pagesWithAnchorLinks, prepareStock, stockProblems, type StockSite } from './stock.js';

// The blog template's route: src/pages/blog/[...slug].astro, one page per entry id.
const BASE = 'https://example.org/blog';
const ENV = { ASTRO_TELEMETRY_DISABLED: '1' };

describe('stock Astro project', () => {
  let s: StockSite;
  let out: string;
  let log: string;
  beforeAll(async () => {
    s = prepareStock('astro', 'src/content/blog', BASE);
    // Only the astro package is linked: the project's own node_modules/.astro (the content store) stays in the temp copy.
    mkdirSync(join(s.root, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules', 'astro'), join(s.root, 'node_modules', 'astro'), 'dir');
    out = s.out('dist');
    log = await runTool(bin('astro'), ['build', '--root', s.root, '--outDir', out], { cwd: s.root, env: ENV });
  });
  afterAll(() => s?.cleanup());

  it('the glob loader keeps every article: no "Duplicate id" where two days share a slug', () => {
    expect(log).not.toMatch(/duplicate id/i);
  });

  it('puts each published article at its canonical URL (and JSON-LD url), drafts left out, none lost or doubled', () => {
    expect(stockProblems(out, s)).toEqual([]);
    expect(pagesWithAnchorLinks(out)).toBeGreaterThan(0);
  });

  // KNOWN GAP, kept visible: the feed builds each link from the front matter as
  // `<date>-<slug>`, and under --site astro the slug is already `<date>-<slug>`
  // (the glob loader's id), so the date is doubled. The fix belongs in
  // src/feed/build.ts (articlePath: no second date when the slug starts with it);
  // this turns red when that lands, to be flipped to `it`.
  it("liqnews feed's links name built pages", async () => {
    const feed = await feedUrls(s, 'src/content/blog');
    expect(feed.sort()).toEqual(s.articles.filter((a) => !a.draft).map((a) => a.canonical).sort());
    for (const url of feed) expect(existsSync(fileOf(out, BASE, url)!), url).toBe(true);
  });
});
