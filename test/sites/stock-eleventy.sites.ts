// A stock Eleventy 3.1.7 project (no config file, no layout, no data files) builds `--site eleventy` articles at <base>/<date>-<slug>/, drafts left out.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, runTool } from './harness.js';
import { deadAnchors, feedUrls, fileOf, pagesWithAnchorLinks, prepareStock, stockProblems, type StockSite } from './stock.js';

// Articles at the site root: the permalink is the base URL's path, whatever folder the files sit in.
const BASE = 'https://example.org';

describe('stock Eleventy project', () => {
  let s: StockSite;
  let out: string;
  beforeAll(async () => {
    s = prepareStock('eleventy', 'posts', BASE);
    out = s.out('_site');
    await runTool(bin('eleventy'), [`--output=${out}`], { cwd: s.root });
  });
  afterAll(() => s?.cleanup());

  it('puts each published article at its canonical URL (and JSON-LD url), drafts left out, none lost or doubled', () => {
    expect(stockProblems(out, s)).toEqual([]);
  });

  it("the tldr table of contents links to headings that carry its ids (markdown-it makes none)", () => {
    expect(pagesWithAnchorLinks(out)).toBeGreaterThan(0);
    for (const a of s.articles.filter((x) => !x.draft)) {
      const html = readFileSync(fileOf(out, BASE, a.canonical)!, 'utf8');
      expect(deadAnchors(html), a.case).toEqual([]);
      // The anchor sits inside the heading, not shown as text.
      expect(html, a.case).not.toContain('&lt;a id=');
    }
  });

  it("liqnews feed's links name built pages", async () => {
    const feed = await feedUrls(s, 'posts');
    expect(feed.sort()).toEqual(s.articles.filter((a) => !a.draft).map((a) => a.canonical).sort());
    for (const url of feed) expect(existsSync(fileOf(out, BASE, url)!), url).toBe(true);
  });
});
