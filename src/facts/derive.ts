/**
 * Stage 2: a validated snapshot in, StoryFacts out. Pure and deterministic:
 * "now" is not needed here, and the reader's time zone and locale are inputs.
 * Every derivation is named in the `source` of its claims (see the sidecar).
 */
import type { Snapshot } from '../snapshot/schema.js';
import { Ledger } from './ledger.js';
import { deriveTables, lazyTables } from './table.js';
import { bodyValue, count, LazyFigure, LazyMoney, money, percent, plain, price as priceFigure, type Figure, type Money } from './format.js';
import { describeWindow } from './window.js';
import { KNOWN_NAMES } from './names.js';
import { chooseAngles } from './angle.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { displayValue, figuresIn } from '../check/figures.js';
import { DEFAULT_RULES, registerOf } from '../history/decide.js';
import type { AssetFacts, CatalystItem, Driver, ExchangeFacts, LevelFacts, PriceFacts, Side, SideFacts, StoryFacts, Tier } from './types.js';

export interface DeriveOptions {
  /** IANA zone for dates in the text; default "UTC". */
  timeZone?: string;
  /** Locale for dates in the text; default "en-US". */
  locale?: string;
}

/** Share of the total held by the dominant side for it to "dominate" (else the market was two-way). */
export const DOMINANT_SHARE = 0.6;
/** Share for "the vast majority". */
export const LOPSIDED_SHARE = 0.8;
/** Below this share of a coin's total, its larger side is only "narrowly" ahead: "split closely", never "mostly". */
export const EVEN_SPLIT_SHARE = 0.55;
/** A single order this large a share of the total makes it a whale story. */
export const WHALE_SHARE = 0.1;

const TIERS: [number, Tier][] = [
  [5e9, 'extreme'],
  [1e9, 'massive'],
  [5e8, 'large'],
  [1e8, 'moderate'],
  [0, 'small'],
];

