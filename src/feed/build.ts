/**
 * The three feeds from one list of articles: RSS 2.0 (`feed.xml`), Atom 1.0
 * (`atom.xml`) and JSON Feed 1.1 (`feed.json`). Pure: the same articles and
 * options give the same bytes, and every date comes from the articles — the
 * feed's own date is its newest article's, never the clock.
 *
 * Written by hand rather than with the `feed` package, which emits JSON Feed
 * 1.0, a name in RSS `<author>` (RSS 2.0 wants an email address there) and
 * Atom `<category>` without the required `term`. Here the RSS author is
 * `dc:creator`, which holds a name.
 */
import { LiqnewsError } from '../errors.js';
import type { FeedArticle } from './article.js';
import { element, rfc822, xmlAttr, xmlText } from './xml.js';
import { TEMPLATE_OPENER } from '../render/escape.js';
import { STAMP_PLACEHOLDER, applyStamp } from '../output/stamp.js';

export interface FeedOptions {
  /** The site's address, http(s), without a trailing slash; an article's URL is `<siteUrl>/<date>-<slug>/` (see `articlePath`). */
  siteUrl: string;
  /** Default "Crypto liquidations". */
  title?: string;
  /** Default: a sentence about the feed. */
  description?: string;
  /** Named as the feeds' author; default "liquidation-news", as on the pages. */
  author?: string;
  /** Default "en", as the pages' `<html lang>`. */
  language?: string;
}

export interface SelectOptions {
  /** Keep drafts (default: leave them out, as site builds do). */
  drafts?: boolean;
  /** At most this many, newest first; default all. */
  limit?: number;
}

export interface Selection {
  /** Newest first. */
  articles: FeedArticle[];
  /** Drafts left out. */
  drafts: number;
  /** Articles whose URL another article already has (an editor gave two of one day the same slug): left out, since a feed's ids must be unique. */
  duplicates: FeedArticle[];
}

export const FEED_FILES = ['feed.xml', 'atom.xml', 'feed.json'] as const;
export type FeedFileName = (typeof FEED_FILES)[number];

export const DEFAULT_FEED_TITLE = 'Crypto liquidations';
const DEFAULT_DESCRIPTION = 'Reports on liquidations in crypto derivatives markets, written from market data.';

/** Newest first by window end, ties by snapshot id, then drafts and duplicate URLs out, then the limit. */
export function selectForFeed(all: readonly FeedArticle[], o: SelectOptions = {}): Selection {
  const sorted = [...all].sort((a, b) => cmp(b.published, a.published) || cmp(a.id, b.id) || cmp(a.basename, b.basename));
  const seen = new Set<string>();
  const articles: FeedArticle[] = [];
  const duplicates: FeedArticle[] = [];
  let drafts = 0;
  for (const a of sorted) {
    if (a.draft && !o.drafts) {
      drafts++;
      continue;
    }
    const path = articlePath(a);
    if (seen.has(path)) {
      duplicates.push(a);
      continue;
    }
    seen.add(path);
    articles.push(a);
  }
  return { articles: o.limit === undefined ? articles : articles.slice(0, o.limit), drafts, duplicates };
}

/**
 * An article's path under the site URL: `<date>-<slug>`, the UTC date of the
 * window end and the front matter's slug. It is the canonical URL `render
 * --base-url` gives the page, and the path the example sites publish under
 * (`/posts/<date>-<slug>/`). The date keeps apart two days whose rounded
 * figures give the same slug.
 */
export const articlePath = (a: FeedArticle): string =>
  // Astro's profile writes the whole `<date>-<slug>` as its slug (the id its glob loader uses): do not date it twice.
  a.slug === a.basename ? a.slug : `${a.published.slice(0, 10)}-${a.slug}`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The three files, for articles already in feed order (see `selectForFeed`). Throws `LiqnewsError` for an empty list: a feed's date comes from its newest article. */
export function buildFeeds(articles: readonly FeedArticle[], options: FeedOptions): Record<FeedFileName, string> {
  if (articles.length === 0) {
    throw new LiqnewsError('READ_FAILED', 'no articles to put in a feed', { hint: 'drafts are left out unless asked for' });
  }
  const site = options.siteUrl.replace(/\/+$/, '');
  const meta: FeedMeta = {
    site,
    home: `${site}/`,
    title: options.title ?? DEFAULT_FEED_TITLE,
    description: options.description ?? DEFAULT_DESCRIPTION,
    author: options.author ?? 'liquidation-news',
    language: options.language ?? 'en',
    updated: articles.map((a) => a.updated).reduce((x, y) => (y > x ? y : x)),
    published: articles.map((a) => a.published).reduce((x, y) => (y > x ? y : x)),
  };
  const url = (a: FeedArticle): string => `${site}/${articlePath(a)}/`;
  // The card sits beside the page's files under its own file name (as `render --base-url` points the page at it).
  // Each feed carries its own stamp, so a later run can tell a feed it wrote from one an editor changed (feed/write.ts).
  return { 'feed.xml': applyStamp(rss(articles, meta, url)), 'atom.xml': applyStamp(atom(articles, meta, url)), 'feed.json': applyStamp(jsonFeed(articles, meta, url)) };
}

