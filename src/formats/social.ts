/**
 * What the social formats (`thread`, `telegram`) say, as plain-text lines:
 * the headline, the total, the key facts, the link and the tags. Each fact is
 * offered in a few wordings from fullest to barest, and the first whose every
 * figure the article itself states is used (none: the fact is left out), so a
 * post never carries a figure the article does not.
 *
 * Snapshot strings (coin names, exchanges, the source) are data. On X and
 * Telegram, text becomes a link, a mention, a hashtag or a cashtag by its
 * look alone, so `defang` breaks those looks: a dot before letters becomes
 * U+2024 (one dot leader, which reads the same), as do the dots of a dotted
 * number such as an IP address; `@` or `#` before a letter or digit, `$`
 * before a letter, `/` at the start of a word (a bot command) and the `://`
 * of a URL get a zero-width space after them.
 */
import { findProblems, indexClaims, type ClaimIndex } from '../check/figures.js';
import type { AssetFacts } from '../facts/types.js';
import type { FormatContext } from './context.js';

export interface SocialLines {
  headline: string;
  /** The total and the window, e.g. "$1.08 billion liquidated in the past 24 hours across about 182,000 traders." */
  total: string | null;
  /** Sides, leading coins, largest order, price move, sentiment: each when present and stated. */
  facts: string[];
  /** The article's canonical URL (only when a base URL is set). */
  link: string | null;
  /** "Data: CoinGlass". */
  source: string | null;
  /** Cashtags then hashtags, from the facts. */
  tags: string[];
}

export function socialLines(ctx: FormatContext): SocialLines {
  const f = ctx.facts;
  const claims = indexClaims(ctx.claims);
  const pick = (...wordings: (string | null | false | undefined)[]): string | null => firstStated(claims, wordings);

  // A quiet window: nothing was liquidated, so there is no side, coin or order to speak of.
  const quiet = f.total.value === 0;
  const total = quiet
    ? `No liquidations were recorded ${f.window.past}.`
    : pick(
        f.traders && `${cap(f.total.text)} liquidated ${f.window.past} ${f.traders.value === 1 ? 'from a single trader' : `across ${f.traders.text} traders`}.`,
        `${cap(f.total.text)} liquidated ${f.window.past}.`,
        `${cap(f.total.text)} liquidated.`,
      );

  const facts: (string | null)[] = [];
  if (quiet) {
    // Nothing to break down.
  } else if (f.dominant && f.minority && f.minority.usd.value > 0) {
    facts.push(
      pick(
        `Longs: ${f.long.usd.text} (${f.long.share.text}) · Shorts: ${f.short.usd.text} (${f.short.share.text})`,
        `${sideName(f.dominant.side)}: ${f.dominant.usd.text} (${f.dominant.share.text}) · ${sideName(f.minority.side)}: ${f.minority.usd.text}`,
        `Longs: ${f.long.usd.text} · Shorts: ${f.short.usd.text}`,
        `${sideName(f.dominant.side)}: ${f.dominant.usd.text} (${f.dominant.share.text} of the total)`,
        `${sideName(f.dominant.side)}: ${f.dominant.usd.text}`,
        `${sideName(f.dominant.side)} took ${f.dominant.share.text} of the liquidations`,
      ),
    );
  } else if (f.dominant) {
    const only = sideName(f.dominant.side);
    facts.push(pick(`${only}: ${f.dominant.usd.text} (${f.dominant.share.text})`, `${only} only: ${f.dominant.usd.text}`, `Every liquidated position was a ${f.dominant.side}`));
  } else {
    facts.push(pick(`Longs: ${f.long.usd.text} · Shorts: ${f.short.usd.text}`, 'Longs and shorts were hit about evenly'));
  }
  if (!quiet) for (const a of f.topAssets) facts.push(assetLine(a, pick));
  const order = f.largestOrder;
  if (order && !quiet) {
    const where = `${defang(order.symbol)} on ${defang(order.exchange)}`;
    facts.push(pick(`Largest single liquidation: ${order.usd.text}, a ${order.side} on ${where}`, `Largest single liquidation: a ${order.side} on ${where}`));
  }
  const lead = f.priceLead;
  if (lead?.price) {
    const p = lead.price;
    const name = defang(lead.label);
    facts.push(
      p.direction === 'flat'
        ? pick(`${name} held steady at ${p.close.text}`, `${name} held steady`)
        : pick(`${name} ${p.verb} ${p.change.text} to ${p.close.text}`, `${name} ${p.verb} ${p.change.text}`, `${name} ${p.verb} to ${p.close.text}`),
    );
  }
  if (f.sentiment) {
    const label = defang(f.sentiment.label);
    facts.push(pick(f.sentiment.index && `Fear & Greed Index: ${f.sentiment.index.text} (${label})`, `Sentiment: ${label}`));
  }

  return {
    headline: defang(ctx.text.headline),
    total,
    facts: facts.filter((x): x is string => x !== null),
    link: ctx.page.canonicalUrl,
    source: f.source ? `Data: ${defang(f.source.name)}` : null,
    tags: [...f.cashtags, ...f.hashtags],
  };
}

function assetLine(a: AssetFacts, pick: (...w: (string | null | false | undefined)[]) => string | null): string | null {
  const name = defang(a.label === a.symbol ? a.symbol : `${a.label} (${a.symbol})`);
  const side = a.long && a.short ? (a.dominantSide === 'long' ? a.long : a.short) : null;
  return pick(
    `${name}: ${a.total.text} liquidated (${a.share.text} of the total)`,
    `${name}: ${a.total.text} liquidated`,
    side && `${name}: ${side.text} in ${a.dominantSide} positions liquidated`,
  );
}

function firstStated(claims: ClaimIndex, wordings: readonly (string | null | false | undefined)[]): string | null {
  for (const w of wordings) if (w && findProblems(w, claims).length === 0) return w;
  return null;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const sideName = (side: 'long' | 'short'): string => (side === 'long' ? 'Longs' : 'Shorts');

/** Snapshot text made inert for X and Telegram: one line, no link, mention, hashtag or cashtag. */
export function defang(s: string): string {
  return (
    s
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/([\p{L}\p{N}_-])\.(?=\p{L})/gu, '$1\u2024')
      // Dotted numbers (an IP address, "127.0.0.1") are links too; a figure has at most one dot.
      .replace(/\d+(?:\.\d+){2,}/g, (m) => m.replace(/\./g, '\u2024'))
      .replace(/:\/\//g, ':/\u200B/')
      // A mention or hashtag may start with a digit ("@2pac", "#1st"); a cashtag may not ("$1.2 billion" is a figure).
      .replace(/([@#＠＃])(?=[\p{L}\p{N}_])/gu, '$1\u200B')
      .replace(/([$＄])(?=[\p{L}_])/gu, '$1\u200B')
      // A bot command ("/start") at the start of a word.
      .replace(/(^|\s)\/(?=[\p{L}\p{N}_])/gu, '$1/\u200B')
      .replace(/\{(?=[{%#])/g, '{\u200B')
  );
}
