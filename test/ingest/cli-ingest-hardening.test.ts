// `liqnews ingest` against hostile or unlucky input: nesting deep enough to overflow a recursive reader, names the
// snapshot contract refuses, terminal escapes and huge values on their way to stderr, and repeats that arrive hours
// late. Each case here crashed, refused a whole input or printed raw data before the fix.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { validateSnapshot } from '../../src/snapshot/parse.js';

const NOW = '2026-11-21T00:00:00Z';
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/ingest/streams/${name}`, import.meta.url));
const BINANCE = fixture('binance-synthetic.ndjson');
const BYBIT = fixture('bybit-synthetic.ndjson');
const DAY = ['--from', '2026-02-04T00:00:00Z', '--to', '2026-02-05T00:00:00Z', '--now', NOW];
const CG_DAY = ['--window', '24h', '--end', '2026-02-05T00:00:00Z', '--now', NOW];
const lines = (text: string): string[] => text.split('\n').filter(Boolean);
const DEEP = 100_000;

/** One Binance forceOrder line (documented layout) for symbol `s`. */
const binanceLine = (s: string, side = 'SELL', z = '0.5', ap = '70000', T = 1770166800000): string =>
  JSON.stringify({ e: 'forceOrder', E: T + 1, o: { s, S: side, o: 'LIMIT', f: 'IOC', q: z, p: ap, ap, X: 'FILLED', l: z, z, T } });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-ingest-hard-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('deep nesting', () => {
  it.each([
    ['nested arrays', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`],
    ['nested combined-stream wrappers', `${'{"stream":"x","data":'.repeat(DEEP)}{}${'}'.repeat(DEEP)}`],
    ['a nested field inside a frame', `{"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","q":${'['.repeat(DEEP)}${']'.repeat(DEEP)},"p":"1","ap":"70000","z":"0.5","T":1770166800000}}`],
  ])('a line of %s is a bad line with its number, not a crash', async (_what, deep) => {
    const file = write('deep.ndjson', `${binanceLine('BTCUSDT')}\n${deep}\n`);
    const r = await runCli(['ingest', file, '--source', 'binance', ...DAY]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${file}:2: malformed: `);
    expect(r.err).toMatch(/nested more than \d+ levels deep/);
    expect((JSON.parse(r.out) as { totals: unknown }).totals).toEqual({ usd: 35000, longUsd: 35000, shortUsd: 0 });
  });

  it('--strict refuses the nested line like any bad line', async () => {
    const file = write('deep.ndjson', `${binanceLine('BTCUSDT')}\n${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`);
    const r = await runCli(['ingest', file, '--source', 'binance', ...DAY, '--strict']);
    expect(r.code).toBe(1);
    expect(lines(r.err).at(-1)).toBe('ingest: --strict: 1 bad record; no snapshot written');
  });

  it('a nested CoinGlass answer is a clear error naming the file', async () => {
    const file = write('cg.json', `{"code":"0","msg":"success","data":[${'['.repeat(DEEP)}${']'.repeat(DEEP)}]}`);
    const r = await runCli(['ingest', file, '--source', 'coinglass-exchange-list', ...CG_DAY]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${file}: malformed: `);
    expect(r.err).toMatch(/nested more than \d+ levels deep/);
    expect(lines(r.err).at(-1)).toBe('ingest: no snapshot: the CoinGlass input above cannot give trustworthy figures');
  });

  it('a nested context answer or instrument list is a clear error too', async () => {
    const nested = `{"data":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;
    const fng = write('fng.json', nested);
    const withContext = await runCli(['ingest', '--source', 'bybit', BYBIT, '--source', 'fear-greed', fng, ...DAY]);
    expect(withContext.code).toBe(0);
    expect(withContext.err).toContain(`${fng}: malformed: `);
    const list = write('instruments.json', nested);
    const r = await runCli(['ingest', BINANCE, '--source', 'binance', '--instruments', list, ...DAY]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${list.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*nested more than \\d+ levels deep`));
  });
});

