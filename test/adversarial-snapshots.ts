/**
 * Seeded random snapshots as wide as the contract allows, the unfriendly way:
 * strings that hold figures, Markdown, entities, abbreviations with full
 * stops and bare domains; tickers such as `0` and `5B`; windows from one
 * minute to thirty days, at any minute; amounts from zero cents to trillions
 * with cents; prices from a hundred-millionth of a dollar; zero traders, one
 * trader; a record of $0, a largest order of $0; a history block now and then.
 *
 * `randomSnapshots.ts` draws the shapes a newsroom sends every day; this one
 * draws what the contract lets through. Every draw is checked valid before
 * use (`test/property.test.ts`), so a render problem is never a generator's.
 */
import { prng } from './prng.js';

const TICKERS = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE', '0', '5B', '1INCH', '100', 'X', 'K', '1M', 'AAAAAAAAAAAAAAA', 'PEPE', 'HYPE', 'M', 'T', 'B2', 'SUI'];
/** Display names an exchange feed or an editor could write: trailing full stops, figures, Markdown, entities, domains. */
const NAMES = [
  'Bitcoin', 'Mt.', 'Mt. Gox', 'Co. Ltd.', '5B Coin', '2.5% Finance', '[Link](https://evil.example)', '&#8482; Token', 'A & B',
  '<b>bold</b>', '**Strong**', '_under_', '`code`', 'Déjà Vu', 'O\'Neil', 'Quote "this"', 'back\\slash', '#1st', '@2pac', 'EVIL.COM',
  'user@example.com', '$5 Coin', '1,000 Club', '...', 'Rocket 🚀', 'Inc.', 'e.g.', '10x', '0', '2.5', '100 Million', '{{7*7}}', '{% raw %}', 'A. B. C.',
];
const VENUES = ['Binance', 'Bybit', 'OKX', '100', 'Mt.', 'Hyperliquid', 'Exchange 2.0', '[x](https://a.b)', 'EVIL.COM', 'Bit & Co.', '0', '5B', 'B.V.', '3 Arrows', '&#38; Co'];
const CATALYSTS = [
  '2.5% CPI surprise spooked markets',
  '$1.2B in ETF outflows over 3 days',
  '[Read more](https://example.com/more)',
  'Fed: 25 bps cut, 0.25 points',
  '&#8482; trademark filings',
  'Mt.',
  'Q3 GDP at 2.1%, above the 1.8% forecast',
  '3 exchanges halted withdrawals.',
  'A whale sold 10,000 BTC at $98,500',
  'Rates held at 4.25% to 4.5%',
  'The index fell 12 points to 0',
  'EVIL.COM was hacked; see user@example.com',
  '50% of traders were long',
  '1st day of the month',
  'News at 9:30 a.m.',
  '{{7*7}} and {% raw %}',
];
const TAGS = ['markets', '5B', 'Mt.', '2.5%', 'a & b', '[x](y)', '#tag'];
const SOURCES = ['CoinGlass', 'Exchange feeds', 'Mt.', 'Data 2.0', '5B Analytics', '[CoinGlass](https://evil.example)', 'Co. Ltd.'];
const LABELS = ['Extreme Fear', 'Fear', 'Neutral', 'Greed', 'Extreme Greed'] as const;
/** Window lengths in minutes: odd ones included (1, 7, 61, 3,055), the common ones more often. */
const MINUTES = [1, 5, 7, 15, 30, 59, 60, 61, 90, 120, 240, 480, 720, 1440, 1440, 1440, 2880, 3055, 4320, 10080, 43200];

/** Whole cents, from zero to `max` dollars, drawn over the orders of magnitude (not uniformly). */
function amountDraw(r: () => number): (max: number) => number {
  return (max) => {
    const x = r();
    if (x < 0.08) return 0;
    if (x < 0.12) return Math.round(r() * 100) / 100; // under a dollar
    const exp = -2 + r() * (Math.log10(Math.max(max, 1)) + 2);
    return Math.min(max, Math.round(10 ** exp * 100) / 100);
  };
}