export function deriveFacts(snap: Snapshot, opts: DeriveOptions = {}): StoryFacts {
  const ledger = new Ledger();
  const zone = opts.timeZone ?? 'UTC';
  const locale = opts.locale ?? 'en-US';
  const partial = snap.coverage === 'partial';
  const total = snap.totals.usd;
  const m = (v: number, source: string, lowerBound = partial): Money => money(ledger, v, { source, lowerBound });
  const pct = (part: number, whole: number): number => (whole > 0 ? (part / whole) * 100 : 0);
  const share = (part: number, whole: number, source: string): Figure => percent(ledger, pct(part, whole), source);
  // The same two for the coins and venues past the tenth: formatted, and their claims made, when read.
  const later: Later = {
    m: (v, source) => new LazyMoney(ledger, v, { source, lowerBound: partial }),
    share: (part, whole, source) => new LazyFigure(percent, ledger, pct(part, whole), source),
  };

  registerVerbatim(snap, ledger);
  const window = describeWindow(ledger, snap.window.start, snap.window.end, zone, locale);
  const sideFacts = (side: Side): SideFacts => {
    const key = side === 'long' ? 'longUsd' : 'shortUsd';
    const v = snap.totals[key];
    return { side, usd: m(v, `totals.${key}`), share: share(v, total, `derive: totals.${key} / totals.usd`) };
  };
  const long = sideFacts('long');
  const short = sideFacts('short');
  const longShare = total > 0 ? snap.totals.longUsd / total : 0.5;
  const shortShare = total > 0 ? snap.totals.shortUsd / total : 0.5;
  const dominant = longShare >= DOMINANT_SHARE ? long : shortShare >= DOMINANT_SHARE ? short : null;
  const minority = dominant === null ? null : dominant.side === 'long' ? short : long;

  const assets = deriveAssets(snap, ledger, m, share, later);
  const bitcoin = assets.find((a) => a.symbol === 'BTC') ?? null;
  const ether = assets.find((a) => a.symbol === 'ETH') ?? null;
  const topAssets = assets.slice(0, 3);
  const listed = topAssets.reduce((s, a) => s + toCents(a.total.value), 0);
  const rest = (toCents(total) - listed) / 100;
  // Whether the coins past the top two carry a real share of the total (10 % or more): only then may an article say leverage ran "well down the table".
  const pastTopTwo = toCents(total) - assets.slice(0, 2).reduce((t, a) => t + toCents(a.total.value), 0);
  const wideTail = assets.length > 2 && pastTopTwo >= toCents(total) * 0.1;
  const others =
    assets.length > 0 && rest > total * 0.01
      ? { usd: m(rest, 'derive: totals.usd - sum of the leading assets'), count: assets.length > topAssets.length ? countWords(ledger, assets.length - topAssets.length, 'derive: number of assets not listed') : null }
      : null;

  const exchanges = deriveExchanges(snap, m, share, later);
  // A largest order of $0 tells of no order: it is left out, never "a $0 short position topped the list".
  const largestOrder = snap.largestOrder && snap.largestOrder.usd > 0
    ? {
        exchange: venueName(snap.largestOrder.exchange),
        symbol: snap.largestOrder.symbol,
        assetName: snap.largestOrder.asset ? nameOf(snap, snap.largestOrder.asset) : null,
        side: snap.largestOrder.side,
        // One order's exact amount, but rounded down beside totals that are lower bounds, so it never reads larger than them.
        usd: money(ledger, snap.largestOrder.usd, { source: 'largestOrder.usd', roundDown: partial }),
        share: share(snap.largestOrder.usd, total, 'derive: largestOrder.usd / totals.usd'),
        isWhale: total > 0 && snap.largestOrder.usd / total >= WHALE_SHARE,
      }
    : null;

  // The size words follow the pace: a day's worth at this window's rate (an hour at least, so a one-minute burst is not "extreme").
  const hoursForPace = Math.max(1, window.hours);
  const dayPace = (total / hoursForPace) * 24;
  const tier = TIERS.find(([min]) => dayPace >= min)![1];
  const levels = deriveLevels(snap, ledger, assets);
  const recordIn = comparableRecord(snap);
  const catalystItems = deriveCatalysts(snap, levels);
  const record = recordIn
    ? {
        usd: m(recordIn.usd, 'context.record.usd', false),
        date: plainDate(ledger, recordIn.date),
        share: share(total, recordIn.usd, 'derive: totals.usd / context.record.usd'),
        beaten: total > recordIn.usd,
      }
    : null;

  const sentimentIn = snap.market?.sentiment;
  const sentimentIndex = sentimentIn?.index;
  const sentimentLabel = sentimentIn?.label ?? (sentimentIndex !== undefined ? labelFor(sentimentIndex) : undefined);
  const oi = snap.market?.openInterestChangePct;
  const funding = snap.market?.fundingRatePct;
  const priceLead = (bitcoin?.price ? bitcoin : assets.find((a) => a.price !== null)) ?? null;
  // The coin that set the record: the price lead when it did, else the most-liquidated coin that did.
  const recordSetter = priceLead?.price?.newAllTimeHigh ? priceLead : (assets.find((a) => a.price?.newAllTimeHigh === true) ?? null);

  const angles = chooseAngles({
    newAllTimeHigh: recordSetter !== null,
    whale: largestOrder?.isWhale === true,
    dominant: dominant?.side ?? null,
    leaderIsBitcoin: assets[0] === undefined || assets[0].isBitcoin,
    priceDirection: priceLead?.price?.direction ?? null,
  });

  const tags = [...new Set((snap.context?.tags ?? []).map((t) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')).filter((t) => t.length > 0))];
  const traders = snap.totals.traders;
  const facts: StoryFacts = {
    id: snap.id ?? deriveId(snap),
    coverage: partial ? 'partial' : 'complete',
    partial,
    window,
    source: snap.source ? { name: snap.source.name, url: snap.source.url ?? null } : null,
    total: m(total, 'totals.usd'),
    long,
    short,
    dominant,
    minority,
    lopsided: Math.max(longShare, shortShare) >= LOPSIDED_SHARE,
    sidesAddUp: false, // from the printed figures, below
    // "Per hour" only means something for windows longer than an hour, and for a pace of a cent or more ("$0 an hour" says nothing).
    hourly: window.hours > 1 && total / window.hours >= 0.01 ? m(total / window.hours, 'derive: totals.usd / window length in hours') : null,
    // "At least 1 trader" under partial coverage tells a reader nothing the total does not: it is left out.
    traders: traders !== undefined && traders > 0 && !(partial && traders === 1) ? count(ledger, traders, 'totals.traders', partial) : null,
    tier,
    big: dayPace >= 5e8,
    huge: dayPace >= 1e9,
    cascadeSized: tier !== 'small' && traders !== 1,
    register: registerOf(null, null, null, false, total / hoursForPace, DEFAULT_RULES),
    assets,
    topAssets,
    wideTail,
    leader: assets[0] ?? null,
    leaderAhead: assets[0] !== undefined && (assets[1] === undefined || assets[0].total.value > assets[1].total.value),
    runnerUp: assets[1] ?? null,
    others,
    bitcoin,
    ether,
    priceLead,
    recordSetter,
    exchanges,
    exchangeNames: exchanges.length > 0 ? listWords(exchanges.slice(0, 3).map((e) => e.name)) : null,
    largestOrder,
    sentiment:
      sentimentLabel !== undefined
        ? {
            index: sentimentIndex !== undefined ? plain(ledger, sentimentIndex, 'market.sentiment.index') : null,
            label: sentimentLabel,
            fearful: sentimentLabel.endsWith('Fear'),
            greedy: sentimentLabel.endsWith('Greed'),
          }
        : null,
    openInterest: oi !== undefined ? openInterestFacts(ledger, oi) : null,
    funding: funding !== undefined ? { rate: percent(ledger, funding, 'market.fundingRatePct', 3, 'change'), sign: funding > 0 ? 'positive' : funding < 0 ? 'negative' : 'zero' } : null,
    levels,
    keyLevel: levels.find((l) => l.status !== null) ?? levels[0] ?? null,
    // Templates end the sentence themselves, so a catalyst's own final full stop goes.
    catalysts: catalystItems.map((c) => c.text),
    catalystItems,
    // News only when the editor said so: a plain string has no kind, and "Bitcoin was rejected near its high" is
    // not news. Technical, on-chain and unnamed items get the neutral wording.
    catalystsAllNews: catalystItems.length > 0 && catalystItems.every((c) => c.kind !== null && NEWS_KINDS.has(c.kind)),
    drivers: [],
    record,
    related: (snap.context?.related ?? []).map((r) => ({ title: r.title, url: safeUrl(r.url) })),
    hashtags: hashtags(assets, snap.context?.tags ?? []),
    cashtags: firstWithLetter(assets, 3).map((a) => `$${a.symbol}`),
    tags,
    angle: angles[0]!,
    angles,
    // Comparisons with earlier windows: only generate() has a history to ask (src/facts/history.ts).
    history: null,
    tables: { assets: null, venues: null, claims: [] },
    series: [],
    claims: [],
  };
  facts.drivers = deriveDrivers(facts);
  // The tables' own figures (rest of the market, venue sides) have a ledger of their own (facts/table.ts), so when the
  // tables are built changes nothing else: only when first read (an article that prints none and writes no sidecar never pays).
  facts.tables = lazyTables(() => deriveTables({ snap, assets, exchanges, total: facts.total, long: long.usd, short: short.usd }));
  // Claims are read last, once every figure above has been formatted.
  facts.sidesAddUp = sidesAddUp(facts.total.text, long.usd.text, short.usd.text);
  facts.claims = ledger.list();
  return facts;
}

/**
 * What drove the move, at most four: the editor's catalysts (up to two), then
 * what the data shows — one-sided positioning, open interest falling (a
 * leverage flush), sentiment at an extreme or on the fearful/greedy side,
 * a named level the price broke or tested, and funding when it leans.
 */
function deriveDrivers(f: StoryFacts): Driver[] {
  const out: Driver[] = f.catalystItems.slice(0, 2).map((c) => ({ kind: 'catalyst' as const, text: c.text, about: c.kind }));
  if (f.dominant) out.push({ kind: 'positioning' });
  if (f.openInterest?.direction === 'down') out.push({ kind: 'leverage' });
  if (f.sentiment && (f.sentiment.fearful || f.sentiment.greedy)) out.push({ kind: 'sentiment' });
  if (f.keyLevel?.status) out.push({ kind: 'level' });
  if (f.funding && f.funding.sign !== 'zero') out.push({ kind: 'funding' });
  return out.slice(0, 4);
}

/** The display unit of a body money figure: 3 significant figures, cents below $100 (format.ts). */
function displayUnit(value: number): number {
  return value < 100 ? 0.01 : 10 ** (Math.floor(Math.log10(value)) - 2);
}

/** Whether two printed parts add to the printed total at the total's precision: what a reader adding them sees. */
export function sidesAddUp(total: string, long: string, short: string): boolean {
  return amountsAddUp(displayValue(total), displayValue(long), displayValue(short));
}

/** The same from the displayed amounts (format.ts bodyValue), for a coin whose figures are not formatted. */
export function amountsAddUp(t: number, long: number, short: number): boolean {
  if (!(t > 0)) return true;
  return Math.abs(long + short - t) <= displayUnit(t) / 2 + t * 1e-9;
}

function openInterestFacts(ledger: Ledger, oi: number): NonNullable<StoryFacts['openInterest']> {
  const change = percent(ledger, oi, 'market.openInterestChangePct', 1, 'change');
  const direction = Number(Math.abs(oi).toFixed(1)) === 0 ? 'flat' : dir(oi);
  return { change, direction, verb: direction === 'up' ? 'rose' : direction === 'down' ? 'fell' : 'held steady' };
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A small count reads as a word in prose ("two other coins"); larger ones as digits. */
function countWords(ledger: Ledger, n: number, source: string): Figure {
  return SMALL[n] !== undefined ? { value: n, text: SMALL[n]! } : plain(ledger, n, source);
}

/** Headlines stay short: a long display name gives way to the ticker. */
function shortLabel(name: string, symbol: string): string {
  return name.length <= 16 ? name : readsAsFigure(symbol) ? `${symbol} token` : symbol;
}

/**
 * Snapshot text (names, catalysts, titles) is quoted as written, and may hold
 * numbers of its own ("a 25 bps cut"). Those numbers are the editor's, not
 * ours: each is registered as a verbatim claim naming its path.
 */
function registerVerbatim(snap: Snapshot, ledger: Ledger): void {
  // Numbers and the like hold no text: only strings and containers are visited.
  const holdsText = (v: unknown): boolean => typeof v === 'string' || (v !== null && typeof v === 'object');
  // The path is kept as its parts and written out only for a string that holds a figure (few do), not for every field.
  const parts: (string | number)[] = [];
  const pathText = (): string => {
    let path = '';
    for (const p of parts) path = typeof p === 'number' ? `${path}[${p}]` : path ? `${path}.${p}` : p;
    return path;
  };
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!/\d/.test(v)) return;
      const found = figuresIn(v);
      if (found.length === 0) return;
      const source = `verbatim: ${pathText()}`;
      for (const { figure } of found) ledger.add({ display: figure, value: displayValue(figure), source, hedge: 'exact', rounding: 'as written' });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!holdsText(v[i])) continue;
        parts.push(i);
        visit(v[i]);
        parts.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (!holdsText(x)) continue;
        parts.push(k);
        visit(x);
        parts.pop();
      }
    }
  };
  // Everything but the window, the version and the totals (no text of the editor's in those).
  for (const k in snap) {
    if (k === 'window' || k === 'schemaVersion' || k === 'totals') continue;
    const x = (snap as Record<string, unknown>)[k];
    if (!holdsText(x)) continue;
    parts.push(k);
    visit(x);
    parts.pop();
  }
}

