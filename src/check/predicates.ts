/**
 * The statement check's predicate catalogue (issue 10): each is a pure
 * function of the facts, named in templates/assertions.json beside the
 * phrases that rely on it. The comment on each states its threshold.
 */
import type { StoryFacts } from '../facts/types.js';

/** The price the article tells the move by (Bitcoin when priced, else the price lead). */
const lead = (f: StoryFacts) => f.priceLead?.price ?? null;

export const PREDICATES = {
  /** Never true: liquidation data cannot support it (winners, order-book depth, advice, a superlative for two sides). */
  never: (): boolean => false,
  /** The window may be called a cascade: a day's pace of $100 million or more, and more than one trader when counted (facts.cascadeSized). */
  cascadeSized: (f: StoryFacts): boolean => f.cascadeSized,
  /** The lead price closed the window higher (direction 'up'). */
  priceUp: (f: StoryFacts): boolean => lead(f)?.direction === 'up',
  /** The lead price closed the window lower (direction 'down'). */
  priceDown: (f: StoryFacts): boolean => lead(f)?.direction === 'down',
  /** Longs were the dominant side: at least 60 % of the total (facts.dominant). */
  longsLed: (f: StoryFacts): boolean => f.dominant?.side === 'long',
  /** Shorts were the dominant side: at least 60 % of the total (facts.dominant). */
  shortsLed: (f: StoryFacts): boolean => f.dominant?.side === 'short',
  /** More longs than shorts liquidated, by any margin (false on a tie). */
  longsLarger: (f: StoryFacts): boolean => f.long.usd.value > f.short.usd.value,
  /** More shorts than longs liquidated, by any margin (false on a tie). */
  shortsLarger: (f: StoryFacts): boolean => f.short.usd.value > f.long.usd.value,
  /** Both sides had liquidations (long and short above zero): "bulls and bears were both forced out". */
  bothSides: (f: StoryFacts): boolean => f.long.usd.value > 0 && f.short.usd.value > 0,
  /** The dominant side held at least 80 % of the total. */
  lopsided: (f: StoryFacts): boolean => f.lopsided,
  /** The coins past the top two held at least 10 % of the total (facts.wideTail). */
  wideTail: (f: StoryFacts): boolean => f.wideTail,
  /** A big window (facts.big), longs dominant, and the lead price down: a rout. */
  longRout: (f: StoryFacts): boolean => f.big && f.dominant?.side === 'long' && lead(f)?.direction === 'down',
  /** A coin other than Bitcoin led, at least 5 points of share ahead of Bitcoin (or Bitcoin absent). */
  altLedBy5: (f: StoryFacts): boolean =>
    f.leader !== null && !f.leader.isBitcoin && (f.bitcoin === null || f.leader.share.value - f.bitcoin.share.value >= 5),
  /** The window's total beat the snapshot's own record (context.record, facts.record.beaten). */
  recordBeaten: (f: StoryFacts): boolean => f.record?.beaten === true,
  /** A leading coin strictly ahead of the next one (facts.leaderAhead): "the largest slice", "first on the list". */
  leaderAhead: (f: StoryFacts): boolean => f.leaderAhead,
  /** Earlier windows to compare with were given (facts.history is not null): any trend or comparison needs it. */
  historyAny: (f: StoryFacts): boolean => f.history !== null,
} as const satisfies Record<string, (f: StoryFacts) => boolean>;

export type PredicateName = keyof typeof PREDICATES;

export const isPredicateName = (name: string): name is PredicateName => Object.hasOwn(PREDICATES, name);
