// A daily feed for the variation measure (bench/repeats.js): N consecutive UTC
// days of snapshots that move the way a market does from one day to the next
// (prices on a random walk, totals around a few hundred million dollars with
// the odd flush, the long/short split swinging with the price), seeded so the
// feed is the same on every run. Valid by construction.
import { prng } from './make-inputs.js';

const COINS = [
  ['BTC', 'Bitcoin', 95_000],
  ['ETH', 'Ethereum', 3_300],
  ['SOL', 'Solana', 180],
  ['XRP', 'XRP', 2.4],
  ['DOGE', 'Dogecoin', 0.31],
  ['HYPE', 'Hyperliquid', 38],
  ['SUI', 'Sui', 3.9],
];
const VENUES = ['Binance', 'Bybit', 'OKX', 'Hyperliquid', 'Bitget'];
const LABELS = ['Extreme Fear', 'Fear', 'Neutral', 'Greed', 'Extreme Greed'];
const CATALYSTS = [
  'US inflation data came in above forecasts',
  'Spot Bitcoin ETFs recorded a third day of outflows',
  'The Federal Reserve left rates unchanged',
  'A large holder moved coins to an exchange',
  'Treasury yields rose to a two-month high',
];

/** `days` snapshots, one per UTC day ending at midnight, oldest first. */
export function dailyFeed(days = 45, seed = 7, firstEnd = Date.UTC(2026, 8, 1)) {
  const r = prng(seed);
  const prices = COINS.map(([, , p]) => p);
  let index = 50;
  const out = [];
  for (let d = 0; d < days; d++) {
    const end = firstEnd + d * 86_400_000;
    const market = (r() - 0.5) * 0.12; // the day's broad move
    const flush = r() < 0.12 ? 3 + r() * 4 : 1;
    const scale = 150e6 + r() * 450e6 * flush;
    const longShare = Math.min(0.95, Math.max(0.05, 0.5 - market * 5 + (r() - 0.5) * 0.3));
    const n = 3 + Math.floor(r() * 4);
    const order = [0, 1, ...[2, 3, 4, 5, 6].sort(() => r() - 0.5)].slice(0, n);
    if (r() < 0.25) [order[0], order[1]] = [order[1], order[0]];
    const assets = order.map((c, k) => {
      const [symbol, name] = COINS[c];
      const open = prices[c];
      const close = open * (1 + market * (0.8 + r() * 0.6) + (r() - 0.5) * 0.02);
      prices[c] = close;
      const weight = scale * (0.42 / (k + 1) ** 1.2) * (0.7 + r() * 0.6);
      const a = { symbol, longUsd: Math.round(weight * longShare), shortUsd: Math.round(weight * (1 - longShare)) };
      if (r() < 0.7) a.name = name;
      if (k < 3) a.price = { open: round(open), close: round(close) };
      return a;
    });
    const sum = (k) => assets.reduce((t, a) => t + a[k], 0);
    const longUsd = sum('longUsd') + Math.round(scale * 0.15 * longShare);
    const shortUsd = sum('shortUsd') + Math.round(scale * 0.15 * (1 - longShare));
    index = Math.max(5, Math.min(95, Math.round(index + market * 150 + (r() - 0.5) * 10)));
    const snap = {
      schemaVersion: 1,
      window: { start: new Date(end - 86_400_000).toISOString(), end: new Date(end).toISOString() },
      source: { name: 'CoinGlass' },
      totals: { usd: longUsd + shortUsd, longUsd, shortUsd, traders: Math.round((longUsd + shortUsd) / 2600) },
      assets,
      exchanges: VENUES.slice(0, 3).map((name, k) => ({ name, longUsd: Math.round(longUsd / (k + 2.5)), shortUsd: Math.round(shortUsd / (k + 2.5)) })),
      largestOrder: { exchange: VENUES[Math.floor(r() * 3)], symbol: `${assets[0].symbol}USDT`, asset: assets[0].symbol, side: longShare >= 0.5 ? 'long' : 'short', usd: Math.round(Math.max(assets[0].longUsd, assets[0].shortUsd) * (0.01 + r() * 0.04)) },
      market: { sentiment: { index, label: LABELS[Math.min(4, Math.floor(index / 20))] }, openInterestChangePct: Math.round((market * 60 + (r() - 0.5) * 4) * 10) / 10 },
    };
    if (r() < 0.3) snap.context = { catalysts: [CATALYSTS[Math.floor(r() * CATALYSTS.length)]] };
    out.push(snap);
  }
  return out;
}

const round = (p) => (p >= 100 ? Math.round(p) : p >= 1 ? Math.round(p * 100) / 100 : Number(p.toPrecision(4)));
