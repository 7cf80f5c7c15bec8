// Writes N varied, valid snapshots for the benchmark. A seeded PRNG keeps the
// set identical from run to run. The inputs cover as much of the contract as
// it allows (src/snapshot/schema.ts, rules.ts): minimal snapshots, wide ones
// with hundreds of assets and exchanges, partial coverage, every optional
// block on and off, windows from an hour to 31 days, ends off midnight and in
// other offsets, sides at zero, amounts from $1,000 to $10 billion. Every
// input gets its own file name (distinct id, or distinct end minute), so a
// batch never trips the render's same-name check.
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

const COINS = [
  ['BTC', 'Bitcoin'], ['ETH', 'Ethereum'], ['SOL', 'Solana'], ['XRP', 'XRP'], ['DOGE', 'Dogecoin'], ['BNB', 'BNB'],
  ['ADA', 'Cardano'], ['HYPE', 'Hyperliquid'], ['SUI', 'Sui'], ['AVAX', 'Avalanche'], ['LINK', 'Chainlink'], ['ZEC', 'Zcash'],
  ['PEPE', 'Pepe'], ['TRX', 'Tron'], ['LTC', 'Litecoin'], ['DOT', 'Polkadot'], ['NEAR', 'Near'], ['APT', 'Aptos'],
  ['ARB', 'Arbitrum'], ['OP', 'Optimism'], ['WIF', 'dogwifhat'], ['TON', 'Toncoin'], ['ENA', 'Ethena'], ['FARTCOIN', 'Fartcoin'],
];
const VENUES = ['Binance', 'Bybit', 'OKX', 'Hyperliquid', 'Bitget', 'Gate', 'HTX', 'Bitmex', 'Deribit', 'Kraken', 'Coinbase International', 'Crypto.com', 'BingX', 'MEXC', 'dYdX', 'Bitfinex', 'KuCoin', 'Phemex', 'CoinEx', 'WhiteBIT'];
// Made-up venue names for the wide snapshots (the contract allows 200 exchanges): two word lists give 225 names without digits.
const W1 = ['North', 'Blue', 'Iron', 'Swift', 'Quiet', 'Amber', 'Polar', 'Cedar', 'Lunar', 'Delta', 'Harbor', 'Summit', 'Coral', 'Velvet', 'Orbit'];
const W2 = ['Exchange', 'Markets', 'Trade', 'Futures', 'Derivatives', 'Perps', 'Capital', 'Pro', 'Global', 'Bourse', 'Desk', 'Hub', 'Flow', 'Prime', 'Ledger'];
const SOURCES = ['CoinGlass', 'Coinalyze', 'Exchange feeds', 'Laevitas', 'Velo Data'];
const LABELS = ['Extreme Fear', 'Fear', 'Neutral', 'Greed', 'Extreme Greed'];
const CATALYSTS = [
  'The Fed held rates at 4.25% to 4.5%',
  'Spot ETF outflows continued for a third day',
  'A large exchange paused withdrawals',
  'US inflation data came in hotter than expected',
  'A major token unlock hit the market overnight',
  'Regulators opened an inquiry into a stablecoin issuer',
  'Weekend liquidity was thin across the majors',
  'A hack drained a lending protocol on Ethereum',
  'Treasury yields jumped after the jobs report',
  'Japan’s central bank surprised markets with a hike',
  'Options expiry concentrated open interest near round numbers',
  'Funding turned sharply negative on perpetual swaps',
];
const TITLES = ['Bitcoin ETF flows, week in review', 'How liquidation cascades work', 'Open interest explained', 'What the funding rate tells you', 'The October flush, one year on', 'Market structure notes', 'Leverage and its limits', 'Derivatives desk: the week ahead', 'Stablecoin supply update', 'A short history of forced selling'];
const TAGS = ['markets', 'leverage', 'derivatives', 'bitcoin', 'ethereum', 'altcoins', 'volatility', 'futures', 'macro', 'risk', 'défi'];
const OFFSETS = ['+02:00', '-05:00', '+05:30', '+09:00', '-03:30', '+14:00', '-12:00', '+00:00'];

const LAST_END = Date.UTC(2026, 10, 20); // the bench's --now is 2026-11-21
const SLOTS_PER_DAY = 48;

/** An ISO timestamp of `ms`, in UTC or written in another offset, with or without seconds and fractions. */
function stamp(ms, rnd) {
  const u = rnd();
  const offset = u < 0.15 ? OFFSETS[Math.floor(rnd() * OFFSETS.length)] : null;
  const mins = offset === null ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const iso = new Date(ms + mins * 60_000).toISOString();
  const body = ms % 1000 !== 0 ? iso.slice(0, 23) : ms % 60_000 !== 0 || rnd() < 0.5 ? iso.slice(0, 19) : iso.slice(0, 16);
  return body + (offset ?? 'Z');
}

const HOURS = [1, 2, 4, 6, 8, 12, 24, 24, 24, 24, 24, 24, 48, 72, 168, 336, 720, 744];

