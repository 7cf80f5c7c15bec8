// The fast path for documented Bybit and OKX layouts (src/ingest/streams/fast.ts) must give exactly what JSON.parse gives:
// the same snapshot, counters, problems and line numbers, on random frames and on every near-miss we could think of.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestStreams, type StreamSource } from '../../src/ingest/streams/index.js';
import { ContractTable, builtInContracts, loadInstrumentList } from '../../src/ingest/contracts.js';
import { prng } from '../prng.js';

const DAY = { start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-05T00:00:00Z') };
const T0 = DAY.start.getTime();
const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/ingest/streams/${name}`, import.meta.url)), 'utf8');

async function both(lines: string[], source: StreamSource) {
  const text = `${lines.join('\n')}\n`;
  const run = (fastPath: boolean) => ingestStreams([{ label: 'in.ndjson', data: Readable.from([Buffer.from(text)]), source }], { window: DAY, fastPath });
  const parse = vi.spyOn(JSON, 'parse');
  const fast = await run(true);
  const parsedLines = parse.mock.calls.length;
  parse.mockRestore();
  const general = await run(false);
  return { fast, general, parsedLines };
}

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Values that exercise every decoder branch: good decimals, zero, empty, garbage, exponents, long digits. */
const DECIMALS = ['0.2', '68000', '0.04499', '0', '', '1e3', '-1', 'abc', '12.', '.5', '123456789012345678', '0.0000001'];
const GOOD = ['0.2', '68000', '0.04499', '1.5', '2500'];
/** Mostly good values, so that many rows are summed (and repeats are caught), and some of every kind of bad one. */
const value = (r: () => number): string => (r() < 0.75 ? pick(r, GOOD) : pick(r, DECIMALS));
const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'BTCUSD', '1000PEPEUSDT', 'ROSEUSDT', '', 'BTC-26DEC25', 'bad symbol!'];

function binanceLine(r: () => number, at: number): string {
  const coinM = r() < 0.2;
  const symbol = coinM ? pick(r, ['BTCUSD_PERP', 'ETHUSD_PERP', 'XYZUSD_PERP']) : r() < 0.6 ? 'BTCUSDT' : pick(r, SYMBOLS);
  const migrated = r() < 0.5 ? `"ps":"${coinM ? symbol.split('_')[0] : symbol}","st":${coinM ? 2 : pick(r, [1, 1, 2])},` : r() < 0.3 ? `"ps":"${symbol}",` : '';
  const t = at + Math.floor(r() * 2000);
  const order = `{"s":"${symbol}",${migrated}"S":"${pick(r, ['SELL', 'BUY', 'SELL', 'BUY', 'sell', ''])}","o":"LIMIT","f":"IOC","q":"${value(r)}","p":"${value(r)}","ap":"${value(r)}","X":"FILLED","l":"${value(r)}","z":"${value(r)}","T":${t}}`;
  const frame = `{"e":"forceOrder","E":${t + 3},"o":${order}}`;
  return r() < 0.5 ? `{"stream":"!forceOrder@arr","data":${frame}}` : frame;
}

function bybitLine(r: () => number, at: number): string {
  const symbol = r() < 0.7 ? 'BTCUSDT' : pick(r, SYMBOLS);
  const rows = 1 + Math.floor(r() * 3);
  const data: string[] = [];
  for (let i = 0; i < rows; i++) {
    const t = at + Math.floor(r() * 2000);
    data.push(`{"T":${t},"s":"${symbol}","S":"${pick(r, ['Buy', 'Sell', 'Buy', 'Sell', 'buy', ''])}","v":"${value(r)}","p":"${value(r)}"}`);
  }
  return `{"topic":"allLiquidation.${symbol}","type":"snapshot","ts":${T0 + 5},"data":[${data.join(',')}]}`;
}

function okxLine(r: () => number, at: number): string {
  const items: string[] = [];
  const n = 1 + Math.floor(r() * 2);
  for (let k = 0; k < n; k++) {
    const instId = r() < 0.6 ? 'BTC-USDT-SWAP' : pick(r, ['BTC-USDT-SWAP', 'ETH-USDT-SWAP', 'BTC-USD-SWAP', 'SOL-USDT-SWAP', 'BTC-USDT', '']);
    const details: string[] = [];
    const m = 1 + Math.floor(r() * 3);
    for (let j = 0; j < m; j++) {
      const t = at + Math.floor(r() * 2000);
      details.push(
        `{"bkLoss":"0","bkPx":"${value(r)}","ccy":"","posSide":"${pick(r, ['long', 'short', 'net', '', 'both'])}","side":"${pick(r, ['buy', 'sell', 'hold'])}","sz":"${value(r)}","ts":"${pick(r, [String(t), String(t), '', '123'])}"}`,
      );
    }
    const type = r() < 0.8 ? 'SWAP' : pick(r, ['FUTURES', 'MARGIN', 'OPTION']);
    items.push(`{"details":[${details.join(',')}],"instFamily":"X-USDT","instId":"${instId}","instType":"${type}","uly":"X-USDT"}`);
  }
  return `{${r() < 0.5 ? '"id":"1512",' : ''}"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[${items.join(',')}]}`;
}

/** Near-misses of the documented layout: each must go the general way and still give what JSON.parse gives. */
function mutate(r: () => number, line: string): string {
  switch (Math.floor(r() * 9)) {
    case 0:
      return line.replace('"s":"', '"s":"\\u0042'); // an escape: JSON.parse decodes it
    case 1:
      return line.replace(',', ', '); // whitespace
    case 2:
      return `${line} `;
    case 3:
      return line.slice(0, -1); // truncated
    case 4:
      return `${line}}`; // trailing garbage
    case 5:
      return line.replace(/"T":(\d)/, '"T":0$1'); // a leading zero: not JSON
    case 6:
      return line.replace('{"T":', '{"x":1,"T":').replace('{"bkLoss"', '{"extra":true,"bkLoss"'); // an extra key
    case 7:
      return line.replace('"type":"snapshot"', '"type":"delta"').replace('"ccy":""', '"ccy":"\\"');
    default:
      return line.replace('"data":[', '"data": [');
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fast path = JSON.parse path', () => {
  it.each([
    ['binance', binanceLine],
    ['bybit', bybitLine],
    ['okx', okxLine],
  ] as const)('%s: 3,000 random frames, a third of them near-misses, with repeats', async (source, make) => {
    const r = prng(source.length);
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const roll = r();
      if (roll < 0.05 && lines.length > 0) {
        lines.push(lines[lines.length - 1] as string);
        continue;
      }
      // In time order, 29 s apart, from 5 minutes before the window: some lines fall outside it.
      const at = T0 - 300_000 + i * 29_000;
      if (roll < 0.35) lines.push(mutate(r, make(r, at)));
      else lines.push(make(r, at));
    }
    const { fast, general, parsedLines } = await both(lines, source);
    // The near-misses (about a third) went through JSON.parse; the rest did not.
    expect(parsedLines).toBeGreaterThan(600);
    expect(parsedLines).toBeLessThan(1500);
    expect(fast.stats).toEqual(general.stats);
    expect(fast.problems).toEqual(general.problems);
    expect(fast.snapshot).toEqual(general.snapshot);
    expect(fast.stats['accepted']).toBeGreaterThan(200);
    expect(fast.stats['problems']).toBeGreaterThan(500);
    expect(fast.stats['duplicates']).toBeGreaterThan(30);
    expect(fast.stats['outOfWindow']).toBeGreaterThan(5);
  });

  it('the documentation samples take the fast path (no JSON.parse) and give the documented figures', async () => {
    const day = (d: string) => ({ start: new Date(`${d}T00:00:00Z`), end: new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000) });
    // IOST-USDT-SWAP is not in the built-in table; the synthetic list gives it 1,000 IOST per contract (made up for tests).
    const list = new ContractTable();
    loadInstrumentList(list, JSON.parse(fixture('okx-instruments.synthetic.json')) as unknown);
    const contracts = builtInContracts().withOverrides(list);
    const parse = vi.spyOn(JSON, 'parse');
    const bybit = await ingestStreams([{ label: 'b', data: Readable.from([Buffer.from(fixture('bybit-allLiquidation.docs.json'))]), source: 'bybit' }], {
      window: { start: new Date('2025-02-14T00:00:00Z'), end: new Date('2025-02-15T00:00:00Z') },
    });
    const okx = await ingestStreams([{ label: 'o', data: Readable.from([Buffer.from(fixture('okx-liquidation-orders.docs.json'))]), source: 'okx' }], {
      window: { start: new Date('2023-08-17T00:00:00Z'), end: new Date('2023-08-18T00:00:00Z') },
      contracts,
    });
    const um = await ingestStreams([{ label: 'u', data: Readable.from([Buffer.from(fixture('binance-forceOrder.docs.json'))]), source: 'binance' }], { window: day('2019-09-09') });
    const cm = await ingestStreams([{ label: 'c', data: Readable.from([Buffer.from(fixture('binance-forceOrder-coinm.docs.json'))]), source: 'binance-coinm' }], { window: day('2020-06-03') });
    // No frame went through JSON.parse.
    expect(parse).not.toHaveBeenCalled();
    // Binance USDⓈ-M: SELL = a long liquidated; z 0.014 × ap 9,910 = 138.74. COIN-M: 1 contract × 100 USD (BTCUSD), a long.
    expect(um.snapshot['totals']).toEqual({ usd: 138.74, longUsd: 138.74, shortUsd: 0 });
    expect(cm.snapshot['totals']).toEqual({ usd: 100, longUsd: 100, shortUsd: 0 });
    // Bybit: S "Sell" = a short liquidated; 20,000 ROSE × 0.04499 = 899.80.
    expect(bybit.snapshot['totals']).toEqual({ usd: 899.8, longUsd: 0, shortUsd: 899.8 });
    // OKX: posSide "short"; 13 contracts × 1,000 IOST × 0.007831 = 101.803 → 101.80.
    expect(okx.snapshot['totals']).toEqual({ usd: 101.8, longUsd: 0, shortUsd: 101.8 });
  });
});
