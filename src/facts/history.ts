/**
 * The context facts: how this window compares with earlier windows of the
 * same length, from the history store (or the snapshot's `context.history`
 * block), turned into phrases whose every figure is a claim citing the
 * history row it came from (`history: 2026-10-10 (24h)`).
 *
 * Only what the data says is said. A comparison that involves a partial
 * window is left out (its total is only a lower bound, so "up" or "the
 * largest" could be false); a small change is "roughly level", not a move;
 * the largest-since and rank facts appear only when they tell the reader
 * something (a span of a week or more, a top-three place). With no earlier
 * window of this length there are no context facts at all, and the
 * templates then say nothing comparative.
 */
import type { HistoryContext, WindowRef } from '../history/context-types.js';
import type { Ledger } from './ledger.js';
import { money, percent, plain, type Figure, type Money } from './format.js';
import { labelFor } from './derive.js';

/** Within this ratio of the previous window, the two are "roughly level" rather than up or down. */
export const LEVEL_BAND = 0.05;
/** From this multiple of the median on, a window is unusually large (and at or under its inverse, unusually small). */
export const MEDIAN_NOTABLE = 1.5;
/** "The largest since …" only for a span at least this long (in days): "since yesterday" tells the reader nothing. */
export const LARGEST_SINCE_MIN_DAYS = 7;

