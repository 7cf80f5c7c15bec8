/**
 * StoryFacts: everything a template may say, as plain serialisable data.
 * Every optional part is present as `null` when the snapshot lacks it, so
 * strict templates can test it with `{{#if}}` and never print "undefined".
 */
import type { Claim } from './ledger.js';
import type { Figure, Money } from './format.js';
import type { WindowFacts } from './window.js';
import type { HistoryFacts } from './history.js';
import type { SeriesPoint } from '../history/context-types.js';
import type { Tables } from './table.js';

export type Side = 'long' | 'short';
export type Angle = 'all-time-high' | 'whale' | 'short-squeeze' | 'long-flush' | 'alt-led' | 'two-way';
export type Tier = 'small' | 'moderate' | 'large' | 'massive' | 'extreme';

export interface SideFacts {
  side: Side;
  usd: Money;
  share: Figure;
}

export interface PriceFacts {
  open: Figure;
  close: Figure;
  high: Figure | null;
  low: Figure | null;
  change: Figure;
  direction: 'up' | 'down' | 'flat';
  /** "rose" / "fell" / "held steady". */
  verb: string;
  previousAllTimeHigh: Figure | null;
  /** The close is above the record price before this window. */
  newAllTimeHigh: boolean;
}

export interface AssetFacts {
  symbol: string;
  name: string;
  /** Short name for headlines: the name when it is short, else the ticker. */
  label: string;
  /** 1 = most liquidated. */
  rank: number;
  isBitcoin: boolean;
  total: Money;
  share: Figure;
  long: Money | null;
  short: Money | null;
  /** The side with more liquidations on this coin. */
  dominantSide: Side;
  dominant: Money;
  /** Both sides hit and the larger one under 55 % of this coin's total: "split closely", not "mostly". */
  evenSplit: boolean;
  /** Both sides printed (`long.text` + `short.text`) come to the printed `total.text`; true when a side is missing. */
  sidesAddUp: boolean;
  price: PriceFacts | null;
}

export interface ExchangeFacts {
  name: string;
  rank: number;
  total: Money;
  share: Figure;
  dominantSide: Side;
}

export interface LargestOrderFacts {
  exchange: string;
  symbol: string;
  assetName: string | null;
  side: Side;
  usd: Money;
  share: Figure;
  isWhale: boolean;
}

/** A catalyst from the snapshot: its sentence, its kind when the snapshot gives one, and whether it is technical (never called news). */
export interface CatalystItem {
  text: string;
  kind: 'macro' | 'regulatory' | 'flows' | 'technical' | 'on-chain' | 'exchange' | 'other' | null;
  technical: boolean;
  /** An earlier item has the same kind (templates then tell it as one more of the same, not with the kind's opening again). */
  again: boolean;
}

export interface LevelFacts {
  asset: string;
  assetName: string;
  kind: 'support' | 'resistance';
  isZone: boolean;
  low: Figure;
  high: Figure | null;
  /** "$92,000–$93,000" or "$92,000". */
  text: string;
  /** Where the close sits against it, when the asset has a close: broken / held / rejected / tested. */
  status: 'broken' | 'held' | 'rejected' | null;
}

/** A reason the market moved, in the order an article should give them (at most four). */
export type Driver =
  | { kind: 'catalyst'; text: string; about: CatalystItem['kind'] }
  | { kind: 'positioning' | 'sentiment' | 'leverage' | 'level' | 'funding' };