interface FeedMeta {
  site: string;
  home: string;
  title: string;
  description: string;
  author: string;
  language: string;
  /** Latest `updated` of the articles. */
  updated: string;
  /** Latest window end. */
  published: string;
}

type UrlOf = (a: FeedArticle) => string;

/** The card's address: `<site>/<basename>.card.png`, the file name `render` gave it. */
const cardUrl = (m: FeedMeta, file: string): string => `${m.site}/${encodeURIComponent(file)}`;

/**
 * The body with its in-page links (the table of contents' `#section`) made
 * absolute: a feed reader resolves a bare fragment against the feed, not the
 * article, so it would lead nowhere.
 */
const contentOf = (a: FeedArticle, url: string): string => a.contentHtml.replace(/ href="#/g, ` href="${xmlAttr(url)}#`);

const XML_STAMP = `<!-- liqnews-content-hash: ${STAMP_PLACEHOLDER} -->`;

function rss(articles: readonly FeedArticle[], m: FeedMeta, url: UrlOf): string {
  const items = articles.map((a) =>
    [
      '    <item>',
      element('      ', 'title', a.title),
      element('      ', 'link', url(a)),
      `      <guid isPermaLink="true">${xmlText(url(a))}</guid>`,
      element('      ', 'pubDate', rfc822(a.published)),
      ...(a.description ? [element('      ', 'description', a.description)] : []),
      element('      ', 'content:encoded', contentOf(a, url(a))),
      element('      ', 'dc:creator', m.author),
      ...(a.card ? [`      <enclosure url="${xmlAttr(cardUrl(m, a.card.file))}" length="${a.card.bytes}" type="image/png"/>`] : []),
      ...a.tags.map((t) => element('      ', 'category', t)),
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    XML_STAMP,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    element('    ', 'title', m.title),
    element('    ', 'link', m.home),
    element('    ', 'description', m.description),
    element('    ', 'language', m.language),
    element('    ', 'pubDate', rfc822(m.published)),
    element('    ', 'lastBuildDate', rfc822(m.updated)),
    element('    ', 'generator', 'liquidation-news'),
    element('    ', 'docs', 'https://www.rssboard.org/rss-specification'),
    `    <atom:link href="${xmlAttr(`${m.site}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

function atom(articles: readonly FeedArticle[], m: FeedMeta, url: UrlOf): string {
  const entries = articles.map((a) =>
    [
      '  <entry>',
      element('    ', 'id', url(a)),
      `    <title type="text">${xmlText(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlAttr(url(a))}"/>`,
      element('    ', 'published', a.published),
      element('    ', 'updated', a.updated),
      ...(a.description ? [`    <summary type="text">${xmlText(a.description)}</summary>`] : []),
      ...(a.card ? [`    <link rel="enclosure" type="image/png" length="${a.card.bytes}" href="${xmlAttr(cardUrl(m, a.card.file))}"/>`] : []),
      `    <content type="html">${xmlText(contentOf(a, url(a)))}</content>`,
      ...a.tags.map((t) => `    <category term="${xmlAttr(t)}"/>`),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    XML_STAMP,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttr(m.language)}">`,
    element('  ', 'id', m.home),
    `  <title type="text">${xmlText(m.title)}</title>`,
    `  <subtitle type="text">${xmlText(m.description)}</subtitle>`,
    element('  ', 'updated', m.updated),
    `  <link rel="alternate" type="text/html" href="${xmlAttr(m.home)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttr(`${m.site}/atom.xml`)}"/>`,
    '  <author>',
    element('    ', 'name', m.author),
    '  </author>',
    '  <generator>liquidation-news</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** JSON Feed 1.1: `authors` (not 1.0's `author`), `language`, RFC 3339 dates; keys in a fixed order. */
function jsonFeed(articles: readonly FeedArticle[], m: FeedMeta, url: UrlOf): string {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    // JSON Feed's extension key (readers ignore an `_` key): where the stamp lives.
    _liqnews: { contentHash: STAMP_PLACEHOLDER },
    title: m.title,
    home_page_url: m.home,
    feed_url: `${m.site}/feed.json`,
    description: m.description,
    language: m.language,
    authors: [{ name: m.author }],
    items: articles.map((a) => ({
      id: url(a),
      url: url(a),
      title: a.title,
      ...(a.description ? { summary: a.description } : {}),
      content_html: contentOf(a, url(a)),
      ...(a.card ? { image: cardUrl(m, a.card.file) } : {}),
      date_published: a.published,
      date_modified: a.updated,
      ...(a.tags.length > 0 ? { tags: a.tags } : {}),
    })),
  };
  // An editor's `{{` in a title or tag: escaped inside the JSON string (it can occur nowhere else).
  return `${JSON.stringify(doc, null, 2).replace(TEMPLATE_OPENER, '\\u007b')}\n`;
}
