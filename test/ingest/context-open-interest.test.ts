/**
 * Open-interest change over the window, percent, 2 decimals: first → last
 * observation inside the window. Each documented format is recognised.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { openInterestPart, detectOpenInterestFormat } from '../../src/ingest/context/index.js';
import type { IngestWindow } from '../../src/ingest/types.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/context/${name}`, import.meta.url), 'utf8'));
const win = (start: string | number, end: string | number): IngestWindow => ({ start: new Date(start), end: new Date(end) });
const DAY = win('2026-02-04T00:00:00Z', '2026-02-05T00:00:00Z');
const pct = (p: { snapshot: Record<string, unknown> }): unknown => (p.snapshot['market'] as { openInterestChangePct?: number } | undefined)?.openInterestChangePct;

describe('format detection', () => {
  it('recognises each documented response', () => {
    expect(detectOpenInterestFormat(load('coinglass-oi-aggregated-history.docs.json'))).toBe('coinglass-oi-aggregated-history');
    expect(detectOpenInterestFormat(load('binance-openInterestHist.docs.json'))).toBe('binance-openInterestHist');
    expect(detectOpenInterestFormat(load('binance-openInterest.docs.json'))).toBe('binance-openInterest');
    expect(detectOpenInterestFormat(load('bybit-open-interest.docs.json'))).toBe('bybit-open-interest');
    expect(detectOpenInterestFormat(load('okx-open-interest.docs.json'))).toBe('okx-open-interest');
    expect(detectOpenInterestFormat({ hello: 1 })).toBeUndefined();
  });
});

describe('CoinGlass OI aggregated-history (OHLC strings)', () => {
  it('synthetic 4h: first in-window open → last in-window close', () => {
    const part = openInterestPart(load('oi-coinglass-4h.synthetic.json'), DAY);
    // open of 2026-02-04T00:00 = "52000000000"; close of 2026-02-04T20:00 = "46800000000"
    // (46800000000 − 52000000000) / 52000000000 × 100 = −5200000000 / 52000000000 × 100 = −10
    expect(part.snapshot).toEqual({ market: { openInterestChangePct: -10 } });
    expect(part.problems).toEqual([]);
    expect(part.stats).toMatchObject({ inWindow: 6, outside: 2 });
  });

  it('documentation sample (its times are placeholders, out of order): parsed and sorted', () => {
    // Sorted, the first candle is time 2608846475000: open "2608846475", close "2340177420".
    // (2340177420 − 2608846475) / 2608846475 × 100 = −268669055 / 2608846475 × 100 = −10.2984 → −10.3
    const part = openInterestPart(load('coinglass-oi-aggregated-history.docs.json'), win(2608846475000, 2608846475001));
    expect(pct(part)).toBe(-10.3);
  });

  it('an error envelope is fatal', () => {
    const part = openInterestPart({ code: '403', msg: 'Upgrade plan' }, DAY);
    expect(part.fatal).toBe(true);
    expect(part.problems[0]!.kind).toBe('api-error');
  });
});

describe('exchange series', () => {
  it('Binance openInterestHist documentation sample: USD value by default, coins on request', () => {
    const doc = load('binance-openInterestHist.docs.json');
    const w = win(1583127900000, 1583128200000); // 05:45 → 05:50 on 2020-03-02, both points inside
    // USD: (149940752.14464448 − 150570784.07809979) / 150570784.07809979 × 100 = −0.41843 → −0.42
    expect(pct(openInterestPart(doc, w))).toBe(-0.42);
    // coins: (20401.367 − 20403.637) / 20403.637 × 100 = −2.27 / 20403.637 × 100 = −0.011125 → −0.01
    expect(pct(openInterestPart(doc, w, { measure: 'quantity' }))).toBe(-0.01);
  });

  it('Binance synthetic 6h: points at both window edges count (the end is inclusive)', () => {
    const doc = load('oi-binance-hist-6h.synthetic.json');
    // USD: 2026-02-04T00:00 "8000000000" → 2026-02-05T00:00 "8600000000": 600000000 / 8000000000 × 100 = 7.5
    expect(pct(openInterestPart(doc, DAY))).toBe(7.5);
    // coins: "100000.000" → "98000.000": −2000 / 100000 × 100 = −2
    expect(pct(openInterestPart(doc, DAY, { measure: 'quantity' }))).toBe(-2);
  });

  it('a series that covers only part of the window is reported', () => {
    const doc = load('oi-binance-hist-6h.synthetic.json');
    const part = openInterestPart(doc, win('2026-02-04T00:00:00Z', '2026-02-06T00:00:00Z'));
    // Inside: 2026-02-04T00:00 "8000000000" … 2026-02-05T06:00 "8700000000": 700000000 / 8000000000 × 100 = 8.75
    expect(pct(part)).toBe(8.75);
    // The last point is 18h before the end and the series spacing is 6h.
    expect(part.problems.map((p) => p.kind)).toEqual(['out-of-window']);
  });

  it('a Binance error body is an api-error', () => {
    const part = openInterestPart({ code: -1121, msg: 'Invalid symbol.' }, DAY);
    expect(part.fatal).toBe(true);
    expect(part.problems[0]).toMatchObject({ kind: 'api-error', message: 'Binance answered code -1121: "Invalid symbol."' });
  });

  it('Bybit documentation sample: newest first, sorted before the change', () => {
    // 17:45 461134292 → 17:50 461134384: 92 / 461134292 × 100 = 0.00002 → 0 (2 decimals)
    const part = openInterestPart(load('bybit-open-interest.docs.json'), win(1669571100000, 1669571400000));
    expect(pct(part)).toBe(0);
    const err = openInterestPart({ retCode: 10001, retMsg: 'params error', result: {} }, DAY);
    expect(err.problems[0]).toMatchObject({ kind: 'api-error' });
  });

  it('one observation (OKX or Binance snapshot) cannot give a change: fatal', () => {
    const okx = openInterestPart(load('okx-open-interest.docs.json'), win(1597026383000, 1597026384000));
    expect(okx.fatal).toBe(true);
    expect(okx.problems.at(-1)!.message).toContain('found 1');
    const binance = openInterestPart(load('binance-openInterest.docs.json'), win(1589437530000, 1589437531000));
    expect(binance.fatal).toBe(true);
  });

  it('two OKX polls of one instrument give a change; two instruments are refused', () => {
    const poll = (ts: string, oiUsd: string, instId = 'BTC-USDT-SWAP') => ({ instType: 'SWAP', instId, oi: '1', oiCcy: '1', oiUsd, ts });
    const doc = { code: '0', msg: '', data: [poll('1770163200000', '4000000000'), poll('1770249600000', '3900000000')] };
    // (3900000000 − 4000000000) / 4000000000 × 100 = −2.5
    expect(pct(openInterestPart(doc, DAY))).toBe(-2.5);
    const mixed = { code: '0', msg: '', data: [poll('1770163200000', '1'), poll('1770249600000', '2', 'ETH-USDT-SWAP')] };
    expect(openInterestPart(mixed, DAY).fatal).toBe(true);
  });
});