/**
 * Whole cents. Sums and differences of amounts are taken in cents: in binary
 * floating point $4.07 less nothing can come out as 4.069999…, which a
 * lower bound would then print as "at least $4.06" (or, rounded the other
 * way, claim more than it has). Amounts up to $10 trillion are exact in cents.
 */
const toCents = (usd: number): number => Math.round(usd * 100);

/**
 * The snapshot's record when it can be compared with this window: one of the
 * same length (`windowHours`, by default a 24-hour day), and more than $0 (a
 * record of $0 is no record, and "the previous record of $0" tells a reader
 * nothing). A seven-day total set against a one-day record would call an
 * ordinary week a record, so such a record is left out.
 */
function comparableRecord(snap: Snapshot): NonNullable<NonNullable<Snapshot['context']>['record']> | undefined {
  const r = snap.context?.record;
  if (!r || r.usd <= 0) return undefined;
  const minutes = Math.round((Date.parse(snap.window.end) - Date.parse(snap.window.start)) / 60_000);
  return minutes === (r.windowHours ?? 24) * 60 ? r : undefined;
}

/** Catalyst kinds that are events reported as news; technical, on-chain and other are not. */
const NEWS_KINDS: ReadonlySet<string> = new Set(['macro', 'regulatory', 'flows', 'exchange']);

