/**
 * The context facts: how this window compares with the earlier windows of
 * the SAME length (a week with weeks, an hour with hours, never across).
 *
 * "Earlier" means windows that END AT OR BEFORE THIS WINDOW'S START: they
 * cannot overlap it, and a re-render of this story never compares it with
 * itself. Every fact carries `source`, the label a claim cites
 * (`history: 2026-10-10 (24h)`), and `partial`: true when the current window
 * or a window it is compared with has partial coverage, so the comparison
 * holds only for lower bounds: word it "at least …", or leave it out.
 *
 * With no earlier window of this length, `empty` is true and every fact is
 * null (ranks []): the article must then assert no trend or comparison.
 */

/** An earlier window, as the facts cite it. */
export interface WindowRef {
  /** The stored story id; null when the fact came from the snapshot's context.history block. */
  storyId: string | null;
  /** ISO UTC. */
  start: string;
  end: string;
  /** The UTC day of the window's last instant (YYYY-MM-DD): the day a daily window covers. */
  date: string;
  usd: number;
  partial: boolean;
}

export interface Sourced {
  /** The claim's source, e.g. `history: 2026-10-10 (24h)`. */
  source: string;
  /** A partial window is involved: the comparison is a lower bound ("at least"), or skip it. */
  partial: boolean;
}

/** The latest earlier window, and the change to this one. */
export interface PreviousFact extends Sourced {
  window: WindowRef;
  /** It ends exactly where this one starts ("a day earlier"); false when there is a gap. */
  adjacent: boolean;
  /** Minutes between its end and this window's start (0 when adjacent). */
  gapMinutes: number;
  /** This total minus the previous one (USD), and this total divided by it (null when it was $0). */
  change: { usd: number; ratio: number | null };
}

/** "The largest since <date>": the last earlier window at least this large; or none: the largest on record. */
export interface LargestFact extends Sourced {
  /** No earlier window of this length in the store is as large. */
  onRecord: boolean;
  since: WindowRef | null;
  /** Days from `since`'s end to this window's start; null when onRecord. */
  spanDays: number | null;
}

/**
 * Rank among the windows of this length that lie within the `days` ending at
 * this window's end (this one included): rank 1 = the largest. A span is
 * listed only when the store reaches back over all of it (its oldest window
 * of this length is at least that old); `of` is how many windows it held
 * (gaps make it fewer than days × windows a day). Ranks are told to
 * RANK_CAP (10): `rank` is null for a window outside the top 10, since no
 * newsroom writes "the 212th-largest hour of the year" (and counting past the
 * top would cost a scan of the span).
 */
export interface RankFact extends Sourced {
  days: 7 | 30 | 90 | 365;
  rank: number | null;
  of: number;
}

/** This total as a multiple of the median of the (at most) 30 latest earlier windows. Null under 5 windows. */
export interface MedianFact extends Sourced {
  usd: number;
  windows: number;
  /** How many of those windows were partial (lower bounds). */
  partialWindows: number;
  /** Null when the median is $0. */
  multiple: number | null;
}

/** The largest earlier window of this length. */
export interface RecordFact extends Sourced {
  window: WindowRef;
  /** This window is larger than the record. */
  broken: boolean;
}

/** The latest earlier window that had a sentiment reading, and the change since. Only when this snapshot has one. */
export interface SentimentFact extends Sourced {
  window: WindowRef;
  previous: { index: number | null; label: string | null };
  /** This index minus the previous (null unless both have an index). */
  change: number | null;
  labelChanged: boolean;
}

/** Open interest change or funding rate: the latest earlier reading and the difference in percentage points. */
export interface ReadingFact extends Sourced {
  window: WindowRef;
  previousPct: number;
  changePts: number;
}

export interface HistoryContext {
  /** Where the facts came from: the store, or the snapshot's own context.history block. */
  from: 'store' | 'snapshot';
  windowMinutes: number;
  /** "24h", "1h", "7d". */
  window: string;
  /** This window has partial coverage: its total is a lower bound. */
  currentPartial: boolean;
  empty: boolean;
  previous: PreviousFact | null;
  largest: LargestFact | null;
  ranks: RankFact[];
  median: MedianFact | null;
  record: RecordFact | null;
  sentiment: SentimentFact | null;
  openInterest: ReadingFact | null;
  funding: ReadingFact | null;
  /**
   * The (at most) MEDIAN_WINDOWS latest earlier windows of this length, oldest first: the history chart's
   * bars (src/chart/). The same windows the median is taken over; empty without a store.
   */
  series: SeriesPoint[];
}

/** One earlier window of the chart's series. */
export interface SeriesPoint {
  /** ISO UTC end of the window. */
  end: string;
  usd: number;
  partial: boolean;
}

/** What contextFor reads of a snapshot (a Snapshot fits; so does a HistoryEntry-like object). */
export interface ContextSubject {
  id?: string | undefined;
  window: { start: string; end: string };
  totals: { usd: number };
  coverage?: 'complete' | 'partial' | undefined;
  market?: {
    sentiment?: { index?: number | undefined; label?: string | undefined } | undefined;
    openInterestChangePct?: number | undefined;
    fundingRatePct?: number | undefined;
  } | undefined;
}

export const RANK_SPANS = [7, 30, 90, 365] as const;
/** Ranks are told up to this; beyond it, RankFact.rank is null. */
export const RANK_CAP = 10;
/** The trailing median uses at most this many windows, and is given only from MEDIAN_MIN_WINDOWS. */
export const MEDIAN_WINDOWS = 30;
export const MEDIAN_MIN_WINDOWS = 5;
