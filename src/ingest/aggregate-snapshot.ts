/**
 * A stream aggregate as a snapshot (contract v1). Only what the feeds say:
 * totals, per-coin and per-venue sides, the largest reported order. Trader
 * counts are left out (feeds report orders, not accounts), and a total from a
 * sampled feed is marked `coverage: "partial"` so the article says "at least".
 */
import type { IngestWindow } from './types.js';
import { MAX_ASSETS, type StreamFigures } from './aggregate.js';

export interface StreamSnapshotMeta {
  window: IngestWindow;
  /** Venue names credited as the source, in the order given. */
  venues: readonly string[];
  coverage: 'complete' | 'partial';
}

/** `2026-02-05T00:00:00Z`: the ISO form without a zero fraction. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** "Binance", "Binance and Bybit", "Binance, Bybit and OKX". */
export function creditLine(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

export function streamSnapshot(f: StreamFigures, meta: StreamSnapshotMeta): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {
    schemaVersion: 1,
    window: { start: isoUtc(meta.window.start.getTime()), end: isoUtc(meta.window.end.getTime()) },
    source: { name: creditLine(meta.venues) },
    coverage: meta.coverage,
    // usd is the exact sum of the sides (both already whole cents).
    totals: { usd: (Math.round(f.longUsd * 100) + Math.round(f.shortUsd * 100)) / 100, longUsd: f.longUsd, shortUsd: f.shortUsd },
    assets: f.assets.slice(0, MAX_ASSETS).map((a) => ({ symbol: a.name, longUsd: a.longUsd, shortUsd: a.shortUsd })),
    exchanges: f.exchanges.map((e) => ({ name: e.name, longUsd: e.longUsd, shortUsd: e.shortUsd })),
  };
  if (f.largest !== null) snapshot['largestOrder'] = { ...f.largest };
  return snapshot;
}
