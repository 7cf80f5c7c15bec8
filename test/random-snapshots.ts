/**
 * Seeded random snapshots, valid by construction: each optional part of the
 * contract present or not, sides that can be zero, windows from an hour to a
 * month, amounts from $100,000 to $10 billion. Used by fuzz.test.ts.
 */
import { prng } from './prng.js';

const COINS: [string, string][] = [
  ['BTC', 'Bitcoin'],
  ['ETH', 'Ethereum'],
  ['SOL', 'Solana'],
  ['XRP', 'XRP'],
  ['DOGE', 'Dogecoin'],
  ['HYPE', 'Hyperliquid'],
  ['ZEC', 'Zcash'],
  ['PEPE', 'Pepe'],
  ['1INCH', '1inch'],
];
const VENUES = ['Binance', 'Bybit', 'OKX', 'Hyperliquid', 'Bitget'];
const LABELS = ['Extreme Fear', 'Fear', 'Neutral', 'Greed', 'Extreme Greed'];
const HOURS = [1, 4, 8, 12, 24, 24, 24, 48, 72, 168, 720];

export function randomSnapshot(seed: number): Record<string, unknown> {
  const r = prng(seed);
  const chance = (p: number): boolean => r() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const scale = 10 ** (5 + Math.floor(r() * 6)); // $100K to $10B
  const hours = pick(HOURS);
  const end = Date.UTC(2026, 9, 1) + Math.floor(r() * 40) * 86_400_000 + (chance(0.3) ? Math.floor(r() * 96) * 900_000 : 0);
  const sides = r();
  const longShare = sides < 0.1 ? 1 : sides < 0.2 ? 0 : sides < 0.35 ? 0.45 + r() * 0.1 : r();
  const n = chance(0.15) ? 0 : 1 + Math.floor(r() * COINS.length);
  const coins = [...COINS].sort(() => r() - 0.5).slice(0, n);
  if (chance(0.5) && n > 0 && !coins.some(([s]) => s === 'BTC')) coins[0] = COINS[0]!;
  const assets = coins.map(([symbol, name], k) => {
    const weight = (1 / (k + 1.5)) * (0.2 + r());
    const a: Record<string, unknown> = {
      symbol,
      longUsd: Math.round(scale * 0.5 * weight * longShare),
      shortUsd: Math.round(scale * 0.5 * weight * (1 - longShare)),
    };
    if (chance(0.6)) a['name'] = name;
    if (chance(0.5)) {
      const open = symbol === 'BTC' ? 40_000 + r() * 80_000 : 0.00001 + r() * 4000;
      const close = open * (0.85 + r() * 0.3);
      const price: Record<string, number> = { open, close };
      if (chance(0.6)) {
        price['high'] = Math.max(open, close) * (1 + r() * 0.05);
        price['low'] = Math.min(open, close) * (1 - r() * 0.05);
      }
      if (chance(0.2)) price['previousAllTimeHigh'] = Math.max(open, close) * (0.9 + r() * 0.2);
      a['price'] = price;
    }
    return a;
  });
  const sum = (k: string): number => assets.reduce((t, a) => t + (a[k] as number), 0);
  const longUsd = sum('longUsd') + (longShare > 0 ? Math.round(scale * 0.3 * longShare * r()) : 0);
  const shortUsd = sum('shortUsd') + (longShare < 1 ? Math.round(scale * 0.3 * (1 - longShare) * r()) : 0);
  const snap: Record<string, unknown> = {
    schemaVersion: 1,
    window: { start: new Date(end - hours * 3_600_000).toISOString(), end: new Date(end).toISOString() },
    totals: { usd: longUsd + shortUsd, longUsd, shortUsd },
  };
  if (chance(0.7)) snap['source'] = chance(0.5) ? { name: 'CoinGlass', url: 'https://www.coinglass.com/LiquidationData' } : { name: pick(['CoinGlass', 'Exchange feeds', 'Coinalyze']) };
  if (chance(0.2)) snap['coverage'] = 'partial';
  if (chance(0.7)) (snap['totals'] as Record<string, number>)['traders'] = chance(0.05) ? 1 : Math.floor(r() * 400_000);
  if (n > 0) snap['assets'] = assets;
  if (chance(0.6)) {
    const venues = VENUES.slice(0, 1 + Math.floor(r() * VENUES.length));
    const weights = venues.map((_, k) => 1 / (k + 1));
    const all = weights.reduce((t, w) => t + w, 0) / (0.6 + r() * 0.4);
    snap['exchanges'] = venues.map((name, k) => ({ name, longUsd: Math.floor((longUsd * weights[k]!) / all), shortUsd: Math.floor((shortUsd * weights[k]!) / all) }));
  }
  const withSide = assets.filter((a) => (a['longUsd'] as number) > 0 || (a['shortUsd'] as number) > 0);
  if (chance(0.6) && withSide.length > 0) {
    const a = pick(withSide);
    const side = (a['longUsd'] as number) >= (a['shortUsd'] as number) ? 'long' : 'short';
    const usd = Math.round((a[`${side}Usd`] as number) * (chance(0.3) ? 0.5 + r() * 0.5 : r() * 0.2));
    if (usd > 0) snap['largestOrder'] = { exchange: pick(VENUES), symbol: `${a['symbol'] as string}USDT`, asset: a['symbol'], side, usd };
  }
  if (chance(0.7)) {
    const market: Record<string, unknown> = {};
    if (chance(0.7)) {
      const index = Math.floor(r() * 101);
      market['sentiment'] = chance(0.3) ? { label: pick(LABELS) } : chance(0.5) ? { index } : { index, label: LABELS[Math.min(4, Math.floor(index / 20))] };
    }
    if (chance(0.6)) market['openInterestChangePct'] = Math.round((r() * 30 - 15) * 10) / 10;
    if (chance(0.4)) market['fundingRatePct'] = Math.round((r() * 0.2 - 0.1) * 1e4) / 1e4;
    snap['market'] = market;
  }
  const priced = assets.filter((a) => a['price']);
  if (chance(0.4) && priced.length > 0) {
    snap['levels'] = priced.slice(0, 2).map((a) => {
      const close = (a['price'] as Record<string, number>)['close']!;
      const low = close * (0.9 + r() * 0.2);
      return chance(0.5) ? { asset: a['symbol'], kind: pick(['support', 'resistance']), low } : { asset: a['symbol'], kind: pick(['support', 'resistance']), low, high: low * 1.02 };
    });
  }
  if (chance(0.6)) {
    const context: Record<string, unknown> = {};
    if (chance(0.6)) context['catalysts'] = ['The Fed held rates at 4.25% to 4.5%', 'Spot ETF outflows continued for a third day', 'A large exchange paused withdrawals'].slice(0, 1 + Math.floor(r() * 3));
    if (chance(0.4)) context['record'] = { usd: Math.round((longUsd + shortUsd) * (0.5 + r())), date: '2025-10-10' };
    if (chance(0.3)) context['related'] = [{ title: 'Bitcoin ETF flows, week 40', url: 'https://example.com/etf-flows' }];
    if (chance(0.3)) context['tags'] = ['markets', 'leverage'];
    snap['context'] = context;
  }
  return snap;
}

