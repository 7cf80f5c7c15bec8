// Hugo (Debian's `hugo` package) builds test/sites/hugo from fresh `--site hugo` articles.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE_NAMES } from '../../src/plan/styles.js';
import { idPath } from '../../src/output/sites.js';
import { generateCase, listCases } from '../helpers.js';
import { crossProblems, pageProblems, prepareSite, runTool, visibleText, writeCrossArticles, type CrossArticle, type PreparedSite } from './harness.js';

// Fixture windows are fixed dates; --buildFuture keeps the test independent of the machine's clock.
const HUGO = ['--buildFuture', '--cleanDestinationDir'];

describe('Hugo', () => {
  let s: PreparedSite;
  let cross: CrossArticle[];
  let expiring: { title: string; expiry: number };
  beforeAll(async () => {
    s = await prepareSite('hugo', 'content/posts');
    cross = writeCrossArticles(s, 'hugo', 'content/cross');
    // --expire-after 1 on the first golden fixture, published, in a section of its own.
    // Its own base URL puts its `url` in that section, clear of the same article in posts/.
    const a = generateCase(listCases('golden')[0]!, undefined, { site: 'hugo', draft: false, expiryDays: 1, baseUrl: 'https://example.org/expiring' });
    mkdirSync(join(s.root, 'content', 'expiring'), { recursive: true });
    writeFileSync(join(s.root, 'content', 'expiring', `${a.basename}.md`), a.files.md);
    expiring = { title: a.title, expiry: Date.parse(/^expiryDate: (\S+)$/m.exec(a.files.md)![1]!) };
  });
  afterAll(() => s?.cleanup());

  it('production build: a page per published article with its title and figures, drafts left out', async () => {
    await runTool('hugo', [...HUGO, '--destination', s.outProd], { cwd: s.root });
    expect(pageProblems(s.outProd, s.articles, false)).toEqual([]);
  });

  it('each published article is also reachable at its id alias (front matter `aliases`)', () => {
    for (const a of s.articles.filter((x) => !x.draft)) {
      const alias = join(s.outProd, idPath(a.snapshotId), 'index.html');
      expect(existsSync(alias), alias).toBe(true);
      expect(readFileSync(alias, 'utf8')).toContain(`/posts/${a.basename}/`);
    }
  });

  it('articles made for the other generators (and the base set) build in Hugo too', () => {
    expect(cross.map((c) => c.profile)).toEqual(['base', 'eleventy', 'astro', 'jekyll']);
    expect(crossProblems(s.outProd, 'cross', cross)).toEqual([]);
  });

  it('an article past its expiryDate (--expire-after) is left out, and kept with hugo --buildExpired', async () => {
    // The article's own page: an HTML file below the section's folder (not the section list) under its title.
    const listed = (out: string): boolean => {
      const dir = join(out, 'expiring');
      if (!existsSync(dir)) return false;
      return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.html') && f !== 'index.html')
        .some((f) => visibleText(readFileSync(join(dir, f), 'utf8')).startsWith(expiring.title));
    };
    // Hugo compares with its own clock: on any machine whose clock is past the expiry (a day after a 2026 window), it is gone.
    expect(listed(s.outProd)).toBe(Date.now() < expiring.expiry);
    const out = `${s.outProd}-expired`;
    await runTool('hugo', [...HUGO, '--buildExpired', '--destination', out], { cwd: s.root });
    expect(listed(out)).toBe(true);
  });

  it('draft build (hugo --buildDrafts) includes the drafts', async () => {
    await runTool('hugo', [...HUGO, '--buildDrafts', '--destination', s.outDrafts], { cwd: s.root });
    expect(pageProblems(s.outDrafts, s.articles, true)).toEqual([]);
  });
});

// Every fixture in every style, not only each fixture's own: a build per style, all published.
describe.each(STYLE_NAMES)('Hugo, every fixture in the %s style', (style) => {
  let t: PreparedSite;
  beforeAll(async () => {
    t = await prepareSite('hugo', 'content/posts', style);
  });
  afterAll(() => t?.cleanup());

  it('builds a page per article with its title and every figure of its body', async () => {
    await runTool('hugo', [...HUGO, '--destination', t.outProd], { cwd: t.root });
    expect(pageProblems(t.outProd, t.articles, false)).toEqual([]);
  });
});
