/**
 * Issue 10 (items 2 and 7): words that state more than the facts.
 *
 * Liquidated is not lost. The notional value of the positions an exchange
 * force-closed is not what their owners lost (that is the margin behind them,
 * which the snapshot does not carry), so no sentence may say a coin, a side or
 * the market "lost" a dollar figure ("Ethereum, which lost $374 million",
 * "longs losing $140 million", "$88 million of the losses"). A price that lost
 * a percent, a support level that was lost, traders who lost their collateral
 * are facts and pass.
 *
 * Two sides take the comparative: a sentence or a heading about longs and
 * shorts says which side was hit harder, not hardest ("the hardest-hit coin"
 * among many coins is fine).
 *
 * Every fixture, a few hundred random and adversarial snapshots (half of the
 * random ones with a previous window, so that history's sentences are read
 * too) are rendered in every style below. Text the snapshot supplies
 * (catalysts, titles, names) is blanked first: it is the editor's, not the
 * template's.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import type { StyleName } from '../src/plan/styles.js';
import { allCases, NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { adversarialSnapshot } from './adversarial-snapshots.js';

/** The styles checked: all five. */
const STYLES: readonly StyleName[] = ['bulletin', 'explainer', 'recap', 'tldr', 'analysis'];

/**
 * A word of loss followed, in the same sentence, by a dollar figure: "lost $374 million", "losing $140 million",
 * "the heaviest losses, $1.2 billion". A price's loss told as a percent ("lost 2.1%", "a 5.3% loss") and a support
 * level that was lost ("lost support at $95,000"; the level's name may be the snapshot's, blanked to …) pass.
 */
const LOSS_THEN_FIGURE = /(?<!%\s)\b(?:lost|losing|loses|lose|losses|loss)\b(?!\s+(?:about\s+|nearly\s+|almost\s+)?\d[\d.,]*%)(?!\s+(?:support|…)\s)(?!\s+(?:their|its|his|her)\b)[^.;]{0,40}\$\d/gi;

/** A dollar figure followed closely by a word of loss: "$374 million lost", "$88 million of the losses". */
const FIGURE_THEN_LOSS = /\$\d[\d.,]*\s*(?:million|billion|thousand|trillion|[KMBT]\b)?[^.;$]{0,25}\b(?:lost|in losses|of the losses|losses)\b/gi;

/** A superlative of harm, in a sentence or heading that is about the two sides. */
const HARDEST = /\b(?:hit hardest|hardest[- ]hit|hardest)\b/i;
const TWO_SIDES = /\b(?:longs?|shorts?|side|sides|bulls|bears|buyers|sellers)\b/i;
/** "The hardest-hit coin/asset" compares many coins, not the two sides. */
const MANY = /\bhardest[- ]hit (?:coin|asset|token|market|exchange|venue)s?\b|\b(?:coins?|assets?|tokens?) (?:that were )?hit hardest\b/i;

