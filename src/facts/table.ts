/**
 * The "By the numbers" tables (issue 11 item 1), as data: one row per coin
 * (or venue), the rest of the market when the named rows do not cover the
 * total, and a total row that is the stated total. Every cell is the display
 * string of a claim in the ledger, formatted by format.ts exactly as the
 * prose formats it, so the claim check finds each one; the few figures only
 * the table states (the rest-of-market row, each venue's two sides, the
 * total row's 100%) are registered here.
 *
 * This is the one facts→rows function: the Markdown body (render/table.ts),
 * the page (marked, from that Markdown), the e-mail, the text part and the
 * sidecar all print these rows, never a copy of the logic.
 */
import { money, percent, type Figure, type Money } from './format.js';
import { Ledger, type Claim } from './ledger.js';
import type { AssetFacts, ExchangeFacts } from './types.js';
import type { Snapshot } from '../snapshot/schema.js';

export type ColumnKey = 'label' | 'long' | 'short' | 'total' | 'share' | 'change';

export interface TableColumn {
  key: ColumnKey;
  header: string;
  /** Figures are right-aligned. */
  numeric: boolean;
}

export interface TableRow {
  kind: 'item' | 'rest' | 'total';
  /** The coin or venue as the text names it (snapshot text: escaped per format by the printer). */
  label: string;
  /** The coin's or venue's name as the snapshot gives it, for an item row (the label is built from it). */
  name: string | null;
  /** The ticker, for a coin row: printers that want the short form. */
  symbol: string | null;
  /** Display strings, "–" for a side with nothing liquidated, "" for a cell with no figure (the total row's price change). */
  cells: Partial<Record<Exclude<ColumnKey, 'label'>, string>>;
  /** The amounts behind the long and short cells, in USD (the chart's bar lengths: src/chart/). */
  usd: { long: number; short: number };
}

export interface FactTable {
  title: string;
  /** The columns shown: a column with no figure in any row is left out whole. */
  columns: TableColumn[];
  rows: TableRow[];
  /** Partial coverage: every amount is a lower bound (said once, in a note, not "at least" in every cell). */
  lowerBound: boolean;
  /** The displayed rows do not add up to the displayed total in some column (rounding): a note says so. */
  rounded: boolean;
  /** Sentences printed under the table, in order (no figures in them). */
  notes: string[];
}

export interface Tables {
  assets: FactTable | null;
  venues: FactTable | null;
  /**
   * The claims of the figures only the tables state (rest of the market, venue sides, 100%). They are kept
   * apart from the story's ledger and join the claim check only for an article whose body has the table,
   * so an article without it lists no claim it does not print (the sidecar's `claims`).
   */
  claims: Claim[];
}

/** A side with nothing liquidated: a dash, never "$0" (the text states no $0 amount). */
export const NONE = '–';
/** At most this many named coins or venues; the rest join the rest-of-market row. */
export const MAX_ROWS = 10;

export const ASSET_TABLE_TITLE = 'By the numbers';
export const VENUE_TABLE_TITLE = 'By exchange';
export const LOWER_BOUND_NOTE = 'The data covers only part of the market, so every amount is a lower bound: at least the figure shown.';
export const ROUNDED_NOTE = 'Amounts are rounded to three significant figures and shares to whole percents, so the rows may not add up exactly to the total.';
/** Every note a table may carry (mail recognises them under the body's table). */
export const TABLE_NOTES: readonly string[] = [LOWER_BOUND_NOTE, ROUNDED_NOTE];

const COLUMNS: Record<ColumnKey, (kind: 'coin' | 'venue') => TableColumn> = {
  label: (kind) => ({ key: 'label', header: kind === 'coin' ? 'Coin' : 'Exchange', numeric: false }),
  long: () => ({ key: 'long', header: 'Longs', numeric: true }),
  short: () => ({ key: 'short', header: 'Shorts', numeric: true }),
  total: () => ({ key: 'total', header: 'Total', numeric: true }),
  share: () => ({ key: 'share', header: 'Share', numeric: true }),
  change: () => ({ key: 'change', header: 'Price change', numeric: true }),
};

const cents = (usd: number): number => Math.round(usd * 100);
/** A money cell: the body display without "at least" (the note says it once), a dash for nothing. */
const cell = (m: Money | null): string => (m === null || m.value === 0 ? NONE : m.text.replace(/^at least /, ''));
/** A price change with its sign: "−4.5%", "+3.1%", "0.0%" (the claim holds the magnitude, which is what the check reads). */
const changeCell = (a: AssetFacts): string => {
  const p = a.price;
  if (!p) return NONE;
  return p.direction === 'up' ? `+${p.change.text}` : p.direction === 'down' ? `\u2212${p.change.text}` : p.change.text;
};

