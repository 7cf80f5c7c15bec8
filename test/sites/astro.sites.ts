// Astro 5 (from npm) builds test/sites/astro, a content collection with a zod schema, from fresh `--site astro` articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE_NAMES } from '../../src/plan/styles.js';
import { bin, crossProblems, linkNodeModules, pageProblems, prepareSite, runTool, writeCrossArticles, type CrossArticle, type PreparedSite } from './harness.js';

// No telemetry, no network: the build reads only the site and node_modules.
const ENV = { ASTRO_TELEMETRY_DISABLED: '1' };

describe('Astro', () => {
  let s: PreparedSite;
  let cross: CrossArticle[];
  beforeAll(async () => {
    s = await prepareSite('astro', 'src/content/posts');
    cross = writeCrossArticles(s, 'astro', 'src/content/cross');
    linkNodeModules(s.root);
  });
  afterAll(() => s?.cleanup());

  it('production build: every article passes the schema; a page per published one with its title and figures, drafts left out', async () => {
    await runTool(bin('astro'), ['build', '--root', s.root, '--outDir', s.outProd], { cwd: s.root, env: ENV });
    expect(pageProblems(s.outProd, s.articles, false)).toEqual([]);
  });

  it('articles made for the other generators (and the base set) build in Astro too (their own collection, by `date`)', () => {
    expect(cross.map((c) => c.profile)).toEqual(['base', 'hugo', 'eleventy', 'jekyll']);
    expect(crossProblems(s.outProd, 'cross', cross)).toEqual([]);
  });

  it('draft build (BUILD_DRAFTS=1) includes the drafts', async () => {
    await runTool(bin('astro'), ['build', '--root', s.root, '--outDir', s.outDrafts], { cwd: s.root, env: { ...ENV, BUILD_DRAFTS: '1' } });
    expect(pageProblems(s.outDrafts, s.articles, true)).toEqual([]);
  });
});

// Every fixture in every style, not only each fixture's own: a build per style, all published.
describe.each(STYLE_NAMES)('Astro, every fixture in the %s style', (style) => {
  let t: PreparedSite;
  beforeAll(async () => {
    t = await prepareSite('astro', 'src/content/posts', style);
    linkNodeModules(t.root);
  });
  afterAll(() => t?.cleanup());

  it('builds a page per article with its title and every figure of its body', async () => {
    await runTool(bin('astro'), ['build', '--root', t.root, '--outDir', t.outProd], { cwd: t.root, env: ENV });
    expect(pageProblems(t.outProd, t.articles, false)).toEqual([]);
  });
});
