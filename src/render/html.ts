/**
 * Stage 6b: the same Markdown body to HTML, with a private marked instance.
 * Raw HTML in the Markdown is turned back into text (our templates write
 * none, and snapshot text is escaped before it gets there), and bare URLs are
 * not auto-linked, so the only links are the ones the templates build. A link
 * in an edited file whose scheme is not http, https or mailto (images: http
 * or https) is shown as its text: pages, e-mails and feeds use this converter.
 */
import { Marked, type Tokens } from 'marked';
import { IMAGE_SCHEMES, TEMPLATE_OPENER, escapeHtml, isAllowedLink, safeJson } from './escape.js';
import { STAMP_PLACEHOLDER } from '../output/stamp.js';

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    // Links and images from an allow-list of schemes (see isAllowedLink): anything else is its text.
    // `false` hands an allowed one to marked's own renderer.
    link(token) {
      return isAllowedLink(token.href) ? false : this.parser.parseInline(token.tokens);
    },
    image(token) {
      return isAllowedLink(token.href, IMAGE_SCHEMES) ? false : escapeHtml(token.text);
    },
    // Tables for every reader: a column header is `<th scope="col">`, each row's first cell its row header
    // (`<th scope="row">`, the coin or venue), and no `align` attribute (obsolete in HTML; the page's CSS
    // right-aligns the figures). The heading above the table names it (partials/numbers.hbs).
    table(token) {
      const cells = (row: Tokens.TableCell[], head: boolean): string =>
        row
          .map((c, i) => {
            const inner = this.parser.parseInline(c.tokens);
            return head ? `<th scope="col">${inner}</th>` : i === 0 ? `<th scope="row">${inner}</th>` : `<td>${inner}</td>`;
          })
          .join('');
      const body = token.rows.map((r) => `<tr>${cells(r, false)}</tr>\n`).join('');
      // In its own scroll box: on a phone a table of figures is wider than the column, and only the table may scroll, never the page.
      return `<div class="table-scroll">\n<table>\n<thead>\n<tr>${cells(token.header, true)}</tr>\n</thead>\n${body ? `<tbody>\n${body}</tbody>\n` : ''}</table>\n</div>\n`;
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
    // With autolinks off, a text run need not stop where one could start (see INLINE_TEXT).
    inlineText(src) {
      const m = INLINE_TEXT.exec(src);
      if (!m) return false;
      const raw = m[0];
      const inRawBlock = this.lexer.state.inRawBlock;
      return { type: 'text', raw, text: inRawBlock ? raw : decodeNumericReferences(raw), escaped: inRawBlock };
    },
  },
});

/**
 * GFM's inline-text rule without its autolink look-aheads. At every
 * character GFM's rule looks ahead for an e-mail address, a scheme or
 * "www." so that the autolink tokenizer can try there; ours never links, so
 * those stops only split text that the lexer then joins again. Dropping them
 * gives the same tokens for a fraction of the scanning (it was a tenth of a
 * render). The rest is GFM's rule as marked 18 writes it.
 */
