// Each stream adapter on documentation-exact samples and on synthetic recordings, against totals worked out by hand.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestStreams, type StreamIngestResult, type StreamSource } from '../../src/ingest/streams/index.js';
import { ContractTable, builtInContracts, loadInstrumentList } from '../../src/ingest/contracts.js';
import { validateSnapshot } from '../../src/snapshot/parse.js';
import { generate } from '../../src/generate.js';

const NOW = new Date('2026-11-21T00:00:00Z');
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/ingest/streams/${name}`, import.meta.url));
const text = (name: string): string => readFileSync(fixture(name), 'utf8');
const DAY = { start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-05T00:00:00Z') };

function contractsWith(...files: string[]): ContractTable {
  const table = new ContractTable();
  for (const f of files) loadInstrumentList(table, JSON.parse(text(f)));
  return builtInContracts().withOverrides(table);
}

async function ingest(content: string | string[], source: StreamSource, window = DAY, contracts?: ContractTable): Promise<StreamIngestResult> {
  const lines = Array.isArray(content) ? `${content.join('\n')}\n` : content;
  return ingestStreams([{ label: 'in.ndjson', data: Readable.from([Buffer.from(lines)]), source }], { window, ...(contracts ? { contracts } : {}) });
}

function expectValid(r: StreamIngestResult): void {
  const v = validateSnapshot(r.snapshot, NOW);
  expect(v.ok ? [] : v.issues).toEqual([]);
}

describe('documentation samples', () => {
  it('Binance USDⓈ-M forceOrder: SELL is a long liquidated; USD = z × ap', async () => {
    // o.S SELL → long; o.z 0.014 BTC × o.ap 9910 = 138.74 USD; o.T 1568014460893 = 2019-09-09T07:34:20.893Z.
    const r = await ingest(text('binance-forceOrder.docs.json'), 'binance', { start: new Date('2019-09-09T00:00:00Z'), end: new Date('2019-09-10T00:00:00Z') });
    expect(r.snapshot).toEqual({
      schemaVersion: 1,
      window: { start: '2019-09-09T00:00:00Z', end: '2019-09-10T00:00:00Z' },
      source: { name: 'Binance' },
      coverage: 'partial',
      totals: { usd: 138.74, longUsd: 138.74, shortUsd: 0 },
      assets: [{ symbol: 'BTC', longUsd: 138.74, shortUsd: 0 }],
      exchanges: [{ name: 'Binance', longUsd: 138.74, shortUsd: 0 }],
      largestOrder: { exchange: 'Binance', symbol: 'BTCUSDT', asset: 'BTC', side: 'long', usd: 138.74 },
    });
    expect(r.problems).toEqual([]);
    expectValid(r);
  });

  it('Binance COIN-M forceOrder: z is contracts; BTCUSD is 100 USD per contract', async () => {
    // SELL → long; z 1 contract × 100 USD = 100 USD (not 1 × ap 9496.5). T 1591154240949 = 2020-06-03T03:17:20.949Z.
    const r = await ingest(text('binance-forceOrder-coinm.docs.json'), 'binance-coinm', { start: new Date('2020-06-03T00:00:00Z'), end: new Date('2020-06-04T00:00:00Z') });
    expect(r.snapshot['totals']).toEqual({ usd: 100, longUsd: 100, shortUsd: 0 });
    expect(r.snapshot['largestOrder']).toEqual({ exchange: 'Binance', symbol: 'BTCUSD_200925', asset: 'BTC', side: 'long', usd: 100 });
    expect(r.snapshot['coverage']).toBe('partial');
    expectValid(r);
  });

  it('Bybit allLiquidation: S is the position side, so Sell is a short; USD = v × p', async () => {
    // S Sell → short; v 20000 ROSE × p 0.04499 = 899.80 USD; T 1739502302929 = 2025-02-14T03:05:02.929Z.
    const r = await ingest(text('bybit-allLiquidation.docs.json'), 'bybit', { start: new Date('2025-02-14T00:00:00Z'), end: new Date('2025-02-15T00:00:00Z') });
    expect(r.snapshot['totals']).toEqual({ usd: 899.8, longUsd: 0, shortUsd: 899.8 });
    expect(r.snapshot['assets']).toEqual([{ symbol: 'ROSE', longUsd: 0, shortUsd: 899.8 }]);
    expect(r.snapshot['coverage']).toBe('complete');
    expectValid(r);
  });

  it('OKX liquidation-orders: without a contract size the instrument is a problem, not a guess', async () => {
    const r = await ingest(text('okx-liquidation-orders.docs.json'), 'okx', { start: new Date('2023-08-17T00:00:00Z'), end: new Date('2023-08-18T00:00:00Z') });
    expect(r.empty).toBe(true);
    expect(r.problems).toEqual([{ file: 'in.ndjson', line: 1, kind: 'bad-value', message: expect.stringContaining('IOST-USDT-SWAP: contract value (ctVal) unknown') }]);
  });

  it('OKX liquidation-orders: posSide short; USD = sz × ctVal × bkPx with the listed ctVal', async () => {
    // posSide short → short; sz 13 contracts × ctVal 1000 IOST (synthetic list) × bkPx 0.007831 = 101.803 → $101.80.
    // ts "1692266434010" = 2023-08-17T10:00:34.010Z.
    const r = await ingest(text('okx-liquidation-orders.docs.json'), 'okx', { start: new Date('2023-08-17T00:00:00Z'), end: new Date('2023-08-18T00:00:00Z') }, contractsWith('okx-instruments.synthetic.json'));
    expect(r.snapshot['totals']).toEqual({ usd: 101.8, longUsd: 0, shortUsd: 101.8 });
    expect(r.snapshot['largestOrder']).toEqual({ exchange: 'OKX', symbol: 'IOST-USDT-SWAP', asset: 'IOST', side: 'short', usd: 101.8 });
    expect(r.snapshot['coverage']).toBe('partial');
    expectValid(r);
  });
});

describe('synthetic Binance recording (fixtures/ingest/streams/binance-synthetic.ndjson)', () => {
  // Summed, line by line:
  //  2  BTCUSDT   SELL z 0.5 × ap 70000           → long  35,000.00   (combined-stream wrapper)
  //  3  ETHUSDT   BUY  z 10 × ap 2500.5           → short 25,005.00
  //  5  BTCUSD_PERP st 2, SELL 3 contracts × 100 → long     300.00   (COIN-M row on the USDⓈ-M stream)
  //  6  ETHUSD_PERP st 2, BUY  7 contracts × 10  → short     70.00
  // 13  1000PEPEUSDT SELL z 1e6 × ap 0.012       → long  12,000.00   (asset PEPE)
  // 14  IOTXUSDT  BUY z 3661 (not l 962) × ap 0.0251 (not p 0.0249) = 91.8911 → short 91.89
  // long 35,000 + 300 + 12,000 = 47,300.00; short 25,005 + 70 + 91.89 = 25,166.89; total 72,466.89.
  // Not summed: 1 control, 4 repeat of 2, 11 at the window end (end is exclusive), 12 before the start,
  // 15 blank, 17 nothing filled; problems 7 malformed, 8 side HOLD, 9 no price, 10 a Bybit frame,
  // 16 COIN-M size unknown, 18 not JSON.
  it('sums the right rows with the right rule for each', async () => {
    const r = await ingest(text('binance-synthetic.ndjson'), 'binance');
    expect(r.snapshot['totals']).toEqual({ usd: 72466.89, longUsd: 47300, shortUsd: 25166.89 });
    expect(r.snapshot['assets']).toEqual([
      { symbol: 'BTC', longUsd: 35300, shortUsd: 0 },
      { symbol: 'ETH', longUsd: 0, shortUsd: 25075 },
      { symbol: 'PEPE', longUsd: 12000, shortUsd: 0 },
      { symbol: 'IOTX', longUsd: 0, shortUsd: 91.89 },
    ]);
    expect(r.snapshot['exchanges']).toEqual([{ name: 'Binance', longUsd: 47300, shortUsd: 25166.89 }]);
    expect(r.snapshot['largestOrder']).toEqual({ exchange: 'Binance', symbol: 'BTCUSDT', asset: 'BTC', side: 'long', usd: 35000 });
    expect(r.snapshot).not.toHaveProperty('totals.traders');
    expectValid(r);
  });

  it('counts what it did not sum, and reports every bad line with its number', async () => {
    const r = await ingest(text('binance-synthetic.ndjson'), 'binance');
    expect(r.stats).toMatchObject({ lines: 18, blankLines: 1, controlFrames: 1, events: 9, inWindow: 7, accepted: 6, duplicates: 1, outOfWindow: 2, zeroSize: 1, problems: 6 });
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [7, 'malformed'],
      [8, 'unknown-side'],
      [9, 'missing-price'],
      [10, 'other-stream'],
      [16, 'bad-value'],
      [18, 'malformed'],
    ]);
    expect(r.problems[1]?.message).toContain('"HOLD"');
    expect(r.problems[4]?.message).toContain('XYZUSD_PERP: COIN-M contract size unknown');
  });

  it('takes COIN-M sizes from the instrument list when given (XYZUSD_PERP: 4 contracts × 10 = 40 long)', async () => {
    const r = await ingest(text('binance-synthetic.ndjson'), 'binance', DAY, contractsWith('binance-coinm-exchangeInfo.synthetic.json'));
    // 47,300 + 40 = 47,340 long; total 72,506.89.
    expect(r.snapshot['totals']).toEqual({ usd: 72506.89, longUsd: 47340, shortUsd: 25166.89 });
    expect(r.stats['problems']).toBe(5);
  });

  it('as a COIN-M input, USDⓈ-M rows are another stream', async () => {
    const r = await ingest(text('binance-synthetic.ndjson'), 'binance-coinm');
    // Only lines 5 and 6 count: 300 long + 70 short.
    expect(r.snapshot['totals']).toEqual({ usd: 370, longUsd: 300, shortUsd: 70 });
    expect(r.problems.filter((p) => p.kind === 'other-stream').map((p) => p.line)).toEqual([2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 17]);
  });
});

describe('synthetic Bybit recording', () => {
  // 2  BTCUSDT data[0] Buy  0.2 × 68000 → long 13,600; data[1] Sell 0.1 × 70000 → short 7,000 (both elements count)
  // 3  BTCUSD (inverse) Buy v 5000 → long 5,000 USD (v is already dollars; p 69000 is not used)
  // 4  repeat of 2 → 2 duplicates; 5 the retired liquidation.BTCUSDT topic; 6 S "buy"; 7 no p.
  // long 13,600 + 5,000 = 18,600; short 7,000; total 25,600.
  it('reads every element, inverse sizes in USD, and the position-side rule', async () => {
    const r = await ingest(text('bybit-synthetic.ndjson'), 'bybit');
    expect(r.snapshot['totals']).toEqual({ usd: 25600, longUsd: 18600, shortUsd: 7000 });
    expect(r.snapshot['assets']).toEqual([{ symbol: 'BTC', longUsd: 18600, shortUsd: 7000 }]);
    expect(r.snapshot['largestOrder']).toEqual({ exchange: 'Bybit', symbol: 'BTCUSDT', asset: 'BTC', side: 'long', usd: 13600 });
    expect(r.snapshot['coverage']).toBe('complete');
    expect(r.stats).toMatchObject({ controlFrames: 1, duplicates: 2, accepted: 3 });
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [5, 'other-stream'],
      [6, 'unknown-side'],
      [7, 'missing-price'],
    ]);
    expect(r.problems[0]?.message).toContain('retired');
    expectValid(r);
  });
});

describe('synthetic OKX recording', () => {
  // ctVal: BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH, BTC-USD-SWAP 100 USD (inverse).
  // 2  BTC-USDT-SWAP posSide long, 150 × 0.01 × 68000 = 102,000 long
  //    BTC-USDT-SWAP posSide net, side buy → short, 20 × 0.01 × 70000 = 14,000 short
  //    ETH-USDT-SWAP posSide short, 30 × 0.1 × 2500 = 7,500 short
  // 3  BTC-USD-SWAP net + sell → long, 12 contracts × 100 USD = 1,200 long
  // 4  MARGIN → another product; 5 SOL-USDT-SWAP has no ctVal; 6 net + "hold"
  // 7  a one-line REST answer: its first detail repeats line 2 (REST/WS overlap); the second is new:
  //    5 × 0.01 × 67000 = 3,350 long
  // 8  after the window.
  // long 102,000 + 1,200 + 3,350 = 106,550; short 14,000 + 7,500 = 21,500; total 128,050.
  it('uses posSide, else the order side; contracts × ctVal; REST lines; repeats', async () => {
    const r = await ingest(text('okx-synthetic.ndjson'), 'okx', DAY, contractsWith('okx-instruments.synthetic.json'));
    expect(r.snapshot['totals']).toEqual({ usd: 128050, longUsd: 106550, shortUsd: 21500 });
    expect(r.snapshot['assets']).toEqual([
      { symbol: 'BTC', longUsd: 106550, shortUsd: 14000 },
      { symbol: 'ETH', longUsd: 0, shortUsd: 7500 },
    ]);
    expect(r.snapshot['largestOrder']).toEqual({ exchange: 'OKX', symbol: 'BTC-USDT-SWAP', asset: 'BTC', side: 'long', usd: 102000 });
    expect(r.stats).toMatchObject({ controlFrames: 1, duplicates: 1, outOfWindow: 1, accepted: 5 });
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [4, 'other-stream'],
      [5, 'bad-value'],
      [6, 'unknown-side'],
    ]);
    expectValid(r);
  });

  it('renders with "at least": OKX is a sample', async () => {
    const r = await ingest(text('okx-synthetic.ndjson'), 'okx', DAY, contractsWith('okx-instruments.synthetic.json'));
    const md = generate(r.snapshot, { now: NOW }).files.md;
    expect(md.toLowerCase()).toContain('at least');
  });
});

describe('side rules, one frame each', () => {
  const T = 1770166800000;
  const binance = (S: string) => JSON.stringify({ e: 'forceOrder', E: T, o: { s: 'BTCUSDT', S, q: '1', p: '100', ap: '100', z: '1', l: '1', X: 'FILLED', T } });
  const bybit = (S: string) => JSON.stringify({ topic: 'allLiquidation.BTCUSDT', ts: T, data: [{ T, s: 'BTCUSDT', S, v: '1', p: '100' }] });
  const okx = (posSide: string, side: string) => JSON.stringify({ arg: { channel: 'liquidation-orders' }, data: [{ instId: 'BTC-USDT-SWAP', instType: 'SWAP', details: [{ posSide, side, sz: '100', bkPx: '100', ts: String(T) }] }] });
  const sideOf = async (line: string, source: StreamSource) => (await ingest([line], source)).snapshot['largestOrder'] as { side: string } | undefined;

  it.each([
    ['binance', binance('SELL'), 'long'],
    ['binance', binance('BUY'), 'short'],
    ['bybit', bybit('Buy'), 'long'],
    ['bybit', bybit('Sell'), 'short'],
    ['okx', okx('long', 'sell'), 'long'],
    ['okx', okx('short', 'buy'), 'short'],
    ['okx', okx('net', 'sell'), 'long'],
    ['okx', okx('net', 'buy'), 'short'],
    ['okx', okx('', 'sell'), 'long'],
  ] as const)('%s %s → %s', async (source, line, side) => {
    expect((await sideOf(line, source))?.side).toBe(side);
  });
});