export interface StoryFacts {
  id: string;
  coverage: 'complete' | 'partial';
  partial: boolean;
  window: WindowFacts;
  source: { name: string; url: string | null } | null;
  total: Money;
  long: SideFacts;
  short: SideFacts;
  /** The side with at least 60 % of the total, or null for a two-way market. */
  dominant: SideFacts | null;
  minority: SideFacts | null;
  /** Whether the dominant side held at least 80 % ("the vast majority"). */
  lopsided: boolean;
  /**
   * The two sides' amounts as printed (`long.usd.text` + `short.usd.text`) come to the printed total (`total.text`)
   * at its precision (3 significant figures, cents below $100). When they do not ("$375 million" and "$125 million"
   * beside "$499 million"), a sentence next to the total gives the split as shares, not as two sums to add (issue 10 item 1).
   */
  sidesAddUp: boolean;
  hourly: Money | null;
  traders: Figure | null;
  /**
   * Size, measured by the pace and not the raw total: the total at the
   * window's rate over 24 hours (windows under an hour count as an hour), so a
   * week is not "massive" for being seven days long. With history the
   * register (below) decides instead (src/generate.ts withHistory).
   */
  tier: Tier;
  /** Tier at least "large" ($500 million a day's pace or more), or a major story against history: strong words allowed. */
  big: boolean;
  /** Tier at least "massive" ($1 billion a day's pace or more), and not ordinary against history: "carnage" allowed. */
  huge: boolean;
  /**
   * Tier above "small" ($100 million a day's pace or more) and not a single trader: the event may be called
   * "the cascade". A $120,000 window, or one account closed out, is a round of liquidations, not a cascade.
   */
  cascadeSized: boolean;
  /** How much of a story it is, as `decide` measures it (src/history/decide.ts): brief, standard or major. */
  register: 'brief' | 'standard' | 'major';
  assets: AssetFacts[];
  /** Up to three leading assets for lists. */
  topAssets: AssetFacts[];
  /** The coins past the top two hold 10 % of the total or more: the only case in which the breadth of the damage is remarked on. */
  wideTail: boolean;
  leader: AssetFacts | null;
  /** The leader's total is larger than the runner-up's (or it has none): only then is it "the largest". */
  leaderAhead: boolean;
  runnerUp: AssetFacts | null;
  /** The rest of the market after `topAssets`, or null when it is nothing. */
  others: { usd: Money; count: Figure | null } | null;
  bitcoin: AssetFacts | null;
  ether: AssetFacts | null;
  /** The asset whose price path the story follows (Bitcoin when it has prices). */
  priceLead: AssetFacts | null;
  /** The coin that closed above its previous all-time high (the price lead when it did), or null. */
  recordSetter: AssetFacts | null;
  exchanges: ExchangeFacts[];
  exchangeNames: string | null;
  largestOrder: LargestOrderFacts | null;
  sentiment: { index: Figure | null; label: string; fearful: boolean; greedy: boolean } | null;
  openInterest: { change: Figure; direction: 'up' | 'down' | 'flat'; verb: string } | null;
  funding: { rate: Figure; sign: 'positive' | 'negative' | 'zero' } | null;
  levels: LevelFacts[];
  keyLevel: LevelFacts | null;
  /** The catalysts' sentences (catalystItems' texts), for templates that list them. */
  catalysts: string[];
  /** The catalysts with their kind; one that repeats a level's price is left out (the level says it). */
  catalystItems: CatalystItem[];
  /** There are catalysts and none is technical: only then may an intro call them news or headlines. */
  catalystsAllNews: boolean;
  /** Causes for "what's driving it": editor catalysts first, then what the data itself shows. */
  drivers: Driver[];
  record: { usd: Money; date: string; share: Figure; beaten: boolean } | null;
  related: { title: string; url: string }[];
  hashtags: string[];
  cashtags: string[];
  tags: string[];
  angle: Angle;
  angles: Angle[];
  /** How this window compares with earlier ones of the same length; null without history (then nothing comparative is said). */
  history: HistoryFacts | null;
  /** The "By the numbers" tables (facts/table.ts): every cell a claim's display. */
  tables: Tables;
  /**
   * The earlier windows of this length the history store holds, oldest first, at most 30
   * (HistoryContext.series): the history chart's bars. Empty without a store. Not in the sidecar
   * (the chart is drawn from it; the text states none of these amounts).
   */
  series: SeriesPoint[];
  claims: Claim[];
}
