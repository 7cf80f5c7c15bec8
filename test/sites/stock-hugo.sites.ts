// A stock Hugo site (`hugo new site`, Debian's hugo; only a minimal layout, since a new site has no theme) builds `--site hugo` articles at <base>/<date>-<slug>/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from './harness.js';
import { feedUrls, fileOf, pagesWithAnchorLinks, prepareStock, stockProblems, type StockSite } from './stock.js';

// The stock config's baseURL, with the section the articles go in. --buildFuture: fixture windows are fixed dates, the test must not depend on the clock.
const BASE = 'http://example.org/posts';

describe('stock Hugo site', () => {
  let s: StockSite;
  let out: string;
  beforeAll(async () => {
    s = prepareStock('hugo', 'content/posts', BASE);
    out = s.out('public');
    await runTool('hugo', ['--buildFuture', '--destination', out], { cwd: s.root });
  });
  afterAll(() => s?.cleanup());

  it('puts each published article at its canonical URL (and JSON-LD url), drafts left out, none lost or doubled', () => {
    expect(stockProblems(out, s)).toEqual([]);
    expect(pagesWithAnchorLinks(out)).toBeGreaterThan(0);
  });

  it("Hugo's own permalink for each page (the layout's canonical link) is the article's canonical URL", () => {
    for (const a of s.articles.filter((x) => !x.draft)) {
      const html = readFileSync(fileOf(out, BASE, a.canonical)!, 'utf8');
      expect(/<link rel="canonical" href="([^"]+)">/.exec(html)?.[1], a.case).toBe(a.canonical);
    }
  });

  it("the links of Hugo's built-in RSS feed and of liqnews feed all name built pages", async () => {
    const rss = readFileSync(join(out, 'posts', 'index.xml'), 'utf8');
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    const published = s.articles.filter((a) => !a.draft).map((a) => a.canonical).sort();
    expect(links.sort()).toEqual(published);
    const feed = await feedUrls(s, 'content/posts');
    expect(feed.sort()).toEqual(published);
    for (const url of feed) expect(existsSync(fileOf(out, BASE, url)!), url).toBe(true);
  });
});
