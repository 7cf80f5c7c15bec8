/**
 * A deterministic, varied set of snapshots for the editorial measures (issue
 * 10, "Done when"): every window from an hour to a week, totals from $20
 * million to $3 billion, the five shapes a desk sees (long flush, short
 * squeeze, a 50/50 tie, an altcoin in the lead, a two-way day), with and
 * without prices, sentiment, catalysts and full coverage. Each dimension
 * turns on its own period, so the 48 draws cover the combinations evenly;
 * the small jitter comes from the seeded generator, never the clock.
 */
import { prng } from './prng.js';

const HOURS = [1, 4, 8, 12, 24, 24, 48, 72, 168];
const SHAPES = ['long-flush', 'squeeze', 'tie', 'alt-led', 'two-way', 'heavy-flush'] as const;
const LABELS = ['Extreme Fear', 'Fear', 'Neutral', 'Greed', 'Extreme Greed'];
const VENUES = ['Binance', 'Bybit', 'OKX', 'Hyperliquid', 'Bitget'];
const CATALYSTS: (string | { text: string; kind: string })[][] = [
  [{ text: 'The Federal Reserve held rates at 4.25% to 4.5% and signalled patience', kind: 'macro' }],
  [
    { text: 'Spot bitcoin ETFs recorded a third straight day of net outflows', kind: 'flows' },
    { text: 'A large exchange paused withdrawals for two hours during maintenance', kind: 'exchange' },
  ],
  ['Bitcoin was rejected twice near its weekly high', { text: 'The SEC delayed a decision on two altcoin ETF filings', kind: 'regulatory' }],
  [
    { text: 'US payrolls came in above forecasts', kind: 'macro' },
    { text: 'Stablecoin supply on exchanges rose over the window', kind: 'on-chain' },
    { text: 'Options expiry fell on the same morning', kind: 'other' },
  ],
];

export const EDITORIAL_SET_SIZE = 48;

