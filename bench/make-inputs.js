// Writes N varied, valid snapshots for the benchmark. A seeded PRNG keeps the
// set identical from run to run.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so every benchmark input is the same from run to run. */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COINS = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE', 'BNB', 'ADA', 'HYPE', 'SUI', 'AVAX', 'LINK', 'ZEC'];
const VENUES = ['Binance', 'Bybit', 'OKX', 'Hyperliquid', 'Bitget', 'Gate'];

export function snapshot(i, rnd) {
  const end = Date.UTC(2025, 0, 1) + i * 3_600_000;
  const hours = [1, 4, 12, 24, 24, 24, 168][i % 7];
  const n = 2 + Math.floor(rnd() * 8);
  const assets = COINS.slice(0, n).map((symbol, k) => {
    const scale = 1e8 / (k + 1) ** 1.3;
    const a = { symbol, longUsd: Math.round(scale * rnd() * 4), shortUsd: Math.round(scale * rnd() * 2) };
    if (k < 2) {
      const open = symbol === 'BTC' ? 60000 + rnd() * 60000 : 1000 + rnd() * 3000;
      const close = open * (0.9 + rnd() * 0.2);
      a.price = { open: Math.round(open), close: Math.round(close) };
    }
    return a;
  });
  const longUsd = assets.reduce((s, a) => s + a.longUsd, 0) + Math.round(rnd() * 5e7);
  const shortUsd = assets.reduce((s, a) => s + a.shortUsd, 0) + Math.round(rnd() * 2e7);
  const exchanges = VENUES.slice(0, 3).map((name, k) => ({ name, longUsd: Math.round(longUsd / (k + 3)), shortUsd: Math.round(shortUsd / (k + 3)) }));
  return {
    schemaVersion: 1,
    window: { start: new Date(end - hours * 3_600_000).toISOString(), end: new Date(end).toISOString() },
    source: { name: 'CoinGlass' },
    totals: { usd: longUsd + shortUsd, longUsd, shortUsd, traders: 10000 + Math.floor(rnd() * 200000) },
    assets,
    exchanges,
    largestOrder: { exchange: 'Binance', symbol: `${assets[0].symbol}USDT`, asset: assets[0].symbol, side: 'long', usd: Math.round(assets[0].longUsd * 0.1) },
    market: { sentiment: { index: Math.floor(rnd() * 100) }, openInterestChangePct: Math.round((rnd() * 20 - 10) * 10) / 10 },
  };
}

export function makeInputs(dir, count, seed = 42) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rnd = prng(seed);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `snap-${String(i).padStart(5, '0')}.json`), JSON.stringify(snapshot(i, rnd)));
}
