// The aggregate's rules one at a time: window edges, repeats and the horizon, cents, the largest order, the asset cap,
// and memory that does not grow with the stream.
import { describe, expect, it } from 'vitest';
import { StreamAggregate, DEFAULT_HORIZON_MS, MAX_ASSETS } from '../../src/ingest/aggregate.js';
import { streamSnapshot, creditLine } from '../../src/ingest/aggregate-snapshot.js';
import { resolveWindow, parseDuration } from '../../src/ingest/aggregate-window.js';
import type { LiquidationEvent } from '../../src/ingest/streams/event.js';
import { validateSnapshot } from '../../src/snapshot/parse.js';

const WINDOW = { start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-05T00:00:00Z') };
const S = WINDOW.start.getTime();
const MIN = 60_000;
let serial = 0;
const ev = (over: Partial<LiquidationEvent> = {}): LiquidationEvent => ({
  venue: 'Binance',
  instrument: 'BTCUSDT',
  asset: 'BTC',
  side: 'long',
  usd: 100,
  price: 1,
  qty: 1,
  time: S + MIN,
  dedupeKey: 1_000_000 + serial++,
  ...over,
});

describe('window', () => {
  it('counts start <= time < end by the event time, and counts the rest without summing them', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ time: S - 1, usd: 1 }));
    a.add(ev({ time: S, usd: 10 }));
    a.add(ev({ time: WINDOW.end.getTime() - 1, usd: 100 }));
    a.add(ev({ time: WINDOW.end.getTime(), usd: 1000 }));
    // In: 10 + 100 = 110. Out: the first and the last.
    expect(a.figures().longUsd).toBe(110);
    expect(a.stats()).toMatchObject({ events: 4, inWindow: 2, accepted: 2, outOfWindow: 2 });
    expect(a.figures().span).toEqual({ first: S - 1, last: WINDOW.end.getTime() });
  });
});

describe('repeats', () => {
  it('skips a repeated key within the horizon, counts it', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ dedupeKey: 1, usd: 50 }));
    a.add(ev({ dedupeKey: 2, usd: 20, time: S + 10 * MIN }));
    a.add(ev({ dedupeKey: 1, usd: 50 }));
    expect(a.figures().longUsd).toBe(70);
    expect(a.stats()).toMatchObject({ accepted: 2, duplicates: 1, lateUnchecked: 0 });
  });

  it('sums an event more than the horizon behind the newest one, unchecked, and says so', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ dedupeKey: 1, usd: 50, time: S + MIN }));
    a.add(ev({ dedupeKey: 2, usd: 20, time: S + MIN + DEFAULT_HORIZON_MS + 2 * MIN }));
    a.add(ev({ dedupeKey: 1, usd: 50, time: S + MIN }));
    // 50 + 20 + 50: the late copy cannot be told from a new liquidation once its minute is forgotten.
    expect(a.figures().longUsd).toBe(120);
    expect(a.stats()).toMatchObject({ accepted: 3, duplicates: 0, lateUnchecked: 1 });
  });

  it('accepts out-of-order events within the horizon and still catches their repeats', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ dedupeKey: 3, time: S + 20 * MIN }));
    a.add(ev({ dedupeKey: 4, time: S + 8 * MIN }));
    a.add(ev({ dedupeKey: 4, time: S + 8 * MIN }));
    expect(a.stats()).toMatchObject({ accepted: 2, duplicates: 1, lateUnchecked: 0 });
  });
});