export function adversarialSnapshot(seed: number): Record<string, unknown> {
  const r = prng(seed);
  const chance = (p: number): boolean => r() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const amount = amountDraw(r);
  const minutes = pick(MINUTES);
  const end = Date.UTC(2026, 0, 1) + Math.floor(r() * 300) * 86_400_000 + Math.floor(r() * 1440) * 60_000;
  const start = end - minutes * 60_000;
  const scale = 10 ** (Math.floor(r() * 13)); // $1 to $1 trillion
  const side = r();
  const longShare = side < 0.15 ? 1 : side < 0.3 ? 0 : side < 0.4 ? 0.5 : r();

  const n = chance(0.2) ? 0 : 1 + Math.floor(r() * (chance(0.1) ? 40 : 6));
  const symbols = [...new Set(Array.from({ length: n }, (_, k) => (k < TICKERS.length && chance(0.8) ? pick(TICKERS) : `A${k}`)))];
  const cents = (x: number): number => Math.round(x * 100) / 100;
  const assets = symbols.map((symbol) => {
    const weight = r() / symbols.length;
    const a: Record<string, unknown> = {
      symbol,
      longUsd: chance(0.1) ? 0 : cents(scale * weight * longShare),
      shortUsd: chance(0.1) ? 0 : cents(scale * weight * (1 - longShare)),
    };
    if (chance(0.5)) a['name'] = pick(NAMES);
    if (chance(0.6)) {
      const base = chance(0.2) ? 10 ** (-8 + r() * 3) : chance(0.5) ? 10 ** (r() * 5) : 10_000 + r() * 150_000;
      const open = base;
      const close = chance(0.1) ? open : open * (0.5 + r());
      const price: Record<string, number> = { open, close };
      if (chance(0.6)) {
        price['high'] = Math.max(open, close) * (1 + r() * 0.1);
        price['low'] = Math.min(open, close) * (1 - r() * 0.1);
      }
      if (chance(0.25)) price['previousAllTimeHigh'] = Math.max(open, close) * (0.5 + r());
      if (chance(0.1)) {
        delete price['open'];
        delete price['close'];
      }
      a['price'] = price;
    }
    return a;
  });
  const sum = (k: string): number => assets.reduce((t, a) => t + (a[k] as number), 0);
  const longUsd = cents(sum('longUsd') + (longShare > 0 && chance(0.7) ? amount(scale) * longShare : 0));
  const shortUsd = cents(sum('shortUsd') + (longShare < 1 && chance(0.7) ? amount(scale) * (1 - longShare) : 0));
  const snap: Record<string, unknown> = {
    schemaVersion: 1,
    window: { start: new Date(start).toISOString().replace('.000Z', 'Z'), end: new Date(end).toISOString().replace('.000Z', 'Z') },
    totals: { usd: cents(longUsd + shortUsd), longUsd, shortUsd },
  };
  if (chance(0.3)) snap['id'] = pick(['btc-day', 'a', '0', 'x-1-y', 'mt-gox', '5b']);
  if (chance(0.7)) snap['source'] = chance(0.5) ? { name: pick(SOURCES), url: pick(['https://www.coinglass.com/LiquidationData', 'https://example.com/?q={{7*7}}', 'https://a.b/%zz']) } : { name: pick(SOURCES) };
  if (chance(0.3)) snap['coverage'] = pick(['partial', 'complete']);
  if (chance(0.7)) (snap['totals'] as Record<string, number>)['traders'] = pick([0, 1, 2, Math.floor(r() * 1000), Math.floor(r() * 1e7)]);
  if (assets.length > 0) snap['assets'] = assets;
  if (chance(0.5)) {
    const venues = [...new Set(Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(VENUES)))];
    snap['exchanges'] = venues.map((name) => ({ name, longUsd: Math.floor((longUsd * r()) / venues.length), shortUsd: Math.floor((shortUsd * r()) / venues.length) }));
  }
  if (chance(0.5)) {
    const sideName = chance(0.5) ? 'long' : 'short';
    const cap = sideName === 'long' ? longUsd : shortUsd;
    const withAsset = assets.filter((a) => (a[`${sideName}Usd`] as number) > 0);
    const order: Record<string, unknown> = { exchange: pick(VENUES), symbol: pick(['BTCUSDT', '5BUSDT', 'Mt.', 'X-PERP', '0']), side: sideName, usd: 0 };
    let limit = cap;
    if (withAsset.length > 0 && chance(0.6)) {
      const a = pick(withAsset);
      order['asset'] = a['symbol'];
      limit = a[`${sideName}Usd`] as number;
    }
    order['usd'] = chance(0.15) ? 0 : cents(limit * r());
    snap['largestOrder'] = order;
  }
  if (chance(0.6)) {
    const market: Record<string, unknown> = {};
    if (chance(0.7)) {
      const index = pick([0, 1, 50, 100, Math.floor(r() * 101)]);
      market['sentiment'] = chance(0.3) ? { label: pick(LABELS) } : chance(0.5) ? { index } : chance(0.5) ? { index, label: pick(LABELS) } : {};
    }
    if (chance(0.6)) market['openInterestChangePct'] = pick([0, -100, 1000, 0.001, -0.04, Math.round((r() * 40 - 20) * 100) / 100]);
    if (chance(0.5)) market['fundingRatePct'] = pick([0, 10, -10, 0.00001, -0.0001, Math.round((r() * 0.2 - 0.1) * 1e4) / 1e4]);
    snap['market'] = market;
  }
  if (chance(0.4) && assets.length > 0) {
    snap['levels'] = Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
      const a = pick(assets);
      const p = a['price'] as Record<string, number> | undefined;
      const low = (p?.['close'] ?? 10 ** (-8 + r() * 13)) * (0.8 + r() * 0.4);
      const level: Record<string, unknown> = { asset: chance(0.9) ? a['symbol'] : 'ZZZ', kind: chance(0.5) ? 'support' : 'resistance', low };
      if (chance(0.5)) level['high'] = chance(0.2) ? low : low * (1 + r() * 0.1);
      return level;
    });
  }
  if (chance(0.6)) {
    const context: Record<string, unknown> = {};
    if (chance(0.7)) context['catalysts'] = [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(CATALYSTS)))];
    if (chance(0.4)) context['record'] = { usd: chance(0.2) ? 0 : cents(cents(longUsd + shortUsd) * (0.2 + r() * 3)), date: pick(['2021-04-18', '2025-10-10', '2026-01-01']) };
    if (chance(0.3)) context['related'] = [{ title: pick([...NAMES, ...CATALYSTS]), url: pick(['https://example.com/etf', 'https://example.com/?q={{7*7}}', 'http://127.0.0.1/16']) }];
    if (chance(0.3)) context['tags'] = [...new Set([pick(TAGS), pick(TAGS)])];
    if (chance(0.3)) context['history'] = historyBlock(r, start, end, cents(longUsd + shortUsd));
    snap['context'] = context;
  }
  return snap;
}

