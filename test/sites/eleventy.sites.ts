// Eleventy 3.1.7 (from npm) builds test/sites/eleventy from fresh `--site eleventy` articles.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE_NAMES } from '../../src/plan/styles.js';
import { EDITOR_NOTE, addEditorNote, bin, crossProblems, pageFile, pageProblems, prepareSite, runTool, visibleText, writeCrossArticles, type CrossArticle, type PreparedSite } from './harness.js';

describe('Eleventy', () => {
  let s: PreparedSite;
  let cross: CrossArticle[];
  let edited: string;
  beforeAll(async () => {
    s = await prepareSite('eleventy', 'articles');
    // Jekyll's literal permalink is honoured by Eleventy too, and would clash with its own copy of the article.
    cross = writeCrossArticles(s, 'eleventy', 'cross', ['jekyll']);
    edited = addEditorNote(s, 'articles');
  });
  afterAll(() => s?.cleanup());

  it('production build: a page per published article at its permalink, with its title and figures, drafts left out', async () => {
    await runTool(bin('eleventy'), [`--output=${s.outProd}`], { cwd: s.root });
    expect(pageProblems(s.outProd, s.articles, false)).toEqual([]);
  });

  it('template syntax an editor adds stays text (templateEngineOverride: "md")', () => {
    const page = s.articles.find((a) => a.basename === edited)!;
    expect(visibleText(readFileSync(pageFile(s.outProd, page), 'utf8'))).toContain(EDITOR_NOTE);
  });

  it('articles made for the other generators (and the base set) build in Eleventy too', () => {
    expect(cross.map((c) => c.profile)).toEqual(['base', 'hugo', 'astro']);
    expect(crossProblems(s.outProd, 'cross', cross)).toEqual([]);
  });

  it('draft build (BUILD_DRAFTS=1) includes the drafts', async () => {
    await runTool(bin('eleventy'), [`--output=${s.outDrafts}`], { cwd: s.root, env: { BUILD_DRAFTS: '1' } });
    expect(pageProblems(s.outDrafts, s.articles, true)).toEqual([]);
  });
});

// Every fixture in every style, not only each fixture's own: a build per style, all published.
describe.each(STYLE_NAMES)('Eleventy, every fixture in the %s style', (style) => {
  let t: PreparedSite;
  beforeAll(async () => {
    t = await prepareSite('eleventy', 'articles', style);
  });
  afterAll(() => t?.cleanup());

  it('builds a page per article with its title and every figure of its body', async () => {
    await runTool(bin('eleventy'), [`--output=${t.outProd}`], { cwd: t.root });
    expect(pageProblems(t.outProd, t.articles, false)).toEqual([]);
  });
});
