/**
 * What the charts show, taken from the facts and never recomputed: the coin
 * chart's bars are the "By the numbers" rows (facts/table.ts: the same
 * leading coins, the same rest of the market, each label a claim's display),
 * the history chart's bars are the store's earlier windows of this length
 * (facts.series, HistoryContext.series) and this window.
 */
import type { StoryFacts } from '../facts/types.js';
import { NONE } from '../facts/table.js';
import type { Money } from '../facts/format.js';

export interface CoinBar {
  /** The row's label as the table prints it ("Bitcoin (BTC)", "Other coins"): snapshot text, raw (the SVG writer escapes it). */
  coin: string;
  long: number;
  short: number;
  /** The table's display strings for the two sides ("$428 million"), or null for a side with nothing liquidated. */
  longText: string | null;
  shortText: string | null;
}

export interface WindowBar {
  /** ISO UTC end of the window. */
  end: string;
  usd: number;
  /** This article's window, highlighted. */
  current: boolean;
}

export interface ChartData {
  coins: CoinBar[];
  /** The earlier windows and this one, oldest first; null when the store knows no earlier window of this length. */
  windows: WindowBar[] | null;
  /** This window's total as the text states it (a claim's display), the highlighted bar's label. */
  totalText: string;
  /** "24-hour", "seven-day": the window's length as the text words it. */
  windowAdjective: string;
}

/** The one row of a snapshot without coins (the table's total row says the same). */
export const ALL_COINS = 'All coins';

/** A side's display as the table prints it (no "at least": the amounts are what the snapshot counted), null for none. */
const money = (m: Money): string | null => (m.value === 0 ? null : m.text.replace(/^at least /, ''));

const side = (text: string | undefined): string | null => (text === undefined || text === NONE || text === '' ? null : text);

/** The charts' data, or null when there is nothing to draw (nothing liquidated). */
export function chartData(f: StoryFacts): ChartData | null {
  if (f.total.value === 0) return null;
  const rows = f.tables.assets?.rows.filter((r) => r.kind !== 'total') ?? [];
  const coins: CoinBar[] = rows.map((r) => ({ coin: r.label, long: r.usd.long, short: r.usd.short, longText: side(r.cells.long), shortText: side(r.cells.short) }));
  // A snapshot that names no coins still has the market's split: one bar, the totals as the text states them.
  if (coins.length === 0) coins.push({ coin: ALL_COINS, long: f.long.usd.value, short: f.short.usd.value, longText: money(f.long.usd), shortText: money(f.short.usd) });
  const windows = f.series.length > 0 ? [...f.series.map((s) => ({ end: s.end, usd: s.usd, current: false })), { end: f.window.end, usd: f.total.value, current: true }] : null;
  return { coins, windows, totalText: f.total.text, windowAdjective: f.window.adjective };
}
