/** What an importer gives back: rows to record, rows it could not read, and notes (rows left out on purpose). */
import type { RowProblem } from './errors.js';
import type { HistoryEntry } from './types.js';
import { DAY_MINUTES, windowLabel } from './window.js';

export interface ImportOptions {
  /** "Now": a window that ends later is not over and is not history. */
  now: Date;
  /** CoinGlass: the coin the history was fetched for (`symbol`), recorded as the one asset and in the row ids. */
  symbol?: string;
  /** CoinGlass: the bucket interval in minutes when the response has a single bucket (otherwise read from the spacing). */
  intervalMinutes?: number;
}

export interface ImportRead {
  entries: HistoryEntry[];
  problems: RowProblem[];
  /** Rows left out by design (e.g. a CoinGlass bucket still in progress), for the report. */
  notes: RowProblem[];
}

/** `csv-24h-20261011t0000z`: an imported row's id, from what it covers (so importing the same file twice is a repeat). */
export function importedId(prefix: string, minutes: number, endMs: number): string {
  const end = new Date(endMs).toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase();
  return `${prefix}-${windowLabel(minutes)}-${end}z`;
}

/** A row of figures with nothing rendered: no style, slug, URL or variation choices. */
export function bareEntry(fields: Pick<HistoryEntry, 'id' | 'window' | 'totals' | 'coverage' | 'source'> & Partial<HistoryEntry>): HistoryEntry {
  return {
    assets: [],
    venues: [],
    sentiment: { index: null, label: null },
    openInterestChangePct: null,
    fundingRatePct: null,
    style: null,
    slug: null,
    url: null,
    choices: {},
    ...fields,
  };
}

export const DAY_MS = DAY_MINUTES * 60_000;
