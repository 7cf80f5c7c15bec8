/**
 * The context facts (see context-types.ts) from a source of earlier windows.
 * The store implements `ContextQueries` with indexed, prepared statements;
 * this file only decides what each fact means, so the rules live in one
 * place and can be tested against any source.
 */
import { MEDIAN_MIN_WINDOWS, MEDIAN_WINDOWS, RANK_CAP, RANK_SPANS, type ContextSubject, type HistoryContext, type RankFact, type ReadingFact, type WindowRef } from './context-types.js';
import { DAY_MINUTES, MINUTE_MS, historyLabel, instantMs, isoUtc, windowDate, windowLabel, windowMinutesOf, windowName } from './window.js';

/** One earlier window as the queries return it. */
export interface StoredWindow {
  id: string;
  startMs: number;
  endMs: number;
  usd: number;
  partial: boolean;
  sentimentIndex: number | null;
  sentimentLabel: string | null;
  oiChangePct: number | null;
  fundingRatePct: number | null;
}

export type ReadingKind = 'sentiment' | 'oi' | 'funding';

/** Windows of length `minutes` that end at or before `beforeMs`, asked in the few ways the facts need. */
export interface ContextQueries {
  latest(minutes: number, beforeMs: number): StoredWindow | null;
  /** The end of the oldest window of this length (null: none). */
  earliestEnd(minutes: number): number | null;
  /** The latest window with usd >= `usd`. */
  latestAtLeast(minutes: number, beforeMs: number, usd: number): StoredWindow | null;
  largest(minutes: number, beforeMs: number): StoredWindow | null;
  /** Over windows ending in (fromMs, beforeMs]: how many, how many partial, and how many larger than `usd` (counted up to `cap` only). */
  span(minutes: number, fromMs: number, beforeMs: number, usd: number, cap: number): { of: number; above: number; partial: number };
  /** The `limit` latest windows, newest first. */
  trailing(minutes: number, beforeMs: number, limit: number): { usd: number; partial: boolean; endMs: number }[];
  latestReading(kind: ReadingKind, minutes: number, beforeMs: number): StoredWindow | null;
}

export function emptyContext(subject: ContextSubject, from: HistoryContext['from']): HistoryContext {
  const minutes = windowMinutesOf(instantMs(subject.window.start), instantMs(subject.window.end));
  return {
    from,
    windowMinutes: minutes,
    window: windowLabel(minutes),
    currentPartial: subject.coverage === 'partial',
    empty: true,
    previous: null,
    largest: null,
    ranks: [],
    median: null,
    record: null,
    sentiment: null,
    openInterest: null,
    funding: null,
    series: [],
  };
}

export function refOf(w: StoredWindow): WindowRef {
  return { storyId: w.id, start: isoUtc(w.startMs), end: isoUtc(w.endMs), date: windowDate(w.endMs), usd: w.usd, partial: w.partial };
}

