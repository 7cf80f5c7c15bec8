/**
 * The stock sites (test/sites/stock-<generator>/): what each generator's own
 * init makes, with no settings added. The articles carry everything the
 * `<base>/<date>-<slug>/` address needs (issue 14, item 1), so these checks
 * read the built pages where the canonical URL, the JSON-LD `url` and the
 * feed's links say they are.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { SiteName } from '../../src/output/sites.js';
import { ROOT, allCases, generateCase } from '../helpers.js';
import { decode, visibleText } from './harness.js';

export interface StockArticle {
  case: string;
  basename: string;
  slug: string;
  draft: boolean;
  /** Where the rendered HTML's `<link rel="canonical">` points. */
  canonical: string;
  /** The HTML's JSON-LD `url`. */
  jsonLdUrl: unknown;
  figures: string[];
}

export interface StockSite {
  site: SiteName;
  root: string;
  base: string;
  articles: StockArticle[];
  /** A fresh output folder outside the site. */
  out(name: string): string;
  cleanup(): void;
}

/**
 * Copies test/sites/stock-<site> and writes one article per golden and edge
 * fixture into `postsDir`, rendered with `--base-url baseUrl`: odd-numbered
 * ones drafts, as in the example sites' tests.
 */
export function prepareStock(site: SiteName, postsDir: string, baseUrl: string): StockSite {
  const tmp = mkdtempSync(join(tmpdir(), `liqnews-stock-${site}-`));
  const root = join(tmp, 'site');
  cpSync(join(ROOT, 'test', 'sites', `stock-${site}`), root, { recursive: true });
  mkdirSync(join(root, postsDir), { recursive: true });
  const articles = allCases().map((c, i): StockArticle => {
    const draft = i % 2 === 1;
    const a = generateCase(c, undefined, { site, draft, baseUrl });
    writeFileSync(join(root, postsDir, `${a.basename}.md`), a.files.md);
    const html = a.files.html;
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    return {
      case: c.id,
      basename: a.basename,
      slug: a.slug,
      draft,
      canonical: decode(/<link rel="canonical" href="([^"]+)">/.exec(html)?.[1] ?? ''),
      jsonLdUrl: ld ? (JSON.parse(ld[1]!) as { url?: unknown }).url : undefined,
      figures: [...new Set(a.claims.map((x) => x.display).filter((d) => a.body.includes(d)))],
    };
  });
  // The point of the date in the path: two days whose figures round to one slug.
  const slugs = articles.map((a) => a.slug);
  if (new Set(slugs).size === slugs.length) throw new Error('the fixtures must hold two articles with one slug');
  return { site, root, base: baseUrl, articles, out: (name) => join(tmp, name), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** The built file a URL of the site names (`…/x/` → `<out>/…/x/index.html`), or null when it is on another host. */
export function fileOf(out: string, base: string, url: string): string | null {
  const origin = new URL(base).origin;
  if (!url.startsWith(`${origin}/`)) return null;
  const path = new URL(url).pathname;
  return join(out, path.endsWith('/') ? `${path}index.html` : path);
}

/** Every `index.html` below `out` whose folder is named like an article (`<date>-<slug>`), relative to `out`. */
function articlePages(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)\d{4}-\d{2}-\d{2}-[^/]+\/index\.html$/.test(f))
    .sort();
}

/**
 * What is wrong with a production build, as lines: each published article's
 * page is at `<base path>/<date>-<slug>/index.html`, where its canonical URL
 * and JSON-LD `url` point, with every figure of its body and no in-page link
 * (`href="#…"`, the tldr table of contents) without its target; no draft has
 * a page; no other article page exists (none lost, none doubled).
 */
export function stockProblems(out: string, s: StockSite): string[] {
  const problems: string[] = [];
  const folder = new URL(s.base).pathname.replace(/\/+$/, '');
  const expected: string[] = [];
  for (const a of s.articles) {
    const rel = `${folder}/${a.basename}/index.html`.replace(/^\//, '');
    const file = join(out, rel);
    if (a.canonical !== `${s.base}/${a.basename}/`) problems.push(`${a.case}: canonical URL ${a.canonical}`);
    if (a.jsonLdUrl !== a.canonical) problems.push(`${a.case}: JSON-LD url ${String(a.jsonLdUrl)} is not the canonical URL`);
    if (fileOf(out, s.base, a.canonical) !== file) problems.push(`${a.case}: canonical URL ${a.canonical} does not name ${rel}`);
    if (a.draft) {
      if (existsSync(file)) problems.push(`${a.case}: draft published at ${rel}`);
      continue;
    }
    expected.push(rel);
    if (!existsSync(file)) {
      problems.push(`${a.case}: no page at ${rel}`);
      continue;
    }
    const html = readFileSync(file, 'utf8');
    const text = visibleText(html);
    for (const f of a.figures) if (!text.includes(f)) problems.push(`${a.case}: figure "${f}" missing from ${rel}`);
    problems.push(...deadAnchors(html).map((id) => `${a.case}: link to #${id} has no target in ${rel}`));
  }
  const pages = articlePages(out);
  const extra = pages.filter((p) => !expected.includes(p));
  if (extra.length > 0) problems.push(`pages no published article should have: ${extra.join(', ')}`);
  return problems;
}

/** In-page links (`href="#id"`) whose id no element of the page carries. */
export function deadAnchors(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));
  const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => decode(decodeURIComponent(m[1]!)));
  return [...new Set(links.filter((l) => !ids.has(l)))];
}

/** How many pages of `out` hold an in-page link: the tldr fixtures', so the anchor check is not vacuous. */
export function pagesWithAnchorLinks(out: string): number {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .filter((f) => /href="#/.test(readFileSync(join(out, f), 'utf8'))).length;
}

/**
 * `liqnews feed` over the published articles (Markdown as the site holds it,
 * each with its sidecar) with `--site-url` the base: the JSON Feed's item
 * URLs, which must name built pages.
 */
export async function feedUrls(s: StockSite, postsDir: string): Promise<string[]> {
  const dir = s.out('feed-input');
  mkdirSync(dir, { recursive: true });
  for (const c of allCases()) {
    const a = generateCase(c, undefined, { site: s.site, draft: false, baseUrl: s.base });
    const md = join(s.root, postsDir, `${a.basename}.md`);
    if (!existsSync(md)) continue;
    writeFileSync(join(dir, `${a.basename}.md`), readFileSync(md, 'utf8'));
    writeFileSync(join(dir, `${a.basename}.json`), a.files.json);
  }
  let err = '';
  const sink = { write: (t: string) => void (err += t) };
  const code = await main({ argv: ['feed', dir, '--site-url', s.base, '--quiet'], stdout: sink, stderr: sink, env: {} });
  if (code !== 0) throw new Error(`liqnews feed exited ${code}:\n${err}`);
  const feed = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { items: { url: string }[] };
  return feed.items.map((i) => i.url);
}
