/**
 * Funding in PERCENT PER 8 HOURS. CoinGlass values are already percent (no
 * ×100); each venue's rate is scaled by 8 / its funding interval in hours.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fundingPart } from '../../src/ingest/context/index.js';
import type { IngestWindow } from '../../src/ingest/types.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/context/${name}`, import.meta.url), 'utf8'));
const endingAt = (end: string, hours = 24): IngestWindow => ({ start: new Date(Date.parse(end) - hours * 3_600_000), end: new Date(end) });
const rate = (p: { snapshot: Record<string, unknown> }): unknown => (p.snapshot['market'] as { fundingRatePct?: number } | undefined)?.fundingRatePct;

describe('funding-rate exchange-list', () => {
  it('documentation sample: mean of the stablecoin-margined venues, already percent', () => {
    // next_funding_time 1745222400000 = 2025-04-21T08:00Z, within 8h of the end 06:00Z.
    // (0.007343 + 0.00736901950628) / 2 = 0.00735600975314 → 0.007356 (% per 8h; both venues are 8h)
    const part = fundingPart(load('coinglass-fr-exchange-list.docs.json'), endingAt('2025-04-21T06:00:00Z'));
    expect(rate(part)).toBe(0.007356);
    expect(part.problems).toEqual([]);
    // token-margined only: Binance −0.001829
    expect(rate(fundingPart(load('coinglass-fr-exchange-list.docs.json'), endingAt('2025-04-21T06:00:00Z'), { margin: 'token' }))).toBe(-0.001829);
  });

  it('synthetic: intervals 8h, 1h and 4h scaled to 8h; BTC chosen among several coins', () => {
    const doc = load('funding-exchange-list-mixed.synthetic.json');
    const part = fundingPart(doc, endingAt('2026-02-05T00:00:00Z'));
    // Binance 0.01 × 8/8 = 0.01; OKX "0.012" × 8/8 = 0.012; Hyperliquid 0.00125 × 8/1 = 0.01;
    // Bybit "-0.004" × 8/"4" = −0.008.  Mean = (0.01 + 0.012 + 0.01 − 0.008) / 4 = 0.024 / 4 = 0.006
    expect(rate(part)).toBe(0.006);
    expect(part.stats).toMatchObject({ venues: 4, venuesNotNearWindowEnd: 0 });
    // 'all' adds the token-margined Binance −0.002: (0.024 − 0.002) / 5 = 0.0044
    expect(rate(fundingPart(doc, endingAt('2026-02-05T00:00:00Z'), { margin: 'all' }))).toBe(0.0044);
    // ETH: one venue, 0.02 × 8/8 = 0.02
    expect(rate(fundingPart(doc, endingAt('2026-02-05T00:00:00Z'), { symbol: 'ETH' }))).toBe(0.02);
  });

  it('a list fetched far from the window end is reported', () => {
    // End 2026-02-04T12:00: Binance/OKX next funding 2026-02-05T08:00 is more than 8h later;
    // Hyperliquid 01:00 more than 1h later; Bybit 04:00 more than 4h later.
    const part = fundingPart(load('funding-exchange-list-mixed.synthetic.json'), endingAt('2026-02-04T12:00:00Z'));
    expect(part.stats).toMatchObject({ venuesNotNearWindowEnd: 4 });
    expect(part.problems.map((p) => p.kind)).toEqual(['out-of-window']);
  });

  it('an exchange fraction mistaken for percent beyond ±10 % per 8h is refused', () => {
    const doc = { code: '0', msg: 'success', data: [{ symbol: 'BTC', stablecoin_margin_list: [{ exchange: 'X', funding_rate_interval: 1, funding_rate: 2 }] }] };
    // 2 × 8/1 = 16 % per 8h > 10
    const part = fundingPart(doc, endingAt('2026-02-05T00:00:00Z'));
    expect(part.fatal).toBe(true);
    expect(part.problems[0]!.message).toContain('units');
  });
});

describe('funding-rate history (OHLC strings)', () => {
  const doc = load('coinglass-fr-history.docs.json');

  it('the close of the last candle that closes by the window end', () => {
    // Daily candles 2022-07-27 and 2022-07-28. End 2022-07-29T00:00: the 07-28 candle closes then → "0.01".
    expect(rate(fundingPart(doc, endingAt('2022-07-29T00:00:00Z')))).toBe(0.01);
    // End 2022-07-28T12:00: the 07-28 candle is still open; the 07-27 one closed at 07-28T00:00 → "0.009229".
    expect(rate(fundingPart(doc, endingAt('2022-07-28T12:00:00Z')))).toBe(0.009229);
  });

  it('a 4h venue: "0.01" per 4h is 0.01 × 8/4 = 0.02 per 8h', () => {
    expect(rate(fundingPart(doc, endingAt('2022-07-29T00:00:00Z'), { intervalHours: 4 }))).toBe(0.02);
  });

  it('no candle closing inside the window: fatal', () => {
    const part = fundingPart(doc, endingAt('2022-07-28T12:00:00Z', 1));
    expect(part.fatal).toBe(true);
    expect(part.problems[0]!.kind).toBe('out-of-window');
  });
});

describe('exchange funding answers: fractions per interval → percent per 8 h', () => {
  const END = '2026-02-05T00:00:00Z';

  it('Binance /fapi/v1/fundingRate: newest settlement per symbol, interval from the spacing, mean over symbols', () => {
    // BTCUSDT settles every 8 h; the 00:00Z rate is -0.00005 = -0.005 % per 8 h.
    // ETHUSDT settles every 4 h (20:00Z, 00:00Z); 0.0001 = 0.01 % per 4 h = 0.02 % per 8 h.
    // Mean: (-0.005 + 0.02) / 2 = 0.0075.
    const part = fundingPart(load('binance-fundingRate.synthetic.json'), endingAt(END));
    expect(part.fatal).toBe(false);
    expect(rate(part)).toBe(0.0075);
    expect(part.stats).toMatchObject({ instruments: 2, instrumentsAveraged: 2, intervalAssumed8h: 0 });
  });

  it('Bybit /v5/market/funding/history: 0.0001 at the window end, 8 h apart = 0.01 % per 8 h', () => {
    expect(rate(fundingPart(load('bybit-funding-history.synthetic.json'), endingAt(END)))).toBe(0.01);
  });

  it('OKX /api/v5/public/funding-rate: read at ts, interval = nextFundingTime - fundingTime (8 h): 0.00005 = 0.005 %', () => {
    expect(rate(fundingPart(load('okx-funding-rate.synthetic.json'), endingAt(END)))).toBe(0.005);
  });

  it('a settlement older than one interval before the window end is stale, not used', () => {
    // The newest BTCUSDT settlement at or before 2026-02-05T12:00Z is 00:00Z, 12 h before: more than its 8 h interval.
    const part = fundingPart(load('bybit-funding-history.synthetic.json'), endingAt('2026-02-05T12:00:00Z'));
    expect(part.fatal).toBe(true);
    expect(part.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('BTCUSDT: no funding rate in the 8 h up to the window end 2026-02-05T12:00:00Z (the newest is from 2026-02-05T00:00:00Z)'));
  });

  it('an exchange error answer is fatal with its message', () => {
    const part = fundingPart({ retCode: 10001, retMsg: 'params error', result: {} }, endingAt(END));
    expect(part.fatal).toBe(true);
    expect(part.problems[0]).toMatchObject({ kind: 'api-error', message: 'the Bybit answer is an error (retCode 10001: params error)' });
  });
});
