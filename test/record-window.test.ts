/**
 * A record compares only with a window of its own length (issue 9): the
 * snapshot's `context.record` is the largest day unless `windowHours` says
 * otherwise, and a seven-day total is never called a record, or a share of
 * one, against a one-day figure.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { validateSnapshot } from '../src/snapshot/parse.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { NOW } from './helpers.js';

const week = (record: Record<string, unknown>): Record<string, unknown> => ({
  schemaVersion: 1,
  window: { start: '2026-01-29T00:00:00Z', end: '2026-02-05T00:00:00Z' },
  totals: { usd: 21_000_000_000, longUsd: 18_000_000_000, shortUsd: 3_000_000_000 },
  assets: [{ symbol: 'BTC', longUsd: 10_000_000_000, shortUsd: 1_000_000_000 }],
  context: { record },
});

describe('the record of the snapshot', () => {
  it('is not set against a window of another length: a $21 billion week is no record beside a $19.1 billion day', () => {
    for (const style of STYLE_NAMES) {
      const a = generate(week({ usd: 19_100_000_000, date: '2025-10-10' }), { style, now: NOW });
      expect(`${a.title}\n${a.body}`, style).not.toMatch(/record/i);
      expect(a.facts.claims.some((c) => c.source.startsWith('context.record')), style).toBe(false);
    }
  });

  it('is compared when it is a record for windows of the same length (windowHours)', () => {
    const a = generate(week({ usd: 19_100_000_000, date: '2025-10-10', windowHours: 168 }), { style: 'analysis', now: NOW });
    expect(a.body).toMatch(/record/i);
    expect(a.body).toContain('$19.1 billion');
  });

  it('takes windowHours as whole hours within the longest window', () => {
    const issues = (windowHours: unknown) => {
      const r = validateSnapshot(week({ usd: 1, date: '2025-10-10', windowHours }), NOW);
      return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues(24)).toEqual([]);
    expect(issues(1.5)[0]).toMatch(/^context\.record\.windowHours: expected a window length in whole hours/);
    expect(issues(0)).toHaveLength(1);
  });
});
