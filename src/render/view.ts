/**
 * The view a template sees: the facts with every string that came from the
 * snapshot passed through one escaping function. Listing those fields here,
 * in one place, is what keeps snapshot text from becoming markup.
 */
import type { StoryFacts } from '../facts/types.js';
import { listWords } from '../facts/derive.js';
import { itemLabel, lazyTables, type FactTable } from '../facts/table.js';
import type { SectionRequest, Sections } from '../plan/sections.js';
import { chartData } from '../chart/data.js';
import { chartAlt } from '../chart/alt.js';

export type View = Omit<StoryFacts, 'claims'> & {
  /** Which optional sections to print (plan/sections.ts); null: the style's default. */
  show: Sections | SectionRequest;
  /** The chart's alt text (names escaped), or null when there is nothing to chart (partials/chart.hbs). */
  chart: { alt: string } | null;
};

/** A table with its labels escaped like every other snapshot string (the figures are ours). */
const escTable = (t: FactTable | null, esc: (s: string) => string): FactTable | null =>
  t && {
    ...t,
    rows: t.rows.map((r) => {
      if (r.name === null) return r;
      const name = esc(r.name);
      const symbol = r.symbol === null ? null : esc(r.symbol);
      return { ...r, name, symbol, label: itemLabel(name, symbol) };
    }),
  };

export function viewOf(f: StoryFacts, esc: (s: string) => string, show: Sections | SectionRequest = { tldr: null, table: null, chart: null, faq: null }): View {
  const { claims: _claims, ...rest } = f;
  // Most names need no escaping: the object is then shared, not copied (two views per article).
  const asset = <T extends { name: string; label: string }>(a: T): T => {
    const name = esc(a.name);
    const label = esc(a.label);
    return name === a.name && label === a.label ? a : { ...a, name, label };
  };
  const assets = f.assets.map(asset);
  // A coin's rank is its place in the list (from 1): the view's copy of a coin of the facts, found without a map of a wide snapshot's hundreds.
  const same = (a: { rank: number } | null) => (a ? assets[a.rank - 1]! : null);
  const exchanges = f.exchanges.map((e) => {
    const name = esc(e.name);
    return name === e.name ? e : { ...e, name };
  });
  return {
    ...rest,
    source: f.source ? { name: esc(f.source.name), url: f.source.url } : null,
    assets,
    topAssets: f.topAssets.map((a) => same(a)!),
    leader: same(f.leader),
    runnerUp: same(f.runnerUp),
    bitcoin: same(f.bitcoin),
    ether: same(f.ether),
    priceLead: same(f.priceLead),
    recordSetter: same(f.recordSetter),
    exchanges,
    exchangeNames: exchanges.length > 0 ? listWords(exchanges.slice(0, 3).map((e) => e.name)) : null,
    largestOrder: f.largestOrder
      ? { ...f.largestOrder, exchange: esc(f.largestOrder.exchange), symbol: esc(f.largestOrder.symbol), assetName: f.largestOrder.assetName === null ? null : esc(f.largestOrder.assetName) }
      : null,
    levels: f.levels.map((l) => ({ ...l, assetName: esc(l.assetName) })),
    keyLevel: f.keyLevel ? { ...f.keyLevel, assetName: esc(f.keyLevel.assetName) } : null,
    catalysts: f.catalysts.map(esc),
    catalystItems: f.catalystItems.map((c) => ({ ...c, text: esc(c.text) })),
    drivers: f.drivers.map((d) => (d.kind === 'catalyst' ? { ...d, text: esc(d.text) } : d)),
    related: f.related.map((r) => ({ title: esc(r.title), url: r.url })),
    // Escaped when a template first reads them: the facts make them lazily too.
    tables: lazyTables(() => ({ assets: escTable(f.tables.assets, esc), venues: escTable(f.tables.venues, esc), claims: f.tables.claims })),
    show,
    chart: chartView(f, esc, show),
  };
}

/** Only an article that carries the chart pays for its alt text. */
function chartView(f: StoryFacts, esc: (s: string) => string, show: Sections | SectionRequest): View['chart'] {
  if (!show.chart) return null;
  const d = chartData(f);
  return d && { alt: chartAlt(d, esc) };
}