/**
 * The editor's catalysts as items with their kind (a plain string has none),
 * each without its final full stop (templates end the sentence). A catalyst
 * that states a price one of the levels states ("rejected below the $93,900
 * high" beside a $93,900 resistance) is told once, by the level, and left out here.
 */
function deriveCatalysts(snap: Snapshot, levels: LevelFacts[]): CatalystItem[] {
  const levelFigures = new Set(levels.flatMap((l) => [l.low.text, l.high?.text].filter((t): t is string => t !== undefined).map((t) => t.toLowerCase())));
  const out: CatalystItem[] = [];
  for (const c of snap.context?.catalysts ?? []) {
    const raw = typeof c === 'string' ? c : c.text;
    const kind = typeof c === 'string' ? null : (c.kind ?? null);
    const text = raw.trim().replace(/(?<![A-Z])[.!?]+$/, '');
    if (levelFigures.size > 0 && figuresIn(text).some((f) => levelFigures.has(f.key))) continue;
    // "again": a second item of a kind the editor named; two plain strings are not "the same front".
    out.push({ text, kind, technical: kind === 'technical', again: kind !== null && out.some((o) => o.kind === kind) });
  }
  return out;
}

type MoneyFn = (v: number, source: string, lowerBound?: boolean) => Money;
type ShareFn = (part: number, whole: number, source: string) => Figure;
/** Money and shares made on first read (format.ts LazyMoney, LazyFigure). */
interface Later {
  m: (v: number, source: string) => Money;
  share: ShareFn;
}

