/**
 * The social card as an SVG document, 1200×630: a kicker and the date, the
 * headline (wrapped and shrunk to fit by measured widths), the total as the
 * big figure, the long/short split as a bar with its labels, and the source
 * and publisher. One accent colour on a dark ground.
 *
 * Every word and figure on the card comes from the article's checked facts
 * and its headline (cardContent), never from new wording with figures of its
 * own; the split shows amounts only when the two printed sides add up to
 * the printed total (`facts.sidesAddUp`), otherwise shares alone. Snapshot
 * strings (the source, a coin in the headline) are data: escapeXml makes
 * them text in the SVG.
 */
import type { StoryFacts } from '../facts/types.js';
import { CARD_FONT_FAMILY } from './font.js';
import { ellipsize, textWidth, wrapText } from './measure.js';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  /** The article's headline (plain text, already checked). */
  headline: string;
  facts: StoryFacts;
  /** Named in the footer, as on the page's JSON-LD. */
  publisher: string;
}

export interface CardSide {
  label: 'Longs' | 'Shorts';
  /** The side's amount as the article prints it; null when the sides' printed amounts do not add up to the printed total, or the side is zero. */
  amount: string | null;
  /** "88%", or "none" for a side with nothing liquidated. */
  share: string;
}

/** What the card says, as plain data (the SVG only arranges it). */
export interface CardContent {
  kicker: string;
  /** The window's end date in the reader's zone: "February 5, 2026". */
  date: string;
  headline: string;
  /** The total as the body prints it, capitalised ("$1.08 billion", "At least $128,000"), or "No liquidations". */
  total: string;
  /** "liquidated in the past 24 hours". */
  totalLabel: string;
  /** Long share of the total, 0–1: the bar's geometry only, never printed. Null: nothing liquidated, no bar. */
  longFraction: number | null;
  long: CardSide | null;
  short: CardSide | null;
  /** "Data: CoinGlass", or null without a source. */
  source: string | null;
  publisher: string;
}

export function cardContent({ headline, facts: f, publisher }: CardInput): CardContent {
  const quiet = f.total.value === 0;
  const side = (s: StoryFacts['long'], label: CardSide['label']): CardSide => ({
    label,
    amount: f.sidesAddUp && s.usd.value > 0 ? s.usd.text : null,
    share: s.usd.value > 0 ? s.share.text : 'none',
  });
  return {
    kicker: 'Crypto liquidations',
    date: f.window.endDate,
    headline: oneLine(headline),
    total: quiet ? 'No liquidations' : cap(f.total.text),
    totalLabel: quiet ? `recorded ${f.window.past}` : `liquidated ${f.window.past}`,
    longFraction: quiet ? null : f.long.usd.value / f.total.value,
    long: quiet ? null : side(f.long, 'Longs'),
    short: quiet ? null : side(f.short, 'Shorts'),
    source: f.source ? `Data: ${oneLine(f.source.name)}` : null,
    publisher: oneLine(publisher),
  };
}

/** The card's alt text: the headline and every figure the card shows, as a sentence a screen reader can read. */
export function cardAlt(c: CardContent): string {
  const parts = [/[.?!…]$/.test(c.headline) ? c.headline : `${c.headline}.`, `${c.total} ${c.totalLabel}`];
  if (c.long && c.short) {
    const s = (x: CardSide): string => (x.amount ? `${x.label.toLowerCase()} ${x.amount} (${x.share})` : `${x.label.toLowerCase()} ${x.share}`);
    parts[1] += `; ${s(c.long)}, ${s(c.short)}`;
  }
  parts[1] += '.';
  if (c.source) parts.push(`${c.source}.`);
  parts.push(`${c.date}.`);
  return parts.join(' ');
}

// The house design: one accent (amber) on a near-black ground.
const COLOR = { ground: '#0d1117', text: '#f5f7fa', muted: '#9aa5b4', accent: '#f2a900', shorts: '#4a5563', rule: '#262e3a' } as const;
const PAD = 72;
const INNER = CARD_WIDTH - 2 * PAD;
const HEADLINE_SIZES = [64, 60, 56, 54, 50, 46, 42, 38] as const;
const HEADLINE_LINES = 3;
/** Above this size a headline may take two lines only: three lines that large would crowd the figure below. */
const THREE_LINE_MAX = 54;
// The band the headline is centred in: below the kicker line, above the total's label.
const HEADLINE_BAND = { top: 100, bottom: 346 } as const;
// DejaVu Sans Bold's cap height and a descender's depth, in ems: what the eye reads as the block's edges.
const CAP = 0.73;
const DESCENT = 0.2;
const LINE_HEIGHT = 1.17;

/**
 * The headline's lines and size: the largest size at which it takes at most
 * two lines (up to 64 px) or three (up to 54 px), the lines then balanced (the narrowest measure that still
 * gives that many lines, as a desk sets a headline, so no last line holds a
 * lone word); at the smallest size, the third line ends in "…".
 */
export function headlineLayout(headline: string): { size: number; lines: string[] } {
  for (const size of HEADLINE_SIZES) {
    const lines = wrapText(headline, INNER, size, 'bold');
    if (lines.length <= (size > THREE_LINE_MAX ? 2 : HEADLINE_LINES)) return { size, lines: balanced(headline, lines, size) };
  }
  const size = HEADLINE_SIZES[HEADLINE_SIZES.length - 1]!;
  const lines = wrapText(headline, INNER, size, 'bold');
  const kept = lines.slice(0, HEADLINE_LINES - 1);
  kept.push(ellipsize(lines.slice(HEADLINE_LINES - 1).join(' '), INNER, size, 'bold'));
  return { size, lines: kept };
}

