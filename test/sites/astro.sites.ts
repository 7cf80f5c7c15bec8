// Astro 5 (from npm) builds test/sites/astro, a content collection with a zod schema, from fresh `--site astro` articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, linkNodeModules, pageProblems, prepareSite, runTool, type PreparedSite } from './harness.js';

// No telemetry, no network: the build reads only the site and node_modules.
const ENV = { ASTRO_TELEMETRY_DISABLED: '1' };

describe('Astro', () => {
  let s: PreparedSite;
  beforeAll(async () => {
    s = await prepareSite('astro', 'src/content/posts');
    linkNodeModules(s.root);
  });
  afterAll(() => s?.cleanup());

  it('production build: every article passes the schema; a page per published one with its title and figures, drafts left out', async () => {
    await runTool(bin('astro'), ['build', '--root', s.root, '--outDir', s.outProd], { cwd: s.root, env: ENV });
    expect(pageProblems(s.outProd, s.articles, false)).toEqual([]);
  });

  it('draft build (BUILD_DRAFTS=1) includes the drafts', async () => {
    await runTool(bin('astro'), ['build', '--root', s.root, '--outDir', s.outDrafts], { cwd: s.root, env: { ...ENV, BUILD_DRAFTS: '1' } });
    expect(pageProblems(s.outDrafts, s.articles, true)).toEqual([]);
  });
});
