/**
 * The sites group's shared steps: copy an example site to a temp folder, fill
 * it with freshly generated articles for every golden and edge fixture (half
 * published through the library, half drafts through the CLI's --site), build
 * it with the real tool, and read the pages a visitor would get.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main.js';
import { SITES, type SiteName } from '../../src/output/sites.js';
import type { Article, StyleName } from '../../src/index.js';
import { NOW, ROOT, allCases, generateCase, listCases } from '../helpers.js';

export interface SiteArticle {
  /** `golden/000-bulletin-long-flush`. */
  case: string;
  basename: string;
  title: string;
  draft: boolean;
  snapshotId: string;
  /** Every figure (a claim's display) the body states. */
  figures: string[];
}

export interface PreparedSite {
  /** The temp copy of the example site, articles in place. */
  root: string;
  /** Fresh folders for the production and the draft build, outside the site so no build reads another's output. */
  outProd: string;
  outDrafts: string;
  articles: SiteArticle[];
  cleanup(): void;
}

const describeArticle = (id: string, a: Article, draft: boolean): SiteArticle => ({
  case: id,
  basename: a.basename,
  title: a.title,
  draft,
  snapshotId: a.id,
  figures: [...new Set(a.claims.map((c) => c.display).filter((d) => a.body.includes(d)))],
});

/**
 * Copies test/sites/<site> and writes one article per fixture into `postsDir`
 * (relative to the site): even-numbered fixtures published, odd ones drafts.
 * Drafts go through `liqnews render --site` (the CLI always writes drafts),
 * and must be byte-identical to the library's file.
 */
export async function prepareSite(site: SiteName, postsDir: string, style?: StyleName): Promise<PreparedSite> {
  if (style) return prepareStyleSite(site, postsDir, style);
  const base = mkdtempSync(join(tmpdir(), `liqnews-site-${site}-`));
  const root = join(base, 'site');
  cpSync(join(ROOT, 'test', 'sites', site), root, { recursive: true });
  const posts = join(root, postsDir);
  mkdirSync(posts, { recursive: true });
  const articles: SiteArticle[] = [];
  for (const [i, c] of allCases().entries()) {
    const draft = i % 2 === 1;
    const article = generateCase(c, undefined, { site, draft });
    const file = join(posts, `${article.basename}.md`);
    if (draft) await renderWithCli(join(c.dir, 'snapshot.json'), posts, site, c.spec.style ?? 'auto', c.spec.timeZone ?? 'UTC');
    else writeFileSync(file, article.files.md);
    if (readFileSync(file, 'utf8') !== article.files.md) throw new Error(`${c.id}: the CLI's --site ${site} file differs from the library's`);
    const described = describeArticle(c.id, article, draft);
    if (described.figures.length === 0) throw new Error(`${c.id}: no figure of the body found among its claims`);
    articles.push(described);
  }
  if (!articles.some((a) => a.draft) || articles.every((a) => a.draft)) throw new Error('the fixtures must give both drafts and published articles');
  return {
    root,
    outProd: join(base, 'out-prod'),
    outDrafts: join(base, 'out-drafts'),
    articles,
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/**
 * With a style: every golden and edge fixture in that one style, published,
 * through the library (the CLI's files are the same bytes, see above). A build
 * per style, because one fixture in two styles is one page path.
 */
async function prepareStyleSite(site: SiteName, postsDir: string, style: StyleName): Promise<PreparedSite> {
  const base = mkdtempSync(join(tmpdir(), `liqnews-site-${site}-${style}-`));
  const root = join(base, 'site');
  cpSync(join(ROOT, 'test', 'sites', site), root, { recursive: true });
  const posts = join(root, postsDir);
  mkdirSync(posts, { recursive: true });
  const articles = allCases().map((c) => {
    const article = generateCase(c, style, { site, draft: false });
    writeFileSync(join(posts, `${article.basename}.md`), article.files.md);
    return describeArticle(c.id, article, false);
  });
  return { root, outProd: join(base, 'out-prod'), outDrafts: join(base, 'out-drafts'), articles, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

async function renderWithCli(snapshot: string, out: string, site: SiteName, style: string, tz: string): Promise<void> {
  let err = '';
  const sink = { write: (s: string) => void (err += s) };
  const argv = ['render', snapshot, '--site', site, '--format', 'md', '--out', out, '--now', NOW.toISOString(), '--style', style, '--tz', tz, '--quiet'];
  const code = await main({ argv, stdout: sink, stderr: sink, env: { LIQNEWS_HISTORY: process.env['LIQNEWS_HISTORY'] } });
  if (code !== 0) throw new Error(`liqnews ${argv.join(' ')} exited ${code}:\n${err}`);
}

/** Node's modules for a site whose config imports packages (Astro); the copy lives outside the repository. */
export function linkNodeModules(root: string): void {
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
}

/** Were Liquid to run, the first tag would print the site's title and the second would stop the build. */
export const EDITOR_NOTE = 'A note from the desk: {{ site.title }} and {% raw %} stay exactly as typed.';

/**
 * An editor's paragraph with template syntax, added to the first published
 * article: the generator must print it as text (Eleventy's
 * templateEngineOverride, Jekyll's render_with_liquid). Returns its basename.
 */
export function addEditorNote(s: PreparedSite, postsDir: string): string {
  const target = s.articles.find((a) => !a.draft)!;
  const file = join(s.root, postsDir, `${target.basename}.md`);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${EDITOR_NOTE}\n`);
  return target.basename;
}

export interface CrossArticle {
  /** The profile it was generated for: a site name, or `base` for none. */
  profile: string;
  figures: string[];
}

/**
 * The first golden fixture, published, under every other profile (and the
 * base set) in `<crossDir>/<profile>/`: one generator's keys must not break
 * another's build. `skip` names profiles whose keys this generator honours
 * on purpose in a way that clashes with its own copy of the same article.
 */
export function writeCrossArticles(s: PreparedSite, site: SiteName, crossDir: string, skip: SiteName[] = []): CrossArticle[] {
  const [first] = listCases('golden');
  const out: CrossArticle[] = [];
  for (const profile of [null, ...SITES]) {
    if (profile === site || (profile !== null && skip.includes(profile))) continue;
    const a = generateCase(first!, undefined, { site: profile, draft: false });
    const dir = join(s.root, crossDir, profile ?? 'base');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${a.basename}.md`), a.files.md);
    out.push({ profile: profile ?? 'base', figures: describeArticle(first!.id, a, false).figures });
  }
  return out;
}

/** Runs a site generator; its output comes back for the test's message. A missing tool names the package that brings it. */
export function runTool(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: opts.cwd, env: { ...userEnv(), ...opts.env }, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      if (!error) return resolve(`${stdout}${stderr}`);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(new Error(missing ? `${cmd} is not installed (${INSTALL[cmd] ?? 'see docs/TESTING.md'})` : `${cmd} ${args.join(' ')} failed:\n${stdout}\n${stderr}`));
    });
  });
}

