/**
 * `liqnews feed <dir>`: RSS 2.0, Atom 1.0 and JSON Feed 1.1 over the articles
 * `render` wrote into a folder. Its options are parsed here (args.ts hands
 * over); the feed stack is loaded only when the command runs.
 */
import { join } from 'node:path';
import { LiqnewsError } from '../errors.js';
import type { FeedArticle } from '../feed/article.js';
import { Reporter, plural, type CommandIO } from './report.js';
import { shownName } from '../util/terminal.js';

export const FEED_OPTIONS = {
  '--site-url': { value: true, commands: ['feed'] },
  '--title': { value: true, commands: ['feed'] },
  '--limit': { value: true, commands: ['feed'] },
  '--drafts': { value: false, commands: ['feed'] },
} as const;
// --force is shared with render and ingest (args.ts): it replaces a feed file that was edited or is not ours.

export const FEED_VALUE_NAMES: Record<string, string> = { '--site-url': 'URL', '--title': 'TEXT', '--limit': 'N' };

export interface FeedRunOptions {
  /** The folder of rendered articles. */
  dir: string;
  /** Where the three feed files go; default: `dir`. */
  out: string;
  /** http(s), no trailing slash. */
  siteUrl: string;
  title: string | null;
  limit: number | null;
  drafts: boolean;
  /** Replace a feed file that was edited by hand or that another tool wrote. */
  force: boolean;
  quiet: boolean;
  debug: boolean;
}

/** The options, or a usage message. */
export function feedOptions(inputs: readonly string[], text: (name: string) => string | undefined, flag: (name: string) => boolean): FeedRunOptions | string {
  if (inputs.length !== 1) return `feed reads one folder of rendered articles, got ${inputs.length === 0 ? 'none' : inputs.length} (liqnews feed <dir> --site-url URL)`;
  const dir = inputs[0]!;
  if (dir === '-') return 'feed reads a folder, not standard input';
  const site = text('--site-url');
  if (site === undefined) return 'feed needs --site-url URL: the address the articles are published under (each article is <URL>/<date>-<slug>/), e.g. --site-url https://example.com/news';
  const siteUrl = checkSiteUrl(site, '--site-url');
  if ('problem' in siteUrl) return siteUrl.problem;
  const limitText = text('--limit');
  const limit = limitText === undefined ? null : Number(limitText);
  if (limit !== null && (!/^\d+$/.test(limitText ?? '') || limit < 1 || limit > 100_000)) return `--limit takes a whole number from 1, got "${limitText}"`;
  const title = text('--title')?.replace(/\s+/g, ' ').trim() ?? null;
  if (title === '') return '--title needs some text';
  return { dir, out: text('--out') ?? dir, siteUrl: siteUrl.url, title, limit, drafts: flag('--drafts'), force: flag('--force'), quiet: flag('--quiet'), debug: flag('--debug') };
}

/** The URL without a trailing slash, or what is wrong with it (`option` names it in the message). */
export function checkSiteUrl(value: string, option: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `${option} "${value}" is not an absolute URL; give one such as https://example.com/news` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `${option} must be an http or https address, got "${value}"` };
  if (url.search || url.hash || url.username || url.password) {
    return { problem: `${option} "${value}" must be a plain address without a query, fragment or user name` };
  }
  return { url: url.href.replace(/\/+$/, '') };
}

/** 0: feeds written · 1: some article could not be read, none to publish, or a feed file was kept. */
export async function runFeed(o: FeedRunOptions, io: CommandIO): Promise<number> {
  const { readArticleFolder, selectForFeed, buildFeeds, articlePath, FEED_FILES } = await import('../feed/index.js');
  const { writeFeedFile } = await import('../feed/write.js');
  const report = new Reporter(io.stdout, io.stderr, false);
  let folder: ReturnType<typeof readArticleFolder>;
  try {
    folder = readArticleFolder(o.dir);
  } catch (e) {
    report.err(e instanceof LiqnewsError ? e.message : `${o.dir}: ${String(e)}`);
    return 1;
  }
  for (const p of folder.problems) report.err(`${p.file}: ${p.message}; left out of the feed`);
  const selection = selectForFeed(folder.articles, { drafts: o.drafts, ...(o.limit === null ? {} : { limit: o.limit }) });
  const urlOf = (a: FeedArticle): string => `${o.siteUrl}/${articlePath(a)}/`;
  for (const d of selection.duplicates) report.err(`${d.basename}.md: another article already has the URL ${urlOf(d)}; left out of the feed`);

  if (selection.articles.length === 0) {
    const why =
      selection.drafts > 0
        ? `every article is a draft (${plural(selection.drafts, 'draft')} left out); set "draft: false" in an article's front matter to publish it, or pass --drafts`
        : 'no articles (a <date>-<slug>.json sidecar with its .md, as liqnews render writes them)';
    report.err(`${o.dir}: nothing to put in a feed: ${why}`);
    return 1;
  }
  const files = buildFeeds(selection.articles, { siteUrl: o.siteUrl, ...(o.title ? { title: o.title } : {}) });
  let kept = 0;
  for (const name of FEED_FILES) {
    let result: ReturnType<typeof writeFeedFile>;
    try {
      result = writeFeedFile(o.out, name, files[name], o.force);
    } catch (e) {
      report.err(e instanceof Error ? e.message : String(e));
      return 1;
    }
    const shown = shownName(join(o.out, name));
    if (result.status === 'kept') {
      kept += 1;
      report.err(`kept ${shown} (${result.why}; use --force to overwrite)`);
    } else if (!o.quiet) report.out(`${result.status === 'written' ? 'wrote' : 'unchanged'} ${shown}`);
  }
  if (!o.quiet) {
    const left = selection.drafts > 0 && !o.drafts ? `, ${plural(selection.drafts, 'draft')} left out` : '';
    report.out(`feed: ${plural(selection.articles.length, 'article')}, newest ${selection.articles[0]!.published}${left}`);
  }
  return folder.problems.length > 0 || selection.duplicates.length > 0 || kept > 0 ? 1 : 0;
}
