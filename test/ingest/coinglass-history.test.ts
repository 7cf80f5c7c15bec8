/**
 * aggregated-history (numbers) and history (strings): buckets whose start lies
 * in [start, end) are summed; buckets sticking out of the window, duplicate
 * and missing buckets are reported. Expected sums are computed by hand.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { aggregatedHistoryPart, pairHistoryPart, baseOfPair } from '../../src/ingest/coinglass/index.js';
import type { IngestWindow } from '../../src/ingest/types.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/coinglass/${name}`, import.meta.url), 'utf8'));
const win = (start: string, end: string): IngestWindow => ({ start: new Date(start), end: new Date(end) });
const kinds = (p: { problems: { kind: string }[] }): string[] => p.problems.map((x) => x.kind);

describe('aggregated-history, documentation sample (daily, numbers)', () => {
  const doc = load('coinglass-liquidation-aggregated-history.docs.json');

  it('two days: both buckets (2022-07-28 and 2022-07-29)', () => {
    const part = aggregatedHistoryPart(doc, win('2022-07-28T00:00:00Z', '2022-07-30T00:00:00Z'), { symbol: 'BTC' });
    // long  5916885.14234 + 5345708.23191 = 11262593.37425 → 11262593.37
    // short 12969583.87632 + 6454875.54909 = 19424459.42541 → 19424459.43
    // usd   11262593.37 + 19424459.43 = 30687052.80
    expect(part.snapshot['totals']).toEqual({ usd: 30687052.8, longUsd: 11262593.37, shortUsd: 19424459.43 });
    expect(part.snapshot['assets']).toEqual([{ symbol: 'BTC', longUsd: 11262593.37, shortUsd: 19424459.43 }]);
    expect(part.snapshot['coverage']).toBe('partial');
    expect(part.problems).toEqual([]);
  });

  it('one day: only the bucket that starts in the window; the other is outside', () => {
    const part = aggregatedHistoryPart(doc, win('2022-07-28T00:00:00Z', '2022-07-29T00:00:00Z'));
    // 5916885.14234 → 5916885.14; 12969583.87632 → 12969583.88; usd 5916885.14 + 12969583.88 = 18886469.02
    expect(part.snapshot['totals']).toEqual({ usd: 18886469.02, longUsd: 5916885.14, shortUsd: 12969583.88 });
    expect(part.stats).toMatchObject({ bucketsInWindow: 1, bucketsOutside: 1, intervalMs: 86_400_000 });
  });

  it('a window without buckets is fatal, not $0', () => {
    const part = aggregatedHistoryPart(doc, win('2026-02-04T00:00:00Z', '2026-02-05T00:00:00Z'));
    expect(part.fatal).toBe(true);
    expect(part.problems[0]!.message).toContain('An empty window is an error');
  });
});

describe('aggregated-history, synthetic 4h buckets (mixed strings and numbers)', () => {
  const doc = load('aggregated-history-4h.synthetic.json');

  it('aligned 24h window: the 6 buckets 00:00..20:00, not 2026-02-03T20:00 nor 2026-02-05T00:00', () => {
    const part = aggregatedHistoryPart(doc, win('2026-02-04T00:00:00Z', '2026-02-05T00:00:00Z'));
    // long  1000000 + "2500000.5" + 4000000 + "0" + 1500000.75 + 500000 = 9500001.25
    // short 500000 + "250000.25" + 1000000 + 0 + "3000000" + 750000 = 5500000.25
    // usd   9500001.25 + 5500000.25 = 15000001.50
    expect(part.snapshot['totals']).toEqual({ usd: 15000001.5, longUsd: 9500001.25, shortUsd: 5500000.25 });
    expect(part.problems).toEqual([]);
    expect(part.stats).toMatchObject({ bucketsInWindow: 6, bucketsOutside: 2, bucketsMissing: 0, intervalMs: 14_400_000 });
  });

  it('a window off the 4h grid: counted by bucket start, both straddling buckets reported', () => {
    const part = aggregatedHistoryPart(doc, win('2026-02-04T02:00:00Z', '2026-02-05T02:00:00Z'));
    // Starts in [02:00, next day 02:00): 04:00, 08:00, 12:00, 16:00, 20:00, 2026-02-05T00:00.
    // long  2500000.5 + 4000000 + 0 + 1500000.75 + 500000 + 888888 = 9388889.25
    // short 250000.25 + 1000000 + 0 + 3000000 + 750000 + 888888 = 5888888.25
    // usd   9388889.25 + 5888888.25 = 15277777.50
    expect(part.snapshot['totals']).toEqual({ usd: 15277777.5, longUsd: 9388889.25, shortUsd: 5888888.25 });
    // The 00:00 bucket overlaps the start (left out); the 2026-02-05T00:00 bucket runs past the end (counted).
    expect(kinds(part)).toEqual(['out-of-window', 'out-of-window']);
    expect(part.problems[0]!.message).toContain('2026-02-04T00:00:00Z');
    expect(part.problems[1]!.message).toContain('2026-02-05T00:00:00Z');
  });

  it('a window reaching past the data: the missing buckets are reported, not taken as $0', () => {
    const part = aggregatedHistoryPart(doc, win('2026-02-04T00:00:00Z', '2026-02-06T00:00:00Z'));
    // The 48h window needs 12 buckets of 4h; the response holds 7 of them (02-04 00:00 .. 02-05 00:00).
    expect(part.stats).toMatchObject({ bucketsInWindow: 7, bucketsMissing: 5 });
    expect(part.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('needs 12 buckets'));
  });
});

describe('history (pair), string values', () => {
  it('documentation sample: both days, strings parsed', () => {
    const part = pairHistoryPart(load('coinglass-liquidation-history.docs.json'), win('2022-07-27T00:00:00Z', '2022-07-29T00:00:00Z'), { exchange: 'Binance', pair: 'BTCUSDT' });
    // long  "2369935.19562" + "5118407.85124" = 7488343.04686 → 7488343.05
    // short "6947459.43674" + "8517330.44192" = 15464789.87866 → 15464789.88
    // usd   7488343.05 + 15464789.88 = 22953132.93
    expect(part.snapshot['totals']).toEqual({ usd: 22953132.93, longUsd: 7488343.05, shortUsd: 15464789.88 });
    expect(part.snapshot['assets']).toEqual([{ symbol: 'BTC', longUsd: 7488343.05, shortUsd: 15464789.88 }]);
    expect(part.snapshot['exchanges']).toEqual([{ name: 'Binance', longUsd: 7488343.05, shortUsd: 15464789.88 }]);
  });

  it('synthetic 1h: a duplicate bucket, a "12,5" value and the hole it leaves are all reported', () => {
    const part = pairHistoryPart(load('history-pair-1h.synthetic.json'), win('2026-02-04T00:00:00Z', '2026-02-04T04:00:00Z'));
    // Counted: 00:00 "100000.10"/"20000.20", 01:00 "300000"/"0" (its repeat "5"/"5" is not), 03:00 50000/"30000.5".
    // Not counted: 02:00 (long "12,5" is not a number), 2026-02-03T23:00 and 04:00 (outside).
    // long  100000.10 + 300000 + 50000 = 450000.10
    // short 20000.20 + 0 + 30000.5 = 50000.70
    // usd   450000.10 + 50000.70 = 500000.80
    expect(part.snapshot['totals']).toEqual({ usd: 500000.8, longUsd: 450000.1, shortUsd: 50000.7 });
    expect(kinds(part)).toEqual(['duplicate', 'bad-value', 'out-of-window']);
    expect(part.problems[1]!.message).toContain('"12,5"');
    expect(part.stats).toMatchObject({ bucketsInWindow: 3, bucketsMissing: 1 });
    expect(part.snapshot['assets']).toBeUndefined();
  });

  it('rejects values that are not plain decimals', () => {
    for (const bad of ['', ' ', 'NaN', 'Infinity', '1e400', '0x10', '1,000', null, true, {}, '-5']) {
      const part = pairHistoryPart(
        { code: '0', data: [{ time: 1770163200000, long_liquidation_usd: bad, short_liquidation_usd: '1' }, { time: 1770166800000, long_liquidation_usd: '2', short_liquidation_usd: '3' }] },
        win('2026-02-04T00:00:00Z', '2026-02-04T02:00:00Z'),
      );
      // Only the second bucket counts: long 2, short 3.
      expect(part.snapshot['totals'], JSON.stringify(bad)).toEqual({ usd: 5, longUsd: 2, shortUsd: 3 });
      expect(kinds(part)[0], JSON.stringify(bad)).toBe('bad-value');
    }
  });

  it('a bucket time in seconds is refused, not read as 1970', () => {
    // 1770163200 s = 2026-02-04T00:00Z; read as ms it would be 21 Jan 1970.
    const part = pairHistoryPart({ code: '0', data: [{ time: 1770163200, long_liquidation_usd: '5', short_liquidation_usd: '1' }] }, win('2026-02-04T00:00:00Z', '2026-02-04T02:00:00Z'));
    expect(part.fatal).toBe(true);
    expect(part.problems[0]!.message).toBe('data[0].time: 1770163200 is too small for milliseconds since 1970 (seconds? CoinGlass, Binance, Bybit and OKX send milliseconds); the bucket is not counted');
  });

  it('base coin of a pair', () => {
    expect(['BTCUSDT', 'BTC-USDT-SWAP', 'BTCUSD_PERP', 'ethusdc', '1000PEPEUSDT', 'USDCUSDT'].map(baseOfPair)).toEqual(['BTC', 'BTC', 'BTC', 'ETH', '1000PEPE', 'USDC']);
    expect(baseOfPair('BTCEUR')).toBeUndefined();
  });
});
