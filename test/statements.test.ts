/**
 * The statement check (issue 10): the figure check proves every number; this
 * holds the sentences around them to the data. Each entry below is a phrase
 * that asserts something about the market (who profited, how deep the books
 * were, which side was crowded, which way prices went) and the fact that must
 * be true for an article to say it. Every fixture and several hundred random
 * snapshots (ties, 50/50 splits, prices absent, squeezes, one-hour windows,
 * weeks, partial coverage) are rendered in every style, and a phrase that
 * appears while its fact is false fails the test. Text the snapshot supplies
 * (catalysts, names) is blanked first: it is the editor's.
 *
 * The list lives here, beside the templates' tests; a writer who adds an
 * assertive sentence to a template adds its phrase and its fact here.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import type { StoryFacts } from '../src/facts/types.js';
import type { StyleName } from '../src/plan/styles.js';
import { allCases, NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { adversarialSnapshot } from './adversarial-snapshots.js';
import { asRead } from './text-defects.js';

const STYLES: readonly StyleName[] = ['bulletin', 'explainer', 'recap', 'tldr', 'analysis'];

/** The price the article tells the move by (Bitcoin when priced, else the price lead). */
const lead = (f: StoryFacts) => f.priceLead?.price ?? null;
const leadUp = (f: StoryFacts): boolean => lead(f)?.direction === 'up';
const leadDown = (f: StoryFacts): boolean => lead(f)?.direction === 'down';
const never = (): boolean => false;

export interface Assertion {
  /** What the phrase claims, for the failure message. */
  claim: string;
  phrase: RegExp;
  /** The fact that must hold for the article to say it. */
  holds: (f: StoryFacts) => boolean;
  /** Wrong even as a question ("Which side was hit hardest?"). */
  evenAsked?: boolean;
}

export const ASSERTIONS: readonly Assertion[] = [
  // Who profited: liquidation data names no winners.
  { claim: 'someone profited', phrase: /\b(?:came out ahead|profited|cashed in|pocketed|were rewarded|collected (?:the|their) (?:gains|winnings))\b/i, holds: never },
  // Depth and liquidity: the contract carries no order-book data, so nothing may be said of this window's.
  { claim: 'the order books were thin or deep', phrase: /\b(?:order[- ]book depth (?:suffered|thinned|collapsed|was)|thin liquidity (?:made|worsened|added)|liquidity (?:dried up|was thin|thinned|evaporated|vanished)|the books were (?:thin|empty|deep)|liquidity providers\b[^.]{0,40}\b(?:happy|glad|oblige))/i, holds: never },
  // Trading advice is not news.
  { claim: 'trading advice', phrase: /\b(?:size (?:small|smaller|down)|you should|traders should (?:buy|sell|avoid|reduce|consider)|we recommend|consider (?:hedging|reducing|taking profit))\b/i, holds: never },
  // Prices: a direction needs the price to have gone that way.
  { claim: 'longs were comfortable higher up (needs a price that fell)', phrase: /\bcomfortable a few percent higher\b/i, holds: leadDown },
  { claim: 'a rally (needs the lead price up)', phrase: /\b(?:the|a|this|that) rally\b|\brallied\b/i, holds: leadUp },
  { claim: 'a sell-off or slide (needs the lead price down)', phrase: /\b(?:the|a|this|that) (?:sell-off|selloff|slide|slump|price drop)\b/i, holds: leadDown },
  { claim: 'a rout (needs a big long flush on a falling price)', phrase: /\b(?:a|the) rout\b/i, holds: (f) => f.big && f.dominant?.side === 'long' && leadDown(f) },
  { claim: 'forced selling (needs longs to dominate)', phrase: /\bforced selling (?:widen|deepen|fed|pushed|drove|accelerat)/i, holds: (f) => f.dominant?.side === 'long' },
  { claim: 'forced buying (needs shorts to dominate)', phrase: /\bforced buying (?:widen|fed|pushed|drove|lifted|accelerat)/i, holds: (f) => f.dominant?.side === 'short' },
  // Positioning: a crowded trade needs a lopsided split (80 % or more).
  { claim: 'a crowded trade (needs 80 % on one side)', phrase: /\b(?:plainly|clearly) the crowded trade\b|\bthe crowded trade\b/i, holds: (f) => f.lopsided },
  // The long tail: "stretched" needs the coins outside the top three to be a real share (10 % or more).
  { claim: 'leverage stretched down the list (needs wideTail: 10 % past the top two)', phrase: /\bstretched in the long tail\b|\bwell down the table\b|\bstretched further down the list\b|\bran deeper than the top\b|\bnot (?:limited|confined) to the (?:two biggest|leaders)/i, holds: (f) => f.wideTail },
  // Bitcoin not the epicentre: needs another coin clearly ahead (5 points or more).
  {
    claim: 'Bitcoin was not the centre (needs another coin 5 points ahead)',
    phrase: /\bBitcoin was not the (?:epicenter|epicentre|center|centre)\b|\bnot Bitcoin traders\b/i,
    holds: (f) => f.leader !== null && !f.leader.isBitcoin && (f.bitcoin === null || f.leader.share.value - f.bitcoin.share.value >= 5),
  },
  // Two sides compared: "hardest" is for three or more.
  { claim: 'a superlative for two sides', phrase: /\bwhich side\b[^?.]{0,40}\bhardest\b/i, holds: never, evenAsked: true },
];

