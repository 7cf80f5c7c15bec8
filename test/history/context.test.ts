// Every context fact, the same-length rule, partial rows, and the snapshot's own context.history block.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryBlockSchema, contextFromBlock, historyBlockIssues, openHistory, type History } from '../../src/history/index.js';
import { DAY, HOUR, NOW, days, row, subject, tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let h: History;
beforeEach(() => {
  t = tempDir();
  h = openHistory(join(t.dir, 'h.sqlite'), { now: () => NOW });
});
afterEach(() => {
  h.close();
  t.cleanup();
});

describe('with no earlier window of the length', () => {
  it('is empty: every fact null, no ranks', () => {
    const c = h.contextFor(subject('2026-03-01', 500));
    expect(c).toMatchObject({ empty: true, window: '24h', windowMinutes: 1440, previous: null, largest: null, median: null, record: null, sentiment: null, openInterest: null, funding: null, ranks: [] });
  });

  it('a 7-day window is never compared with 24h rows, nor an hour with days', () => {
    h.record(days('2026-01-01', [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]));
    expect(h.contextFor(subject('2026-01-20', 5000, { hours: 168 })).empty).toBe(true);
    expect(h.contextFor(subject('2026-01-20T05:00:00Z', 5, { hours: 1 })).empty).toBe(true);
    h.record(row('2026-01-08', 7000, { id: 'week-1', hours: 168 }));
    const week = h.contextFor(subject('2026-01-15', 5000, { hours: 168 }));
    expect(week.previous).toMatchObject({ source: 'history: 2026-01-07 (7d)', window: { storyId: 'week-1', usd: 7000 }, adjacent: true });
    expect(week.record!.window.usd).toBe(7000);
  });

  it('only windows that end by this window\'s start count (an overlapping or later row is not "earlier")', () => {
    h.record([row('2026-01-10T12:00:00Z', 999, { id: 'mid' }), row('2026-01-12', 5, { id: 'later' })]);
    expect(h.contextFor(subject('2026-01-11', 10)).empty).toBe(true);
  });
});

describe('the facts', () => {
  it('previous window and the change, with its source label', () => {
    h.record(days('2026-10-08', [300e6, 410e6]));
    const c = h.contextFor(subject('2026-10-11', 1.23e9));
    expect(c.previous).toEqual({
      source: 'history: 2026-10-09 (24h)',
      partial: false,
      window: { storyId: expect.any(String), start: '2026-10-09T00:00:00Z', end: '2026-10-10T00:00:00Z', date: '2026-10-09', usd: 410e6, partial: false },
      adjacent: true,
      gapMinutes: 0,
      change: { usd: 1.23e9 - 410e6, ratio: 3 },
    });
    // A gap: the previous is still the latest earlier window, marked not adjacent.
    const later = h.contextFor(subject('2026-10-14', 100e6));
    expect(later.previous).toMatchObject({ adjacent: false, gapMinutes: 3 * 1440, change: { ratio: 100e6 / 410e6 } });
  });

  it('largest since: the last earlier window at least as large; none ⇒ largest on record', () => {
    h.record(days('2026-01-01', [900, 100, 200, 950, 300, 100]));
    const since = h.contextFor(subject('2026-01-08', 920));
    expect(since.largest).toMatchObject({ onRecord: false, since: { date: '2026-01-04', usd: 950 }, source: 'history: 2026-01-04 (24h)', spanDays: 2 });
    const top = h.contextFor(subject('2026-01-08', 5000));
    expect(top.largest).toMatchObject({ onRecord: true, since: null, source: 'history: every 24h window to 2026-01-06' });
    expect(top.record).toMatchObject({ window: { usd: 950, date: '2026-01-04' }, broken: true });
    expect(since.record!.broken).toBe(false);
  });

  it('largest since finds a window far back (beyond the recent ones scanned by time)', () => {
    const values = Array.from({ length: 800 }, (_, i) => (i === 10 ? 9000 : 100 + (i % 7)));
    h.record(days('2023-01-01', values));
    const c = h.contextFor(subject('2025-03-20', 5000));
    expect(c.largest).toMatchObject({ onRecord: false, since: { date: '2023-01-11', usd: 9000 } });
  });

  it('ranks over 7/30/90/365 days, only for spans the store covers, to the top 10', () => {
    // 40 days of history: 7 and 30 covered, 90 and 365 not.
    const values = Array.from({ length: 40 }, (_, i) => (i % 10) * 10 + 10); // 10..100, repeating
    h.record(days('2026-01-01', values));
    const end = Date.parse('2026-01-01T00:00:00Z') + 41 * DAY; // the day after the last row
    const c = h.contextFor(subject(new Date(end).toISOString(), 95));
    expect(c.ranks.map((r) => r.days)).toEqual([7, 30]);
    // The 6 earlier days in the 7-day span: values of i = 34..39 → 50..100; one (100) is larger than 95.
    expect(c.ranks[0]).toMatchObject({ days: 7, rank: 2, of: 7, partial: false, source: 'history: 7 days of 24h windows to 2026-02-09' });
    // 29 earlier days (i = 11..39): the 100s at i = 19, 29, 39 beat 95.
    expect(c.ranks[1]).toMatchObject({ days: 30, rank: 4, of: 30 });
    const small = h.contextFor(subject(new Date(end).toISOString(), 1));
    expect(small.ranks[0]!.rank).toBe(7); // fewer than 10 above: exact
    expect(small.ranks[1]!.rank).toBeNull(); // 29 above: outside the top 10
  });

  it('ranks over a year of hourly rows count every window (per-day counts and part-days)', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const rows = Array.from({ length: 366 * 24 }, (_, i) => row(start + (i + 1) * HOUR, i === 5000 ? 1e9 : 1000, { id: `h-${i}`, hours: 1 }));
    h.record(rows);
    const at = start + 366 * 24 * HOUR + 7 * HOUR; // a window starting 6 hours after the last row ends
    const c = h.contextFor({ window: { start: new Date(at - HOUR).toISOString(), end: new Date(at).toISOString() }, totals: { usd: 2000 } });
    const year = c.ranks.find((r) => r.days === 365)!;
    // Windows ending in (at − 365 days, at − 1 h]: 365·24 − 1 slots minus the 6 empty hours, + this one.
    expect(year.of).toBe(365 * 24 - 1 - 6 + 1);
    expect(year.rank).toBe(2);
    expect(c.ranks.find((r) => r.days === 7)!.rank).toBe(1);
  });

  it('multiple of the trailing 30-window median; none under 5 windows', () => {
    h.record(days('2026-01-01', [100, 200, 300, 400]));
    expect(h.contextFor(subject('2026-01-06', 1000)).median).toBeNull();
    h.record(days('2026-01-05', [500]));
    expect(h.contextFor(subject('2026-01-07', 1000)).median).toMatchObject({ usd: 300, windows: 5, multiple: 1000 / 300, partialWindows: 0, source: 'history: median of 5 24h windows to 2026-01-05' });
    // Only the latest 30 count: 40 more days of 10 push the old ones out.
    h.record(days('2026-01-06', Array.from({ length: 40 }, () => 10)));
    expect(h.contextFor(subject('2026-02-16', 50)).median).toMatchObject({ usd: 10, windows: 30, multiple: 5 });
  });

  it('series: the (at most) 30 latest earlier windows of the same length, oldest first, for the history chart', () => {
    expect(h.contextFor(subject('2026-01-04', 1)).series).toEqual([]);
    h.record(days('2026-01-01', Array.from({ length: 40 }, (_, i) => i + 1)));
    h.record(row('2026-01-20', 9999, { id: 'week', hours: 168 }));
    const c = h.contextFor(subject('2026-02-12', 50));
    expect(c.series).toHaveLength(30);
    expect(c.series[0]).toEqual({ end: '2026-01-12T00:00:00Z', usd: 11, partial: false });
    expect(c.series.at(-1)).toEqual({ end: '2026-02-10T00:00:00Z', usd: 40, partial: false });
    // Never another length (the 7-day row), never a window that ends after this one starts.
    expect(c.series.map((w) => w.usd)).not.toContain(9999);
    expect(h.contextFor(subject('2026-01-05', 50)).series.map((w) => w.usd)).toEqual([1, 2, 3]);
  });

  it('sentiment, open interest and funding: from the latest earlier reading, skipping windows without one', () => {
    h.record([
      row('2026-01-02', 1, { id: 'r1', sentiment: { index: 60, label: 'Greed' }, openInterestChangePct: 2.5, fundingRatePct: 0.01 }),
      row('2026-01-03', 1, { id: 'r2' }),
    ]);
    const c = h.contextFor(subject('2026-01-04', 1, { market: { sentiment: { index: 25, label: 'Fear' }, openInterestChangePct: -4.1, fundingRatePct: -0.02 } }));
    expect(c.sentiment).toMatchObject({ source: 'history: 2026-01-01 (24h)', previous: { index: 60, label: 'Greed' }, change: -35, labelChanged: true, window: { storyId: 'r1' } });
    expect(c.openInterest).toMatchObject({ previousPct: 2.5, changePts: -6.6 });
    expect(c.funding).toMatchObject({ previousPct: 0.01, changePts: -0.03 });
    // No reading in this snapshot: no change to tell.
    expect(h.contextFor(subject('2026-01-04', 1)).sentiment).toBeNull();
  });

  it('partial rows and a partial current window mark the facts partial (lower bounds)', () => {
    h.record([...days('2026-01-01', [100, 200, 300, 400]), row('2026-01-06', 50, { id: 'p', coverage: 'partial' })]);
    const c = h.contextFor(subject('2026-01-07', 250));
    expect(c.previous).toMatchObject({ partial: true, window: { partial: true } });
    expect(c.median).toMatchObject({ partial: true, partialWindows: 1 });
    expect(c.record!.partial).toBe(false);
    const cur = h.contextFor(subject('2026-01-07', 250, { coverage: 'partial' }));
    expect(cur.currentPartial).toBe(true);
    expect(cur.record!.partial).toBe(true);
    expect(cur.largest!.partial).toBe(true);
  });

  it('is plain data: JSON round-trips it', () => {
    h.record(days('2026-01-01', [1, 2, 3, 4, 5, 6]));
    const c = h.contextFor(subject('2026-01-08', 3));
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('the context.history block', () => {
  const snap = { ...subject('2026-10-11', 1.23e9), market: { sentiment: { index: 30 }, fundingRatePct: 0.02 } };
  const block = HistoryBlockSchema.parse({
    source: 'Desk archive',
    previous: { start: '2026-10-09T00:00:00Z', end: '2026-10-10T00:00:00Z', usd: 410e6, sentimentIndex: 45, fundingRatePct: 0.01 },
    baseline: { windows: 30, medianUsd: 300e6, record: { usd: 19.1e9, start: '2025-10-10T00:00:00Z', end: '2025-10-11T00:00:00Z' }, largestOnRecord: false },
  });

  it('gives the same facts as a store would, with block sources', () => {
    const c = contextFromBlock(block, snap);
    expect(c.from).toBe('snapshot');
    expect(c.previous).toMatchObject({ source: 'Desk archive, context.history.previous: 2026-10-09 (24h)', adjacent: true, change: { ratio: 3 } });
    expect(c.median).toMatchObject({ usd: 300e6, windows: 30, multiple: 4.1 });
    expect(c.record).toMatchObject({ window: { usd: 19.1e9, date: '2025-10-10' }, broken: false });
    expect(c.sentiment).toMatchObject({ change: -15 });
    expect(c.funding).toMatchObject({ changePts: 0.01 });
    expect(c.largest).toBeNull();
    // The store's context for the same history has the same shape.
    h.record(row('2026-10-10', 410e6));
    expect(Object.keys(h.contextFor(snap)).sort()).toEqual(Object.keys(c).sort());
  });

  it('refuses a block window of another length, or one that is not earlier', () => {
    const week = HistoryBlockSchema.parse({ previous: { start: '2026-10-01T00:00:00Z', end: '2026-10-08T00:00:00Z', usd: 1 } });
    expect(historyBlockIssues(week, snap)).toEqual([{ path: ['previous', 'end'], message: "is a 7d window; only windows of the snapshot's own length (24h) compare" }]);
    const same = HistoryBlockSchema.parse({ previous: { start: '2026-10-10T00:00:00Z', end: '2026-10-11T00:00:00Z', usd: 1 } });
    expect(historyBlockIssues(same, snap)[0]!.message).toContain('ends after the snapshot');
    expect(HistoryBlockSchema.safeParse({ previous: { start: 'yesterday', end: '2026-10-10T00:00:00Z', usd: -1 } }).success).toBe(false);
  });
});
