/**
 * coin-list and exchange-list: rolling 1h/4h/12h/24h totals. Expected figures
 * are computed by hand in the comments; amounts are rounded to the cent.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { coinListPart, exchangeListPart } from '../../src/ingest/coinglass/index.js';
import type { IngestWindow } from '../../src/ingest/types.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/coinglass/${name}`, import.meta.url), 'utf8'));
const END = new Date('2026-02-05T00:00:00Z');
const hours = (h: number): IngestWindow => ({ start: new Date(END.getTime() - h * 3_600_000), end: END });
const kinds = (p: { problems: { kind: string }[] }): string[] => p.problems.map((x) => x.kind);

describe('coin-list, documentation sample (one coin, BTC)', () => {
  const doc = load('coinglass-liquidation-coin-list.docs.json');

  it('the window length selects the 24h, 12h, 4h or 1h fields', () => {
    // Each side to the cent, usd = the sum of the rounded sides (so the snapshot adds up exactly).
    // 24h: long 68437447.33734027 → 68437447.34; short 13843034.16691298 → 13843034.17;
    //      usd = 68437447.34 + 13843034.17 = 82280481.51 (CoinGlass's own 82280481.50425325 is within a cent)
    expect(coinListPart(doc, hours(24)).snapshot['totals']).toEqual({ usd: 82280481.51, longUsd: 68437447.34, shortUsd: 13843034.17 });
    // 12h: 66614158.47451427 → 66614158.47; 1717685.887727 → 1717685.89; usd 66614158.47 + 1717685.89 = 68331844.36
    expect(coinListPart(doc, hours(12)).snapshot['totals']).toEqual({ usd: 68331844.36, longUsd: 66614158.47, shortUsd: 1717685.89 });
    // 4h: 10921633.272973 → 10921633.27; 459503.80767 → 459503.81; usd 10921633.27 + 459503.81 = 11381137.08
    expect(coinListPart(doc, hours(4)).snapshot['totals']).toEqual({ usd: 11381137.08, longUsd: 10921633.27, shortUsd: 459503.81 });
    // 1h: 3182915.16289 → 3182915.16; 100720.7902 → 100720.79; usd 3182915.16 + 100720.79 = 3283635.95
    expect(coinListPart(doc, hours(1)).snapshot['totals']).toEqual({ usd: 3283635.95, longUsd: 3182915.16, shortUsd: 100720.79 });
  });

  it('the one coin is the one asset; the part is partial (coin-list covers one exchange)', () => {
    const part = coinListPart(doc, hours(24));
    expect(part.fatal).toBe(false);
    expect(part.problems).toEqual([]);
    expect(part.snapshot['coverage']).toBe('partial');
    expect(part.snapshot['assets']).toEqual([{ symbol: 'BTC', longUsd: 68437447.34, shortUsd: 13843034.17 }]);
    expect(part.snapshot['exchanges']).toBeUndefined();
  });

  it('naming the exchange adds it as the venue; "All" makes the part complete', () => {
    const binance = coinListPart(doc, hours(24), { exchange: 'binance' });
    expect(binance.snapshot['exchanges']).toEqual([{ name: 'Binance', longUsd: 68437447.34, shortUsd: 13843034.17 }]);
    expect(binance.snapshot['coverage']).toBe('partial');
    const all = coinListPart(doc, hours(24), { exchange: 'All' });
    expect(all.snapshot['coverage']).toBe('complete');
    expect(all.snapshot['exchanges']).toBeUndefined();
  });

  it('a window the endpoint cannot serve (6h) is fatal', () => {
    const part = coinListPart(doc, hours(6));
    expect(part.fatal).toBe(true);
    expect(kinds(part)).toEqual(['out-of-window']);
    expect(part.problems[0]!.message).toContain('6h');
  });
});

describe('coin-list, synthetic: strings and numbers, bad rows, duplicates', () => {
  const doc = load('coin-list-mixed.synthetic.json');

  it('24h totals = sum over the usable coins', () => {
    const part = coinListPart(doc, hours(24));
    // Counted: BTC 400000000 / "100000000.50", ETH "150000000" / 50000000, DOGE 0 / "0",
    //          WIF-PERP 1000 / "500" (not a ticker, still counted), XRP 10000000 / 5000000.
    // Not counted: SOL (short "abc"), the second BTC row (duplicate).
    // long  = 400000000 + 150000000 + 0 + 1000 + 10000000 = 560001000
    // short = 100000000.50 + 50000000 + 0 + 500 + 5000000 = 155000500.50
    // usd   = 560001000 + 155000500.50 = 715001500.50
    expect(part.snapshot['totals']).toEqual({ usd: 715001500.5, longUsd: 560001000, shortUsd: 155000500.5 });
    // Assets: coins with liquidations and a ticker, largest first ("eth" upper-cased):
    // BTC 500000000.50, ETH 200000000, XRP 15000000.
    expect(part.snapshot['assets']).toEqual([
      { symbol: 'BTC', longUsd: 400000000, shortUsd: 100000000.5 },
      { symbol: 'ETH', longUsd: 150000000, shortUsd: 50000000 },
      { symbol: 'XRP', longUsd: 10000000, shortUsd: 5000000 },
    ]);
    // SOL "abc", BTC twice, "WIF-PERP" not a ticker, XRP stated 20000000 ≠ 10000000 + 5000000.
    expect(kinds(part)).toEqual(['bad-value', 'duplicate', 'bad-value', 'bad-value']);
    expect(part.problems[0]!.message).toContain('data[2].short_liquidation_usd_24h');
    expect(part.stats).toMatchObject({ rows: 7, rowsUsed: 5, rowsRejected: 2, coinsWithoutLiquidations: 1 });
  });

  it('1h picks the 1h fields, where SOL is readable', () => {
    const part = coinListPart(doc, hours(1));
    // long  = 4000000 + 1500000 + 250000 (SOL) + 0 + 10 + 100000 = 5850010
    // short = 1000000 + 500000 + 0 + 0 + 5 + 50000 = 1550005
    // usd   = 5850010 + 1550005 = 7400015
    expect(part.snapshot['totals']).toEqual({ usd: 7400015, longUsd: 5850010, shortUsd: 1550005 });
    expect((part.snapshot['assets'] as { symbol: string }[]).map((a) => a.symbol)).toEqual(['BTC', 'ETH', 'SOL', 'XRP']);
  });

  it('12h: no row has 12h fields, so nothing is usable: fatal', () => {
    const part = coinListPart(doc, hours(12));
    expect(part.fatal).toBe(true);
    expect(part.problems.at(-1)!.message).toBe('no usable coin rows');
  });
});

describe('exchange-list', () => {
  it('documentation sample: the All row is the total, Bybit the one venue', () => {
    const part = exchangeListPart(load('coinglass-liquidation-exchange-list.docs.json'), hours(1));
    // All: long 451394.17404598 → 451394.17, short 14222125.64334477 → 14222125.64,
    //      usd 451394.17 + 14222125.64 = 14673519.81 (the row's own 14673519.81739075 is within a cent)
    expect(part.snapshot['totals']).toEqual({ usd: 14673519.81, longUsd: 451394.17, shortUsd: 14222125.64 });
    // Bybit: 104560.13885 → 104560.14; 4480729.99519 → 4480730.00. Bybit ≤ All on both sides.
    expect(part.snapshot['exchanges']).toEqual([{ name: 'Bybit', longUsd: 104560.14, shortUsd: 4480730 }]);
    expect(part.snapshot['coverage']).toBe('complete');
    expect(part.problems).toEqual([]);
  });

  it('synthetic: All is never summed with the venues; names normalised; empty venues dropped', () => {
    const part = exchangeListPart(load('exchange-list-mixed.synthetic.json'), hours(24));
    // Totals from All only: long 700000000, short "300000000" → usd 1000000000.
    // (Summing All with the venues would give long 700000000 + 650000000.25.)
    expect(part.snapshot['totals']).toEqual({ usd: 1000000000, longUsd: 700000000, shortUsd: 300000000 });
    // Venues: long 350000000 + 200000000 + 100000000.25 = 650000000.25 ≤ 700000000;
    //         short 120000000 + 100000000 + 50000000.75 = 270000000.75 ≤ 300000000.
    expect(part.snapshot['exchanges']).toEqual([
      { name: 'Binance', longUsd: 350000000, shortUsd: 120000000 },
      { name: 'Bybit', longUsd: 200000000, shortUsd: 100000000 },
      { name: 'OKX', longUsd: 100000000.25, shortUsd: 50000000.75 },
    ]);
    expect(part.problems).toEqual([]);
    expect(part.stats).toMatchObject({ venues: 4, allRow: 1, venuesListed: 3 });
  });

  it('venues adding up to more than All: reported, venue table left out, totals kept', () => {
    const part = exchangeListPart(load('exchange-list-venues-exceed.synthetic.json'), hours(4));
    // long: 900000 + 300000 = 1200000 > 1000000 + tolerance max(0.5 % × 1000000, 1000) = 1005000: exceeds.
    expect(part.snapshot['totals']).toEqual({ usd: 2000000, longUsd: 1000000, shortUsd: 1000000 });
    expect(part.snapshot['exchanges']).toBeUndefined();
    expect(kinds(part)).toEqual(['bad-value']);
    expect(part.problems[0]!.message).toContain('1200000');
  });

  it('no All row: totals are the venue sum, and that is reported', () => {
    const part = exchangeListPart(
      { code: '0', msg: 'success', data: [{ exchange: 'Binance', long_liquidation_usd: '10', short_liquidation_usd: 5 }, { exchange: 'OKX', long_liquidation_usd: 1, short_liquidation_usd: '2.5' }] },
      hours(1),
    );
    // long 10 + 1 = 11; short 5 + 2.5 = 7.5; usd 18.5
    expect(part.snapshot['totals']).toEqual({ usd: 18.5, longUsd: 11, shortUsd: 7.5 });
    expect(kinds(part)).toEqual(['bad-value']);
  });

  it('with a symbol the All row is that coin: one asset, partial', () => {
    const part = exchangeListPart(load('exchange-list-mixed.synthetic.json'), hours(24), { symbol: 'btc' });
    expect(part.snapshot['assets']).toEqual([{ symbol: 'BTC', longUsd: 700000000, shortUsd: 300000000 }]);
    expect(part.snapshot['coverage']).toBe('partial');
  });

  it('a negative or non-numeric amount rejects the row', () => {
    const part = exchangeListPart(
      { code: '0', msg: 'success', data: [{ exchange: 'All', long_liquidation_usd: 10, short_liquidation_usd: 5 }, { exchange: 'OKX', long_liquidation_usd: -1, short_liquidation_usd: '' }] },
      hours(1),
    );
    expect(kinds(part)).toEqual(['bad-value', 'bad-value']);
    expect(part.snapshot['exchanges']).toBeUndefined();
    expect(part.snapshot['totals']).toEqual({ usd: 15, longUsd: 10, shortUsd: 5 });
  });
});
