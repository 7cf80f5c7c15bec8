/** A rendered (or imported) snapshot as one history entry. */
import type { Snapshot } from '../snapshot/schema.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import type { HistoryEntry, SourceKind } from './types.js';

export interface EntryOptions {
  /** The article's style name (variation memory is per style). */
  style?: string | null;
  slug?: string | null;
  url?: string | null;
  /** Variation slot → index of the alternative chosen. */
  choices?: Readonly<Record<string, number>>;
  /** The story id render used; default: the snapshot's `id`, else the id render derives. */
  id?: string;
  /** Default `render`; the snapshot importer passes `import-snapshot` and the file. */
  source?: { kind: SourceKind; ref?: string | null };
}

export function historyEntryOf(snapshot: Snapshot, options: EntryOptions = {}): HistoryEntry {
  const sentiment = snapshot.market?.sentiment;
  return {
    id: options.id ?? snapshot.id ?? derivedStoryId(snapshot),
    window: { start: snapshot.window.start, end: snapshot.window.end },
    totals: {
      usd: snapshot.totals.usd,
      longUsd: snapshot.totals.longUsd,
      shortUsd: snapshot.totals.shortUsd,
      traders: snapshot.totals.traders ?? null,
    },
    assets: (snapshot.assets ?? []).map((a) => ({
      symbol: a.symbol,
      longUsd: a.longUsd,
      shortUsd: a.shortUsd,
      priceOpen: a.price?.open ?? null,
      priceClose: a.price?.close ?? null,
    })),
    venues: (snapshot.exchanges ?? []).map((e) => ({ name: e.name, longUsd: e.longUsd, shortUsd: e.shortUsd })),
    sentiment: { index: sentiment?.index ?? null, label: sentiment?.label ?? null },
    openInterestChangePct: snapshot.market?.openInterestChangePct ?? null,
    fundingRatePct: snapshot.market?.fundingRatePct ?? null,
    coverage: snapshot.coverage === 'partial' ? 'partial' : 'complete',
    style: options.style ?? null,
    slug: options.slug ?? null,
    url: options.url ?? null,
    choices: { ...(options.choices ?? {}) },
    source: { kind: options.source?.kind ?? 'render', ref: options.source?.ref ?? null },
  };
}

/**
 * The id render gives a snapshot without one (src/facts/derive.ts): the
 * window end's date and a hash of the whole snapshot. Kept identical so that
 * an imported snapshot and its rendered article are one story.
 */
export function derivedStoryId(snapshot: Snapshot): string {
  const date = new Date(snapshot.window.end).toISOString().slice(0, 10).replace(/-/g, '');
  return `liq-${date}-${sha256(canonicalJson(snapshot)).slice(0, 8)}`;
}