/** The environment a person's shell would give the tool: without what the test runner adds (NODE_ENV=test, VITEST…). */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  return env;
}

const INSTALL: Record<string, string> = {
  hugo: 'apt-get install -y hugo',
  jekyll: 'apt-get install -y --no-install-recommends jekyll',
};

export const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…' };

/** Entities decoded, whatever style the generator escapes in (`&#39;`, `&#x27;`, `&rsquo;`). */
export function decode(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return NAMED[e] ?? m;
  });
}

/** What a reader sees: tags dropped, entities decoded, spaces collapsed. */
export const visibleText = (html: string): string =>
  decode(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

const h1Text = (html: string): string | null => {
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return m ? visibleText(m[1]!) : null;
};

/** Where every example site puts an article: `/posts/<date>-<slug>/` (output/sites.ts `sitePath`). */
export const pageFile = (out: string, a: SiteArticle): string => join(out, 'posts', a.basename, 'index.html');

/**
 * What is wrong with a build, as lines (empty when right): each visible
 * article's page exists with its title as the only heading and every figure
 * of its body; a draft has no page in a production build; the home page
 * lists exactly the visible titles.
 */
export function pageProblems(out: string, articles: SiteArticle[], drafts: boolean): string[] {
  const problems: string[] = [];
  const home = existsSync(join(out, 'index.html')) ? visibleText(readFileSync(join(out, 'index.html'), 'utf8')) : null;
  if (home === null) problems.push('no home page (index.html)');
  for (const a of articles) {
    const file = pageFile(out, a);
    const visible = drafts || !a.draft;
    if (!visible) {
      if (existsSync(file)) problems.push(`${a.case}: draft published at ${relative(out, file)}`);
      if (home?.includes(a.title)) problems.push(`${a.case}: draft listed on the home page`);
      continue;
    }
    if (!existsSync(file)) {
      problems.push(`${a.case}: no page at ${relative(out, file)}${a.draft ? ' (draft build)' : ''}`);
      continue;
    }
    const html = readFileSync(file, 'utf8');
    const h1 = h1Text(html);
    if (h1 !== a.title) problems.push(`${a.case}: heading is ${JSON.stringify(h1)}, not the title ${JSON.stringify(a.title)}`);
    const text = visibleText(html);
    for (const f of a.figures) if (!text.includes(f)) problems.push(`${a.case}: figure "${f}" missing from the page`);
    if (home !== null && !home.includes(a.title)) problems.push(`${a.case}: not listed on the home page`);
  }
  return problems;
}

/** The cross-profile articles' pages (found by folder, since each generator names them its own way) with every body figure. */
export function crossProblems(out: string, crossDir: string, cross: CrossArticle[]): string[] {
  const problems: string[] = [];
  for (const c of cross) {
    const dir = join(out, crossDir, c.profile);
    const pages = existsSync(dir) ? htmlFiles(dir) : [];
    if (pages.length !== 1) {
      problems.push(`--site ${c.profile} article: expected one page under ${crossDir}/${c.profile}/, found ${pages.length}`);
      continue;
    }
    const text = visibleText(readFileSync(pages[0]!, 'utf8'));
    for (const f of c.figures) if (!text.includes(f)) problems.push(`--site ${c.profile} article: figure "${f}" missing`);
  }
  return problems;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}
