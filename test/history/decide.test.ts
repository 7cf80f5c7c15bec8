// Newsworthiness: each rule, the size register, and `liqnews decide`'s exit codes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide, openHistory, type HistoryContext } from '../../src/history/index.js';
import { runCli } from '../helpers.js';
import { DAY, NOW, days, iso, subject, tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const snap = (end: string, usd: number, extra: { hours?: number; assets?: { symbol: string; longUsd: number; shortUsd: number; price?: { open: number; close: number } }[] } = {}) => ({
  ...subject(end, usd, extra.hours ? { hours: extra.hours } : {}),
  totals: { usd, longUsd: usd / 2, shortUsd: usd / 2 },
  ...(extra.assets ? { assets: extra.assets } : {}),
});

/** A store of 40 ordinary days around $300M, and its context for a day of `usd`. */
function withHistory(usd: number): { ctx: HistoryContext; s: ReturnType<typeof snap> } {
  const h = openHistory(join(t.dir, 'ctx.sqlite'), { now: () => NOW });
  h.record(days('2026-01-01', Array.from({ length: 40 }, (_, i) => 250e6 + (i % 5) * 25e6)));
  const s = snap('2026-02-11', usd);
  const ctx = h.contextFor(s);
  h.close();
  return { ctx, s };
}

describe('decide()', () => {
  it('no history: above the hourly floor publishes; below it skips, in words', () => {
    expect(decide(snap('2026-02-11', 400e6), null)).toMatchObject({ publish: true, code: 'no-history', register: 'standard' });
    const quiet = decide(snap('2026-02-11', 30e6), null);
    expect(quiet).toMatchObject({ publish: false, code: 'below-floor' });
    expect(quiet.reason).toBe('$1.3 million an hour is under the floor of $2 million an hour');
    expect(decide(snap('2026-02-11', 400e6), null, { floorUsd: 500e6 })).toMatchObject({ publish: false, code: 'below-floor', reason: '$400 million is under the floor of $500 million' });
  });

  it('a window under an hour counts as an hour: one $48,000 order in a second is not "$174 million an hour", a major story', () => {
    const second = decide(snap('2026-02-11', 48_250, { hours: 1 / 3600 }), null);
    expect(second).toMatchObject({ publish: false, code: 'below-floor', register: 'brief' });
    expect(second.reason).toBe('$48,250 an hour is under the floor of $2 million an hour');
    // A figure that rounds to the floor is "just under" it, not "under the floor of" itself.
    expect(decide(snap('2026-02-11', 1.99e6, { hours: 1 }), null).reason).toBe('$2 million an hour is just under the floor of $2 million an hour');
    // Half an hour of $30 million is $30 million an hour, as the articles' size words count it.
    expect(decide(snap('2026-02-11', 30e6, { hours: 0.5 }), null).measures.usdPerHour).toBe(30e6);
  });

  it('the register without history follows the hourly rate, not the raw total', () => {
    // $2.1B over a week is $12.5M an hour: standard, where the same total in a day ($87.5M an hour) is major.
    expect(decide(snap('2026-02-11', 2.1e9, { hours: 168 }), null).register).toBe('standard');
    expect(decide(snap('2026-02-11', 2.1e9), null).register).toBe('major');
    expect(decide(snap('2026-02-11', 100e6), null).register).toBe('brief');
  });

  it('with history: an ordinary day is skipped, a big one published, a record is major', () => {
    const ordinary = withHistory(300e6);
    expect(decide(ordinary.s, ordinary.ctx)).toMatchObject({ publish: false, code: 'ordinary', register: 'standard' });
    const big = withHistory(500e6);
    const d = decide(big.s, big.ctx);
    expect(d).toMatchObject({ publish: true, code: 'record', alsoMet: ['above-median', 'top-rank'], register: 'major' });
    expect(d.measures.medianMultiple).toBeCloseTo(500 / 300, 5);
    expect(d.reason).toContain('1.7 times the median of the last 30 24h windows');
    const small = withHistory(150e6);
    expect(decide(small.s, small.ctx)).toMatchObject({ publish: false, register: 'brief' });
  });

  it('the rules can be set: a higher median multiple turns "above-median" off', () => {
    const h = openHistory(join(t.dir, 'r.sqlite'), { now: () => NOW });
    h.record(days('2026-01-01', [...Array.from({ length: 39 }, () => 300e6), 900e6]));
    const s = snap('2026-02-11', 480e6);
    const ctx = h.contextFor(s);
    h.close();
    expect(decide(s, ctx)).toMatchObject({ publish: true, code: 'above-median' });
    expect(decide(s, ctx, { medianMultiple: 2, maxRank: 1 })).toMatchObject({ publish: false, code: 'ordinary' });
    expect(decide(s, ctx, { medianMultiple: 2, maxRank: 2 })).toMatchObject({ publish: true, code: 'top-rank' });
  });

  it('a price move publishes an ordinary total', () => {
    const { ctx } = withHistory(300e6);
    const moved = { ...snap('2026-02-11', 300e6), assets: [{ symbol: 'BTC', longUsd: 1, shortUsd: 1, price: { open: 100_000, close: 93_000 } }] };
    expect(decide(moved, ctx)).toMatchObject({ publish: true, code: 'price-move', measures: { priceMove: { asset: 'BTC', pct: -7 } } });
    // Said as a newsroom says it: the direction in words, the size without a sign.
    expect(decide(moved, ctx).reason).toContain('BTC fell 7.0% open to close (the rule is a 5% move)');
    expect(decide(moved, ctx, { priceMovePct: 10 }).publish).toBe(false);
  });
});

describe('liqnews decide', () => {
  const write = (name: string, usd: number, end = '2026-02-11'): string => {
    const file = join(t.dir, name);
    const e = Date.parse(`${end}T00:00:00Z`);
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, window: { start: iso(e - DAY), end: iso(e) }, totals: { usd, longUsd: usd / 2, shortUsd: usd / 2 } }));
    return file;
  };

  it('exit 0 when every snapshot is to be published, 3 when one is to be skipped, with words or JSON', async () => {
    const big = write('big.json', 400e6);
    const quiet = write('quiet.json', 10e6);
    const none = ['--no-history', '--now', '2026-11-21T00:00:00Z'];
    const one = await runCli(['decide', big, ...none]);
    expect(one.code).toBe(0);
    expect(one.out).toBe(`${big}: publish (standard): $400 million ($16.7 million an hour) is above the floor, and there is not enough history to compare it with\n`);
    const both = await runCli(['decide', big, quiet, ...none, '--json']);
    expect(both.code).toBe(3);
    expect((JSON.parse(both.out) as { publish: boolean; code: string }[]).map((d) => [d.publish, d.code])).toEqual([
      [true, 'no-history'],
      [false, 'below-floor'],
    ]);
    expect((await runCli(['decide', big, ...none, '--floor', '1e9'])).code).toBe(2);
    expect((await runCli(['decide', big, ...none, '--floor', '1000000000'])).code).toBe(3);
  });

  it('reads the store: an ordinary day against history is skipped (exit 3); a missing default store is no history', async () => {
    const store = join(t.dir, 'h.sqlite');
    const h = openHistory(store, { now: () => NOW });
    h.record(days('2026-01-01', Array.from({ length: 40 }, (_, i) => 380e6 + (i % 5) * 20e6)));
    h.close();
    const day = write('day.json', 400e6);
    const r = await runCli(['decide', day, '--history', store, '--now', '2026-11-21T00:00:00Z']);
    expect(r.code).toBe(3);
    expect(r.out).toContain('skip (standard): an ordinary 24h window (1.0 times the median');
    const fresh = await runCli(['decide', day, '--out', join(t.dir, 'nowhere', 'output'), '--now', '2026-11-21T00:00:00Z']);
    expect(fresh.code).toBe(0);
    const missing = await runCli(['decide', day, '--history', join(t.dir, 'missing.sqlite'), '--now', '2026-11-21T00:00:00Z']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no history store at');
  });

  it('an invalid snapshot is exit 1', async () => {
    const bad = join(t.dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 1}');
    const r = await runCli(['decide', bad, '--no-history']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: window: is required but missing`);
  });
});
