/**
 * The size register follows the pace, not the raw total (issue 9): a week is
 * not "massive" for being seven days long, an hour at a day's-record pace is
 * big, and with history the register is relative to it, as `decide` says.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { NOW } from './helpers.js';

const snap = (start: string, end: string, usd: number, history?: Record<string, unknown>): Record<string, unknown> => ({
  schemaVersion: 1,
  window: { start, end },
  totals: { usd, longUsd: usd * 0.9, shortUsd: usd * 0.1 },
  assets: [{ symbol: 'BTC', longUsd: usd * 0.5, shortUsd: usd * 0.05 }],
  ...(history ? { context: { history } } : {}),
});

describe('the size register', () => {
  it('measures a week by its daily pace: $2.56 billion in seven days is moderate, not massive', () => {
    const f = generate(snap('2026-01-29T00:00:00Z', '2026-02-05T00:00:00Z', 2.56e9), { style: 'bulletin', now: NOW }).facts;
    expect([f.tier, f.big, f.huge]).toEqual(['moderate', false, false]);
  });

  it('measures an hour by its daily pace: $96 million in one hour is massive', () => {
    const f = generate(snap('2026-05-12T14:00:00Z', '2026-05-12T15:00:00Z', 96e6), { style: 'bulletin', now: NOW }).facts;
    expect([f.tier, f.big, f.huge, f.register]).toEqual(['massive', true, true, 'major']);
  });

  it('with history, follows it: a $2 billion day at a third of the median is brief and gets no strong words', () => {
    const history = { baseline: { windows: 30, medianUsd: 6e9 } };
    const a = generate(snap('2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', 2e9, history), { style: 'bulletin', now: NOW });
    expect([a.facts.register, a.facts.big, a.facts.huge]).toEqual(['brief', false, false]);
    const without = generate(snap('2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', 2e9), { style: 'bulletin', now: NOW }).facts;
    expect([without.big, without.huge]).toEqual([true, true]);
  });

  it('with history, a small day at five times the median is major', () => {
    const history = { baseline: { windows: 30, medianUsd: 4e7 } };
    const f = generate(snap('2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', 2e8, history), { style: 'bulletin', now: NOW }).facts;
    expect([f.register, f.big]).toEqual(['major', true]);
  });
});
