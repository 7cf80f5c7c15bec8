/**
 * The store in the article: what a daily series says when the store knows
 * earlier windows, what it does not say when it does not, and slugs that no
 * two stories share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { openHistory } from '../../src/history/index.js';
import type { History } from '../../src/history/store.js';
import { STYLE_NAMES } from '../../src/plan/styles.js';
import { dailyFeed } from '../../bench/daily-feed.js';
import { NOW } from '../helpers.js';

const dirs: string[] = [];
const stores: History[] = [];
function store(): History {
  const dir = mkdtempSync(join(tmpdir(), 'liqnews-gen-'));
  dirs.push(dir);
  const h = openHistory(join(dir, 'history.sqlite'), { now: () => NOW });
  stores.push(h);
  return h;
}
afterEach(() => {
  for (const h of stores.splice(0)) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const feed = dailyFeed(12);
/** Words that assert a comparison with an earlier window. */
const COMPARATIVE = /a day earlier|largest daily total|times the median|-largest daily|previous high on file|from \$[\d.,]+ (?:million|billion)/;

describe('an article with history', () => {
  it('says how the window compares with the day before, each figure a claim citing its history row', () => {
    const h = store();
    h.record(generate(feed[0], { style: 'bulletin', now: NOW, history: h }));
    const second = generate(feed[1], { style: 'bulletin', now: NOW, history: h });
    expect(second.body).toMatch(/a day earlier/);
    const previous = second.claims.find((c) => c.source.startsWith('history: '));
    // The row is named by the day its window covers: the window ending at midnight on September 1 is August 31.
    expect(previous?.source).toBe('history: 2026-08-31 (24h)');
    expect(previous?.value).toBe((feed[0] as { totals: { usd: number } }).totals.usd);
  });

  it('says nothing comparative without history, in any style', () => {
    for (const style of STYLE_NAMES) {
      const a = generate(feed[3], { style, now: NOW });
      expect(a.body, style).not.toMatch(COMPARATIVE);
      expect(a.facts.history).toBeNull();
    }
  });

  it('compares only windows of the same length: a week after daily rows gets no comparison', () => {
    const h = store();
    for (const snap of feed.slice(0, 10)) h.record(generate(snap, { style: 'bulletin', now: NOW, history: h }));
    const week = { ...(feed[11] as Record<string, unknown>), id: 'week-one', window: { start: '2026-09-05T00:00:00Z', end: '2026-09-12T00:00:00Z' } };
    const a = generate(week, { style: 'bulletin', now: NOW, history: h });
    expect(a.facts.history).toBeNull();
    expect(a.body).not.toMatch(COMPARATIVE);
  });

  it('gives the same bytes when the same story is rendered again from the same history', () => {
    const h = store();
    for (const snap of feed.slice(0, 6)) h.record(generate(snap, { style: 'tldr', now: NOW, history: h }));
    const first = generate(feed[6], { style: 'tldr', now: NOW, history: h });
    h.record(first);
    for (const snap of feed.slice(7)) h.record(generate(snap, { style: 'tldr', now: NOW, history: h }));
    const again = generate(feed[6], { style: 'tldr', now: NOW, history: h });
    expect(again.files.md).toBe(first.files.md);
    expect(again.slug).toBe(first.slug);
  });

  it('takes the comparison from the snapshot\'s context.history block when there is no store', () => {
    const snap = { ...(feed[1] as Record<string, unknown>), context: { history: { previous: { start: '2026-08-31T00:00:00Z', end: '2026-09-01T00:00:00Z', usd: 100_000_000 } } } };
    const a = generate(snap, { style: 'bulletin', now: NOW });
    expect(a.body).toMatch(/\$100 million a day earlier/);
  });
});

describe('slugs across a series', () => {
  it('never gives a new story a slug another story holds, and keeps a story\'s slug on a re-render', () => {
    const h = store();
    const make = (day: number) => ({
      schemaVersion: 1,
      window: { start: new Date(Date.UTC(2026, 9, day - 1)).toISOString(), end: new Date(Date.UTC(2026, 9, day)).toISOString() },
      totals: { usd: 400_000_000, longUsd: 300_000_000, shortUsd: 100_000_000 },
    });
    const a = generate(make(2), { now: NOW, history: h });
    h.record(a);
    const b = generate(make(3), { now: NOW, history: h });
    h.record(b);
    expect(b.slug).not.toBe(a.slug);
    expect(b.slug).toBe(`${a.slug}-2026-10-03`);
    expect(generate(make(2), { now: NOW, history: h }).slug).toBe(a.slug);
    expect(generate(make(3), { now: NOW, history: h }).slug).toBe(b.slug);
  });
});
