/**
 * What a newsletter says, shared by the two parts of one mail: the HTML
 * email and the plain text. Both are built from this, so the parts of a
 * multipart/alternative message never disagree.
 *
 * Every figure here is a display string from the facts (each one a claim in
 * the ledger); nothing is formatted here. Snapshot strings stay text: they
 * are whitespace-collapsed and `defang`ed, and each part escapes them for
 * its own format.
 */
import { Marked, type Token, type Tokens } from 'marked';
import type { FormatContext } from '../context.js';
import type { AssetFacts, StoryFacts } from '../../facts/types.js';
import { defangDomains } from '../../render/escape.js';
import { ASSET_TABLE_TITLE, TABLE_NOTES, VENUE_TABLE_TITLE, type TableColumn, type TableRow } from '../../facts/table.js';

/** One table as mail prints it: the facts' table (facts/table.ts) with its labels made mail-safe. */
export interface MailTable {
  title: string;
  columns: TableColumn[];
  /** Per row: its kind and the cells in column order (the label first). */
  rows: { kind: TableRow['kind']; cells: string[] }[];
  notes: string[];
}

export interface MailContent {
  headline: string;
  /** The end date in the reader's zone, "February 5, 2026". */
  dateText: string;
  /** The inbox preview line: the article's description. */
  preheader: string;
  /** Three plain-text lines, or null when the body has its own TL;DR or there is nothing to sum up. */
  tldr: string[] | null;
  /**
   * The Markdown body without its table of contents, in three parts: what
   * comes before the body's own TL;DR section, that section's content
   * without its heading (both empty when the body has none), then the rest.
   * Both formats show the body's TL;DR the way they show ours, and the
   * tables go after it, so they always follow the TL;DR. The body's own
   * "By the numbers" section is left out of these parts: the mail prints the
   * same rows as `tables`, in its own layout, once.
   */
  body: { lead: string; tldr: string; rest: string };
  /** The "By the numbers" tables (coins, then venues), from the same facts→rows function as the page. */
  tables: MailTable[];
  /** Null when the body ends with its own disclaimer (the explainer). */
  disclaimer: string | null;
  /** The data credit: "liquidation data from CoinGlass". */
  credit: string;
  sourceUrl: string | null;
  canonicalUrl: string | null;
  /** The masthead: the publication's name (option `emailPublication`), or null for none. */
  publication: string | null;
  /** The sender's postal address for the footer (option `emailAddress`), or null. */
  address: string | null;
  /** The unsubscribe link for the footer (option `emailUnsubscribe`: http, https or mailto), or null. */
  unsubscribeUrl: string | null;
  /** The social card, only when its address is absolute (card and a base URL): a mail has no folder to be relative to. */
  image: { url: string; alt: string; width: number; height: number } | null;
  /**
   * The chart as an image, only when its file is written beside the article (the Markdown links it) and its
   * address is absolute (a base URL). Its alt text states the figures, for clients that show no SVG.
   */
  chart: { url: string; alt: string } | null;
}


/** Ours, for the footer of a style whose body has none. */
export const DISCLAIMER =
  'Disclaimer: This newsletter reports market data and does not give investment advice. Leveraged trading can lose more than the money put in, so weigh the risk for yourself.';

export function mailContent(ctx: FormatContext): MailContent {
  const { facts, text, page } = ctx;
  const tokens = markdownTokens(text.body);
  const hasTldr = tokens.some(isTldrMarker);
  const quiet = facts.total.value === 0;
  return {
    headline: defang(text.headline),
    dateText: facts.window.endDate,
    preheader: defang(text.description),
    tldr: hasTldr || quiet ? null : tldrLines(facts),
    body: splitAfterTldr(withoutNumbers(withoutTableOfContents(tokens))),
    tables: quiet ? [] : mailTables(facts),
    disclaimer: /^\*\*Disclaimer:\*\*/m.test(text.body) ? null : DISCLAIMER,
    credit: facts.source ? `liquidation data from ${defang(facts.source.name)}` : 'the liquidation data snapshot this article was generated from',
    sourceUrl: facts.source?.url ? mailUrl(facts.source.url) : null,
    canonicalUrl: page.canonicalUrl,
    // The operator's own strings, defanged like the rest so no mail client links a word of them.
    publication: ctx.options.emailPublication ? defang(ctx.options.emailPublication) : null,
    address: ctx.options.emailAddress ? defang(ctx.options.emailAddress) : null,
    unsubscribeUrl: ctx.options.emailUnsubscribe ? noBraces(ctx.options.emailUnsubscribe) : null,
    image: page.image?.absolute ? { url: noBraces(page.image.url), alt: defang(page.image.alt), width: page.image.width, height: page.image.height } : null,
    chart: mailChart(ctx),
  };
}