/** The same number of lines at the narrowest measure (found by halving, in whole pixels: deterministic). */
function balanced(text: string, lines: string[], size: number): string[] {
  if (lines.length < 2) return lines;
  // Never narrower than the widest word: balancing must not cut a word that fits whole.
  const widest = Math.max(...text.split(/\s+/).map((w) => textWidth(w, size, 'bold')));
  if (widest > INNER) return lines;
  let lo = Math.max(Math.floor(INNER / lines.length), Math.ceil(widest));
  let hi = INNER;
  let best = lines;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const trial = wrapText(text, mid, size, 'bold');
    if (trial.length <= lines.length) {
      best = trial;
      hi = mid;
    } else lo = mid + 1;
  }
  return best;
}

/** The largest size up to `max` at which `text` fits `width`. */
function fitSize(text: string, width: number, max: number, min: number, weight: 'regular' | 'bold'): number {
  let size = max;
  while (size > min && textWidth(text, size, weight) > width) size -= 2;
  return size;
}

/** A coordinate as text: one decimal at most, so the SVG (and the PNG) is the same on every run. */
const n = (x: number): string => String(Math.round(x * 10) / 10);

export function cardSvg(c: CardContent): string {
  const e = escapeXml;
  const out: string[] = [];
  const text = (x: number, y: number, size: number, weight: 'regular' | 'bold', fill: string, s: string, extra = ''): void => {
    out.push(`<text x="${n(x)}" y="${n(y)}" font-size="${size}"${weight === 'bold' ? ' font-weight="700"' : ''} fill="${fill}"${extra}>${e(s)}</text>`);
  };
  out.push(`<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${COLOR.ground}"/>`);
  out.push(`<rect width="${CARD_WIDTH}" height="10" fill="${COLOR.accent}"/>`);

  // Kicker and date share the top line; the date keeps its width, the kicker is short and fixed.
  text(PAD, 80, 22, 'bold', COLOR.accent, c.kicker.toUpperCase(), ' letter-spacing="3"');
  text(CARD_WIDTH - PAD, 80, 22, 'regular', COLOR.muted, c.date, ' text-anchor="end"');

  // Centred in its band, so a two-line headline does not leave a hole above the figure.
  const h = headlineLayout(c.headline);
  const blockHeight = h.size * (CAP + DESCENT) + (h.lines.length - 1) * h.size * LINE_HEIGHT;
  const firstBaseline = HEADLINE_BAND.top + (HEADLINE_BAND.bottom - HEADLINE_BAND.top - blockHeight) / 2 + h.size * CAP;
  h.lines.forEach((line, i) => text(PAD, firstBaseline + i * h.size * LINE_HEIGHT, h.size, 'bold', COLOR.text, line));

  text(PAD, 380, 28, 'regular', COLOR.muted, ellipsize(cap(c.totalLabel), INNER, 28));
  text(PAD, 466, fitSize(c.total, INNER, 96, 48, 'bold'), 'bold', COLOR.accent, c.total);

  if (c.long && c.short && c.longFraction !== null) {
    const barY = 530;
    const barH = 18;
    const side = (s: CardSide): string => (s.amount ? `${s.amount} · ${s.share}` : s.share);
    // Both labels on one line above the bar; if amounts would make them meet, the shares alone.
    let left = side(c.long);
    let right = side(c.short);
    const labelWidth = (l: string, r: string): number => textWidth(`LONGS  ${l}`, 24, 'bold') + textWidth(`SHORTS  ${r}`, 24, 'bold');
    if (labelWidth(left, right) > INNER - 40) {
      left = c.long.share;
      right = c.short.share;
    }
    const y = barY - 16;
    out.push(`<text x="${PAD}" y="${y}" font-size="24" font-weight="700" fill="${COLOR.accent}">LONGS <tspan fill="${COLOR.text}">${e(left)}</tspan></text>`);
    out.push(`<text x="${CARD_WIDTH - PAD}" y="${y}" font-size="24" font-weight="700" fill="${COLOR.muted}" text-anchor="end">SHORTS <tspan fill="${COLOR.text}">${e(right)}</tspan></text>`);
    const longW = INNER * Math.min(1, Math.max(0, c.longFraction));
    out.push(`<clipPath id="bar"><rect x="${PAD}" y="${barY}" width="${INNER}" height="${barH}" rx="${barH / 2}"/></clipPath>`);
    out.push(`<g clip-path="url(#bar)">`);
    out.push(`<rect x="${PAD}" y="${barY}" width="${INNER}" height="${barH}" fill="${COLOR.shorts}"/>`);
    if (longW > 0) out.push(`<rect x="${PAD}" y="${barY}" width="${n(longW)}" height="${barH}" fill="${COLOR.accent}"/>`);
    // A thin seam where the sides meet, so a 99/1 split still shows two parts.
    if (longW > 0 && longW < INNER) out.push(`<rect x="${n(PAD + longW - 1.5)}" y="${barY}" width="3" height="${barH}" fill="${COLOR.ground}"/>`);
    out.push('</g>');
  }

  out.push(`<rect x="${PAD}" y="570" width="${INNER}" height="1" fill="${COLOR.rule}"/>`);
  const publisherWidth = Math.min(textWidth(c.publisher, 22, 'bold'), INNER / 2);
  if (c.source) text(PAD, 605, 22, 'regular', COLOR.muted, ellipsize(c.source, INNER - publisherWidth - 40, 22));
  text(CARD_WIDTH - PAD, 605, 22, 'bold', COLOR.text, ellipsize(c.publisher, INNER / 2, 22, 'bold'), ' text-anchor="end"');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${CARD_FONT_FAMILY}">`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

// Everything outside XML 1.0's Char production (most control characters, lone surrogates).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value for the SVG: markup characters as entities, characters XML cannot hold dropped. */
export function escapeXml(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => XML_ESC[c]!);
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
