// Hugo (Debian's `hugo` package) builds test/sites/hugo from fresh `--site hugo` articles.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idPath } from '../../src/output/sites.js';
import { crossProblems, pageProblems, prepareSite, runTool, writeCrossArticles, type CrossArticle, type PreparedSite } from './harness.js';

// Fixture windows are fixed dates; --buildFuture keeps the test independent of the machine's clock.
const HUGO = ['--buildFuture', '--cleanDestinationDir'];

describe('Hugo', () => {
  let s: PreparedSite;
  let cross: CrossArticle[];
  beforeAll(async () => {
    s = await prepareSite('hugo', 'content/posts');
    cross = writeCrossArticles(s, 'hugo', 'content/cross');
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

  it('draft build (hugo --buildDrafts) includes the drafts', async () => {
    await runTool('hugo', [...HUGO, '--buildDrafts', '--destination', s.outDrafts], { cwd: s.root });
    expect(pageProblems(s.outDrafts, s.articles, true)).toEqual([]);
  });
});