interface Item {
  name: string;
  symbol: string | null;
  long: Money | null;
  short: Money | null;
  total: Money;
  share: Figure;
  change: string;
  longUsd: number;
  shortUsd: number;
}

type Fmt = (v: number, source: string) => Money;

export interface TableInput {
  snap: Snapshot;
  assets: AssetFacts[];
  exchanges: ExchangeFacts[];
  total: Money;
  long: Money;
  short: Money;
}

/**
 * Tables made when one of their parts is first read (then kept). The parts
 * are getters, so the object serialises and spreads as plain values do, and
 * a copy of the facts (a template view) shares it without making it.
 */
export function lazyTables(make: () => Tables): Tables {
  let v: Tables | undefined;
  const made = (): Tables => (v ??= make());
  return {
    get assets() {
      return made().assets;
    },
    get venues() {
      return made().venues;
    },
    get claims() {
      return made().claims;
    },
  };
}

/** Both tables; each null when there are no rows to show (no coins or venues, or nothing liquidated). */
export function deriveTables(t: TableInput): Tables {
  const partial = t.snap.coverage === 'partial';
  const ledger = new Ledger();
  const m: Fmt = (v, source) => money(ledger, v, { source, lowerBound: partial });
  const byIndex = new Map((t.snap.assets ?? []).map((a) => [a.symbol, a]));
  // Only the first MAX_ROWS coins are named (build below); a wide snapshot lists hundreds.
  const coins: Item[] = t.assets.slice(0, MAX_ROWS).map((a) => {
    const raw = byIndex.get(a.symbol)!;
    return {
      name: a.name,
      symbol: a.symbol,
      long: a.long,
      short: a.short,
      total: a.total,
      share: a.share,
      change: changeCell(a),
      longUsd: raw.longUsd,
      shortUsd: raw.shortUsd,
    };
  });
  const at = venueIndex(t.snap.exchanges ?? []);
  // As the coins: only the venues the table names get their side figures (and claims).
  const venues: Item[] = t.exchanges.slice(0, MAX_ROWS).map((e) => {
    const i = at(e.name);
    const raw = t.snap.exchanges![i]!;
    return {
      name: e.name,
      symbol: null,
      long: raw.longUsd > 0 ? m(raw.longUsd, `exchanges[${i}].longUsd`) : null,
      short: raw.shortUsd > 0 ? m(raw.shortUsd, `exchanges[${i}].shortUsd`) : null,
      total: e.total,
      share: e.share,
      change: '',
      longUsd: raw.longUsd,
      shortUsd: raw.shortUsd,
    };
  });
  const assets = build('coin', coins, t, m, ledger, partial);
  const byVenue = build('venue', venues, t, m, ledger, partial);
  // The venue table follows the coin table: a note the coin table already carries is said once, for both.
  if (assets && byVenue) byVenue.notes = byVenue.notes.filter((n) => !assets.notes.includes(n));
  return { assets, venues: byVenue, claims: ledger.list() };
}

/**
 * A venue's place in the snapshot by its printed name, as `findIndex` would give it (the first
 * venue named so as written, or "<name> exchange" for one that reads as a figure): a name as
 * written from a map built once, instead of a scan of up to 200 venues for each venue; the rare
 * "<name> exchange" still scans.
 */
function venueIndex(raw: readonly { name: string }[]): (name: string) => number {
  const first = new Map<string, number>();
  for (let i = raw.length - 1; i >= 0; i--) first.set(raw[i]!.name, i);
  return (name) => (name.endsWith(' exchange') ? raw.findIndex((x) => x.name === name || `${x.name.trim()} exchange` === name) : (first.get(name) ?? -1));
}