const INLINE_TEXT = /^(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|[\s\S]*?(?:(?=[\\<![`*~_]|\b_|$)|[^ ](?= {2,}\n)))/;

const NUMERIC_REFERENCE = /&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/;
const NUMERIC_REFERENCE_OR_AMPERSAND = /&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g;

/** What marked's own text tokenizer does to a run: numeric references become their characters (an "&" stays escaped). */
function decodeNumericReferences(text: string): string {
  if (!NUMERIC_REFERENCE.test(text)) return text;
  return text.replace(NUMERIC_REFERENCE_OR_AMPERSAND, (_m, dec: string | undefined, hex: string | undefined) => {
    if (dec === undefined && hex === undefined) return '&amp;';
    const cp = dec === undefined ? Number.parseInt(hex!, 16) : Number.parseInt(dec, 10);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
    return cp === 38 ? '&amp;' : String.fromCodePoint(cp);
  });
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
export function headingId(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').replace(/&[a-z]+;|&#\d+;/g, '');
  // Most headings are ASCII, where letters and digits are [a-z0-9] and the Unicode classes are not needed.
  const keep = /^[\x20-\x7e]*$/.test(text) ? /[^a-z0-9 -]/g : /[^\p{L}\p{N}\s-]/gu;
  return text.toLowerCase().replace(keep, '').trim().replace(/\s/g, '-');
}

/**
 * marked decodes the `&#58;` that escaping put into "javascript:" in snapshot
 * text; encode it again so no script scheme appears in the page even as text.
 */
const SCRIPT_SCHEME = /\b(javascript|vbscript|data)(\s*):/gi;

/**
 * The empty anchors `--site eleventy` starts a linked heading with
 * (output/anchors.ts), in exactly that form: read as what they are, since
 * the heading's own id is the same one. Any other HTML stays text.
 */
const HEADING_ANCHOR = /^(#{1,6}) <a id="[\p{L}\p{N}-]+"><\/a>/gmu;
const withoutAnchors = (md: string): string => (md.includes('<a id="') ? md.replace(HEADING_ANCHOR, '$1 ') : md);

export function markdownToHtml(md: string): string {
  // marked turns the Markdown's `\{` back into `{`: the opener of a template tag becomes an entity again.
  return convertBlocks(withoutAnchors(md)).replace(SCRIPT_SCHEME, '$1$2&#58;').replace(TEMPLATE_OPENER, '&#123;');
}

/** The body through marked alone, without the plain-block path: what `markdownToHtml` must equal (test/markdown-html.test.ts). */
export function markdownToHtmlByMarked(md: string): string {
  return marked.parse(withoutAnchors(md), { async: false }).replace(SCRIPT_SCHEME, '$1$2&#58;').replace(TEMPLATE_OPENER, '&#123;');
}

/**
 * Most of an article is plain paragraphs: one line of words with no Markdown
 * in it. Their HTML is known without lexing (`<p>`, the text with marked's
 * five escapes, `</p>`), and marked spent most of its time on them (a tenth
 * of a batch). So blocks between blank lines that are plain paragraphs, or
 * plain `#` headings, are written here, and every other run of blocks goes
 * to marked as it is; the result is the same bytes as marked over the whole
 * body, which the test checks over thousands of generated articles.
 *
 * A block is plain when it is one line, starts with a letter (of any
 * script), `$`, a quote or a parenthesis (so it cannot open a list, a
 * heading, a quote, a code block or a table) and holds none of the
 * characters that start inline Markdown or raw HTML (`\ \` * _ ~ [ ] ! < > & |`).
 * Where blocks could reach across a blank line (fenced code, raw HTML,
 * reference definitions, blank lines holding spaces) the whole body goes to
 * marked.
 */
const PLAIN_PARAGRAPH = /^(?:[A-Za-z$("']|(?!\s)[\u0080-\uffff])[^\\`*_~[\]!<>&|\n]*(?<=\S)$/;
const PLAIN_HEADING = /^(#{1,6}) ((?:[A-Za-z$("']|(?!\s)[\u0080-\uffff])[^\\`*_~[\]!<>&|\n#]*(?<=\S))$/;
const NOT_BLOCKWISE = /[\r\t<\u2028\u2029]|```|~~~|\]:|\n[ \u00a0]+\n/;
const TEXT_ESCAPE = /["']/g;
const escapeText = (s: string): string => (s.includes('"') || s.includes("'") ? s.replace(TEXT_ESCAPE, (c) => (c === '"' ? '&quot;' : '&#39;')) : s);

function convertBlocks(md: string): string {
  if (NOT_BLOCKWISE.test(md)) return marked.parse(md, { async: false });
  const blocks = md.replace(/\n+$/, '').split('\n\n');
  let html = '';
  let from = -1; // first block of the run waiting for marked
  const flush = (to: number): void => {
    if (from >= 0) html += marked.parse(blocks.slice(from, to).join('\n\n'), { async: false });
    from = -1;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (PLAIN_PARAGRAPH.test(b)) {
      flush(i);
      html += `<p>${escapeText(b)}</p>\n`;
      continue;
    }
    const h = b.charCodeAt(0) === 35 ? PLAIN_HEADING.exec(b) : null;
    if (h) {
      flush(i);
      const inner = escapeText(h[2]!);
      html += `<h${h[1]!.length} id="${headingId(inner)}">${inner}</h${h[1]!.length}>\n`;
      continue;
    }
    const simple = simpleBlock(b);
    if (simple !== null) {
      flush(i);
      html += simple;
      continue;
    }
    if (from < 0) from = i;
  }
  flush(blocks.length);
  return html;
}

/**
 * The next most common blocks, written the same way: a paragraph of one or
 * more lines whose inline Markdown is only bold or italic spans of plain
 * words (`**The tally** — …`, a whole-line `*…*`), backslash escapes
 * (`\\#Tag`), "&" before a space, and links of plain words to an anchor
 * or a plain address (`[TL;DR](#tldr)`); and a tight list of such lines after
 * "- ". Anything else returns null and goes to marked. Each line starts as a
 * plain paragraph does (so it cannot open or interrupt another block), or
 * with a span or an escape. A span opens after the start of a line or a
 * space and before a character that is not a space, closes after one that
 * is not a space and before the end of the line, a space, or (after a
 * letter or digit) a comma, full stop, colon, semicolon, question mark or
 * parenthesis, and holds no other Markdown: the cases where CommonMark's
 * flanking rules make it emphasis with no doubt.
 */
function simpleBlock(b: string): string | null {
  if (b.startsWith('- ')) {
    let out = '<ul>\n';
    for (const line of b.split('\n')) {
      if (!line.startsWith('- ')) return null;
      const inner = simpleLine(line.slice(2));
      if (inner === null) return null;
      out += `<li>${inner}</li>\n`;
    }
    return `${out}</ul>\n`;
  }
  let out = '';
  for (const line of b.split('\n')) {
    const inner = simpleLine(line);
    if (inner === null) return null;
    out += out === '' ? inner : `\n${inner}`;
  }
  return `<p>${out}</p>\n`;
}

/** Where a line may start: as a plain paragraph does, or with a span (`*`) or an escape (`\\`). */
const LINE_START = /^(?:[A-Za-z$("'[]|(?!\s)[\u0080-\uffff]|\*\*?(?![\s*])|\\[!-/:-@[-`{-~])/;
/** Inside a line: characters that start no Markdown (nor raw HTML, a link, a table cell, code or strikethrough). */
const PLAIN_RUN = /[^\\`*_~[\]!<>&|]*/y;
const SPAN_END = /[.,:;?)]/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const isAlnum = (c: string): boolean => /[A-Za-z0-9]/.test(c);

/** One line's HTML, or null when it holds Markdown this does not write. */
function simpleLine(line: string): string | null {
  if (line.length === 0 || !LINE_START.test(line) || line.endsWith(' ') || line.endsWith('\t')) return null;
  let out = '';
  let i = 0;
  const n = line.length;
  while (i < n) {
    PLAIN_RUN.lastIndex = i;
    const run = PLAIN_RUN.exec(line)![0];
    out += escapeText(run);
    i += run.length;
    if (i >= n) break;
    const c = line[i]!;
    if (c === '&') {
      // Before a space an ampersand starts no reference: marked escapes it.
      if (line[i + 1] !== ' ') return null;
      out += '&amp;';
      i++;
    } else if (c === '\\') {
      const e = line[i + 1];
      if (e === undefined || !ASCII_PUNCT.test(e)) return null;
      out += e === '&' ? '&amp;' : e === '<' ? '&lt;' : e === '>' ? '&gt;' : escapeText(e);
      i += 2;
    } else if (c === '*') {
      const k = line[i + 1] === '*' ? 2 : 1;
      const before = line[i - 1];
      if (before !== undefined && before !== ' ') return null;
      const delim = k === 2 ? '**' : '*';
      const close = line.indexOf(delim, i + k);
      if (close < 0) return null;
      const inner = line.slice(i + k, close);
      if (inner.length === 0 || inner.includes('*') || /^\s|\s$/.test(inner)) return null;
      PLAIN_RUN.lastIndex = 0;
      if (PLAIN_RUN.exec(inner)![0].length !== inner.length) return null;
      const after = line[close + k];
      if (!(after === undefined || after === ' ' || (SPAN_END.test(after) && isAlnum(inner[inner.length - 1]!)))) return null;
      out += k === 2 ? `<strong>${escapeText(inner)}</strong>` : `<em>${escapeText(inner)}</em>`;
      i = close + k;
    } else if (c === '[') {
      // A link to an anchor or a plain http(s) address, around plain words.
      const end = line.indexOf('](', i);
      const close = end < 0 ? -1 : line.indexOf(')', end);
      if (close < 0) return null;
      const text = line.slice(i + 1, end);
      const href = line.slice(end + 2, close);
      PLAIN_RUN.lastIndex = 0;
      if (text.length === 0 || PLAIN_RUN.exec(text)![0].length !== text.length || !SIMPLE_HREF.test(href) || !isAllowedLink(href)) return null;
      out += `<a href="${href.replace(/&/g, '&amp;')}">${escapeText(text)}</a>`;
      i = close + 1;
    } else return null;
  }
  return out;
}

/** An anchor, or an http(s) address of characters that neither URL encoding nor Markdown changes. */
const SIMPLE_HREF = /^(?:#[A-Za-z0-9-]+|https?:\/\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9._~/?=&+-]*)?)$/;

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
  /** The social card, when the article has one: og:image, twitter:image and (absolute only) JSON-LD image. */
  image?: PageImage | null;
  /** An http(s) URL: JSON-LD publisher.logo. */
  publisherLogo?: string | null;
  /** An http(s) URL: JSON-LD publisher.url. */
  publisherUrl?: string | null;
}

export interface PageImage {
  /** Absolute with a base URL, else the card's file name (beside the page). */
  url: string;
  /** Whether `url` is absolute: JSON-LD `image` must be, so it is left out otherwise. */
  absolute: boolean;
  width: number;
  height: number;
  /** The figures the card shows, as a sentence. */
  alt: string;
}

/**
 * The page's one stylesheet: a 42rem reading column with side margins that
 * stay on a phone, serif body, sans-serif headings and figures, and tables
 * in a box that scrolls sideways by itself when it is wider than the column
 * (test/browser.test.ts measures 1200 px and 375 px in Chromium).
 */
export const PAGE_STYLE = `body{margin:0;background:#fafaf7;color:#1d1d1b;font:18px/1.6 Georgia,'Times New Roman',serif}
article{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem 4rem;overflow-wrap:break-word}
h1{font:700 2.1rem/1.2 system-ui,sans-serif;margin:0 0 .6rem;letter-spacing:-.01em}
h2,h3{font-family:system-ui,sans-serif;line-height:1.3;margin:2.2rem 0 .6rem}
h2{font-size:1.4rem}
h3{font-size:1.12rem;margin-top:1.6rem}
p,ul,ol{margin:0 0 1.1rem}
li{margin-bottom:.35rem}
.meta{color:#5f5f5a;font:.9rem system-ui,sans-serif;margin-bottom:2rem;padding-bottom:1rem;border-bottom:1px solid #e3e3dc}
.draft{background:#fff3c4;border-radius:3px;padding:0 .4rem;margin-left:.5rem}
.table-scroll{overflow-x:auto;margin:0 0 1.25rem}
table{border-collapse:collapse;width:100%;font:.92rem/1.4 system-ui,sans-serif;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #e0e0da;padding:.45rem .6rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #c8c8c0;font-weight:600}
tbody th{font-weight:400}
td:not(:first-child),th:not(:first-child){text-align:right;white-space:nowrap}
tbody tr:last-child th,tbody tr:last-child td{font-weight:600}
.table-scroll + p{font:.9rem/1.5 system-ui,sans-serif;color:#5f5f5a}
img,svg{max-width:100%;height:auto}
a{color:#0b5cad}
blockquote{border-left:3px solid #ccc;margin:0 0 1.1rem;padding-left:1rem;color:#444}
@media (max-width:30rem){body{font-size:17px}article{padding:1.5rem 1rem 3rem}h1{font-size:1.65rem}h2{font-size:1.25rem}}`;

/** `<title>` is at most 70 characters: cut at a word and mark the cut. */
export function shortTitle(title: string, max = 70): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1).replace(/\s+\S*$/, '');
  return `${cut.replace(/[\s,;:—–-]+$/, '')}…`;
}

/**
 * The `<title>` element's text, escaped, at most `max` characters as written
 * in the file: html-validate's long-title rule counts `&amp;` as five
 * characters, so a headline with "&" is cut a little earlier than one without.
 */
export function titleHtml(title: string, max = 70): string {
  for (let budget = max; ; budget--) {
    const html = escapeHtml(shortTitle(title, budget));
    if (html.length <= max || budget <= 10) return html;
  }
}

/** One question of a FAQ section and its answer, as plain text. */
export interface FaqEntry {
  question: string;
  answer: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Character references back to characters: the named ones marked and our escaping write, and numeric ones. */
export function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (m, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[name!.toLowerCase()] ?? m;
  });
}

/** Text of an HTML fragment: tags dropped, references decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

const FAQ_HEADING = /<h2\b[^>]*>\s*(?:FAQs?|Frequently Asked Questions)\s*<\/h2>/i;

/**
 * The FAQ section of a converted body: each `<h3>` after the FAQ heading and
 * the paragraph under it (every answer the templates write is one paragraph),
 * up to the next `<h2>`. Empty when the body has no FAQ section.
 */
export function faqEntries(bodyHtml: string): FaqEntry[] {
  const start = FAQ_HEADING.exec(bodyHtml);
  if (!start) return [];
  const rest = bodyHtml.slice(start.index + start[0].length);
  const end = rest.search(/<h2\b/i);
  const section = end >= 0 ? rest.slice(0, end) : rest;
  const out: FaqEntry[] = [];
  for (const m of section.matchAll(/<h3\b[^>]*>([\s\S]*?)<\/h3>\s*<p>([\s\S]*?)<\/p>/gi)) {
    out.push({ question: htmlToText(m[1]!), answer: htmlToText(m[2]!) });
  }
  return out;
}

/** schema.org FAQPage for the body's FAQ, or null when there is none. */
export function faqPageLd(bodyHtml: string): Record<string, unknown> | null {
  const faq = faqEntries(bodyHtml);
  if (faq.length === 0) return null;
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: faq.map((q) => ({ '@type': 'Question', name: noScheme(q.question), acceptedAnswer: { '@type': 'Answer', text: noScheme(q.answer) } })),
  };
}

/** Decoded text may hold "javascript:" from snapshot strings; as in headlines (escape.ts plainText), the colon goes. */
const noScheme = (s: string): string => s.replace(SCRIPT_SCHEME, '$1 ');

export interface DocumentOptions {
  /** Add a FAQPage JSON-LD block when the body has a FAQ section (off by default). */
  faqJsonLd?: boolean;
}

export function htmlDocument(p: HtmlPage, options: DocumentOptions = {}): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: p.title.length <= 110 ? p.title : shortTitle(p.title, 110),
    description: p.description,
    datePublished: p.published,
    dateModified: p.modified,
    // Only an absolute address: structured-data readers resolve nothing against the page.
    ...(p.image?.absolute ? { image: p.image.url } : {}),
    author: { '@type': 'Organization', name: p.author },
    publisher: {
      '@type': 'Organization',
      name: p.publisher,
      ...(p.publisherUrl ? { url: p.publisherUrl } : {}),
      ...(p.publisherLogo ? { logo: { '@type': 'ImageObject', url: p.publisherLogo } } : {}),
    },
    keywords: p.tags.join(', '),
    ...(p.canonicalUrl ? { mainEntityOfPage: p.canonicalUrl, url: p.canonicalUrl } : {}),
  };
  const img = p.image ?? null;
  const faqLd = options.faqJsonLd ? faqPageLd(p.bodyHtml) : null;
  const e = escapeHtml;
  const head = [
    // Lower case, as OUTPUT.md fixes it (.htmlvalidate.json sets doctype-style to match).
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${titleHtml(p.title)}</title>`,
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
    ...(img
      ? [
          `<meta property="og:image" content="${e(img.url)}">`,
          '<meta property="og:image:type" content="image/png">',
          `<meta property="og:image:width" content="${img.width}">`,
          `<meta property="og:image:height" content="${img.height}">`,
          `<meta property="og:image:alt" content="${e(img.alt)}">`,
          '<meta name="twitter:card" content="summary_large_image">',
          `<meta name="twitter:title" content="${e(p.title)}">`,
          `<meta name="twitter:description" content="${e(p.description)}">`,
          `<meta name="twitter:image" content="${e(img.url)}">`,
          `<meta name="twitter:image:alt" content="${e(img.alt)}">`,
        ]
      : []),
    `<script type="application/ld+json">${safeJson(ld)}</script>`,
    ...(faqLd ? [`<script type="application/ld+json">${safeJson(faqLd)}</script>`] : []),
    `<style>${PAGE_STYLE}</style>`,
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
