// Jekyll (Debian's `jekyll` package) builds test/sites/jekyll from fresh `--site jekyll` articles.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE_NAMES } from '../../src/plan/styles.js';
import { EDITOR_NOTE, addEditorNote, crossProblems, pageFile, pageProblems, prepareSite, runTool, visibleText, writeCrossArticles, type CrossArticle, type PreparedSite } from './harness.js';

// Fixture windows are fixed dates; --future keeps the test independent of the machine's clock.
const JEKYLL = ['build', '--future', '--quiet'];

describe('Jekyll', () => {
  let s: PreparedSite;
  let cross: CrossArticle[];
  let edited: string;
  beforeAll(async () => {
    s = await prepareSite('jekyll', '_posts');
    // Eleventy's permalink is left out: Jekyll honours it on purpose, and it is this post's own path.
    cross = writeCrossArticles(s, 'jekyll', 'cross', ['eleventy']);
    edited = addEditorNote(s, '_posts');
  });
  afterAll(() => s?.cleanup());

  it('production build: a page per published article with its title and figures, unpublished ones left out', async () => {
    await runTool('jekyll', [...JEKYLL, '--source', s.root, '--destination', s.outProd], { cwd: s.root });
    expect(pageProblems(s.outProd, s.articles, false)).toEqual([]);
  });

  it('Liquid an editor adds stays text (render_with_liquid: false)', () => {
    const page = s.articles.find((a) => a.basename === edited)!;
    expect(visibleText(readFileSync(pageFile(s.outProd, page), 'utf8'))).toContain(EDITOR_NOTE);
  });

  it('articles made for Hugo, Astro and the base set build in Jekyll too', () => {
    expect(cross.map((c) => c.profile)).toEqual(['base', 'hugo', 'astro']);
    expect(crossProblems(s.outProd, 'cross', cross)).toEqual([]);
  });

  it('draft build (jekyll --unpublished) includes the drafts', async () => {
    await runTool('jekyll', [...JEKYLL, '--unpublished', '--source', s.root, '--destination', s.outDrafts], { cwd: s.root });
    expect(pageProblems(s.outDrafts, s.articles, true)).toEqual([]);
  });
});

// Every fixture in every style, not only each fixture's own: a build per style, all published.
describe.each(STYLE_NAMES)('Jekyll, every fixture in the %s style', (style) => {
  let t: PreparedSite;
  beforeAll(async () => {
    t = await prepareSite('jekyll', '_posts', style);
  });
  afterAll(() => t?.cleanup());

  it('builds a page per article with its title and every figure of its body', async () => {
    await runTool('jekyll', [...JEKYLL, '--source', t.root, '--destination', t.outProd], { cwd: t.root });
    expect(pageProblems(t.outProd, t.articles, false)).toEqual([]);
  });
});
