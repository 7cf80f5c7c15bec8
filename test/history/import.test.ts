// `liqnews history import|list|show|stats|remove`, run in-process: what an editor sees, and what the store holds.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../src/history/index.js';
import { runCli } from '../helpers.js';
import { tempDir } from './helpers.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/history/${name}`, import.meta.url));
const GOLDEN = fileURLToPath(new URL('../../fixtures/golden/000-bulletin-long-flush/snapshot.json', import.meta.url));
const NOW = '2026-11-21T00:00:00Z';

let t: ReturnType<typeof tempDir>;
let store: string;
beforeEach(() => {
  t = tempDir();
  store = join(t.dir, 'h.sqlite');
});
afterEach(() => t.cleanup());

const run = (...args: string[]) => runCli(['history', ...args, '--history', store, '--now', NOW]);
const count = (): number => {
  if (!existsSync(store)) return 0;
  const h = openHistory(store, { readonly: true });
  const n = h.stats().stories;
  h.close();
  return n;
};

describe('history import', () => {
  it('imports the CSV (days and an hour), and a second import changes nothing', async () => {
    const r = await run('import', fixture('daily.csv'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('4 added, 0 replaced, 0 unchanged');
    const h = openHistory(store, { readonly: true });
    expect(h.list({ window: '24h' }).map((x) => [x.window.start, x.window.end, x.totals.usd, x.totals.traders])).toEqual([
      ['2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', 1.23e9, 240000],
      ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', 3.8e8, 90000],
      ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 4.1e8, null],
    ]);
    expect(h.list({ window: '1h' })[0]).toMatchObject({ window: { start: '2026-01-03T23:00:00Z', end: '2026-01-04T00:00:00Z' }, coverage: 'partial', source: { kind: 'import-csv', ref: `${fixture('daily.csv')}:6` } });
    h.close();
    const again = await run('import', fixture('daily.csv'));
    expect(again.out).toContain('0 added, 0 replaced, 4 unchanged');
  });

  it('a CSV with bad rows: each told with file:line, nothing imported, exit 1', async () => {
    const r = await run('import', fixture('daily.csv'), fixture('bad.csv'));
    expect(r.code).toBe(1);
    const bad = fixture('bad.csv');
    expect(r.err).toContain(`${bad}:3: usd "$380M" is not a plain number`);
    expect(r.err).toContain(`${bad}:4: window "1 day" is not a length`);
    expect(r.err).toContain(`${bad}:5: date "2026-02-30" is not a real date`);
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:6: story csv-24h-20990102t0000z.*ends in the future`));
    expect(r.err).toContain('nothing imported');
    expect(count()).toBe(0);
    // --skip-bad: the good rows go in, the bad are listed.
    const skip = await run('import', fixture('daily.csv'), fixture('bad.csv'), '--skip-bad');
    expect(skip.code).toBe(0);
    expect(skip.out).toContain('4 added, 0 replaced, 1 unchanged, 4 skipped');
  });

  it('imports a CoinGlass aggregated-history answer as partial 1h rows of the coin', async () => {
    const r = await run('import', fixture('coinglass-btc-1h.synthetic.json'), '--symbol', 'BTC');
    expect(r).toMatchObject({ code: 0 });
    const h = openHistory(store, { readonly: true });
    const rows = h.list();
    expect(rows.map((x) => [x.id, x.window.end, x.totals.usd, x.coverage, x.assets[0]?.symbol])).toEqual([
      ['cg-btc-1h-20260101t0300z', '2026-01-01T03:00:00Z', 400000, 'partial', 'BTC'],
      ['cg-btc-1h-20260101t0200z', '2026-01-01T02:00:00Z', 750000.5, 'partial', 'BTC'],
      ['cg-btc-1h-20260101t0100z', '2026-01-01T01:00:00Z', 2000000, 'partial', 'BTC'],
    ]);
    expect(rows[2]!.source).toEqual({ kind: 'import-coinglass', ref: `${fixture('coinglass-btc-1h.synthetic.json')}:2` });
    h.close();
  });

  it('a CoinGlass bucket that is still running is left out with a note, not refused', async () => {
    const r = await runCli(['history', 'import', fixture('coinglass-btc-1h.synthetic.json'), '--history', store, '--now', '2026-01-01T02:30:00Z']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(':4: note: the 1h bucket from 2026-01-01T02:00:00Z is not over yet');
    expect(count()).toBe(2);
  });

  it('a CoinGlass answer with an unreadable bucket: its line told, nothing imported', async () => {
    const r = await run('import', fixture('coinglass-bad-bucket.synthetic.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${fixture('coinglass-bad-bucket.synthetic.json')}:3: data[1].aggregated_long_liquidation_usd`);
    expect(count()).toBe(0);
  });

  it('imports past snapshots; a bad one is named with its problem and stops the import', async () => {
    const good = join(t.dir, 'good.json');
    copyFileSync(GOLDEN, good);
    const bad = join(t.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, window: { start: '2026-02-05T00:00:00Z', end: '2026-02-06T00:00:00Z' }, totals: { usd: -1, longUsd: 0, shortUsd: 0 } }));
    const r = await run('import', good, bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: not a valid snapshot: totals.usd: must be 0 or more`);
    expect(count()).toBe(0);
    expect((await run('import', good)).code).toBe(0);
    const h = openHistory(store, { readonly: true });
    expect(h.list()[0]).toMatchObject({ totals: { usd: 1083400000 }, sentiment: { index: 21 }, openInterestChangePct: -7.4, source: { kind: 'import-snapshot' } });
    expect(h.list()[0]!.assets.map((a) => a.symbol)).toEqual(['BTC', 'ETH', 'SOL', 'XRP']);
    h.close();
  });
});

describe('history list, show, stats, remove', () => {
  beforeEach(async () => {
    expect((await run('import', fixture('daily.csv'))).code).toBe(0);
  });

  it('list: newest first, one line each; --json; --window', async () => {
    const r = await run('list', '--window', '24h');
    expect(r.out.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(['2026-01-04T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-02T00:00:00Z']);
    const j = JSON.parse((await run('list', '--json', '--limit', '1', '--window', '24h')).out) as { id: string }[];
    expect(j.map((x) => x.id)).toEqual(['csv-24h-20260104t0000z']);
  });

  it('show, stats and remove; an unknown id is exit 1', async () => {
    expect((await run('show', 'csv-24h-20260104t0000z')).out).toContain('total:     $1,230,000,000 (long $1,000,000,000, short $230,000,000), 240,000 traders');
    expect((await run('stats')).out).toContain('24h  3 stories, 2026-01-02T00:00:00Z to 2026-01-04T00:00:00Z; largest $1,230,000,000');
    expect((await run('remove', 'csv-24h-20260104t0000z')).code).toBe(0);
    const again = await run('remove', 'csv-24h-20260104t0000z');
    expect(again.code).toBe(1);
    expect(again.err).toContain('no story "csv-24h-20260104t0000z"');
    expect((await run('show', 'nope')).code).toBe(1);
  });

  it('a store that is not a database: named, exit 1, untouched', async () => {
    writeFileSync(store, 'not sqlite');
    const r = await run('list');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${store} is not an SQLite database`);
    expect(readFileSync(store, 'utf8')).toBe('not sqlite');
  });

  it('usage errors: exit 2', async () => {
    expect((await runCli(['history'])).code).toBe(2);
    expect((await runCli(['history', 'frobnicate'])).err).toContain('unknown history action "frobnicate"');
    expect((await runCli(['history', 'show'])).code).toBe(2);
    expect((await runCli(['history', 'list', '--skip-bad'])).err).toContain('--skip-bad is for history import');
  });
});

it('the default store is .liqnews/history.sqlite in the --out folder\'s parent', async () => {
  const out = join(t.dir, 'site', 'output');
  const r = await runCli(['history', 'import', fixture('daily.csv'), '--out', out, '--now', NOW]);
  expect(r.code).toBe(0);
  expect(existsSync(join(t.dir, 'site', '.liqnews', 'history.sqlite'))).toBe(true);
});
