// `liqnews ingest` run in-process through main(): what a user sees, what lands on disk, and ingest piped into render.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const NOW = '2026-11-21T00:00:00Z';
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/ingest/streams/${name}`, import.meta.url));
const BINANCE = fixture('binance-synthetic.ndjson');
const BYBIT = fixture('bybit-synthetic.ndjson');
const OKX = fixture('okx-synthetic.ndjson');
const DAY = ['--from', '2026-02-04T00:00:00Z', '--to', '2026-02-05T00:00:00Z', '--now', NOW];



const run = runCli;
const lines = (text: string): string[] => text.split('\n').filter(Boolean);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-ingest-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest to standard output', () => {
  it('writes the snapshot JSON, and reports on stderr: summary, the first 5 problems, then a count', async () => {
    const r = await run(['ingest', BINANCE, '--source', 'binance', ...DAY]);
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.out) as Record<string, unknown>;
    // Hand totals in streams-adapters.test.ts: 47,300 long + 25,166.89 short.
    expect(snap['totals']).toEqual({ usd: 72466.89, longUsd: 47300, shortUsd: 25166.89 });
    expect(snap['coverage']).toBe('partial');
    const err = lines(r.err);
    expect(err[0]).toBe('ingest: binance: 1 input, 18 lines: 6 liquidations summed (2026-02-04T01:00:00Z to 2026-02-04T08:00:00Z)');
    expect(r.err).toContain('ingest: not summed: 1 repeated frame (same liquidation twice), 2 liquidations outside the window, 1 order with nothing filled');
    expect(r.err).toContain('ingest: 6 problems in the input; none of them summed:');
    expect(err.find((l) => l.includes(':7: '))).toMatch(new RegExp(`^  .*binance-synthetic\\.ndjson:7: malformed: not valid JSON \\(`));
    expect(err.filter((l) => l.startsWith(`  ${BINANCE}:`)).map((l) => l.slice(BINANCE.length + 3).split(':')[0])).toEqual(['7', '8', '9', '10', '16']);
    expect(err).toContain('  and 1 more (bad-value 1, malformed 2, missing-price 1, other-stream 1, unknown-side 1)');
    expect(r.err).toContain('coverage partial: Binance sends at most one liquidation per symbol per second');
  });

  it('reads standard input with -', async () => {
    const r = await run(['ingest', '-', '--source', 'bybit', ...DAY, '--quiet'], { stdin: readFileSync(BYBIT, 'utf8') });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { totals: unknown }).totals).toEqual({ usd: 25600, longUsd: 18600, shortUsd: 7000 });
    // --quiet leaves the problems, nothing else.
    expect(lines(r.err)[0]).toBe('ingest: 3 problems in the input; none of them summed:');
    expect(r.err).toContain('<stdin>:5: other-stream:');
  });

  it('takes contract sizes from --instruments', async () => {
    const bare = await run(['ingest', OKX, '--source', 'okx', ...DAY]);
    // Without the list, ETH-USDT-SWAP (0.1), BTC-USDT-SWAP (0.01) and BTC-USD-SWAP (100 USD) come from the built-in table: same totals.
    expect((JSON.parse(bare.out) as { totals: unknown }).totals).toEqual({ usd: 128050, longUsd: 106550, shortUsd: 21500 });
    const withList = await run(['ingest', OKX, '--source', 'okx', '--instruments', fixture('okx-instruments.synthetic.json'), ...DAY]);
    expect(withList.out).toBe(bare.out);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"hello":1}');
    const bad = await run(['ingest', OKX, '--source', 'okx', '--instruments', broken, ...DAY]);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain(`${broken}: not an instrument list`);
  });
});

describe('ingest --out', () => {
  it('writes the same JSON to the file, whole, and says so', async () => {
    const target = join(dir, 'snap.json');
    const toFile = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out', target]);
    expect(toFile.code).toBe(0);
    expect(toFile.out).toBe(`wrote ${target}\n`);
    const toStdout = await run(['ingest', BINANCE, '--source', 'binance', ...DAY]);
    expect(readFileSync(target, 'utf8')).toBe(toStdout.out);
    expect(readdirSync(dir)).toEqual(['snap.json']);
  });

  it('writes nothing when the directory does not exist, and exits 1', async () => {
    const r = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out', join(dir, 'missing', 'snap.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot write: the folder ${join(dir, 'missing')} does not exist; create it first (mkdir -p ${join(dir, 'missing')}); nothing written`);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('keeps an existing file that holds something else (exit 1) unless --force, and says "unchanged" for the same snapshot', async () => {
    const target = join(dir, 'snap.json');
    const edited = '{ "my": "hand-edited snapshot" }\n';
    writeFileSync(target, edited);
    const kept = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out', target]);
    expect(kept.code).toBe(1);
    expect(kept.err).toContain(`kept ${target} (it exists and holds something else; use --force to replace it); nothing written`);
    expect(readFileSync(target, 'utf8')).toBe(edited);
    expect(readdirSync(dir)).toEqual(['snap.json']);

    const forced = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out', target, '--force']);
    expect(forced).toMatchObject({ code: 0, out: `wrote ${target}\n` });
    const written = readFileSync(target, 'utf8');
    expect(JSON.parse(written)).toHaveProperty('totals');

    const again = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out', target]);
    expect(again).toMatchObject({ code: 0, out: `unchanged ${target}\n` });
    expect(readFileSync(target, 'utf8')).toBe(written);
  });

  it('never replaces a device, a named pipe or a folder at --out, nor makes a file named "-" (exit 2, nothing changed)', async () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    mkdirSync(join(dir, 'folder'));
    for (const [out, what] of [[fifo, 'a named pipe'], ['/dev/null', 'a device'], [join(dir, 'folder'), 'a folder']] as const) {
      const r = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out', out, '--force']);
      expect(r.code, out).toBe(2);
      expect(r.err, out).toContain(`--out ${out} is ${what}, not a file`);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const dash = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out', '-']);
    expect(dash.code).toBe(2);
    expect(dash.err).toContain('--out - would make a file named "-"');
    expect(readdirSync(dir).sort()).toEqual(['folder', 'pipe']);
  });

  it('never writes over standard input redirected from the --out file (ingest - --out F < F)', () => {
    const input = join(dir, 'day.ndjson');
    const recording = readFileSync(BINANCE, 'utf8');
    writeFileSync(input, recording);
    const cli = `node --import tsx ${JSON.stringify(fileURLToPath(new URL('./liqnews-src.ts', import.meta.url)))}`;
    const window = DAY.map((a) => JSON.stringify(a)).join(' ');
    const r = spawnSync('bash', ['-c', `${cli} ingest - --source binance ${window} --out ${JSON.stringify(input)} --force < ${JSON.stringify(input)}`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--out ${input} is standard input (redirected from that file); ingest never writes over its input`);
    expect(readFileSync(input, 'utf8')).toBe(recording);
  });

  it('says --out takes a FILE when it has no value', async () => {
    const r = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--out']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out needs a value (--out FILE)');
  });

  it('never writes over one of its inputs, through a link or with --force (exit 2, the input intact)', async () => {
    const input = join(dir, 'day.ndjson');
    const recording = readFileSync(BINANCE, 'utf8');
    writeFileSync(input, recording);
    symlinkSync(input, join(dir, 'link.json'));
    for (const out of [input, join(dir, '.', 'day.ndjson')]) {
      const r = await run(['ingest', input, '--source', 'binance', ...DAY, '--out', out, '--force']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--out ${out} is the input ${input}; ingest never writes over its input`);
      expect(readFileSync(input, 'utf8')).toBe(recording);
    }
    // A link at --out (to the input, or /dev/stdout's kind) would be replaced by the rename, not written through: refused.
    const linked = await run(['ingest', input, '--source', 'binance', ...DAY, '--out', join(dir, 'link.json'), '--force']);
    expect(linked.code).toBe(2);
    expect(linked.err).toContain(`--out ${join(dir, 'link.json')} is a symbolic link`);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(input, 'utf8')).toBe(recording);
    expect(readdirSync(dir).sort()).toEqual(['day.ndjson', 'link.json']);
  });
});