/** Snapshot `i` of the set (0 ≤ i < 48). */
export function editorialSnapshot(i: number): Record<string, unknown> {
  const r = prng(90_000 + i);
  const hours = HOURS[i % HOURS.length]!;
  const shape = SHAPES[i % SHAPES.length]!;
  // $20M to $3B, log-spaced, visited in a shuffled order so size does not follow the window.
  const total = Math.round(20e6 * 150 ** (((i * 29) % EDITORIAL_SET_SIZE) / (EDITORIAL_SET_SIZE - 1)));
  const longShare = { 'long-flush': 0.68 + r() * 0.1, 'heavy-flush': 0.85 + r() * 0.1, squeeze: 0.12 + r() * 0.2, tie: 0.5, 'alt-led': 0.3 + r() * 0.45, 'two-way': 0.44 + r() * 0.12 }[shape];
  const priced = i % 3 !== 0;
  const partial = i % 7 === 3;
  const end = Date.UTC(2026, 9, 3) + i * 86_400_000 + (i % 4 === 2 ? 13 * 3_600_000 : 0);

  // Coin weights: Bitcoin leads unless the shape is alt-led (then Ethereum or Solana does).
  const coins: [string, string, number][] = [
    ['BTC', 'Bitcoin', 0.42 + r() * 0.1],
    ['ETH', 'Ethereum', 0.2 + r() * 0.08],
    ['SOL', 'Solana', 0.07 + r() * 0.04],
    ['XRP', 'XRP', 0.03 + r() * 0.03],
    ['DOGE', 'Dogecoin', 0.02 + r() * 0.02],
  ];
  if (shape === 'alt-led') {
    const lead = i % 2 === 0 ? 1 : 2;
    [coins[0]![2], coins[lead]![2]] = [coins[lead]![2], coins[0]![2]];
  }
  if (shape === 'tie') coins[1]![2] = coins[0]![2] * (0.98 + r() * 0.02);
  const nCoins = 2 + (i % 4);
  const used = coins.slice(0, nCoins);
  // The named coins hold 80–92 % of each side; the rest is the long tail.
  const weightSum = used.reduce((t, c) => t + c[2], 0);
  const covered = 0.8 + r() * 0.12;
  for (const c of used) c[2] = (c[2] / weightSum) * covered;
  const longUsd = Math.round(total * longShare);
  const shortUsd = total - longUsd;
  const direction = shape === 'squeeze' ? 1 : shape === 'long-flush' || shape === 'heavy-flush' ? -1 : r() < 0.5 ? -1 : 1;
  const assets = used.map(([symbol, name, w], k) => {
    const a: Record<string, unknown> = { symbol, name, longUsd: Math.floor(longUsd * w), shortUsd: Math.floor(shortUsd * w) };
    if (priced && k < 3) {
      const base = { BTC: 90_000, ETH: 3_100, SOL: 140, XRP: 2.1, DOGE: 0.18 }[symbol] ?? 1;
      const open = base * (0.9 + r() * 0.2);
      const move = direction * (0.01 + r() * 0.08);
      const close = open * (1 + move);
      a['price'] = { open: round(open), close: round(close), high: round(Math.max(open, close) * (1 + r() * 0.02)), low: round(Math.min(open, close) * (1 - r() * 0.02)) };
    }
    return a;
  });
  const snap: Record<string, unknown> = {
    schemaVersion: 1,
    id: `editorial-${String(i).padStart(2, '0')}`,
    window: { start: new Date(end - hours * 3_600_000).toISOString(), end: new Date(end).toISOString() },
    source: i % 5 === 4 ? { name: 'Coinalyze' } : { name: 'CoinGlass', url: 'https://www.coinglass.com/LiquidationData' },
    totals: { usd: total, longUsd, shortUsd, ...(i % 3 !== 2 ? { traders: Math.round((total / 6_000) * (0.6 + r())) } : {}) },
    assets,
  };
  if (partial) snap['coverage'] = 'partial';
  if (i % 2 === 0) {
    const venues = VENUES.slice(0, 2 + (i % 3));
    snap['exchanges'] = venues.map((name, k) => ({ name, longUsd: Math.floor((longUsd * 0.5) / (k + 1.4)), shortUsd: Math.floor((shortUsd * 0.5) / (k + 1.4)) }));
  }
  if (i % 3 !== 1) {
    const lead = assets[0]!;
    const side = (lead['longUsd'] as number) >= (lead['shortUsd'] as number) ? 'long' : 'short';
    snap['largestOrder'] = { exchange: VENUES[i % VENUES.length], symbol: `${lead['symbol'] as string}USDT`, asset: lead['symbol'], side, usd: Math.round((lead[`${side}Usd`] as number) * 0.04) };
  }
  const market: Record<string, unknown> = {};
  if (i % 4 !== 1) {
    const index = shape === 'squeeze' ? 55 + (i % 40) : 8 + ((i * 13) % 60);
    market['sentiment'] = i % 4 === 3 ? { index, label: LABELS[Math.min(4, Math.floor(index / 20))] } : { index };
  }
  if (i % 3 === 0) market['openInterestChangePct'] = Math.round((direction * 3 + (r() * 6 - 3)) * 10) / 10;
  if (i % 5 === 1) market['fundingRatePct'] = Math.round((r() * 0.04 - 0.01) * 1e4) / 1e4;
  if (Object.keys(market).length > 0) snap['market'] = market;
  if (priced && i % 4 === 0) {
    const btc = (assets.find((a) => a['symbol'] === 'BTC')?.['price'] ?? null) as Record<string, number> | null;
    if (btc) snap['levels'] = [{ asset: 'BTC', kind: direction < 0 ? 'support' : 'resistance', low: round(btc['close']! * (direction < 0 ? 0.98 : 1.01)), high: round(btc['close']! * (direction < 0 ? 0.99 : 1.02)) }];
  }
  const context: Record<string, unknown> = {};
  if (i % 5 === 0 || i % 5 === 2) context['catalysts'] = CATALYSTS[i % CATALYSTS.length];
  if (i % 6 === 5) context['record'] = { usd: 19_100_000_000, date: '2025-10-10' };
  if (i % 8 === 1) context['related'] = [{ title: 'How liquidation engines work', url: 'https://example.com/liquidation-engines' }];
  if (i % 7 === 0) context['tags'] = ['markets', 'ETF'];
  if (Object.keys(context).length > 0) snap['context'] = context;
  return snap;
}

/** Prices at a sensible precision for their size (two decimals, four under $10). */
function round(x: number): number {
  return x >= 10 ? Math.round(x * 100) / 100 : Math.round(x * 10_000) / 10_000;
}

export const editorialSet = (): Record<string, unknown>[] => Array.from({ length: EDITORIAL_SET_SIZE }, (_, i) => editorialSnapshot(i));
