/**
 * Wording a reader would catch: strong words only where the data supports
 * them, windows named truthfully, and phrasing that varies between
 * snapshots. Each check renders many generated snapshots in every style, so
 * that most alternatives of each {{#pick}} are exercised.
 */
import { describe, expect, it } from 'vitest';
import { generate, STYLE_NAMES } from '../src/index.js';
import { NOW } from './helpers.js';

/** A valid snapshot whose figures and names vary with `i`. */
function snapshot(i: number, opts: { total: number; hours?: number; longShare?: number }): Record<string, unknown> {
  const end = Date.UTC(2026, 0, 1) + i * 86_400_000;
  const hours = opts.hours ?? 24;
  const long = Math.round(opts.total * (opts.longShare ?? 0.7));
  const short = opts.total - long;
  return {
    schemaVersion: 1,
    window: { start: new Date(end - hours * 3_600_000).toISOString(), end: new Date(end).toISOString() },
    source: { name: 'CoinGlass' },
    totals: { usd: opts.total, longUsd: long, shortUsd: short, traders: 1000 + i * 37 },
    assets: [
      { symbol: 'BTC', longUsd: Math.round(long * 0.5), shortUsd: Math.round(short * 0.5), price: { open: 90000 + i * 10, close: 88000 + i * 10 } },
      { symbol: 'ETH', longUsd: Math.round(long * 0.3), shortUsd: Math.round(short * 0.3) },
    ],
    exchanges: [{ name: 'Binance', longUsd: Math.round(long * 0.4), shortUsd: Math.round(short * 0.4) }],
    market: { sentiment: { index: (i * 7) % 100 }, openInterestChangePct: -3 - (i % 5) },
  };
}

const N = 24;

describe('strong words need the data behind them', () => {
  const STRONG = /\b(carnage|bloodbath|massive|brutal|historic|record)\b/i;
  for (const style of STYLE_NAMES) {
    it(`${style}: a $40 million day never reads as carnage, massive or a record`, () => {
      for (let i = 0; i < N; i++) {
        const a = generate(snapshot(i, { total: 40_000_000 + i * 1_000_000 }), { style, now: NOW });
        const text = `${a.title}\n${a.body}`;
        expect(text, `snapshot ${i}`).not.toMatch(STRONG);
      }
    });
  }

  it('a $1.5 billion day may use them, and some alternatives do', () => {
    const texts = STYLE_NAMES.flatMap((style) =>
      Array.from({ length: N }, (_, i) => generate(snapshot(i, { total: 1_500_000_000 + i * 1_000_000 }), { style, now: NOW }).title),
    );
    expect(texts.some((t) => /carnage|brutal|bloodbath|massive/i.test(t))).toBe(true);
  });
});

describe('the window is named truthfully', () => {
  for (const style of STYLE_NAMES) {
    it(`${style}: a one-hour window never says "24 hours", "day" or "daily"`, () => {
      for (let i = 0; i < N; i++) {
        const a = generate(snapshot(i, { total: 90_000_000, hours: 1 }), { style, now: NOW });
        const text = `${a.title}\n${a.description}\n${a.body}`;
        expect(text, `snapshot ${i}`).not.toMatch(/24 hours|\bday\b|\bdaily\b|24-hour/i);
      }
    });

    it(`${style}: a seven-day window is "this week" and never "24 hours"`, () => {
      const a = generate(snapshot(3, { total: 2_000_000_000, hours: 168 }), { style, now: NOW });
      const text = `${a.title}\n${a.body}`;
      expect(text).not.toMatch(/24 hours|in the past day/i);
      expect(text).toMatch(/week|7 days|seven-day/i);
    });
  }
});

describe('phrasing varies between snapshots, never within one', () => {
  for (const style of STYLE_NAMES) {
    it(`${style}: headlines without their figures differ across snapshots`, () => {
      const shapes = new Set(
        Array.from({ length: N }, (_, i) => generate(snapshot(i, { total: 600_000_000 + i * 3_000_000 }), { style, now: NOW }).title.replace(/[\d$.,%]+[A-Z]?/g, '#')),
      );
      expect(shapes.size).toBeGreaterThan(1);
    });

    it(`${style}: leads differ across snapshots`, () => {
      const leads = new Set(
        Array.from({ length: N }, (_, i) => {
          const body = generate(snapshot(i, { total: 600_000_000 + i * 3_000_000 }), { style, now: NOW }).body;
          return (body.split('\n\n').find((p) => !p.startsWith('#') && !p.startsWith('*') && !p.startsWith('-')) ?? '').replace(/[\d$.,%]+/g, '#');
        }),
      );
      expect(leads.size).toBeGreaterThan(2);
    });
  }
});
