/**
 * A wide snapshot (hundreds of coins and venues): the figures of the coins
 * and venues past the tenth are formatted, and their claims made, only when
 * something reads them (facts/format.ts lazyMoney). What a reader sees:
 * the sidecar's claims for a printed figure name where it came from, not
 * every far-down coin that happens to have the same amount; and the facts
 * serialise exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { generate, loadCharts } from '../src/index.js';
import { deriveFacts } from '../src/facts/derive.js';
import { Ledger } from '../src/facts/ledger.js';
import { money, percent } from '../src/facts/format.js';
import { parseSnapshot } from '../src/snapshot/parse.js';
import { NOW } from './helpers.js';

const DAY = { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' };

/** BTC leads with $38.00 of shorts and $500,000,000 of longs; 300 small coins follow, one of them (far down) with $38.00 of longs too. */
function wide(): Record<string, unknown> {
  const assets: Record<string, unknown>[] = [{ symbol: 'BTC', name: 'Bitcoin', longUsd: 500_000_000, shortUsd: 38 }];
  let usd = 500_000_038;
  let long = 500_000_000;
  for (let i = 0; i < 300; i++) {
    const l = i === 250 ? 38 : 1000 + i * 3;
    const s = i === 250 ? 0 : 500 + i;
    assets.push({ symbol: `C${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`, name: `Coin ${i}`, longUsd: l, shortUsd: s });
    usd += l + s;
    long += l;
  }
  const exchanges = Array.from({ length: 40 }, (_, i) => ({ name: `Venue ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? 'x' : ''}`, longUsd: i === 0 ? long : 0, shortUsd: i === 0 ? usd - long : 0 }));
  exchanges[39] = { name: 'Last Venue', longUsd: 0, shortUsd: 0 };
  return { schemaVersion: 1, window: DAY, source: { name: 'CoinGlass' }, totals: { usd, longUsd: long, shortUsd: usd - long }, assets, exchanges };
}

describe('the figures of coins past the tenth, made when read', () => {
  it("the sidecar names a printed figure's own source, not a far-down coin with the same amount", () => {
    const a = generate(wide(), { style: 'tldr', now: NOW, sections: '+table' });
    // The table prints Bitcoin's $38.00 of shorts; coin 251 (far down, never printed) has $38.00 of longs.
    expect(a.claims.filter((c) => c.display === '$38.00').map((c) => c.source)).toEqual(['assets[0].shortUsd']);
    expect(a.claims.filter((c) => c.source.includes('assets[251]'))).toEqual([]);
  });

  it('a coin past the tenth registers its claims when its figure is read, and serialises as an eager one', () => {
    const snap = parseSnapshot(JSON.stringify(wide()), NOW);
    const f = deriveFacts(snap);
    const far = f.assets[200]!;
    const before = f.claims.length;
    expect(f.claims.some((c) => c.value === far.total.value && c.source.startsWith('derive: assets['))).toBe(false);
    const text = far.total.text;
    expect(f.claims.length).toBe(before + 3);
    expect(f.claims.slice(-3).map((c) => c.display)).toContain(text);
    // The same shape and values a formatted-at-once figure has, in the same key order.
    const l = new Ledger();
    expect(JSON.stringify(far.total)).toBe(JSON.stringify(money(l, far.total.value, { source: 'x' })));
    expect(JSON.stringify(far.share)).toBe(JSON.stringify(percent(l, far.share.value, 'x')));
    expect(Object.keys({ ...far })).toEqual(Object.keys({ ...f.assets[0]! }));
    expect(far.sidesAddUp).toBe(true);
  });

  it('renders a wide snapshot in every style, the table included, with every printed figure a claim', () => {
    for (const style of ['recap', 'tldr', 'analysis', 'bulletin', 'explainer'] as const) {
      const a = generate(wide(), { style, now: NOW, sections: '+table,+faq' });
      expect(a.files.md).toContain('| Other coins |');
      expect(a.claims.length).toBeGreaterThan(5);
    }
  });
});

describe('the tables, built when first read', () => {
  it('read first or last, after the rest of the facts, they are the same tables; copies of the facts share them unbuilt', () => {
    const snap = parseSnapshot(JSON.stringify(wide()), NOW);
    const first = deriveFacts(snap);
    const early = JSON.stringify(first.tables);
    const later = deriveFacts(snap);
    const copy = { ...later };
    const rest = JSON.stringify({ ...later, tables: null });
    expect(copy.tables).toBe(later.tables);
    // Still a getter: spreading the facts (as the template views do) did not build the tables.
    expect(typeof Object.getOwnPropertyDescriptor(later.tables, 'assets')?.get).toBe('function');
    expect(JSON.stringify(later.tables)).toBe(early);
    expect(JSON.stringify({ ...first, tables: null })).toBe(rest);
    expect(later.tables.assets?.rows.length).toBeGreaterThan(3);
  });

  it('an article without the table or chart section still writes the chart file when asked for svg', async () => {
    await loadCharts();
    const a = generate(wide(), { style: 'tldr', now: NOW });
    expect(a.files.svg).toMatch(/^<svg/);
    expect(a.body).not.toMatch(/\| Coin/);
  });
});