/**
 * Snapshot text in mail must stay text, and two things downstream would
 * turn it into something else:
 * - mail clients link anything that looks like a web address, in plain text
 *   and in HTML text alike, so the two markers escaping already breaks on
 *   the page ("://" and "www.") are bracketed, as security write-ups do:
 *   "https[:]//", "www[.]";
 * - a bare domain or an e-mail address ("EVIL.COM", "desk@example.com") is
 *   linked by mail clients too: its dot becomes U+2024, as everywhere
 *   (render/escape.ts `defangDomains`);
 * - newsletter services run merge-tag engines (Handlebars, Liquid) over the
 *   whole message, so "{{", "{%" and "{#" get a zero-width space after the
 *   brace: the reader sees the same text, the engine sees no tag.
 * `defang` also collapses whitespace (a snapshot string is one line).
 */
export function defang(s: string): string {
  return defangRun(s).trim();
}

/** The same for a run of text inside a paragraph: spaces at its ends are kept. */
export function defangRun(s: string): string {
  return defangMarkers(s.replace(/\s+/g, ' '));
}

/** Only the markers, whitespace untouched (for HTML text between tags). */
export function defangMarkers(s: string): string {
  return defangDomains(s)
    .replace(/:\/\//g, '[:]//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}[.]`)
    .replace(/\{(?=[{%#])/g, '{\u200B');
}

const pct = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** A link target with braces percent-encoded, so no merge-tag engine reads a tag in it. */
export const noBraces = (url: string): string => url.replace(/[{}]/g, pct);

/**
 * A snapshot URL (already checked to be http or https) made safe to print
 * between `<` and `>` in plain text and in an href: normalised, with quotes,
 * angle brackets, braces and spaces percent-encoded.
 */
export function mailUrl(url: string): string {
  return new URL(url).href.replace(/[<>\s"'`{}]/g, pct);
}

const lexer = new Marked({ gfm: true });

/** Marked's block tokens for a Markdown text (the same options as the page's converter). */
export const markdownTokens = (md: string): Token[] => lexer.lexer(md);

/**
 * The body without its "Table of Contents": a heading followed by a list
 * whose every item is one in-page link. Mail is read top to bottom, and
 * `#anchor` links are relative links, which a newsletter must not hold and
 * many mail clients ignore.
 */
function withoutTableOfContents(tokens: Token[]): Token[] {
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens.slice(i + 1).find((x) => x.type !== 'space');
    if (t.type === 'heading' && next && isAnchorList(next)) {
      i = tokens.indexOf(next);
      continue;
    }
    kept.push(t);
  }
  return kept;
}

const isTldrHeading = (t: Token): boolean => t.type === 'heading' && /^TL;DR$/i.test((t as Tokens.Heading).text.trim());
/** The label of the key takeaways of a style without sections (templates/partials/takeaways.hbs): "**TL;DR:**" alone. */
const isTldrLabel = (t: Token): boolean => t.type === 'paragraph' && t.raw.trim() === '**TL;DR:**';
const isTldrMarker = (t: Token): boolean => isTldrHeading(t) || isTldrLabel(t);

/**
 * The tokens without the body's "By the numbers" section (partials/numbers.hbs): its heading, its tables,
 * the venue table's heading and the tables' notes, and nothing after them (bulletin's hashtags follow it).
 */
function withoutNumbers(tokens: Token[]): Token[] {
  const at = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 2 && (t as Tokens.Heading).text.trim() === ASSET_TABLE_TITLE);
  if (at < 0) return tokens;
  const ours = (t: Token): boolean =>
    t.type === 'space' ||
    t.type === 'table' ||
    (t.type === 'heading' && (t as Tokens.Heading).depth === 3 && (t as Tokens.Heading).text.trim() === VENUE_TABLE_TITLE) ||
    (t.type === 'paragraph' && TABLE_NOTES.includes(t.raw.trim()));
  let end = at + 1;
  while (end < tokens.length && ours(tokens[end]!)) end++;
  return [...tokens.slice(0, at), ...tokens.slice(end)];
}

/**
 * What comes before the TL;DR section, the section's content (up to the next heading of the same level or
 * higher; after a bold label, the list that follows it), and what follows it.
 */
function splitAfterTldr(tokens: Token[]): { lead: string; tldr: string; rest: string } {
  const at = tokens.findIndex(isTldrMarker);
  if (at < 0) return { lead: '', tldr: '', rest: markdownOf(tokens) };
  if (isTldrLabel(tokens[at]!)) {
    const list = tokens.findIndex((t, i) => i > at && t.type === 'list');
    const end = list < 0 ? at + 1 : list + 1;
    return { lead: markdownOf(tokens.slice(0, at)), tldr: markdownOf(tokens.slice(at + 1, end)), rest: markdownOf(tokens.slice(end)) };
  }
  const depth = (tokens[at] as Tokens.Heading).depth;
  const after = tokens.findIndex((t, i) => i > at && t.type === 'heading' && (t as Tokens.Heading).depth <= depth);
  const end = after < 0 ? tokens.length : after;
  return { lead: markdownOf(tokens.slice(0, at)), tldr: markdownOf(tokens.slice(at + 1, end)), rest: markdownOf(tokens.slice(end)) };
}

/** Tokens back to Markdown: each token keeps the exact source it was read from. */
const markdownOf = (tokens: Token[]): string =>
  tokens
    .map((t) => t.raw)
    .join('')
    .replace(/^\n+/, '')
    .replace(/\n{3,}/g, '\n\n');

function isAnchorList(t: Token): boolean {
  if (t.type !== 'list') return false;
  return (t as Tokens.List).items.every((item) => {
    const inline = item.tokens.flatMap((b) => ('tokens' in b && b.tokens ? b.tokens : [b]));
    return inline.length === 1 && inline[0]!.type === 'link' && (inline[0] as Tokens.Link).href.startsWith('#');
  });
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "Bitcoin (BTC)", or the ticker alone when the snapshot gives no other name. */
const assetName = (a: AssetFacts): string => (a.name && a.name !== a.symbol ? `${defang(a.name)} (${a.symbol})` : a.symbol);

/** Total and window; the leading assets (or the trader count); the dominant side, else the first catalyst, else the split. */
function tldrLines(f: StoryFacts): string[] {
  const lines = [`${cap(f.total.text)} in leveraged crypto positions was force-closed ${f.window.past}.`];
  const [first, second, third] = f.topAssets;
  if (first && second && third) lines.push(`${assetName(first)} led with ${first.total.text}, ahead of ${assetName(second)} with ${second.total.text} and ${assetName(third)} with ${third.total.text}.`);
  else if (first && second) lines.push(`${assetName(first)} led with ${first.total.text}, ahead of ${assetName(second)} with ${second.total.text}.`);
  else if (first) lines.push(`${assetName(first)} led with ${first.total.text}.`);
  else if (f.traders) lines.push(f.traders.value === 1 ? 'A single trader had positions closed.' : `${cap(f.traders.text)} traders had positions closed.`);
  const catalyst = f.catalystItems[0];
  if (f.dominant && f.minority && f.minority.usd.value > 0) {
    lines.push(`${cap(f.dominant.side)}s bore most of it: ${f.dominant.usd.text}, or ${f.dominant.share.text} of the total.`);
  } else if (f.dominant) {
    lines.push(`Every liquidation came from ${f.dominant.side} positions.`);
  } else if (catalyst) {
    // A technical catalyst (a chart level, a pattern) is not news.
    lines.push(`${catalyst.technical ? 'On the chart' : 'In the news'}: ${defang(catalyst.text)}.`);
  } else {
    lines.push(`Neither side dominated: ${f.long.usd.text} of longs and ${f.short.usd.text} of shorts were closed out.`);
  }
  return lines;
}

/**
 * The facts' tables (facts/table.ts, the rows the page's Markdown prints),
 * a coin by its ticker (mail columns are narrow) and a venue by its name,
 * defanged. Partial coverage says "at least" once, in the notes, so each cell
 * is the bare display of its claim; a side with nothing liquidated is a dash.
 */
function mailTables(f: StoryFacts): MailTable[] {
  return [f.tables.assets, f.tables.venues].flatMap((t) =>
    t
      ? [
          {
            title: t.title,
            columns: t.columns,
            rows: t.rows.map((r) => ({
              kind: r.kind,
              cells: t.columns.map((c) => (c.key === 'label' ? (r.kind === 'item' ? defang(r.symbol ?? r.name ?? r.label) : r.label) : (r.cells[c.key] ?? ''))),
            })),
            notes: t.notes,
          },
        ]
      : [],
  );
}

/** The chart's absolute address and alt text, when the article's Markdown links its written file and a base URL is known. */
function mailChart(ctx: FormatContext): MailContent['chart'] {
  const { chart, chartFile, options } = ctx;
  // Only a chart whose file is written with the article: never point a mail at a missing image.
  if (!chart || chartFile === null || !options.baseUrl) return null;
  return { url: noBraces(`${options.baseUrl}/${chartFile}`), alt: defang(chart.alt) };
}
