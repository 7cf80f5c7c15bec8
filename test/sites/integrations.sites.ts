// The site entry points (issue 14, item 2) in real builds: `liquidation-news/eleventy` (a plugin)
// and `liquidation-news/astro` (a content loader), each in a minimal site that imports the package
// by name, as a user's site would, from a folder of snapshots (every golden and edge fixture).
// Every published article gets its page at /<date>-<slug>/ with its title and the body's
// figures; the one left a draft gets none; the table of contents' anchors resolve.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type Article } from '../../src/index.js';
import { ROOT, allCases } from '../helpers.js';
import { bin, decode, runTool } from './harness.js';

const NOW = '2026-12-01T00:00:00Z';
const work = mkdtempSync(join(tmpdir(), 'liqnews-integrations-'));
const snapshots = join(work, 'snapshots');
let articles: Article[] = [];
/** The one article left a draft: no page in either build. */
let draft: Article;

/** A node_modules for a site outside the repository: the repository's packages, and this package by name. */
function nodeModules(site: string): void {
  const dir = join(site, 'node_modules');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules', name), join(dir, name));
  symlinkSync(ROOT, join(dir, 'liquidation-news'));
}

beforeAll(() => {
  mkdirSync(snapshots);
  for (const c of allCases()) cpSync(join(c.dir, 'snapshot.json'), join(snapshots, `${c.group}-${c.name}.json`));
  articles = readdirSync(snapshots).sort().map((f) => generate(readFileSync(join(snapshots, f), 'utf8'), { now: new Date(NOW), draft: false }));
  draft = articles[1]!;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a built page must show: its title and every figure its body states; anchors that resolve. */
function pageProblems(out: string, a: Article): string[] {
  const file = join(out, a.basename, 'index.html');
  if (!existsSync(file)) return [`${a.basename}: no page`];
  const html = readFileSync(file, 'utf8');
  const text = decode(html.replace(/<[^>]+>/g, ' '));
  const problems: string[] = [];
  if (!text.includes(a.title)) problems.push(`${a.basename}: title missing`);
  for (const c of a.claims) if (a.body.includes(c.display) && !text.includes(c.display)) problems.push(`${a.basename}: figure ${c.display} missing`);
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/href="#([^"]+)"/g)) if (!ids.has(m[1])) problems.push(`${a.basename}: #${m[1]} leads nowhere`);
  return problems;
}

const publishedIn = (out: string): Article[] => articles.filter((a) => a !== draft && existsSync(join(out, a.basename, 'index.html')));

describe('liquidation-news/eleventy', () => {
  const site = join(work, 'eleventy');
  beforeAll(async () => {
    mkdirSync(join(site, '_includes'), { recursive: true });
    nodeModules(site);
    writeFileSync(join(site, '_includes', 'article.njk'), '<!doctype html><html lang="en"><head><title>{{ title }}</title></head><body><h1>{{ title }}</h1>{{ content | safe }}</body></html>\n');
    writeFileSync(
      join(site, 'eleventy.config.mjs'),
      [
        "import liqnews from 'liquidation-news/eleventy';",
        'export default function (eleventyConfig) {',
        `  eleventyConfig.addPlugin(liqnews, { snapshots: ${JSON.stringify(snapshots)}, layout: 'article.njk', now: new Date(${JSON.stringify(NOW)}),`,
        `    publish: (a) => a.id !== ${JSON.stringify(articles[1]!.id)} });`,
        '}',
        '',
      ].join('\n'),
    );
    await runTool(process.execPath, [join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--config=eleventy.config.mjs', '--output=_site', '--quiet'], { cwd: site });
  }, 240_000);

  it('builds a page per published article at /<date>-<slug>/, with its title, figures and working anchors', () => {
    expect(articles.length).toBeGreaterThan(10);
    expect(articles.filter((a) => a !== draft).flatMap((a) => pageProblems(join(site, '_site'), a))).toEqual([]);
  });

  it('leaves the draft out', () => {
    expect(existsSync(join(site, '_site', draft.basename))).toBe(false);
    expect(publishedIn(join(site, '_site'))).toHaveLength(articles.length - 1);
  });
});

describe('liquidation-news/astro', () => {
  const site = join(work, 'astro');
  beforeAll(async () => {
    mkdirSync(join(site, 'src', 'pages'), { recursive: true });
    nodeModules(site);
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', type: 'module', private: true }));
    writeFileSync(join(site, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
    writeFileSync(
      join(site, 'src', 'content.config.ts'),
      [
        "import { defineCollection } from 'astro:content';",
        "import { liqnewsLoader } from 'liquidation-news/astro';",
        'export const collections = {',
        `  liquidations: defineCollection({ loader: liqnewsLoader({ snapshots: ${JSON.stringify(snapshots)}, now: new Date(${JSON.stringify(NOW)}),`,
        `    publish: (a) => a.id !== ${JSON.stringify(articles[1]!.id)} }) }),`,
        '};',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(site, 'src', 'pages', '[id].astro'),
      [
        '---',
        "import { getCollection, render } from 'astro:content';",
        'export async function getStaticPaths() {',
        "  const all = await getCollection('liquidations');",
        '  return all.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
        '}',
        'const { entry } = Astro.props;',
        'const { Content } = await render(entry);',
        '---',
        '<html lang="en"><head><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>',
        '',
      ].join('\n'),
    );
    const log = await runTool(bin('astro'), ['build', '--root', site, '--outDir', join(site, 'dist')], { cwd: site, env: { ASTRO_TELEMETRY_DISABLED: '1' } });
    expect(log).not.toMatch(/Duplicate id/i);
  }, 240_000);

  it('builds a page per published article at /<date>-<slug>/, with its title, figures and working anchors', () => {
    expect(articles.filter((a) => a !== draft).flatMap((a) => pageProblems(join(site, 'dist'), a))).toEqual([]);
  });

  it('leaves the draft out', () => {
    expect(existsSync(join(site, 'dist', draft.basename))).toBe(false);
    expect(publishedIn(join(site, 'dist'))).toHaveLength(articles.length - 1);
  });
});
