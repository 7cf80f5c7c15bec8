/**
 * Catalysts may carry a kind (issue 10): a sentence, or `{ text, kind }`.
 * Errors name the form that was given; a catalyst that repeats a level's
 * price is told once, by the level.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { validateSnapshot } from '../src/snapshot/parse.js';
import { NOW } from './helpers.js';

const base = {
  schemaVersion: 1,
  window: { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' },
  totals: { usd: 100e6, longUsd: 60e6, shortUsd: 40e6 },
  assets: [{ symbol: 'BTC', longUsd: 50e6, shortUsd: 30e6, price: { open: 95_000, close: 92_000 } }],
};
const issues = (catalysts: unknown[]): string[] => {
  const r = validateSnapshot({ ...base, context: { catalysts } }, NOW);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('catalysts', () => {
  it('are sentences or { text, kind }, mixed in one list', () => {
    expect(issues(['The Fed held rates', { text: 'ETF outflows', kind: 'flows' }, { text: 'A new listing' }])).toEqual([]);
  });

  it('are refused with the problem of the form given', () => {
    expect(issues([''])).toEqual(['context.catalysts[0]: must not be empty']);
    expect(issues([{ text: '' }])).toEqual(['context.catalysts[0].text: must not be empty']);
    expect(issues([{ kind: 'macro' }])).toEqual(['context.catalysts[0].text: is required but missing']);
    expect(issues([{ text: 'x', kind: 'news' }])[0]).toMatch(/^context\.catalysts\[0\]\.kind: expected one of "macro", "regulatory", "flows", "technical", "on-chain", "exchange", "other", got "news"/);
    expect(issues([5])[0]).toMatch(/^context\.catalysts\[0\]: expected a sentence of plain text, or an object/);
  });

  it('keep their kind in the facts, and one that repeats a level is told once, by the level', () => {
    const a = generate(
      { ...base, levels: [{ asset: 'BTC', kind: 'resistance', low: 93_900 }], context: { catalysts: ["Bitcoin's repeated rejection below the $93,900 high", { text: 'The Fed held rates', kind: 'macro' }] } },
      { style: 'tldr', now: NOW },
    );
    expect(a.facts.catalystItems).toEqual([{ text: 'The Fed held rates', kind: 'macro', technical: false }]);
    expect(a.body.match(/\$93,900/g)?.length ?? 0).toBeGreaterThan(0);
    expect(a.body).not.toContain('repeated rejection');
  });
});
