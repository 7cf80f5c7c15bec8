/**
 * What the history store holds and what it answers, as plain data. Every
 * type here is JSON-serialisable: the CLI prints them with `--json`, and the
 * lead's renderer turns them into claims.
 */

/** How a row came into the store. */
export type SourceKind = 'render' | 'import-snapshot' | 'import-coinglass' | 'import-csv';
export const SOURCE_KINDS: readonly SourceKind[] = ['render', 'import-snapshot', 'import-coinglass', 'import-csv'];

export type Coverage = 'complete' | 'partial';

export interface HistoryAsset {
  symbol: string;
  longUsd: number;
  shortUsd: number;
  /** The asset's price at the window's open and close, when the snapshot gave them. */
  priceOpen: number | null;
  priceClose: number | null;
}

export interface HistoryVenue {
  name: string;
  longUsd: number;
  shortUsd: number;
}

/** One story as recorded: built by `historyEntryOf` (render, snapshot import) or by the CSV / CoinGlass importers. */
export interface HistoryEntry {
  /** The story id (the snapshot's `id`, or the id render derives). A re-record of the same id replaces the row. */
  id: string;
  /** ISO 8601 with an offset, as the snapshot gave them. */
  window: { start: string; end: string };
  totals: { usd: number; longUsd: number; shortUsd: number; traders: number | null };
  assets: HistoryAsset[];
  venues: HistoryVenue[];
  sentiment: { index: number | null; label: string | null };
  openInterestChangePct: number | null;
  fundingRatePct: number | null;
  coverage: Coverage;
  style: string | null;
  slug: string | null;
  url: string | null;
  /** Variation slot → index of the alternative the article used. */
  choices: Record<string, number>;
  source: { kind: SourceKind; /** `file:line` for imports; null for render. */ ref: string | null };
}

/** A stored row: the entry plus what the store adds. */
export interface HistoryRow extends HistoryEntry {
  /** Window length in whole minutes (rounded to the nearest minute): the key every comparison uses. */
  windowMinutes: number;
  /** When the row was (last) written, ISO UTC. Not used by any comparison. */
  recordedAt: string;
}

/** What one `record()` call did. An exact repeat (same id, same figures) is `unchanged`, not rewritten. */
export interface RecordResult {
  added: number;
  replaced: number;
  unchanged: number;
  /** Rows left out (only with `skipBad`; otherwise any bad row throws and nothing is recorded). */
  skipped: { where: string; message: string }[];
}

export interface HistoryStats {
  file: string;
  schemaVersion: number;
  stories: number;
  /** Per window length: how many rows, how many partial, first and last window end, the largest total. */
  byWindow: {
    window: string;
    windowMinutes: number;
    stories: number;
    partial: number;
    firstEnd: string;
    lastEnd: string;
    largest: { usd: number; end: string; id: string };
  }[];
  bySource: Partial<Record<SourceKind, number>>;
}

export interface ListOptions {
  /** Only this window length, e.g. "24h". */
  window?: string;
  /** Most recent first; default 50. */
  limit?: number;
}