export interface HistoryFacts {
  /** The window's length as history names it: "24h", "1h", "7d". */
  window: string;
  previous: {
    usd: Money;
    direction: 'up' | 'down' | 'level';
    /** "a day earlier", "the hour before", "on October 9". */
    when: string;
    /** "up 23% from $410 million a day earlier", "2.4 times the $410 million of a day earlier", "roughly level with …". */
    phrase: string;
    /** Set when this window is at least double the previous one. */
    multiple: Figure | null;
    change: Figure | null;
  } | null;
  /** "the largest daily total since September 14" / "the largest daily total in 90 days". */
  largest: { phrase: string } | null;
  /** "the third-largest daily total of the past 30 days" (a place from second to third). */
  rank: { phrase: string } | null;
  /** "3.4 times the median of the previous 30 days" / "under half the median of the previous 30 days". */
  median: { phrase: string; high: boolean } | null;
  /** The largest earlier window of this length, when this one is larger: "the previous high on file for a 24-hour window, $2.1 billion on March 3". */
  record: { phrase: string } | null;
  /**
   * "up from 35 a day earlier" (the index), or "from Fear" (the label alone). `previousLabel` is the earlier
   * window's label (its own, else the band of its index), so a template can tell "stays in Fear" from "turns to Fear".
   */
  sentiment: { phrase: string; direction: 'up' | 'down' | 'level'; previousLabel: string } | null;
  /** Whether any comparison is stated: templates test this one flag. */
  any: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['', '', 'second', 'third'];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Context facts for the article, or null when there is nothing to compare with. */
export function deriveHistory(ledger: Ledger, ctx: HistoryContext | null | undefined, currentUsd: number, currentYear: number): HistoryFacts | null {
  if (!ctx || ctx.empty || ctx.currentPartial) return null;
  const unit = unitOf(ctx.windowMinutes);
  const dateOf = (w: WindowRef, source: string): string => dayText(ledger, w.date, source, currentYear);

  let previous: HistoryFacts['previous'] = null;
  const p = ctx.previous;
  if (p && !p.partial && p.window.usd > 0) {
    const usd = money(ledger, p.window.usd, { source: p.source });
    const when = p.adjacent ? unit.earlier(ledger, p.source) : `on ${dateOf(p.window, p.source)}`;
    const ratio = currentUsd / p.window.usd;
    const derivation = `derive: totals.usd / ${p.source}`;
    if (ratio >= 2) {
      const multiple = times(ledger, ratio, derivation);
      previous = { usd, direction: 'up', when, multiple, change: null, phrase: `${multiple.text} the ${usd.text} of ${when.startsWith('on ') ? when.slice(3) : when}` };
    } else if (Math.abs(ratio - 1) < LEVEL_BAND) {
      previous = { usd, direction: 'level', when, multiple: null, change: null, phrase: `roughly level with the ${usd.text} ${when}` };
    } else {
      const change = percent(ledger, Math.abs(ratio - 1) * 100, derivation, 0, 'change');
      const direction = ratio > 1 ? 'up' : 'down';
      previous = { usd, direction, when, multiple: null, change, phrase: `${direction} ${change.text} from ${usd.text} ${when}` };
    }
  }

  let largest: HistoryFacts['largest'] = null;
  const l = ctx.largest;
  if (l && !l.partial) {
    if (!l.onRecord && l.since && l.spanDays !== null && l.spanDays >= LARGEST_SINCE_MIN_DAYS) {
      largest = { phrase: `the largest ${unit.total} since ${dateOf(l.since, l.source)}` };
    } else if (l.onRecord) {
      // "Largest on record" would claim more than the store knows: say the span it does cover.
      const span = [...ctx.ranks].filter((r) => r.rank === 1 && !r.partial).sort((a, b) => b.days - a.days)[0];
      if (span) largest = { phrase: `the largest ${unit.total} in ${plain(ledger, span.days, span.source).text} days` };
    }
  }

  let rank: HistoryFacts['rank'] = null;
  const placed = [...ctx.ranks].filter((r): r is typeof r & { rank: 2 | 3 } => !r.partial && r.rank !== null && r.rank >= 2 && r.rank <= 3).sort((a, b) => b.days - a.days)[0];
  if (placed) rank = { phrase: `the ${ORDINALS[placed.rank]}-largest ${unit.total} of the past ${plain(ledger, placed.days, placed.source).text} days` };

  let median: HistoryFacts['median'] = null;
  const md = ctx.median;
  if (md && !md.partial && md.partialWindows === 0 && md.multiple !== null && md.usd > 0) {
    const of = `the median of the previous ${plain(ledger, md.windows, md.source).text} ${unit.plural}`;
    if (md.multiple >= MEDIAN_NOTABLE) median = { high: true, phrase: `${times(ledger, md.multiple, `derive: totals.usd / ${md.source}`).text} ${of}` };
    else if (md.multiple < 0.5) median = { high: false, phrase: `under half ${of}` };
  }

  let record: HistoryFacts['record'] = null;
  const r = ctx.record;
  if (r && !r.partial && r.broken && r.window.usd > 0) {
    record = { phrase: `the previous high on file for a ${unit.adjective} window, ${money(ledger, r.window.usd, { source: r.source }).text} on ${dateOf(r.window, r.source)}` };
  }

  let sentiment: HistoryFacts['sentiment'] = null;
  const s = ctx.sentiment;
  if (s && !s.partial) {
    const when = s.window.end === p?.window.end && p.adjacent ? unit.earlier(ledger, s.source) : `on ${dateOf(s.window, s.source)}`;
    if (s.change !== null && s.previous.index !== null) {
      const prev = plain(ledger, s.previous.index, s.source);
      const direction = s.change > 0 ? 'up' : s.change < 0 ? 'down' : 'level';
      const previousLabel = s.previous.label ?? labelFor(s.previous.index);
      sentiment = { direction, previousLabel, phrase: direction === 'level' ? `unchanged from ${when}` : `${direction} from ${prev.text} ${when}` };
    } else if (s.labelChanged && s.previous.label !== null) {
      sentiment = { direction: 'level', previousLabel: s.previous.label, phrase: `from ${s.previous.label} ${when}` };
    }
  }

  const any = Boolean(previous || largest || rank || median || record || sentiment);
  return any ? { window: ctx.window, previous, largest, rank, median, record, sentiment, any } : null;
}

/** "2.4 times", one decimal, the multiple as a claim. */
function times(ledger: Ledger, ratio: number, source: string): Figure {
  const text = `${ratio.toFixed(1)} times`;
  ledger.add({ display: ratio.toFixed(1), value: ratio, source, hedge: Number(ratio.toFixed(1)) === ratio ? 'exact' : 'about', rounding: '1 decimal place' });
  return { value: ratio, text };
}

/** "October 9" (or "October 9, 2025" in another year): the UTC day a window covers, as a claim. */
function dayText(ledger: Ledger, date: string, source: string, currentYear: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const text = y === currentYear ? `${MONTHS[m - 1]} ${d}` : `${MONTHS[m - 1]} ${d}, ${y}`;
  ledger.add({ display: text, value: y * 10000 + m * 100 + d, source, hedge: 'exact', rounding: 'calendar date (UTC)' });
  return text;
}

interface Unit {
  /** "daily total", "hourly total", "weekly total", "four-hour total". */
  total: string;
  /** "days", "hours", "weeks", "four-hour windows". */
  plural: string;
  /** "24-hour", "one-hour", "seven-day". */
  adjective: string;
  /** "a day earlier", "an hour earlier", "in the previous four hours". */
  earlier(ledger: Ledger, source: string): string;
}

function unitOf(minutes: number): Unit {
  const fixed = (s: string) => () => s;
  if (minutes === 1440) return { total: 'daily total', plural: 'days', adjective: '24-hour', earlier: fixed('a day earlier') };
  if (minutes === 60) return { total: 'hourly total', plural: 'hours', adjective: 'one-hour', earlier: fixed('an hour earlier') };
  if (minutes === 10_080) return { total: 'weekly total', plural: 'weeks', adjective: 'seven-day', earlier: fixed('a week earlier') };
  if (minutes > 120 && minutes % 60 !== 0) {
    // As describeWindow tells such a window ("50 hours and 55 minutes"), whose figures it has registered.
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    const a = `${h}-hour, ${m === 1 ? 'one' : m}-minute`;
    return { total: `${a} total`, plural: `${a} windows`, adjective: a, earlier: fixed(`in the previous ${h} hours and ${m === 1 ? 'one minute' : `${m} minutes`}`) };
  }
  const [n, noun] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  const word = WORDS[n];
  // A length with no word ("36-hour") states a figure; describeWindow has registered it for this window already.
  const a = `${word ?? String(n)}-${noun}`;
  return {
    total: `${a} total`,
    plural: `${a} windows`,
    adjective: a,
    earlier: (ledger, source) => (n === 1 ? `in the previous ${noun}` : `in the previous ${word ?? plain(ledger, n, source).text} ${noun}s`),
  };
}
