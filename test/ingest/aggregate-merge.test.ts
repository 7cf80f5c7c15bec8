// Property: a stream split in two (or three) and aggregated piece by piece, then merged in order, gives exactly the
// one-pass result — totals, breakdowns, largest order, counters and problems. Streams come from a seeded generator
// (no Math.random), with repeats, out-of-order times, out-of-window events, control frames and bad lines.
import { describe, expect, it } from 'vitest';
import { StreamIngester } from '../../src/ingest/streams/ingest.js';
import { streamSnapshot } from '../../src/ingest/aggregate-snapshot.js';
import type { StreamAggregate } from '../../src/ingest/aggregate.js';
import { validateSnapshot } from '../../src/snapshot/parse.js';
import { prng as rng } from '../prng.js';

const WINDOW = { start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-04T06:00:00Z') };
const HORIZON = 15 * 60_000;

/**
 * One recorded stream of mixed venues. Times advance 0–20 s per line and each event lands 0–7.5 min after that;
 * repeats re-send one of the last 8 lines. So every repeat lies within the 15-minute merge head of a later piece:
 * the condition under which a split anywhere merges exactly.
 */
function stream(seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const amount = (max: number, decimals: number): string => (r() * max + 10 ** -decimals).toFixed(decimals);
  const n = 40 + Math.floor(r() * 360);
  let base = WINDOW.start.getTime() - 10 * 60_000 + Math.floor(r() * 20 * 60_000);
  // Some streams run past the window end, some start before it.
  const step = Math.floor((WINDOW.end.getTime() - WINDOW.start.getTime()) / n) * (0.5 + r());
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    base += Math.floor(r() * Math.min(step, 20_000));
    const t = () => base + Math.floor(r() * (HORIZON / 2));
    const roll = r();
    if (roll < 0.15 && lines.length > 0) {
      lines.push(lines[Math.max(0, lines.length - 1 - Math.floor(r() * 8))] as string);
      continue;
    }
    if (roll < 0.18) {
      lines.push(pick(['{"result":null,"id":1}', '{"op":"pong","success":true,"ret_msg":"pong"}', 'pong', '']));
      continue;
    }
    if (roll < 0.22) {
      lines.push(pick(['{"e":"forceOrder","o":{', 'garbage', '{"e":"forceOrder","E":1,"o":{"s":"BTCUSDT","S":"HOLD","z":"1","ap":"1","T":1770163200000}}', '{"topic":"orderbook.50.BTCUSDT","data":{}}']));
      continue;
    }
    const venue = pick(['binance', 'bybit', 'okx'] as const);
    if (venue === 'binance') {
      const coinM = r() < 0.2;
      const s = coinM ? pick(['BTCUSD_PERP', 'ETHUSD_PERP']) : pick(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', '1000PEPEUSDT']);
      const o = { s, S: pick(['BUY', 'SELL']), q: amount(5, 3), p: amount(90000, 1), ap: r() < 0.03 ? '' : amount(90000, 2), z: amount(5, 3), l: '0', X: 'FILLED', T: t(), ...(coinM ? { st: 2 } : {}) };
      const frame = { e: 'forceOrder', E: o.T + 5, o };
      lines.push(JSON.stringify(r() < 0.5 ? { stream: '!forceOrder@arr', data: frame } : frame));
    } else if (venue === 'bybit') {
      const data = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ T: t(), s: pick(['BTCUSDT', 'ETHUSDT', 'BTCUSD']), S: pick(['Buy', 'Sell', 'Buy', 'Sell', 'buy']), v: amount(3, 3), p: amount(80000, 2) }));
      lines.push(JSON.stringify({ topic: `allLiquidation.${data[0]?.s}`, type: 'snapshot', ts: base, data }));
    } else {
      const data = Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({
        instId: pick(['BTC-USDT-SWAP', 'ETH-USDT-SWAP', 'BTC-USD-SWAP', 'SOL-USDT-SWAP']),
        instType: 'SWAP',
        details: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ posSide: pick(['long', 'short', 'net']), side: pick(['buy', 'sell']), sz: String(1 + Math.floor(r() * 500)), bkPx: amount(80000, 1), ts: String(t()) })),
      }));
      lines.push(JSON.stringify({ arg: { channel: 'liquidation-orders', instType: 'SWAP' }, data }));
    }
  }
  return lines;
}

function aggregate(lines: readonly string[], firstLine: number): StreamAggregate {
  const ingester = new StreamIngester({ sources: ['binance', 'bybit', 'okx'], window: WINDOW, mergeHeadMs: HORIZON });
  lines.forEach((line, i) => ingester.line(line, firstLine + i));
  return ingester.aggregate;
}

function result(a: StreamAggregate) {
  const figures = a.figures();
  return { figures, stats: a.stats(), problems: a.problems(), snapshot: streamSnapshot(figures, { window: WINDOW, venues: ['Binance', 'Bybit', 'OKX'], coverage: 'partial' }) };
}

describe('split and merge', () => {
  it('gives the one-pass snapshot for any split point (300 seeded streams)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const lines = stream(seed);
      const whole = result(aggregate(lines, 1));
      const k = Math.floor(rng(seed * 7919)() * (lines.length + 1));
      const a = aggregate(lines.slice(0, k), 1);
      const b = aggregate(lines.slice(k), k + 1);
      const { exact } = a.merge(b);
      expect(exact).toBe(true);
      const merged = result(a);
      expect(merged, `seed ${seed}, split at line ${k}`).toEqual(whole);
      if ((whole.stats['accepted'] ?? 0) > 0) {
        const v = validateSnapshot(whole.snapshot, new Date('2026-11-21T00:00:00Z'));
        expect(v.ok ? [] : v.issues, `seed ${seed}`).toEqual([]);
      }
    }
  });

  it('catches repeats that straddle the split (the merged piece withdraws them)', () => {
    let withdrawn = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const lines = stream(seed);
      const k = Math.floor(lines.length / 2);
      const a = aggregate(lines.slice(0, k), 1);
      const b = aggregate(lines.slice(k), k + 1);
      const before = (a.stats()['duplicates'] ?? 0) + (b.stats()['duplicates'] ?? 0);
      a.merge(b);
      withdrawn += (a.stats()['duplicates'] ?? 0) - before;
    }
    // The generator repeats lines within 8 of the original, so some repeats cross the middle.
    expect(withdrawn).toBeGreaterThan(20);
  });

  it('is associative: (A+B)+C equals A+(B+C) equals one pass', () => {
    for (let seed = 1000; seed < 1150; seed++) {
      const lines = stream(seed);
      const r = rng(seed);
      const [i, j] = [Math.floor(r() * lines.length), Math.floor(r() * lines.length)].sort((x, y) => x - y) as [number, number];
      const whole = result(aggregate(lines, 1));
      const left = aggregate(lines.slice(0, i), 1);
      left.merge(aggregate(lines.slice(i, j), i + 1));
      left.merge(aggregate(lines.slice(j), j + 1));
      const right = aggregate(lines.slice(i, j), i + 1);
      right.merge(aggregate(lines.slice(j), j + 1));
      const outer = aggregate(lines.slice(0, i), 1);
      outer.merge(right);
      expect(result(left), `seed ${seed}`).toEqual(whole);
      expect(result(outer), `seed ${seed}`).toEqual(whole);
    }
  });

  it('says when a merge cannot be exact: the pieces share events beyond the later piece\'s head', () => {
    const lines = stream(42);
    const a = aggregate(lines, 1);
    const b = aggregate(lines, lines.length + 1); // the whole stream again, starting hours before a's newest event
    expect(a.merge(b).exact).toBe(false);
  });
});