function nameOf(snap: Snapshot, symbol: string): string {
  return coinName(snap.assets?.find((a) => a.symbol === symbol)?.name, symbol);
}

/** A coin's name as written, its fallback when none is given, and "5B token" for a given name that is only a figure. */
function coinName(given: string | undefined, symbol: string): string {
  if (given === undefined) return fallbackName(symbol);
  return readsAsFigure(given) ? `${given.trim()} token` : given;
}

/**
 * The name of a coin the snapshot does not name: a known one's, else its
 * ticker, except a ticker that reads as a figure ("0", "5B", "100"): "0
 * traders" or "5B liquidated" would state an amount nobody counted, so such a
 * coin is "the 5B token".
 */
function fallbackName(symbol: string): string {
  return KNOWN.get(symbol) ?? (readsAsFigure(symbol) ? `${symbol} token` : symbol);
}
/** The table as a Map: most tickers of a wide snapshot are not in it, and a miss on a Map is cheap. */
const KNOWN = new Map(Object.entries(KNOWN_NAMES));

/** A name that is only a figure ("0", "5B", "100", "2.5"): in a sentence it would read as an amount. */
const readsAsFigure = (name: string): boolean => {
  // A name that begins with a letter cannot be one (trimming never removes a letter): no pattern, no trimmed copy.
  const c = name.charCodeAt(0) | 32;
  if (c >= 97 && c <= 122) return false;
  return /^\$?\d+(?:[.,]\d+)?\s*[KMBT%]?$/i.test(name.trim());
};

