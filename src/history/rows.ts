/** Between a HistoryEntry and a `stories` row. */
import { canonicalJson, sha256 } from '../util/hash.js';
import type { StoredWindow } from './context.js';
import type { HistoryEntry, HistoryRow, SourceKind } from './types.js';
import { instantMs, windowMinutesOf } from './window.js';

/** A `stories` row as SQLite returns it. */
export interface DbRow {
  id: string;
  window_start: string;
  window_end: string;
  start_ms: number;
  end_ms: number;
  window_minutes: number;
  usd: number;
  long_usd: number;
  short_usd: number;
  traders: number | null;
  assets: string;
  venues: string;
  sentiment_index: number | null;
  sentiment_label: string | null;
  oi_change_pct: number | null;
  funding_rate_pct: number | null;
  coverage: 'complete' | 'partial';
  style: string | null;
  slug: string | null;
  url: string | null;
  choices: string;
  source_kind: SourceKind;
  source_ref: string | null;
  digest: string;
  recorded_at: string;
}

export const COLUMNS = [
  'id', 'window_start', 'window_end', 'start_ms', 'end_ms', 'window_minutes', 'usd', 'long_usd', 'short_usd', 'traders', 'assets', 'venues',
  'sentiment_index', 'sentiment_label', 'oi_change_pct', 'funding_rate_pct', 'coverage', 'style', 'slug', 'url', 'choices', 'source_kind', 'source_ref', 'digest', 'recorded_at',
] as const;

/**
 * The hash of what the row says (not where it came from, nor when): two
 * imports of the same file, or a re-render of an unchanged story, give the
 * same digest and leave the row as it is.
 */
export function digestOf(e: HistoryEntry): string {
  const { source: _source, ...said } = e;
  return sha256(canonicalJson(said));
}

export function toDbRow(e: HistoryEntry, digest: string, recordedAt: string): DbRow {
  const startMs = instantMs(e.window.start);
  const endMs = instantMs(e.window.end);
  return {
    id: e.id,
    window_start: e.window.start,
    window_end: e.window.end,
    start_ms: startMs,
    end_ms: endMs,
    window_minutes: windowMinutesOf(startMs, endMs),
    usd: e.totals.usd,
    long_usd: e.totals.longUsd,
    short_usd: e.totals.shortUsd,
    traders: e.totals.traders,
    assets: JSON.stringify(e.assets),
    venues: JSON.stringify(e.venues),
    sentiment_index: e.sentiment.index,
    sentiment_label: e.sentiment.label,
    oi_change_pct: e.openInterestChangePct,
    funding_rate_pct: e.fundingRatePct,
    coverage: e.coverage,
    style: e.style,
    slug: e.slug,
    url: e.url,
    choices: JSON.stringify(e.choices),
    source_kind: e.source.kind,
    source_ref: e.source.ref,
    digest,
    recorded_at: recordedAt,
  };
}

export function fromDbRow(r: DbRow): HistoryRow {
  return {
    id: r.id,
    window: { start: r.window_start, end: r.window_end },
    windowMinutes: r.window_minutes,
    totals: { usd: r.usd, longUsd: r.long_usd, shortUsd: r.short_usd, traders: r.traders },
    assets: JSON.parse(r.assets) as HistoryRow['assets'],
    venues: JSON.parse(r.venues) as HistoryRow['venues'],
    sentiment: { index: r.sentiment_index, label: r.sentiment_label },
    openInterestChangePct: r.oi_change_pct,
    fundingRatePct: r.funding_rate_pct,
    coverage: r.coverage,
    style: r.style,
    slug: r.slug,
    url: r.url,
    choices: JSON.parse(r.choices) as HistoryRow['choices'],
    source: { kind: r.source_kind, ref: r.source_ref },
    recordedAt: r.recorded_at,
  };
}

/** A row back as the entry it was recorded from (for comparing, and for inheriting fields). */
export function entryOfRow(r: DbRow): HistoryEntry {
  const { windowMinutes: _m, recordedAt: _r, ...entry } = fromDbRow(r);
  return entry;
}

/** The columns the context queries select, as a StoredWindow. */
export const WINDOW_COLUMNS = 'id, start_ms, end_ms, usd, coverage, sentiment_index, sentiment_label, oi_change_pct, funding_rate_pct';

export function toStoredWindow(r: Pick<DbRow, 'id' | 'start_ms' | 'end_ms' | 'usd' | 'coverage' | 'sentiment_index' | 'sentiment_label' | 'oi_change_pct' | 'funding_rate_pct'>): StoredWindow {
  return {
    id: r.id,
    startMs: r.start_ms,
    endMs: r.end_ms,
    usd: r.usd,
    partial: r.coverage === 'partial',
    sentimentIndex: r.sentiment_index,
    sentimentLabel: r.sentiment_label,
    oiChangePct: r.oi_change_pct,
    fundingRatePct: r.funding_rate_pct,
  };
}