describe('names the snapshot contract refuses', () => {
  const exchangeList = (rows: object[]): string => JSON.stringify({ code: '0', msg: 'success', data: [{ exchange: 'All', long_liquidation_usd: 1_000_000, short_liquidation_usd: 500_000 }, ...rows] });
  const bad = [
    { exchange: 'X'.repeat(61), long_liquidation_usd: 1000, short_liquidation_usd: 0 },
    { exchange: 'Bit\u001b[31mget', long_liquidation_usd: 2000, short_liquidation_usd: 0 },
    { exchange: 'Bin\u202eance', long_liquidation_usd: 3000, short_liquidation_usd: 0 },
    { exchange: 'OK\u200bX', long_liquidation_usd: 4000, short_liquidation_usd: 0 },
  ];

  it('an over-long, control-character or invisible-character exchange name: that row is reported and the rest is used', async () => {
    const file = write('cg.json', exchangeList([{ exchange: 'Binance', long_liquidation_usd: 400_000, short_liquidation_usd: 200_000 }, ...bad]));
    const r = await runCli(['ingest', file, '--source', 'coinglass-exchange-list', ...CG_DAY]);
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.out) as Record<string, unknown>;
    expect(snap['totals']).toEqual({ usd: 1_500_000, longUsd: 1_000_000, shortUsd: 500_000 });
    expect(snap['exchanges']).toEqual([{ name: 'Binance', longUsd: 400_000, shortUsd: 200_000 }]);
    const v = validateSnapshot(snap, new Date(NOW));
    expect(v.ok ? [] : v.issues).toEqual([]);
    expect(r.err).toContain(`${file}: bad-value: coinglass-exchange-list: data[2].exchange: the name is 61 characters long, more than the 60 a snapshot allows; the row is not counted`);
    expect(r.err).toContain(`${file}: bad-value: coinglass-exchange-list: data[3].exchange: the name holds a control character (U+001B) at position 4; the row is not counted`);
    expect(r.err).toContain('data[4].exchange: the name holds an invisible or direction-changing character (U+202E) at position 4');
    expect(r.err).toContain('data[5].exchange: the name holds an invisible or direction-changing character (U+200B) at position 3');
  });

  it('--strict refuses such a row clearly', async () => {
    const file = write('cg.json', exchangeList([bad[1] as object]));
    const r = await runCli(['ingest', file, '--source', 'coinglass-exchange-list', ...CG_DAY, '--strict']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('data[1].exchange: the name holds a control character (U+001B)');
    expect(lines(r.err).at(-1)).toBe('ingest: --strict: 1 bad record; no snapshot written');
  });

  it('a largest order with a name the contract refuses is left out, the rest is written', async () => {
    const list = write('cg.json', exchangeList([]));
    const orders = write('orders.json', JSON.stringify({ code: '0', msg: 'success', data: [
      { exchange_name: 'BINANCE', symbol: 'BTC\u0007USDT', base_asset: 'BTC', usd_value: 90_000, side: 2, time: 1770199200000 },
      { exchange_name: 'OK\u202eX', symbol: 'ETHUSDT', base_asset: 'ETH', usd_value: 80_000, side: 2, time: 1770199200000 },
      { exchange_name: 'BINANCE', symbol: 'BTCUSDT', base_asset: 'BTC', usd_value: 50_000, side: 2, time: 1770199200000 },
    ] }));
    const r = await runCli(['ingest', '--source', 'coinglass-exchange-list', list, '--source', 'coinglass-order', orders, ...CG_DAY]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { largestOrder: unknown }).largestOrder).toEqual({ exchange: 'Binance', symbol: 'BTCUSDT', side: 'long', usd: 50_000, asset: 'BTC' });
    expect(r.err).toContain('data[0].symbol: the name holds a control character (U+0007) at position 4; the order is not counted');
    expect(r.err).toContain('data[1].exchange_name: the name holds an invisible or direction-changing character (U+202E) at position 3; the order is not counted');
  });

  it('--exchange naming a venue the contract refuses: reported, no venue row', async () => {
    const hist = fileURLToPath(new URL('../../fixtures/ingest/coinglass/coinglass-liquidation-history.docs.json', import.meta.url));
    const r = await runCli(['ingest', '--source', 'coinglass-history', '--exchange', 'Bin\u001bance', '--symbol', 'BTCUSDT', hist, '--from', '2022-07-27T00:00:00Z', '--to', '2022-07-29T00:00:00Z', '--now', NOW]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Record<string, unknown>)['exchanges']).toBeUndefined();
    expect(r.err).toContain('--exchange: the name holds a control character (U+001B) at position 4; no venue row is written');
  });

  it('a stream instrument name the contract refuses is a bad line, never a refused snapshot', async () => {
    // The largest liquidation's symbol would be largestOrder.symbol (at most 40 characters, plain text).
    const file = write('s.ndjson', `${binanceLine(`BTCUSDT_${'A'.repeat(50)}`, 'SELL', '10')}\n${binanceLine('BTCUSDT_2\u0085', 'SELL', '5')}\n${binanceLine('BTCUSDT')}\n`);
    const r = await runCli(['ingest', file, '--source', 'binance', ...DAY]);
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.out) as { totals: unknown; largestOrder: { symbol: string } };
    expect(snap.totals).toEqual({ usd: 35000, longUsd: 35000, shortUsd: 0 });
    expect(snap.largestOrder.symbol).toBe('BTCUSDT');
    expect(r.err).toContain(`${file}:1: bad-value: instrument "BTCUSDT_AAAAAAAA`);
    expect(r.err).toContain('the name is 58 characters long, more than the 40 a snapshot allows; not summed');
    expect(r.err).toContain(`${file}:2: bad-value: instrument "BTCUSDT_2\\u0085": the name holds a control character (U+0085) at position 10; not summed`);
  });
});

