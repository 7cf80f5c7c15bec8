/**
 * Stage 6b: the same Markdown body to HTML, with a private marked instance.
 * Raw HTML in the Markdown is turned back into text (our templates write
 * none, and snapshot text is escaped before it gets there), and bare URLs are
 * not auto-linked, so the only links are the ones the templates build.
 */
import { Marked } from 'marked';
import { escapeHtml, safeJson } from './escape.js';
import { STAMP_PLACEHOLDER } from '../output/stamp.js';

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    // Headings get GitHub-style ids so a table of contents can link to them.
    heading({ tokens, depth }) {
      const inner = this.parser.parseInline(tokens);
      return `<h${depth} id="${headingId(inner)}">${inner}</h${depth}>\n`;
    },
  },
  tokenizer: {
    // Disable GFM's extended autolinks ("www.x.com", "https://…" in text).
    url() {
      return undefined;
    },
  },
});

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
export function headingId(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').replace(/&[a-z]+;|&#\d+;/g, '');
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s/g, '-');
}

/**
 * marked decodes the `&#58;` that escaping put into "javascript:" in snapshot
 * text; encode it again so no script scheme appears in the page even as text.
 */
const SCRIPT_SCHEME = /\b(javascript|vbscript|data)(\s*):/gi;

export function markdownToHtml(md: string): string {
  return marked.parse(md, { async: false }).replace(SCRIPT_SCHEME, '$1$2&#58;');
}

export interface HtmlPage {
  title: string;
  description: string;
  /** RFC 3339 UTC. */
  published: string;
  modified: string;
  /** Human-readable date for the `<time>` element. */
  dateText: string;
  bodyHtml: string;
  author: string;
  publisher: string;
  tags: string[];
  canonicalUrl: string | null;
  draft: boolean;
}

const STYLE = `body{margin:0;background:#fafaf7;color:#1d1d1b;font:18px/1.6 Georgia,'Times New Roman',serif}
article{max-width:42rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font:700 2rem/1.2 system-ui,sans-serif;margin:0 0 .5rem}
h2,h3{font-family:system-ui,sans-serif;line-height:1.3;margin-top:2rem}
.meta{color:#5f5f5a;font:.9rem system-ui,sans-serif;margin-bottom:2rem}
.draft{background:#fff3c4;border-radius:3px;padding:0 .4rem;margin-left:.5rem}
table{border-collapse:collapse;width:100%;font:.95rem system-ui,sans-serif}
th,td{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left}
td:not(:first-child),th:not(:first-child){text-align:right}
a{color:#0b5cad}
blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#444}`;

/** `<title>` is at most 70 characters: cut at a word and mark the cut. */
export function shortTitle(title: string, max = 70): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1).replace(/\s+\S*$/, '');
  return `${cut.replace(/[\s,;:—–-]+$/, '')}…`;
}

export function htmlDocument(p: HtmlPage): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: p.title.length <= 110 ? p.title : shortTitle(p.title, 110),
    description: p.description,
    datePublished: p.published,
    dateModified: p.modified,
    author: { '@type': 'Organization', name: p.author },
    publisher: { '@type': 'Organization', name: p.publisher },
    keywords: p.tags.join(', '),
    ...(p.canonicalUrl ? { mainEntityOfPage: p.canonicalUrl, url: p.canonicalUrl } : {}),
  };
  const e = escapeHtml;
  const head = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(shortTitle(p.title))}</title>`,
    `<meta name="description" content="${e(p.description)}">`,
    `<meta name="generator" content="liquidation-news">`,
    `<meta name="liqnews-content-hash" content="${STAMP_PLACEHOLDER}">`,
    ...(p.draft ? ['<meta name="robots" content="noindex">'] : []),
    ...(p.canonicalUrl ? [`<link rel="canonical" href="${e(p.canonicalUrl)}">`, `<meta property="og:url" content="${e(p.canonicalUrl)}">`] : []),
    `<meta property="og:title" content="${e(p.title)}">`,
    '<meta property="og:type" content="article">',
    `<meta property="og:description" content="${e(p.description)}">`,
    `<meta property="article:published_time" content="${p.published}">`,
    `<meta property="article:modified_time" content="${p.modified}">`,
    ...p.tags.map((t) => `<meta property="article:tag" content="${e(t)}">`),
    `<script type="application/ld+json">${safeJson(ld)}</script>`,
    `<style>${STYLE}</style>`,
    '</head>',
  ];
  return [...head, '<body>', articleFragment(p), '</body>', '</html>', ''].join('\n');
}

/** The `<article>` element alone, for pages and newsletters that bring their own `<head>`. */
export function articleFragment(p: Pick<HtmlPage, 'title' | 'published' | 'dateText' | 'bodyHtml' | 'draft'>): string {
  const e = escapeHtml;
  return [
    '<article>',
    `<h1>${e(p.title)}</h1>`,
    `<p class="meta"><time datetime="${p.published}">${e(p.dateText)}</time>${p.draft ? ' <span class="draft">Draft</span>' : ''}</p>`,
    p.bodyHtml.trimEnd(),
    '</article>',
  ].join('\n');
}