function build(kind: 'coin' | 'venue', all: Item[], t: TableInput, m: Fmt, ledger: Ledger, partial: boolean): FactTable | null {
  if (all.length === 0 || t.total.value === 0) return null;
  const named = all.slice(0, MAX_ROWS);
  const what = kind === 'coin' ? 'assets' : 'exchanges';
  const rows: TableRow[] = named.map((x) => ({
    kind: 'item',
    label: itemLabel(x.name, x.symbol),
    name: x.name,
    symbol: x.symbol,
    cells: { long: cell(x.long), short: cell(x.short), total: cell(x.total), share: x.share.text, change: x.change },
    usd: { long: x.longUsd, short: x.shortUsd },
  }));
  // The rest of the market, in whole cents per column, so each column's rows come to its total.
  const snap = t.snap.totals;
  const restUsd = (cents(snap.usd) - named.reduce((s, x) => s + cents(x.total.value), 0)) / 100;
  const restLong = (cents(snap.longUsd) - named.reduce((s, x) => s + cents(x.longUsd), 0)) / 100;
  const restShort = (cents(snap.shortUsd) - named.reduce((s, x) => s + cents(x.shortUsd), 0)) / 100;
  if (restUsd > 0) {
    const src = `derive: totals.usd - sum of the ${what} in the table`;
    const share = percent(ledger, (restUsd / snap.usd) * 100, `derive: (totals.usd - sum of the ${what} in the table) / totals.usd`);
    rows.push({
      kind: 'rest',
      label: kind === 'coin' ? 'Other coins' : 'Other exchanges',
      name: null,
      symbol: null,
      cells: {
        long: restLong > 0 ? cell(m(restLong, `derive: totals.longUsd - sum of the ${what} in the table`)) : NONE,
        short: restShort > 0 ? cell(m(restShort, `derive: totals.shortUsd - sum of the ${what} in the table`)) : NONE,
        total: cell(m(restUsd, src)),
        share: share.text,
        change: NONE,
      },
      usd: { long: Math.max(0, restLong), short: Math.max(0, restShort) },
    });
  }
  const whole = percent(ledger, 100, 'derive: totals.usd / totals.usd');
  rows.push({
    kind: 'total',
    label: kind === 'coin' ? 'All coins' : 'All exchanges',
    name: null,
    symbol: null,
    cells: { long: cell(t.long), short: cell(t.short), total: cell(t.total), share: whole.text, change: NONE },
    usd: { long: snap.longUsd, short: snap.shortUsd },
  });
  // A column with no figure in any row is left out whole: no prices, or a side with nothing liquidated anywhere.
  const keys: ColumnKey[] = ['label', 'long', 'short', 'total', 'share', 'change'];
  const shown = keys.filter((k) => k === 'label' || rows.some((r) => { const v = r.cells[k as Exclude<ColumnKey, 'label'>]; return v !== undefined && v !== '' && v !== NONE; }));
  const columns = shown.map((k) => COLUMNS[k](kind));
  const rounded = !addsUp(rows, 'long') || !addsUp(rows, 'short') || !addsUp(rows, 'total') || !sharesAddUp(rows);
  const notes = [...(partial ? [LOWER_BOUND_NOTE] : []), ...(rounded ? [ROUNDED_NOTE] : [])];
  return { title: kind === 'coin' ? ASSET_TABLE_TITLE : VENUE_TABLE_TITLE, columns, rows, lowerBound: partial, rounded, notes };
}

/** "Bitcoin (BTC)", the ticker alone when the name is the ticker, a venue's name as it is. */
export const itemLabel = (name: string, symbol: string | null): string => (symbol === null || name === symbol ? name : `${name} (${symbol})`);

/** "$1.08 billion" → 1.08e9, "$19.60" → 19.6; a dash → 0. */
export function cellValue(s: string): number {
  const m = /\$([\d,]+(?:\.\d+)?)(?: (thousand|million|billion|trillion))?/.exec(s);
  if (!m) return 0;
  const scale = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }[m[2] as 'million'] ?? 1;
  return Number(m[1]!.replace(/,/g, '')) * scale;
}

/** The unit of the last digit a body money display shows: 3 significant figures, cents below $100 (format.ts). */
const unitOf = (v: number): number => (v < 100 ? 0.01 : 10 ** (Math.floor(Math.log10(v)) - 2));

/** Whether a reader adding the column's displayed rows gets the displayed total, at the total's precision. */
export function addsUp(rows: TableRow[], key: 'long' | 'short' | 'total'): boolean {
  const totalRow = rows.at(-1)!;
  const t = cellValue(totalRow.cells[key] ?? '');
  const sum = rows.slice(0, -1).reduce((s, r) => s + cellValue(r.cells[key] ?? ''), 0);
  return t === 0 ? sum === 0 : Math.abs(sum - t) <= unitOf(t) / 2 + t * 1e-9;
}

/** Whether the whole-percent shares come to 100 ("under 1%" counted as nothing, which a reader cannot add either). */
function sharesAddUp(rows: TableRow[]): boolean {
  const items = rows.slice(0, -1).map((r) => r.cells.share ?? '');
  if (items.some((s) => s.startsWith('under'))) return false;
  return items.reduce((s, x) => s + Number(x.replace('%', '')), 0) === 100;
}