describe('what reaches stderr', () => {
  // eslint-disable-next-line no-control-regex -- the point is to find raw control characters in the output
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

  it('escapes terminal controls and line breaks in stream symbols, and cuts a 10 MB symbol', async () => {
    const evil = 'EVIL\u001b]0;pwned\u0007\u001b[2J\r\ningest: forged line\u009b31m\u202e';
    const huge = `HUGE${'Z'.repeat(10 * 1024 * 1024)}`;
    const file = write('s.ndjson', `${binanceLine(evil, 'HOLD')}\n${binanceLine(huge, 'HOLD')}\n${binanceLine('BTCUSDT')}\n`);
    const r = await runCli(['ingest', file, '--source', 'binance', ...DAY]);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(RAW);
    expect(lines(r.err).some((l) => l.startsWith('ingest: forged line'))).toBe(false);
    expect(r.err).toContain(': unknown-side: EVIL\\u001B]0;pwned\\u0007\\u001B[2J\\r\\ningest: forged line');
    expect(Math.max(...lines(r.err).map((l) => l.length))).toBeLessThan(1000);
    expect(r.err).toMatch(/HUGEZ+… \(\d+ more characters\)/);
  });

  it('escapes a CoinGlass error msg and an OKX error msg', async () => {
    const cg = write('denied.json', JSON.stringify({ code: '403', msg: 'Upgrade\u001b[2J\ningest: wrote /etc/passwd\u009b' }));
    const r = await runCli(['ingest', cg, '--source', 'coinglass-exchange-list', ...CG_DAY]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(RAW);
    expect(r.err).toContain('CoinGlass answered with error code "403": Upgrade\\u001B[2J\\ningest: wrote /etc/passwd\\u009B');
    expect(lines(r.err).some((l) => l.startsWith('ingest: wrote'))).toBe(false);
    const okx = write('okx.ndjson', `${JSON.stringify({ code: '50011', msg: 'Too many\u001b[31m\nrequests', data: [] })}\n${readFileSync(fixture('okx-synthetic.ndjson'), 'utf8')}`);
    const o = await runCli(['ingest', okx, '--source', 'okx', ...DAY]);
    expect(o.code).toBe(0);
    expect(o.err).not.toMatch(RAW);
    expect(o.err).toContain('OKX answered with error code "50011": Too many\\u001B[31m\\nrequests');
  });

  it('escapes a file name', async () => {
    const file = write('a\u001b[31mb.ndjson', `${binanceLine('BTCUSDT', 'HOLD')}\n${binanceLine('BTCUSDT')}\n`);
    const r = await runCli(['ingest', file, '--source', 'binance', ...DAY]);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(RAW);
    expect(r.err).toContain('a\\u001B[31mb.ndjson:1: unknown-side:');
  });
});

describe('exact repeats over the whole window', () => {
  it('two overlapping recordings concatenated out of order: the overlap is counted once, whatever the gap', async () => {
    // later.ndjson: 03:00Z and 20:00Z; bybit-synthetic.ndjson: 01:00–01:02Z, then the same 03:00Z liquidation again.
    const at03 = '{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1770174000300,"data":[{"T":1770174000000,"s":"BTCUSDT","S":"Sell","v":"0.5","p":"70000"}]}';
    const at20 = '{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1770235200300,"data":[{"T":1770235200000,"s":"BTCUSDT","S":"Buy","v":"0.1","p":"70000"}]}';
    const later = write('later.ndjson', `${at03}\n${at20}\n`);
    const earlier = write('earlier.ndjson', `${readFileSync(BYBIT, 'utf8')}${at03}\n`);
    const r = await runCli(['ingest', later, earlier, '--source', 'bybit', ...DAY]);
    expect(r.code).toBe(0);
    // 25,600 (bybit-synthetic.ndjson, its own repeats skipped) + 35,000 short at 03:00 once + 7,000 long at 20:00.
    expect((JSON.parse(r.out) as { totals: unknown }).totals).toEqual({ usd: 67600, longUsd: 25600, shortUsd: 42000 });
    expect(r.err).toContain('ingest: not summed: 3 repeated frames (same liquidation twice)');
    expect(r.err).not.toContain('could not be checked');
  });
});