describe('money and the largest order', () => {
  it('sums whole cents, so 0.1 + 0.2 is 0.3 and any order of additions gives the same bytes', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ usd: 0.1 }));
    a.add(ev({ usd: 0.2, side: 'short' }));
    a.add(ev({ usd: 0.2 }));
    const f = a.figures();
    expect([f.longUsd, f.shortUsd]).toEqual([0.3, 0.2]);
    expect(streamSnapshot(f, { window: WINDOW, venues: ['Binance'], coverage: 'partial' })['totals']).toEqual({ usd: 0.5, longUsd: 0.3, shortUsd: 0.2 });
  });

  it('keeps the largest order; a tie goes to the earlier one', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ usd: 500, time: S + 5 * MIN, instrument: 'LATER', dedupeKey: 5 }));
    a.add(ev({ usd: 500, time: S + 2 * MIN, instrument: 'EARLIER', dedupeKey: 6, side: 'short' }));
    a.add(ev({ usd: 499.99, time: S + MIN, dedupeKey: 7 }));
    expect(a.figures().largest).toEqual({ exchange: 'Binance', symbol: 'EARLIER', asset: 'BTC', side: 'short', usd: 500 });
  });

  it('lists at most 500 assets, largest first; the rest stay in the totals', () => {
    const a = new StreamAggregate(WINDOW);
    for (let i = 0; i < MAX_ASSETS + 3; i++) a.add(ev({ asset: `C${i}`, usd: 1000 + i }));
    const snap = streamSnapshot(a.figures(), { window: WINDOW, venues: ['Binance'], coverage: 'partial' });
    const assets = snap['assets'] as { symbol: string }[];
    expect(assets).toHaveLength(MAX_ASSETS);
    expect(assets[0]?.symbol).toBe(`C${MAX_ASSETS + 2}`);
    const v = validateSnapshot(snap, new Date('2026-11-21T00:00:00Z'));
    expect(v.ok ? [] : v.issues).toEqual([]);
  });
});

describe('memory', () => {
  it('holds keys for the horizon only, however long the stream (60,000 events over 100 hours)', () => {
    const a = new StreamAggregate({ start: WINDOW.start, end: new Date(S + 200 * 3_600_000) });
    let most = 0;
    for (let i = 0; i < 60_000; i++) {
      a.add(ev({ time: S + i * 6000, dedupeKey: i })); // one event every 6 s: 150 per 15 minutes
      if (i % 1000 === 0) most = Math.max(most, a.heldKeys);
    }
    // 15 min + one partial minute of keys (≤ 160) plus the head (the first 15 minutes, 150 entries).
    expect(most).toBeLessThanOrEqual(320);
  });
});

describe('snapshot fields', () => {
  it('credits the venues in order, and never says how many traders', () => {
    expect(creditLine(['Binance'])).toBe('Binance');
    expect(creditLine(['Binance', 'Bybit'])).toBe('Binance and Bybit');
    expect(creditLine(['Binance', 'Binance', 'Bybit', 'OKX'])).toBe('Binance, Bybit and OKX');
    const a = new StreamAggregate(WINDOW);
    a.add(ev());
    const snap = streamSnapshot(a.figures(), { window: WINDOW, venues: ['Binance'], coverage: 'partial' });
    expect(Object.keys(snap['totals'] as object)).toEqual(['usd', 'longUsd', 'shortUsd']);
  });
});

describe('window arguments', () => {
  const now = () => new Date('2026-02-05T12:00:00Z');
  it.each([
    [{ from: '2026-02-04T00:00:00Z', to: '2026-02-05T00:00:00Z' }, ['2026-02-04T00:00:00.000Z', '2026-02-05T00:00:00.000Z']],
    [{ window: '24h', end: '2026-02-05T09:00:00+09:00' }, ['2026-02-04T00:00:00.000Z', '2026-02-05T00:00:00.000Z']],
    [{ window: '30m' }, ['2026-02-05T11:30:00.000Z', '2026-02-05T12:00:00.000Z']],
    [{ window: '7d', end: '2026-02-05T00:00:00Z' }, ['2026-01-29T00:00:00.000Z', '2026-02-05T00:00:00.000Z']],
  ])('%j', (args, [start, end]) => {
    const w = resolveWindow(args, now);
    expect(typeof w === 'object' && w !== null ? [w.start.toISOString(), w.end.toISOString()] : w).toEqual([start, end]);
  });

  it.each([
    [{ from: '2026-02-04T00:00:00Z' }, /come together/],
    [{ from: '2026-02-04T00:00:00', to: '2026-02-05T00:00:00Z' }, /offset/],
    [{ from: '2026-02-05T00:00:00Z', to: '2026-02-04T00:00:00Z' }, /later than --from/],
    [{ window: '24h', from: '2026-02-04T00:00:00Z', to: '2026-02-05T00:00:00Z' }, /not both/],
    [{ window: '40d', end: '2026-02-05T00:00:00Z' }, /31 days/],
    [{ end: '2026-02-05T00:00:00Z' }, /--end needs --window/],
    [{ window: 'a day' }, /not a duration/],
  ])('%j is refused', (args, message) => {
    expect(resolveWindow(args, now)).toMatch(message);
  });

  it('is null when no window is given', () => {
    expect(resolveWindow({}, now)).toBeNull();
    expect(parseDuration('1.5h')).toBe(5_400_000);
  });
});