describe('ingest | render', () => {
  it('renders the ingested snapshot unchanged through a pipe, saying "at least"', async () => {
    const ingested = await run(['ingest', '--source', 'binance', BINANCE, '--source', 'okx', OKX, '--combine', 'sum', ...DAY]);
    expect(ingested.code).toBe(0);
    const rendered = await run(['render', '-', '--stdout', '--format', 'md', '--now', NOW], { stdin: ingested.out });
    expect(rendered.code).toBe(0);
    expect(rendered.err).toBe('');
    expect(rendered.out).toMatch(/^---\ntitle: /);
    expect(rendered.out.toLowerCase()).toContain('at least');
    expect(rendered.out).toContain('Binance and OKX');
    // And render's own validation agrees.
    const validated = await run(['validate', '-', '--now', NOW], { stdin: ingested.out });
    expect(validated).toMatchObject({ code: 0 });
  });
  it('works as a real shell pipe between two processes: ingest … | render - --stdout', () => {
    // The CLI on the sources (test/ingest/liqnews-src.ts mirrors bin/liqnews.js), so no build is needed.
    const cli = `node --import tsx ${JSON.stringify(fileURLToPath(new URL('./liqnews-src.ts', import.meta.url)))}`;
    const window = DAY.map((a) => JSON.stringify(a)).join(' ');
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `${cli} ingest ${JSON.stringify(OKX)} --source okx ${window} --quiet | ${cli} render - --stdout --format md --now ${NOW}`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: /);
    // OKX: 106,550 long + 21,500 short = 128,050 (hand totals in streams-adapters.test.ts); a sample feed, so "at least".
    expect(r.stdout).toMatch(/at least \$128,000/i);
    expect(r.stdout).not.toMatch(/(?<!at least )\$128,050/i);
    expect(r.stderr).toContain('okx-synthetic.ndjson:4: other-stream:');
  }, 60_000);
});

