// Building blocks for the history tests: a temp folder per test and rows made to order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEntry } from '../../src/history/types.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
/** A "now" after every row the tests make. */
export const NOW = new Date('2027-01-01T00:00:00Z');

export function tempDir(prefix = 'liqnews-history-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A window of `hours` ending at `end`, with the figures given (id from the window unless given). */
export function row(end: string | number, usd: number, extra: Partial<HistoryEntry> & { hours?: number } = {}): HistoryEntry {
  const { hours = 24, ...rest } = extra;
  const endMs = typeof end === 'number' ? end : Date.parse(end.length === 10 ? `${end}T00:00:00Z` : end);
  const startMs = endMs - hours * HOUR;
  return {
    id: `t-${hours}h-${endMs / 60_000}`,
    window: { start: iso(startMs), end: iso(endMs) },
    totals: { usd, longUsd: usd / 2, shortUsd: usd / 2, traders: null },
    assets: [],
    venues: [],
    sentiment: { index: null, label: null },
    openInterestChangePct: null,
    fundingRatePct: null,
    coverage: 'complete',
    style: null,
    slug: null,
    url: null,
    choices: {},
    source: { kind: 'render', ref: null },
    ...rest,
  };
}

/** Daily rows ending at the midnights after `firstDay`, one per value. */
export function days(firstDay: string, values: readonly number[], extra: Partial<HistoryEntry> = {}): HistoryEntry[] {
  const first = Date.parse(`${firstDay}T00:00:00Z`) + DAY;
  return values.map((usd, i) => row(first + i * DAY, usd, extra));
}

/** The snapshot-like subject for the 24h window ending at `end` (YYYY-MM-DD: the midnight that starts that day). */
export function subject(end: string, usd: number, extra: { hours?: number; coverage?: 'complete' | 'partial'; market?: Record<string, unknown> } = {}) {
  const endMs = Date.parse(end.length === 10 ? `${end}T00:00:00Z` : end);
  const hours = extra.hours ?? 24;
  return {
    window: { start: iso(endMs - hours * HOUR), end: iso(endMs) },
    totals: { usd },
    ...(extra.coverage ? { coverage: extra.coverage } : {}),
    ...(extra.market ? { market: extra.market } : {}),
  };
}