/** Splits `amount` by weights into whole dollars that never add up to more than `amount`. */
const split = (amount, weights) => {
  const all = weights.reduce((t, w) => t + w, 0);
  return weights.map((w) => Math.floor((amount * w) / all));
};

export function snapshot(i, rnd) {
  const chance = (p) => rnd() < p;
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const between = (lo, hi) => lo + rnd() * (hi - lo);
  const kind = rnd();
  const minimal = kind < 0.1;
  const wide = kind >= 0.1 && kind < 0.18;

  // The window: a distinct end minute per input (day i / 48, slot i % 48), or the day's midnight with an id.
  const day = LAST_END - Math.floor(i / SLOTS_PER_DAY) * 86_400_000;
  const slot = i % SLOTS_PER_DAY;
  const withId = chance(0.25);
  const offMinute = chance(0.5) ? Math.floor(rnd() * 30) : 0;
  let end = slot === 0 || withId ? day : day + slot * 1_800_000 + offMinute * 60_000;
  if (slot !== 0 && !withId && chance(0.1)) end += Math.floor(rnd() * 59) * 1000 + (chance(0.3) ? 250 : 0);
  const minutes = chance(0.15) ? 60 + Math.floor(rnd() * (744 * 60 - 60)) : pick(HOURS) * 60;
  const start = end - minutes * 60_000;

  // Totals from $1,000 to $10 billion, log-uniform; one side zero now and then.
  const total = Math.round(10 ** between(3, 10));
  const sides = rnd();
  const longShare = sides < 0.08 ? 1 : sides < 0.16 ? 0 : sides < 0.3 ? between(0.45, 0.55) : rnd();
  const longUsd = Math.round(total * longShare);
  const shortUsd = total - longUsd;
  const snap = { schemaVersion: 1 };
  if (withId) snap.id = `${pick(['btc', 'market', 'alts', 'daily', 'flush'])}-${pick(['wrap', 'update', 'recap', 'brief'])}-${i}`;
  snap.window = { start: stamp(start, rnd), end: stamp(end, rnd) };
  snap.totals = { usd: total, longUsd, shortUsd };
  if (!minimal && chance(0.7)) snap.totals.traders = chance(0.05) ? 1 : Math.floor(between(0, 400_000));
  if (minimal) return snap;

  if (chance(0.75)) snap.source = chance(0.4) ? { name: 'CoinGlass', url: 'https://www.coinglass.com/LiquidationData' } : { name: pick(SOURCES) };
  // Partial coverage only where the averages it qualifies ("at least $N an hour", "per trader") are $1,000 or
  // more: below that, today's claim check refuses some of them (issue 13, item 2, being fixed apart).
  const perUnit = total / Math.max(minutes / 60, snap.totals.traders ?? 1);
  if (chance(0.4)) snap.coverage = chance(0.5) && perUnit >= 1000 ? 'partial' : 'complete';

  // Assets: none, a few, or (wide) dozens to hundreds, sharing some or all of the totals.
  const n = wide ? 30 + Math.floor(rnd() * 470) : chance(0.12) ? 0 : 1 + Math.floor(rnd() * 15);
  const assets = [];
  if (n > 0) {
    const symbols = tickers(n, rnd);
    const share = chance(0.3) ? 1 : between(0.5, 0.99);
    const weights = symbols.map((_, k) => (1 / (k + 1) ** 1.2) * between(0.3, 1));
    const longs = split(longUsd * share, weights);
    const shorts = split(shortUsd * share, weights.map((w) => w * between(0.5, 1.5)));
    symbols.forEach(([symbol, name], k) => {
      const a = { symbol };
      if (name && chance(0.6)) a.name = name;
      a.longUsd = longs[k];
      a.shortUsd = shorts[k];
      if (chance(k < 3 ? 0.6 : 0.2)) a.price = price(symbol, rnd);
      assets.push(a);
    });
    snap.assets = assets;
  }

  if (chance(0.6)) {
    const count = wide ? 20 + Math.floor(rnd() * 181) : 1 + Math.floor(rnd() * 8);
    const names = venues(count, rnd);
    const weights = names.map((_, k) => 1 / (k + 1));
    const share = between(0.6, 1);
    const longs = split(longUsd * share, weights);
    const shorts = split(shortUsd * share, weights);
    snap.exchanges = names.map((name, k) => ({ name, longUsd: longs[k], shortUsd: shorts[k] }));
  }

  if (chance(0.6)) {
    const sided = assets.filter((a) => a.longUsd > 0 || a.shortUsd > 0);
    const a = sided.length > 0 && chance(0.85) ? pick(sided.slice(0, 5)) : null;
    const side = a ? (a.longUsd >= a.shortUsd ? 'long' : 'short') : longUsd >= shortUsd ? 'long' : 'short';
    const pool = a ? a[`${side}Usd`] : side === 'long' ? longUsd : shortUsd;
    const usd = Math.round(pool * (chance(0.2) ? between(0.5, 1) : between(0.001, 0.2)));
    if (usd > 0) {
      const sym = a?.symbol ?? 'BTC';
      snap.largestOrder = { exchange: pick(VENUES), symbol: pick([`${sym}USDT`, `${sym}-PERP`, `${sym}/USD`, `${sym}USD`]), side, usd };
      if (a && chance(0.8)) snap.largestOrder.asset = sym;
    }
  }

  if (chance(0.65)) {
    const market = {};
    if (chance(0.7)) {
      const index = Math.floor(rnd() * 101);
      market.sentiment = chance(0.3) ? { label: pick(LABELS) } : chance(0.5) ? { index } : { index, label: LABELS[Math.min(4, Math.floor(index / 20))] };
    }
    if (chance(0.6)) market.openInterestChangePct = Math.round(between(-30, 40) * 10) / 10;
    if (chance(0.4)) market.fundingRatePct = Math.round(between(-0.2, 0.2) * 1e4) / 1e4;
    snap.market = market;
  }

  const priced = assets.filter((a) => a.price?.close !== undefined);
  if (priced.length > 0 && chance(0.4)) {
    const count = Math.min(20, 1 + Math.floor(rnd() * (wide ? 20 : 4)));
    snap.levels = Array.from({ length: count }, () => {
      const a = pick(priced.slice(0, 4));
      const low = a.price.close * between(0.85, 1.15);
      const level = { asset: a.symbol, kind: low < a.price.close ? 'support' : 'resistance', low };
      if (chance(0.5)) level.high = low * between(1, 1.04);
      return level;
    });
  }

  if (chance(0.6)) {
    const context = {};
    if (chance(0.6)) context.catalysts = some(CATALYSTS, 1 + Math.floor(rnd() * 10), rnd);
    if (chance(0.4)) context.record = { usd: Math.round(total * between(0.3, 4)), date: new Date(start - Math.floor(between(1, 3000)) * 86_400_000).toISOString().slice(0, 10) };
    if (chance(0.35)) context.related = some(TITLES, 1 + Math.floor(rnd() * 10), rnd).map((title, k) => ({ title, url: `${k % 3 === 0 ? 'http' : 'https'}://example.com/news/${i}-${k}?ref=liqnews&page=${k}` }));
    if (chance(0.35)) context.tags = some(TAGS, 1 + Math.floor(rnd() * 10), rnd);
    snap.context = context;
  }
  return snap;
}

