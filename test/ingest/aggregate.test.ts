// The aggregate's rules one at a time: window edges, exact repeats over the whole window, cents, the largest order, the asset cap,
// and memory that does not grow with the stream.
import { describe, expect, it } from 'vitest';
import { StreamAggregate, MAX_ASSETS } from '../../src/ingest/aggregate.js';
import { FingerprintSet } from '../../src/ingest/aggregate-dedupe.js';
import { prng } from '../prng.js';
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
  it('skips a repeated key at the same millisecond, counts it', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ dedupeKey: 1, usd: 50 }));
    a.add(ev({ dedupeKey: 2, usd: 20, time: S + 10 * MIN }));
    a.add(ev({ dedupeKey: 1, usd: 50 }));
    expect(a.figures().longUsd).toBe(70);
    expect(a.stats()).toMatchObject({ accepted: 2, duplicates: 1 });
  });

  it('catches a repeat that arrives hours behind newer events (two recordings concatenated out of order)', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ dedupeKey: 1, usd: 50, time: S + MIN }));
    a.add(ev({ dedupeKey: 2, usd: 20, time: S + 20 * 60 * MIN }));
    a.add(ev({ dedupeKey: 1, usd: 50, time: S + MIN }));
    // 50 + 20: the copy 20 hours behind is still recognised.
    expect(a.figures().longUsd).toBe(70);
    expect(a.stats()).toMatchObject({ accepted: 2, duplicates: 1 });
  });

  it('the same key at another millisecond is another liquidation', () => {
    const a = new StreamAggregate(WINDOW);
    a.add(ev({ dedupeKey: 4, time: S + 8 * MIN }));
    a.add(ev({ dedupeKey: 4, time: S + 8 * MIN + 1 }));
    a.add(ev({ dedupeKey: 4, time: S + 8 * MIN }));
    expect(a.stats()).toMatchObject({ accepted: 2, duplicates: 1 });
  });

  it('one pass over a day in any order: every repeat found, no false one (200,000 events, each twice, shuffled)', () => {
    const r = prng(99);
    const n = 200_000;
    const events: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      // Random 53-bit keys at random milliseconds of the day, many sharing a millisecond.
      const key = Math.floor(r() * 2 ** 21) * 2 ** 32 + Math.floor(r() * 2 ** 32);
      const time = S + Math.floor(r() * 86_400) * 1000;
      events.push([time, key], [time, key]);
    }
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [events[i], events[j]] = [events[j] as [number, number], events[i] as [number, number]];
    }
    const a = new StreamAggregate(WINDOW);
    for (const [time, dedupeKey] of events) a.add(ev({ time, dedupeKey, usd: 1 }));
    expect(a.stats()).toMatchObject({ accepted: n, duplicates: n });
    expect(a.figures().longUsd).toBe(n);
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
  it('remembers each distinct event of the window in at most 24 bytes, and nothing of events outside it', () => {
    const a = new StreamAggregate(WINDOW);
    for (let i = 0; i < 300_000; i++) a.add(ev({ time: S + (i % 86_400_000), dedupeKey: i })); // one a millisecond
    for (let i = 0; i < 300_000; i++) a.add(ev({ time: S + (i % 86_400_000), dedupeKey: i })); // the same again
    for (let i = 0; i < 300_000; i++) a.add(ev({ time: WINDOW.end.getTime() + i, dedupeKey: i })); // outside
    expect(a.stats()).toMatchObject({ accepted: 300_000, duplicates: 300_000, outOfWindow: 300_000 });
    expect(a.fingerprintBytes).toBeLessThanOrEqual(300_000 * 24);
    // The head (what a merge can take back) holds the first 15 minutes' events only.
    expect(a.heldKeys - 300_000).toBeLessThanOrEqual(15 * MIN + 1);
  });

  it('the fingerprint set grows without losing a key', () => {
    const set = new FingerprintSet(16);
    for (let i = 0; i < 50_000; i++) expect(set.add(S + i, i * 7919)).toBe(true);
    for (let i = 0; i < 50_000; i++) expect(set.has(S + i, i * 7919)).toBe(true);
    expect(set.has(S, 7919)).toBe(false);
    expect(set.size).toBe(50_000);
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