export function buildContext(q: ContextQueries, subject: ContextSubject): HistoryContext {
  const ctx = emptyContext(subject, 'store');
  const startMs = instantMs(subject.window.start);
  const endMs = instantMs(subject.window.end);
  const minutes = ctx.windowMinutes;
  const usd = subject.totals.usd;
  const cur = ctx.currentPartial;
  const prev = q.latest(minutes, startMs);
  if (!prev) return ctx;
  ctx.empty = false;
  const len = ctx.window;
  const upTo = windowName(prev.startMs, prev.endMs);

  ctx.previous = {
    source: historyLabel(prev.startMs, prev.endMs),
    partial: cur || prev.partial,
    window: refOf(prev),
    adjacent: prev.endMs === startMs,
    gapMinutes: Math.round((startMs - prev.endMs) / MINUTE_MS),
    change: { usd: usd - prev.usd, ratio: prev.usd > 0 ? usd / prev.usd : null },
  };

  const record = q.largest(minutes, startMs);
  if (record) {
    ctx.record = { source: historyLabel(record.startMs, record.endMs), partial: cur || record.partial, window: refOf(record), broken: usd > record.usd };
  }

  const since = q.latestAtLeast(minutes, startMs, usd);
  ctx.largest = since
    ? { source: historyLabel(since.startMs, since.endMs), partial: cur || since.partial, onRecord: false, since: refOf(since), spanDays: (startMs - since.endMs) / (DAY_MINUTES * MINUTE_MS) }
    : { source: `history: every ${len} window to ${upTo}`, partial: cur || (record?.partial ?? false), onRecord: true, since: null, spanDays: null };

  // A span counts only when the store reaches back over all of it: its oldest window is the span's first.
  const earliest = q.earliestEnd(minutes) ?? Number.POSITIVE_INFINITY;
  const ranks: RankFact[] = [];
  let outside = false;
  for (const days of RANK_SPANS) {
    const from = endMs - days * DAY_MINUTES * MINUTE_MS;
    if (earliest > from + minutes * MINUTE_MS + MINUTE_MS) break;
    // Spans are nested: outside the top RANK_CAP of a shorter span is outside it in every longer one.
    const s: { of: number; above: number; partial: number } = outside ? { ...q.span(minutes, from, startMs, usd, 0), above: RANK_CAP } : q.span(minutes, from, startMs, usd, RANK_CAP);
    outside = s.above >= RANK_CAP;
    ranks.push({ source: `history: ${days} days of ${len} windows to ${upTo}`, partial: cur || s.partial > 0, days, rank: outside ? null : s.above + 1, of: s.of + 1 });
  }
  ctx.ranks = ranks;

  const trailing = q.trailing(minutes, startMs, MEDIAN_WINDOWS);
  // The chart's bars: the same windows, oldest first (one query serves the median and the chart).
  ctx.series = trailing.map((t) => ({ end: isoUtc(t.endMs), usd: t.usd, partial: t.partial })).reverse();
  if (trailing.length >= MEDIAN_MIN_WINDOWS) {
    const median = medianOf(trailing.map((t) => t.usd));
    const partialWindows = trailing.filter((t) => t.partial).length;
    ctx.median = {
      source: `history: median of ${trailing.length} ${len} windows to ${upTo}`,
      partial: cur || partialWindows > 0,
      usd: median,
      windows: trailing.length,
      partialWindows,
      multiple: median > 0 ? usd / median : null,
    };
  }

  const sentiment = subject.market?.sentiment;
  if (sentiment && (sentiment.index !== undefined || sentiment.label !== undefined)) {
    const r = q.latestReading('sentiment', minutes, startMs);
    if (r) {
      ctx.sentiment = {
        source: historyLabel(r.startMs, r.endMs),
        partial: false,
        window: refOf(r),
        previous: { index: r.sentimentIndex, label: r.sentimentLabel },
        change: sentiment.index !== undefined && r.sentimentIndex !== null ? sentiment.index - r.sentimentIndex : null,
        labelChanged: sentiment.label !== undefined && r.sentimentLabel !== null && sentiment.label !== r.sentimentLabel,
      };
    }
  }
  ctx.openInterest = reading(q, 'oi', minutes, startMs, subject.market?.openInterestChangePct, (w) => w.oiChangePct);
  ctx.funding = reading(q, 'funding', minutes, startMs, subject.market?.fundingRatePct, (w) => w.fundingRatePct);
  return ctx;
}

function reading(q: ContextQueries, kind: ReadingKind, minutes: number, beforeMs: number, now: number | undefined, of: (w: StoredWindow) => number | null): ReadingFact | null {
  if (now === undefined) return null;
  const r = q.latestReading(kind, minutes, beforeMs);
  const before = r ? of(r) : null;
  if (!r || before === null) return null;
  // Percentages to 1e-9: a difference of two decimals should not print as 0.30000000000000004.
  return { source: historyLabel(r.startMs, r.endMs), partial: false, window: refOf(r), previousPct: before, changePts: Math.round((now - before) * 1e9) / 1e9 };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
