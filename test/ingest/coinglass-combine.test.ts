/**
 * combineCoinglass: parts for one window → one contract-v1 snapshot that
 * validateSnapshot accepts and render turns into an article unchanged.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { aggregatedHistoryPart, coinListPart, combineCoinglass, exchangeListPart, ingestCoinglass, largestOrderPart } from '../../src/ingest/coinglass/index.js';
import { applyContext, fearGreedPart, fundingPart, ingestContext, openInterestPart } from '../../src/ingest/context/index.js';
import { validateSnapshot, generate, formatIssues } from '../../src/index.js';
import type { IngestPart, IngestWindow } from '../../src/ingest/types.js';

const cg = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/coinglass/${name}`, import.meta.url), 'utf8'));
const cx = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/context/${name}`, import.meta.url), 'utf8'));
const NOW = new Date('2026-11-21T00:00:00Z');
const DAY: IngestWindow = { start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-05T00:00:00Z') };

function valid(part: IngestPart): string[] {
  const r = validateSnapshot(part.snapshot, NOW);
  return r.ok ? [] : formatIssues(r.issues);
}

function syntheticParts(): IngestPart[] {
  return [
    coinListPart(cg('coin-list-mixed.synthetic.json'), DAY),
    exchangeListPart(cg('exchange-list-mixed.synthetic.json'), DAY),
    largestOrderPart(cg('order-mixed.synthetic.json'), DAY),
    fearGreedPart(cx('fear-greed-feb.synthetic.json'), DAY),
    openInterestPart(cx('oi-coinglass-4h.synthetic.json'), DAY),
    fundingPart(cx('funding-exchange-list-mixed.synthetic.json'), DAY),
  ];
}

describe('combineCoinglass, synthetic day', () => {
  it('totals from the All row, assets from coin-list, venues from exchange-list, context merged', () => {
    const out = combineCoinglass(syntheticParts(), DAY);
    expect(out.fatal).toBe(false);
    expect(out.snapshot).toEqual({
      schemaVersion: 1,
      window: { start: '2026-02-04T00:00:00Z', end: '2026-02-05T00:00:00Z' },
      source: { name: 'CoinGlass', url: 'https://www.coinglass.com/LiquidationData' },
      // coin-list covers one exchange and its assets are used: the figures are a lower bound.
      coverage: 'partial',
      // All row: 700000000 + 300000000 = 1000000000
      totals: { usd: 1000000000, longUsd: 700000000, shortUsd: 300000000 },
      // Assets long 400000000 + 150000000 + 10000000 = 560000000 ≤ 700000000;
      // short 100000000.5 + 50000000 + 5000000 = 155000000.5 ≤ 300000000.
      assets: [
        { symbol: 'BTC', longUsd: 400000000, shortUsd: 100000000.5 },
        { symbol: 'ETH', longUsd: 150000000, shortUsd: 50000000 },
        { symbol: 'XRP', longUsd: 10000000, shortUsd: 5000000 },
      ],
      exchanges: [
        { name: 'Binance', longUsd: 350000000, shortUsd: 120000000 },
        { name: 'Bybit', longUsd: 200000000, shortUsd: 100000000 },
        { name: 'OKX', longUsd: 100000000.25, shortUsd: 50000000.75 },
      ],
      // 7500000.5 short ≤ totals short 300000000 and ≤ BTC short 100000000.5
      largestOrder: { exchange: 'OKX', symbol: 'BTC-USDT-SWAP', side: 'short', usd: 7500000.5, asset: 'BTC' },
      market: { sentiment: { index: 15, label: 'Extreme Fear' }, openInterestChangePct: -10, fundingRatePct: 0.006 },
    });
    expect(valid(out)).toEqual([]);
  });

  it('reports every part problem with its source, and the coin-list totals it did not use', () => {
    const out = combineCoinglass(syntheticParts(), DAY);
    const messages = out.problems.map((p) => p.message);
    expect(messages.filter((m) => m.startsWith('coinglass-coin-list: data['))).toHaveLength(4);
    expect(messages.filter((m) => m.startsWith('coinglass-order: data['))).toHaveLength(2);
    expect(messages).toContain('coinglass-coin-list: its totals are not used; coinglass-exchange-list already gives totals for this window');
  });

  it('render accepts the result unchanged and says "at least"', () => {
    const article = generate(combineCoinglass(syntheticParts(), DAY).snapshot, { now: NOW });
    expect(article.files.md).toMatch(/at least \$1 billion/i);
    expect(article.files.md).toContain('CoinGlass');
  });

  it('same parts, same bytes; part order does not change the figures', () => {
    const a = JSON.stringify(combineCoinglass(syntheticParts(), DAY).snapshot);
    expect(JSON.stringify(combineCoinglass(syntheticParts(), DAY).snapshot)).toBe(a);
    expect(JSON.stringify(combineCoinglass([...syntheticParts()].reverse(), DAY).snapshot)).toBe(a);
  });
});

describe('combineCoinglass, coverage and consistency', () => {
  it('the example command: one coin-list alone gives a valid, partial snapshot', () => {
    const part = ingestCoinglass('coinglass-coin-list', cg('coinglass-liquidation-coin-list.docs.json'), DAY);
    const out = combineCoinglass([part], DAY);
    expect(out.snapshot['coverage']).toBe('partial');
    expect(out.snapshot['totals']).toEqual({ usd: 82280481.51, longUsd: 68437447.34, shortUsd: 13843034.17 });
    expect(valid(out)).toEqual([]);
  });

  it('exchange-list alone covers every venue, and is still partial: CoinGlass relays the sampled Binance feed', () => {
    const out = combineCoinglass([exchangeListPart(cg('exchange-list-mixed.synthetic.json'), DAY)], DAY);
    expect(out.snapshot['coverage']).toBe('partial');
    expect(out.stats['totalsCoverEveryVenue']).toBe(1);
    expect(valid(out)).toEqual([]);
  });

  it('documentation samples: the coin-list asset outgrows the All row (rolling lists of other moments): left out, reported', () => {
    const w: IngestWindow = { start: new Date('2025-04-21T00:00:00Z'), end: new Date('2025-04-22T00:00:00Z') };
    const out = combineCoinglass(
      [coinListPart(cg('coinglass-liquidation-coin-list.docs.json'), w), exchangeListPart(cg('coinglass-liquidation-exchange-list.docs.json'), w), largestOrderPart(cg('coinglass-liquidation-order.docs.json'), w)],
      w,
    );
    // BTC long 68437447.34 > All long 451394.17 + 0.5 % → the assets list is dropped.
    expect(out.snapshot['assets']).toBeUndefined();
    expect(out.problems.map((p) => p.message)).toContainEqual(expect.stringContaining("coinglass-coin-list: its assets' long liquidations add up to 68437447.34"));
    // Only the exchange-list is used; every venue, but a lower bound all the same.
    expect(out.snapshot['coverage']).toBe('partial');
    expect(out.snapshot['totals']).toEqual({ usd: 14673519.81, longUsd: 451394.17, shortUsd: 14222125.64 });
    // 205534.29 long ≤ 451394.17
    expect(out.snapshot['largestOrder']).toEqual({ exchange: 'Binance', symbol: 'BTCUSDT', side: 'long', usd: 205534.29, asset: 'BTC' });
    expect(valid(out)).toEqual([]);
  });

  it('a largest order bigger than its side total is left out', () => {
    const out = combineCoinglass([aggregatedHistoryPart(cg('aggregated-history-4h.synthetic.json'), DAY, { symbol: 'BTC' }), largestOrderPart(cg('order-mixed.synthetic.json'), DAY)], DAY);
    // order 7500000.5 short > totals short 5500000.25 + max(0.5 %, 1000) = 5527500.25
    expect(out.snapshot['largestOrder']).toBeUndefined();
    expect(out.problems.map((p) => p.kind)).toContain('bad-value');
    expect(valid(out)).toEqual([]);
  });

  it('any fatal part makes the result fatal, with no figures', () => {
    const out = combineCoinglass([exchangeListPart(cg('exchange-list-mixed.synthetic.json'), DAY), coinListPart(cg('error-upgrade-plan.synthetic.json'), DAY)], DAY);
    expect(out.fatal).toBe(true);
    expect(out.snapshot).toEqual({});
    expect(out.problems[0]!.message).toMatch(/^coinglass-coin-list: CoinGlass answered with error code "403": Upgrade plan/);
  });

  it('a context answer with nothing usable is left out and said so; the liquidation figures stand', () => {
    // Fear & Greed from 1 Feb (1769904000 s) is more than two days before the window end (5 Feb 00:00Z): stale.
    const stale = ingestContext('fear-greed', { name: 'Fear and Greed Index', data: [{ value: '40', value_classification: 'Fear', timestamp: '1769904000' }], metadata: { error: null } }, DAY);
    expect(stale.fatal).toBe(true);
    const out = combineCoinglass([exchangeListPart(cg('exchange-list-mixed.synthetic.json'), DAY), stale], DAY);
    expect(out.fatal).toBe(false);
    expect(out.snapshot['market']).toBeUndefined();
    expect(out.snapshot['totals']).toEqual({ usd: 1_000_000_000, longUsd: 700_000_000, shortUsd: 300_000_000 });
    expect(out.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^fear-greed: no Fear & Greed value published in the two days up to the window end .* \(not used\)$/));
  });

  it('no part with totals, or $0 totals: fatal', () => {
    expect(combineCoinglass([largestOrderPart(cg('order-mixed.synthetic.json'), DAY)], DAY).fatal).toBe(true);
    const zero = exchangeListPart({ code: '0', msg: 'success', data: [{ exchange: 'All', long_liquidation_usd: 0, short_liquidation_usd: '0' }] }, DAY);
    const out = combineCoinglass([zero], DAY);
    expect(out.fatal).toBe(true);
    expect(out.problems.at(-1)!.message).toContain('$0');
  });
});

describe('applyContext', () => {
  it('adds market fields to any snapshot and keeps what it had', () => {
    const streamSnapshot = { schemaVersion: 1, coverage: 'partial', market: { fundingRatePct: 0.01 } };
    const fg = ingestContext('fear-greed', cx('fear-greed-feb.synthetic.json'), DAY);
    const fr = ingestContext('funding', cx('funding-exchange-list-mixed.synthetic.json'), DAY);
    const { snapshot, problems } = applyContext(streamSnapshot, [fg, fr]);
    expect(snapshot).toEqual({ schemaVersion: 1, coverage: 'partial', market: { fundingRatePct: 0.01, sentiment: { index: 15, label: 'Extreme Fear' } } });
    expect(problems.map((p) => p.message)).toEqual(['funding: market.fundingRatePct is already given by the snapshot; this value is not used']);
  });

  it('two parts for one field: the first is used, the second reported', () => {
    const first = fearGreedPart(cx('fear-greed-feb.synthetic.json'), DAY);
    const later = fearGreedPart(cx('fear-greed-feb.synthetic.json'), { start: DAY.start, end: new Date('2026-02-04T12:00:00Z') });
    const { snapshot, problems } = applyContext({}, [first, later]);
    expect(snapshot).toEqual({ market: { sentiment: { index: 15, label: 'Extreme Fear' } } });
    expect(problems.map((p) => p.kind)).toEqual(['duplicate']);
  });
});