/** A venue's name as written, except one that reads as a figure: "No exchange saw more than 0" would say nothing was liquidated, so it is "the 0 exchange". */
const venueName = (name: string): string => (readsAsFigure(name) ? `${name.trim()} exchange` : name);

/**
 * Coins and venues past this rank get their figures formatted only when read (format.ts LazyMoney): no
 * template names a coin past the third, and the table (facts/table.ts MAX_ROWS) and the chart stop at the tenth.
 */
const EAGER_ITEMS = 10;

/** Assets ranked by total liquidations (ties by symbol), coins with nothing liquidated left out. */
function deriveAssets(snap: Snapshot, ledger: Ledger, m: MoneyFn, share: ShareFn, later: Later): AssetFacts[] {
  const total = snap.totals.usd;
  const partial = snap.coverage === 'partial';
  const indexed = (snap.assets ?? []).map((a, i) => ({ a, i, t: (toCents(a.longUsd) + toCents(a.shortUsd)) / 100 }));
  indexed.sort((x, y) => y.t - x.t || (x.a.symbol < y.a.symbol ? -1 : 1));
  return indexed
    .filter((x) => x.t > 0)
    .map(({ a, i, t }, rank) => {
      const p = `assets[${i}]`;
      const eager = rank < EAGER_ITEMS;
      const mm = eager ? m : later.m;
      const dominantSide: Side = a.longUsd >= a.shortUsd ? 'long' : 'short';
      const longM = a.longUsd > 0 ? mm(a.longUsd, `${p}.longUsd`) : null;
      const shortM = a.shortUsd > 0 ? mm(a.shortUsd, `${p}.shortUsd`) : null;
      const totalM = mm(t, `derive: ${p}.longUsd + ${p}.shortUsd`);
      const shareSource = `derive: (${p}.longUsd + ${p}.shortUsd) / totals.usd`;
      const name = coinName(a.name, a.symbol);
      const coin: AssetFacts = {
        symbol: a.symbol,
        name,
        label: shortLabel(name, a.symbol),
        rank: rank + 1,
        isBitcoin: a.symbol === 'BTC',
        total: totalM,
        share: (eager ? share : later.share)(t, total, shareSource),
        long: longM,
        short: shortM,
        dominantSide,
        dominant: (dominantSide === 'long' ? longM : shortM)!,
        evenSplit: a.longUsd > 0 && a.shortUsd > 0 && Math.max(a.longUsd, a.shortUsd) < t * EVEN_SPLIT_SHARE,
        sidesAddUp: true,
        price: derivePrice(a.price, ledger, `${p}.price`, eager),
      };
      // From the printed figures, as the story's own sidesAddUp; for a coin past the tenth (whose figures are formatted
      // only when read), from the amounts those figures would display: the same answer, with no text made.
      if (eager) coin.sidesAddUp = !longM || !shortM || sidesAddUp(totalM.text, longM.text, shortM.text);
      else coin.sidesAddUp = !longM || !shortM || amountsAddUp(bodyValue(t, partial), bodyValue(a.longUsd, partial), bodyValue(a.shortUsd, partial));
      return coin;
    });
}