/** Every string the snapshot supplies, longest first. */
function supplied(snapshot: unknown): string[] {
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

/** Whether the sentence around a match denies it or asks it (a negation, or a question mark ending it). */
function deniedOrAsked(text: string, at: number, length: number): boolean {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at), text.lastIndexOf('— ', at)) + 1;
  const ends = [text.indexOf('. ', at + length), text.indexOf('\n', at + length), text.indexOf('?', at + length)].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : text.length;
  const sentence = text.slice(start, end + 1);
  return /\b(?:not|no|nobody|neither|nor|never|none)\b|n't\b/i.test(sentence) || text[end] === '?';
}

/** The assertions an article makes while the fact behind them is false. */
export function unsupported(text: string, facts: StoryFacts, snapshot: unknown): string[] {
  const plain = supplied(snapshot).reduce((t, s) => t.split(s).join('…'), asRead(text));
  const out: string[] = [];
  for (const a of ASSERTIONS) {
    if (a.holds(facts)) continue;
    // A phrase denied or asked about ("not who came out ahead", "Who came out ahead?") asserts nothing.
    const m = [...plain.matchAll(new RegExp(a.phrase.source, 'gi'))].find((x) => a.evenAsked === true || !deniedOrAsked(plain, x.index, x[0].length));
    if (m) out.push(`${a.claim}: …${plain.slice(Math.max(0, m.index - 60), m.index + m[0].length + 30).replace(/\n/g, ' ')}…`);
  }
  return out;
}

const INPUTS: { name: string; snap: unknown }[] = [
  ...allCases().map((c) => ({ name: c.id, snap: JSON.parse(c.snapshotText) as unknown })),
  ...Array.from({ length: 250 }, (_, i) => ({ name: `random ${7000 + i}`, snap: randomSnapshot(7000 + i) as unknown })),
  ...Array.from({ length: 150 }, (_, i) => ({ name: `adversarial ${500 + i}`, snap: adversarialSnapshot(500 + i) as unknown })),
];

describe('the statement reader', () => {
  it('flags a statement whose fact is false and lets it pass when it is true', () => {
    const facts = generate(randomSnapshot(7000), { style: 'bulletin', now: NOW }).facts;
    expect(unsupported('Shorts came out ahead.', facts, {})).toHaveLength(1);
    expect(unsupported('Order-book depth suffered too.', facts, {})).toHaveLength(1);
    expect(unsupported('Which side was hit hardest?', facts, {})).toHaveLength(1);
    expect(unsupported('The figures show who was forced out, not who came out ahead. Who came out ahead? Nobody knows.', facts, {})).toEqual([]);
    expect(unsupported('Which side was hit harder?', facts, {})).toEqual([]);
    const lopsided = { ...facts, lopsided: true } as StoryFacts;
    expect(unsupported('Longs were the crowded trade.', lopsided, {})).toEqual([]);
    expect(unsupported('Longs were the crowded trade.', { ...facts, lopsided: false } as StoryFacts, {})).toHaveLength(1);
    // The editor's own words are theirs.
    expect(unsupported('Context: shorts came out ahead.', facts, { context: { catalysts: ['shorts came out ahead'] } })).toEqual([]);
  });
});

describe('no article states what its data does not support', () => {
  for (const style of STYLES) {
    it(`${style}: every fixture, 250 random and 150 adversarial snapshots`, () => {
      const problems: string[] = [];
      for (const { name, snap } of INPUTS) {
        const a = generate(snap, { style, now: NOW });
        for (const p of unsupported(`${a.title}\n${a.description}\n${a.body}`, a.facts, snap)) problems.push(`${name}: ${p}`);
      }
      expect(problems.slice(0, 15), `${problems.length} unsupported statement(s)`).toEqual([]);
    });
  }
});