/** Every string the snapshot supplies, longest first. */
function suppliedStrings(snapshot: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 3) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(snapshot);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Sentences and lines: a decimal point ("$1.21 billion") is not an end, a full stop before a space or line end is. */
function sentences(text: string): string[] {
  return text
    .replace(/\\(?=[^\w\s])/g, '')
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Rendered {
  title: string;
  description: string;
  body: string;
}

/** The untrue wordings in an article, each with its sentence. */
export function untrueIn(a: Rendered, snapshot: unknown): string[] {
  const supplied = suppliedStrings(snapshot);
  const blank = (s: string): string => supplied.reduce((t, x) => t.split(x).join('…'), s.replace(/\\(?=[^\w\s])/g, ''));
  const out: string[] = [];
  for (const [where, text] of [['headline', a.title], ['description', a.description], ['body', a.body]] as const) {
    for (const s of sentences(blank(text))) {
      for (const re of [LOSS_THEN_FIGURE, FIGURE_THEN_LOSS]) {
        for (const m of s.matchAll(re)) out.push(`${where}: "${m[0]}" in: ${s}`);
      }
      if (HARDEST.test(s) && TWO_SIDES.test(s) && !MANY.test(s)) out.push(`${where}: superlative for two sides in: ${s}`);
    }
  }
  return out;
}

const DAY = 86_400_000;
/** The snapshot with a previous window of the same length, `ratio` times this total. */
function withPrevious(snap: Record<string, unknown>, ratio: number): Record<string, unknown> {
  const s = snap as { window: { start: string; end: string }; totals: { usd: number }; context?: Record<string, unknown> };
  const start = Date.parse(s.window.start);
  const length = Date.parse(s.window.end) - start || DAY;
  const previous = { start: new Date(start - length).toISOString(), end: s.window.start, usd: Math.max(1, Math.round(s.totals.usd * ratio)) };
  return { ...s, context: { ...(s.context ?? {}), history: { previous } } };
}

const RATIOS = [0.3, 0.8, 1, 1.3, 3];
const RANDOM = Array.from({ length: 200 }, (_, i) => {
  const seed = 11_000 + i;
  const snap = randomSnapshot(seed);
  return { id: `random ${seed}${i % 2 ? ' (history)' : ''}`, snap: i % 2 ? withPrevious(snap, RATIOS[i % RATIOS.length]!) : snap };
});
const ADVERSARIAL = Array.from({ length: 150 }, (_, i) => ({ id: `adversarial ${12_000 + i}`, snap: adversarialSnapshot(12_000 + i) }));

describe('the wording reader', () => {
  const art = (body: string): Rendered => ({ title: 'A title', description: 'A summary.', body });
  it('flags a liquidated figure told as a loss', () => {
    expect(untrueIn(art('Between them they lost $1.21 billion.'), {})).toHaveLength(1);
    expect(untrueIn(art('Ethereum, which lost $374 million, led the list.'), {})).toHaveLength(1);
    expect(untrueIn(art('Shorts were squeezed, with longs losing $140 million and shorts $90 million.'), {})).toHaveLength(1);
    expect(untrueIn(art('No coin lost more than Ethereum: $374 million.'), {})).toHaveLength(1);
    expect(untrueIn(art('$88 million of the losses sat on the long side.'), {})).toHaveLength(1);
    expect(untrueIn(art('Which side was hit hardest?\n\nLongs, by a wide margin.'), {})).toHaveLength(1);
    expect(untrueIn(art('Longs were hit hardest, with $5 million liquidated.'), {})).toHaveLength(1);
  });
  it('lets true uses pass', () => {
    expect(untrueIn(art('Bitcoin lost 2.1%, from $95,000 to $93,000.'), {})).toEqual([]);
    expect(untrueIn(art('Bitcoin lost support at $95,000.'), {})).toEqual([]);
    expect(untrueIn(art('Ether slid from $3,100 to $2,940, a 5.2% loss, with a range of $2,900 to $3,150 along the way.'), {})).toEqual([]);
    expect(untrueIn({ title: 'Bulls Lose Their Footing — Over $1.3 Billion Force-Closed in 30 Days', description: '', body: '' }, {})).toEqual([]);
    expect(untrueIn(art('Ethereum saw $374 million of positions liquidated. Traders who lost their collateral were cleared out.'), {})).toEqual([]);
    expect(untrueIn(art('A liquidation happens when losses eat through the margin.'), {})).toEqual([]);
    expect(untrueIn(art('Ethereum was the hardest-hit coin, with $374 million liquidated.'), {})).toEqual([]);
    expect(untrueIn(art('Which side was hit harder?'), {})).toEqual([]);
    expect(untrueIn(art('Backdrop: a fund lost $2 billion.'), { context: { catalysts: ['a fund lost $2 billion'] } })).toEqual([]);
  });
});

describe('liquidated is not lost, and two sides take the comparative', () => {
  for (const style of STYLES) {
    it(`${style}: every fixture, ${RANDOM.length} random and ${ADVERSARIAL.length} adversarial snapshots`, () => {
      const problems: string[] = [];
      for (const c of allCases()) {
        const snap = JSON.parse(c.snapshotText) as unknown;
        const a = generate(c.snapshotText, { style, now: NOW, timeZone: c.spec.timeZone ?? 'UTC' });
        for (const p of untrueIn(a, snap)) problems.push(`${c.id}: ${p}`);
      }
      for (const { id, snap } of [...RANDOM, ...ADVERSARIAL]) {
        const a = generate(snap, { style, now: NOW });
        for (const p of untrueIn(a, snap)) problems.push(`${id}: ${p}`);
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