/** An earlier-windows block of the snapshot's own length, ending before it starts. */
function historyBlock(r: () => number, start: number, end: number, usd: number): Record<string, unknown> {
  const len = end - start;
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  const before = (k: number) => ({ start: iso(start - k * len), end: iso(start - (k - 1) * len) });
  const money = (): number => (r() < 0.15 ? 0 : Math.round(usd * (r() * 3) * 100) / 100);
  const block: Record<string, unknown> = {};
  if (r() < 0.5) block['source'] = r() < 0.5 ? 'Mt.' : 'desk archive';
  if (r() < 0.8) {
    const p: Record<string, unknown> = { ...before(1), usd: money() };
    if (r() < 0.3) p['coverage'] = r() < 0.5 ? 'partial' : 'complete';
    if (r() < 0.4) p['sentimentIndex'] = Math.floor(r() * 101);
    if (r() < 0.3) p['openInterestChangePct'] = Math.round((r() * 20 - 10) * 10) / 10;
    block['previous'] = p;
  }
  if (r() < 0.6) {
    const b: Record<string, unknown> = { windows: 1 + Math.floor(r() * 400), medianUsd: money() };
    if (r() < 0.5) b['record'] = { ...before(2 + Math.floor(r() * 30)), usd: money() };
    if (r() < 0.4) b['largestSince'] = { ...before(2 + Math.floor(r() * 30)), usd: money() };
    else if (r() < 0.3) b['largestOnRecord'] = true;
    block['baseline'] = b;
  }
  return block;
}