function derivePrice(p: NonNullable<Snapshot['assets']>[number]['price'], ledger: Ledger, path: string, eager = true): PriceFacts | null {
  if (!p || p.open === undefined || p.close === undefined) return null;
  const changePct = ((p.close - p.open) / p.open) * 100;
  const changeSource = `derive: (${path}.close - ${path}.open) / ${path}.open`;
  const change = eager ? percent(ledger, changePct, changeSource, 1, 'change') : new LazyFigure(percent, ledger, changePct, changeSource, 1, 'change');
  const priceOf = (v: number, source: string): Figure => (eager ? priceFigure(ledger, v, source) : new LazyFigure(priceFigure, ledger, v, source));
  // A move that rounds to 0.0% is flat: the text must not say "rose" next to a figure it cannot show.
  const direction = Number(Math.abs(changePct).toFixed(1)) === 0 ? 'flat' : dir(changePct);
  const prev = p.previousAllTimeHigh;
  return {
    open: priceOf(p.open, `${path}.open`),
    close: priceOf(p.close, `${path}.close`),
    high: p.high !== undefined ? priceOf(p.high, `${path}.high`) : null,
    low: p.low !== undefined ? priceOf(p.low, `${path}.low`) : null,
    change,
    direction,
    verb: direction === 'up' ? 'rose' : direction === 'down' ? 'fell' : 'held steady',
    previousAllTimeHigh: prev !== undefined ? priceOf(prev, `${path}.previousAllTimeHigh`) : null,
    newAllTimeHigh: prev !== undefined && p.close > prev,
  };
}

function deriveExchanges(snap: Snapshot, m: MoneyFn, share: ShareFn, later: Later): ExchangeFacts[] {
  const total = snap.totals.usd;
  const indexed = (snap.exchanges ?? []).map((e, i) => ({ e, i, t: (toCents(e.longUsd) + toCents(e.shortUsd)) / 100 }));
  indexed.sort((x, y) => y.t - x.t || (x.e.name < y.e.name ? -1 : 1));
  return indexed
    .filter((x) => x.t > 0)
    .map(({ e, i, t }, rank) => {
      const eager = rank < EAGER_ITEMS;
      const source = `derive: exchanges[${i}].longUsd + exchanges[${i}].shortUsd`;
      const shareSource = `derive: (exchanges[${i}].longUsd + exchanges[${i}].shortUsd) / totals.usd`;
      return {
        name: venueName(e.name),
        rank: rank + 1,
        total: (eager ? m : later.m)(t, source),
        share: (eager ? share : later.share)(t, total, shareSource),
        dominantSide: e.longUsd >= e.shortUsd ? ('long' as const) : ('short' as const),
      };
    });
}

function deriveLevels(snap: Snapshot, ledger: Ledger, assets: AssetFacts[]): LevelFacts[] {
  return (snap.levels ?? []).map((l, i) => {
    const p = `levels[${i}]`;
    const low = priceFigure(ledger, l.low, `${p}.low`);
    const high = l.high !== undefined && l.high !== l.low ? priceFigure(ledger, l.high, `${p}.high`) : null;
    const asset = assets.find((a) => a.symbol === l.asset);
    return {
      asset: l.asset,
      assetName: asset?.name ?? nameOf(snap, l.asset),
      kind: l.kind,
      isZone: high !== null,
      low,
      high,
      text: high ? `${low.text}–${high.text}` : low.text,
      status: levelStatus(l, asset?.price ?? null),
    };
  });
}

/**
 * Where the window's prices left a level. Support: closed below it = broken;
 * traded into it and closed above = held. Resistance: closed above = broken;
 * traded into it and closed below = rejected. Untouched or no prices = null.
 */