/** `n` distinct tickers: the real ones first (BTC most of the time), then made-up ones of 3 to 6 capital letters. */
function tickers(n, rnd) {
  const out = COINS.slice(0, Math.min(n, 1 + Math.floor(rnd() * COINS.length)));
  if (rnd() < 0.3 && out.length > 1) out.push(out.shift());
  const seen = new Set(out.map(([s]) => s));
  while (out.length < n) {
    let s = '';
    const len = 3 + Math.floor(rnd() * 4);
    for (let k = 0; k < len; k++) s += String.fromCharCode(65 + Math.floor(rnd() * 26));
    if (!seen.has(s)) {
      seen.add(s);
      out.push([s, null]);
    }
  }
  return out;
}

function venues(n, rnd) {
  const out = VENUES.slice(0, Math.min(n, VENUES.length));
  let k = Math.floor(rnd() * W1.length * W2.length);
  while (out.length < n) {
    out.push(`${W1[k % W1.length]} ${W2[Math.floor(k / W1.length) % W2.length]}`);
    k = (k + 1) % (W1.length * W2.length);
  }
  return out;
}

function some(xs, count, rnd) {
  const pool = [...xs];
  const out = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  return out;
}

/** Open and close (together), high and low around them, a previous all-time high; any of them may be left out. */
function price(symbol, rnd) {
  const base = symbol === 'BTC' ? 20_000 + rnd() * 100_000 : symbol === 'ETH' ? 800 + rnd() * 4000 : 10 ** (-4 + rnd() * 7);
  const p = {};
  const open = base;
  const close = open * (0.8 + rnd() * 0.4);
  const ranged = rnd() < 0.6;
  if (rnd() < 0.85) {
    p.open = open;
    p.close = close;
  }
  if (ranged) {
    p.high = Math.max(open, close) * (1 + rnd() * 0.05);
    p.low = Math.min(open, close) * (1 - rnd() * 0.05);
  }
  if (rnd() < 0.2) p.previousAllTimeHigh = Math.max(open, close) * (0.9 + rnd() * 0.3);
  if (Object.keys(p).length === 0) {
    p.open = open;
    p.close = close;
  }
  return p;
}

/** The file name of input `i` in a set of `count`: zero-padded so they sort in input order. */
export const inputName = (i, count) => `snap-${String(i).padStart(Math.max(5, String(count - 1).length), '0')}.json`;

export function makeInputs(dir, count, seed = 42) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rnd = prng(seed);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, inputName(i, count)), JSON.stringify(snapshot(i, rnd)));
}

// `node bench/make-inputs.js DIR COUNT [SEED]`: writes the set from a child process (bench/run.js
// uses it for the large memory batch, so the bench's own heap does not hold the generator's garbage).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [dir, count, seed] = process.argv.slice(2);
  makeInputs(dir, Number(count), seed === undefined ? 42 : Number(seed));
}
