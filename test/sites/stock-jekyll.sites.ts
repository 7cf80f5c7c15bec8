// A stock Jekyll site (`jekyll new --blank`, Debian's jekyll: no timezone, no permalink setting) builds `--site jekyll` articles at <base>/<date>-<slug>/ in any TZ.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from './harness.js';
import { feedUrls, fileOf, pagesWithAnchorLinks, prepareStock, stockProblems, type StockSite } from './stock.js';

// Articles at the site root. --future: fixture windows are fixed dates, the test must not depend on the clock.
const BASE = 'https://example.org';
// A zone behind UTC (where Jekyll's own :day is the day before a 00:00Z window end) and one ahead.
const ZONES = ['America/Los_Angeles', 'Asia/Tokyo'];

describe.each(ZONES)('stock Jekyll site, built with TZ=%s', (tz) => {
  let s: StockSite;
  let out: string;
  beforeAll(async () => {
    s = prepareStock('jekyll', '_posts', BASE);
    out = s.out('_site');
    await runTool('jekyll', ['build', '--future', '--destination', out], { cwd: s.root, env: { TZ: tz } });
  });
  afterAll(() => s?.cleanup());

  it('puts each published article at its canonical URL (and JSON-LD url), on its UTC day; unpublished ones left out, none lost or doubled', () => {
    expect(stockProblems(out, s)).toEqual([]);
    expect(pagesWithAnchorLinks(out)).toBeGreaterThan(0);
  });

  it("liqnews feed's links name built pages", async () => {
    const feed = await feedUrls(s, '_posts');
    expect(feed.sort()).toEqual(s.articles.filter((a) => !a.draft).map((a) => a.canonical).sort());
    for (const url of feed) expect(existsSync(fileOf(out, BASE, url)!), url).toBe(true);
  });
});