function levelStatus(l: { kind: 'support' | 'resistance'; low: number; high?: number | undefined }, p: PriceFacts | null): LevelFacts['status'] {
  if (!p) return null;
  const top = l.high ?? l.low;
  const close = p.close.value;
  if (l.kind === 'support') {
    if (close < l.low) return 'broken';
    const low = p.low?.value ?? Math.min(p.open.value, close);
    return low <= top ? 'held' : null;
  }
  if (close > top) return 'broken';
  const high = p.high?.value ?? Math.max(p.open.value, close);
  return high >= l.low ? 'rejected' : null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function plainDate(ledger: Ledger, iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const text = `${MONTHS[mo - 1]} ${d}, ${y}`;
  ledger.add({ display: text, value: y * 10000 + mo * 100 + d, source: 'context.record.date', hedge: 'exact', rounding: 'calendar date' });
  return text;
}

/** The Fear & Greed bands used by alternative.me. */
export function labelFor(index: number): string {
  if (index <= 24) return 'Extreme Fear';
  if (index <= 44) return 'Fear';
  if (index <= 55) return 'Neutral';
  if (index <= 74) return 'Greed';
  return 'Extreme Greed';
}

const dir = (n: number): 'up' | 'down' | 'flat' => (n > 0 ? 'up' : n < 0 ? 'down' : 'flat');

/** "Binance, Bybit and OKX". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A related-link URL made safe for a Markdown link destination (the schema already allows only http(s)). */
function safeUrl(url: string): string {
  return new URL(url).href.replace(/[()<>\s"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const startsWithLetter = (a: { symbol: string }): boolean => /^[A-Z]/.test(a.symbol);

/** Words a tag may hold that are written in capitals: #ETF, #CPI, #FOMC, never #Etf. */
const ACRONYMS = new Set(['etf', 'etfs', 'cpi', 'ppi', 'fomc', 'fed', 'sec', 'cftc', 'gdp', 'btc', 'eth', 'sol', 'xrp', 'nft', 'nfts', 'otc', 'usd', 'usdt', 'usdc', 'ath', 'oi', 'dex', 'cex', 'eu', 'us', 'uk']);

/** The first `n` coins whose ticker starts with a letter (a wide snapshot's list is not filtered whole for two or three). */
function firstWithLetter(assets: readonly AssetFacts[], n: number): AssetFacts[] {
  const out: AssetFacts[] = [];
  for (const a of assets) {
    if (out.length === n) break;
    if (startsWithLetter(a)) out.push(a);
  }
  return out;
}

/** "#CryptoLiquidations #BTC #ETH #Bitcoin #Derivatives": tags in CamelCase, as social feeds write them. */
function hashtags(assets: AssetFacts[], tags: string[]): string[] {
  const out = ['#CryptoLiquidations'];
  // A hashtag or cashtag is a word: a ticker that starts with a digit ("5B", "100") would read as a figure, and feeds do not link it.
  for (const a of firstWithLetter(assets, 2)) out.push(`#${a.symbol}`);
  for (const t of tags) {
    // Each word capitalised and the rest kept as written ("ETF" stays #ETF); an acronym written in lower case is put back in capitals ("etf" is #ETF, never #Etf).
    const camel = t
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w.length > 0)
      .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
      .join('');
    if (/^[A-Za-z]/.test(camel)) out.push(`#${camel}`);
  }
  const seen = new Set<string>();
  return out.filter((h) => !seen.has(h.toLowerCase()) && seen.add(h.toLowerCase())).slice(0, 6);
}

/** The id when the snapshot has none: the window end's UTC date and a hash of the content. */
function deriveId(snap: Snapshot): string {
  const date = new Date(snap.window.end).toISOString().slice(0, 10).replace(/-/g, '');
  return `liq-${date}-${sha256(canonicalJson(snap)).slice(0, 8)}`;
}