describe('refusals', () => {
  it('--strict makes any bad line fatal: exit 1, nothing on stdout', async () => {
    const r = await run(['ingest', BINANCE, '--source', 'binance', ...DAY, '--strict']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(lines(r.err).at(-1)).toBe('ingest: --strict: 6 bad records; no snapshot written');
  });

  it('--strict passes a clean input', async () => {
    const r = await run(['ingest', fixture('binance-forceOrder.docs.json'), '--source', 'binance', '--window', '24h', '--end', '2019-09-10T00:00:00Z', '--now', NOW, '--strict']);
    expect(r.code).toBe(0);
  });

  it('an empty window is an error, with where the data is', async () => {
    const r = await run(['ingest', BINANCE, '--source', 'binance', '--window', '24h', '--end', '2026-03-01T00:00:00Z', '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('ingest: no liquidation in the window 2026-02-28T00:00:00Z to 2026-03-01T00:00:00Z; nothing written (an empty window is an error, not a $0 snapshot)');
    expect(r.err).toContain("hint: the input's liquidations run from 2026-02-03T23:59:59.999Z to 2026-02-05T00:00:00Z");
  });

  it('mixed sources are refused without --combine sum, and added up with it', async () => {
    const refused = await run(['ingest', '--source', 'binance', BINANCE, '--source', 'bybit', BYBIT, ...DAY]);
    expect(refused.code).toBe(2);
    expect(lines(refused.err)[0]).toBe('liqnews: refusing to mix sources binance and bybit for one window; add --combine sum to add them up (each feed counts only its own venue\'s liquidations)');
    const summed = await run(['ingest', '--source', 'binance', BINANCE, '--source', 'bybit', BYBIT, '--combine', 'sum', ...DAY]);
    expect(summed.code).toBe(0);
    const snap = JSON.parse(summed.out) as Record<string, unknown>;
    // 72,466.89 (Binance) + 25,600 (Bybit) = 98,066.89; long 47,300 + 18,600 = 65,900; short 25,166.89 + 7,000 = 32,166.89.
    expect(snap['totals']).toEqual({ usd: 98066.89, longUsd: 65900, shortUsd: 32166.89 });
    expect(snap['exchanges']).toEqual([
      { name: 'Binance', longUsd: 47300, shortUsd: 25166.89 },
      { name: 'Bybit', longUsd: 18600, shortUsd: 7000 },
    ]);
    expect(snap['source']).toEqual({ name: 'Binance and Bybit' });
    // One sampled feed makes the whole a lower bound.
    expect(snap['coverage']).toBe('partial');
  });

  it('warns when a COIN-M recording is added to a USDⓈ-M one that already carries COIN-M rows', async () => {
    // A COIN-M recording of the same day, holding the same BTCUSD_PERP liquidation as line 5 of the USDⓈ-M one.
    const coinM = join(dir, 'coinm.ndjson');
    writeFileSync(coinM, `${readFileSync(BINANCE, 'utf8').split('\n')[4]}\n`);
    const r = await run(['ingest', '--source', 'binance', BINANCE, '--source', 'binance-coinm', coinM, '--combine', 'sum', ...DAY]);
    expect(r.code).toBe(0);
    // binance-synthetic.ndjson holds three COIN-M rows (lines 5, 6 and 16), as the merged !forceOrder@arr stream does.
    expect(r.err).toContain('ingest: warning: the binance input holds 3 COIN-M rows');
    const alone = await run(['ingest', '--source', 'binance', BINANCE, ...DAY]);
    expect(alone.err).not.toContain('warning');
  });

  it('recordings out of time order: repeats are still caught, whatever the gap; --strict passes clean ones', async () => {
    // later.ndjson holds a liquidation at 03:00Z; bybit-synthetic.ndjson's are at 01:00–01:02Z, two hours behind it.
    const later = join(dir, 'later.ndjson');
    writeFileSync(later, '{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1770174000300,"data":[{"T":1770174000000,"s":"BTCUSDT","S":"Sell","v":"0.5","p":"70000"}]}\n');
    const r = await run(['ingest', later, BYBIT, '--source', 'bybit', ...DAY]);
    expect(r.code).toBe(0);
    // 35,000 (0.5 × 70,000, a short) + the 25,600 of bybit-synthetic.ndjson, whose line-4 repeat is skipped as in time order.
    expect((JSON.parse(r.out) as { totals: unknown }).totals).toEqual({ usd: 60600, longUsd: 18600, shortUsd: 42000 });
    expect(r.err).toContain('ingest: not summed: 2 repeated frames (same liquidation twice)');
    expect(r.err).not.toContain('could not be checked');
    // --strict, on clean lines (lines 2–4 of bybit-synthetic.ndjson: no bad line, only out of order).
    const early = join(dir, 'early.ndjson');
    writeFileSync(early, `${readFileSync(BYBIT, 'utf8').split('\n').slice(1, 4).join('\n')}\n`);
    const strict = await run(['ingest', later, early, '--source', 'bybit', ...DAY, '--strict', '--quiet']);
    expect(strict.code).toBe(0);
    expect(strict.err).toBe('');
  });

  it('exchange streams are never added to CoinGlass totals', async () => {
    const cg = join(dir, 'cg.json');
    writeFileSync(cg, JSON.stringify({ code: '0', msg: 'success', data: [] }));
    const r = await run(['ingest', '--source', 'binance', BINANCE, '--source', 'coinglass-exchange-list', cg, '--combine', 'sum', ...DAY]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('refusing to mix exchange streams (binance) with CoinGlass');
  });

  it('a frame of another stream in a file is a problem with its line, not a sum', async () => {
    const r = await run(['ingest', BYBIT, '--source', 'binance', ...DAY]);
    expect(r.code).toBe(1); // nothing of Binance in it: empty
    expect(r.err).toContain(`${BYBIT}:2: other-stream: a Bybit allLiquidation frame in an input read as binance`);
  });

  it('a missing file is reported, exit 1', async () => {
    const r = await run(['ingest', join(dir, 'nope.ndjson'), '--source', 'binance', ...DAY]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.ndjson: cannot read: /);
  });
});

describe('usage', () => {
  it.each([
    [['ingest', BINANCE, ...DAY], /ingest needs --source/],
    [['ingest', BINANCE, '--source', 'binance', '--now', NOW], /ingest needs a window/],
    [['ingest', BINANCE, '--source', 'binanse', ...DAY], /unknown source "binanse" \(did you mean binance\?\)/],
    [['ingest', BINANCE, '--source', 'binance,bybit', ...DAY], /--source takes one name/],
    [['ingest', BINANCE, BYBIT, '--source', 'binance', '--source', 'bybit', ...DAY], /say which source .* is/],
    [['ingest', BINANCE, '--source', 'binance', '--window', '24h', '--end', '2027-01-01T00:00:00Z', '--now', NOW], /after now/],
    [['ingest', BINANCE, '--source', 'binance', ...DAY, '--combine', 'max'], /the only one is --combine sum/],
    [['ingest', BINANCE, '--source', 'binance', ...DAY, '--coverage', 'complete'], /only --coverage partial/],
    [['ingest', '--source', 'binance', ...DAY], /at least one input/],
    [['render', BINANCE, '--source', 'binance'], /render does not take --source/],
  ])('%j exits 2', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(lines(r.err)[0]).toMatch(message);
  });

  it('has its own --help, and the general help lists it', async () => {
    const help = await run(['ingest', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: liqnews ingest/);
    for (const option of ['--source', '--window', '--from', '--instruments FILE', '--strict', '--combine sum', '--out FILE', '--force', '--now ISO']) expect(help.out).toContain(option);
    expect((await run(['--help'])).out).toContain('liqnews ingest');
  });
});

describe('sources and coverage', () => {
  it('a complete feed stays complete unless --coverage partial', async () => {
    const complete = await run(['ingest', BYBIT, '--source', 'bybit', ...DAY]);
    expect((JSON.parse(complete.out) as { coverage: string }).coverage).toBe('complete');
    const lowered = await run(['ingest', BYBIT, '--source', 'bybit', ...DAY, '--coverage', 'partial']);
    expect((JSON.parse(lowered.out) as { coverage: string }).coverage).toBe('partial');
    expect(lowered.err).toContain('asked for with --coverage partial');
  });

  it('adds context (Fear & Greed) to a stream snapshot', async () => {
    const fng = join(dir, 'fng.json');
    // 1770249600 s = 2026-02-05T00:00:00Z, the window end.
    writeFileSync(fng, JSON.stringify({ name: 'Fear and Greed Index', data: [{ value: '23', value_classification: 'Extreme Fear', timestamp: '1770249600' }], metadata: { error: null } }));
    const r = await run(['ingest', '--source', 'bybit', BYBIT, '--source', 'fear-greed', fng, ...DAY]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { market: unknown }).market).toEqual({ sentiment: { index: 23, label: 'Extreme Fear' } });
  });

  it('builds a CoinGlass snapshot from a saved exchange-list answer', async () => {
    const cg = join(dir, 'exchange-list.json');
    writeFileSync(cg, JSON.stringify({ code: '0', msg: 'success', data: [
      { exchange: 'All', liquidation_usd: 1_500_000, long_liquidation_usd: 1_000_000, short_liquidation_usd: 500_000 },
      { exchange: 'Binance', liquidation_usd: 600_000, long_liquidation_usd: 400_000, short_liquidation_usd: 200_000 },
    ] }));
    const r = await run(['ingest', cg, '--source', 'coinglass-exchange-list', '--window', '24h', '--end', '2026-02-05T00:00:00Z', '--now', NOW]);
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.out) as Record<string, unknown>;
    expect(snap['totals']).toEqual({ usd: 1_500_000, longUsd: 1_000_000, shortUsd: 500_000 });
    expect((snap['source'] as { name: string }).name).toBe('CoinGlass');
    // Every venue, and still a lower bound: CoinGlass adds up the exchanges' feeds, Binance's sampled one included.
    expect(snap['coverage']).toBe('partial');
    expect(r.err).toContain('ingest: CoinGlass: 1 answer; totals over every venue CoinGlass lists');
    expect(r.err).toContain('coverage partial: CoinGlass adds up the exchanges');
  });

  it('--exchange and --symbol say what a CoinGlass answer was fetched for; they apply to the files after them', async () => {
    const cgFixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/ingest/coinglass/${name}`, import.meta.url));
    const r = await run(['ingest', '--source', 'coinglass-history', '--exchange', 'Binance', '--symbol', 'BTCUSDT', cgFixture('coinglass-liquidation-history.docs.json'), '--from', '2022-07-27T00:00:00Z', '--to', '2022-07-29T00:00:00Z', '--now', NOW]);
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.out) as Record<string, unknown>;
    // Documented buckets (strings): 27 Jul long 2,369,935.19562 + 28 Jul 5,118,407.85124 = 7,488,343.04686;
    // short 6,947,459.43674 + 8,517,330.44192 = 15,464,789.87866. One pair on one venue: BTC on Binance.
    expect(snap['totals']).toEqual({ usd: 22953132.93, longUsd: 7488343.05, shortUsd: 15464789.88 });
    expect(snap['assets']).toEqual([{ symbol: 'BTC', longUsd: 7488343.05, shortUsd: 15464789.88 }]);
    expect(snap['exchanges']).toEqual([{ name: 'Binance', longUsd: 7488343.05, shortUsd: 15464789.88 }]);
    const onStream = await run(['ingest', BYBIT, '--source', 'bybit', '--symbol', 'BTC', ...DAY]);
    expect(onStream.code).toBe(2);
    expect(onStream.err).toContain('--exchange and --symbol say what a CoinGlass answer was fetched for');
  });

  it('refuses a CoinGlass error answer (HTTP 200 with code "403")', async () => {
    const cg = join(dir, 'denied.json');
    writeFileSync(cg, JSON.stringify({ code: '403', msg: 'Upgrade plan' }));
    const r = await run(['ingest', cg, '--source', 'coinglass-exchange-list', '--window', '24h', '--end', '2026-02-05T00:00:00Z', '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`  ${cg}: api-error: coinglass-exchange-list: CoinGlass answered with error code "403": Upgrade plan`);
  });
});

describe('progress', () => {
  it('shows progress on a terminal for a large file, and clears it', async () => {
    const big = join(dir, 'big.ndjson');
    const line = readFileSync(fixture('binance-forceOrder.docs.json'), 'utf8').trim();
    writeFileSync(big, `${line}\n`.repeat(Math.ceil((33 * 1024 * 1024) / (line.length + 1))));
    const r = await run(['ingest', big, '--source', 'binance', '--window', '24h', '--end', '2019-09-10T00:00:00Z', '--now', NOW], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/\rreading .*big\.ndjson: \d+ MB of 33 MB \(\d+%\)/);
    // Repeats of one frame: one liquidation summed.
    expect((JSON.parse(r.out) as { totals: { usd: number } }).totals.usd).toBe(138.74);
    expect(existsSync(big)).toBe(true);
  });
});
