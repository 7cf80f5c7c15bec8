/**
 * Funding rate at the window end → `market.fundingRatePct`, in PERCENT PER 8
 * HOURS (the contract's unit).
 *
 * Units. CoinGlass funding values are already percent (0.01 = 0.01 %, the
 * common baseline), unlike exchange APIs, which send fractions (0.0001 =
 * 0.01 %): no ×100 here, and a result outside ±10 % per 8 h is refused as a
 * likely unit mix-up. Each rate is per its venue's funding interval, so it is
 * scaled to 8 h: rate × 8 / interval_hours (a 1 h venue at 0.002 % is 0.016 %
 * per 8 h). That is the rate a position would pay over 8 h at the current
 * level, which is how articles compare venues.
 *
 * Exchange answers (Binance fundingRate, Bybit funding history, OKX
 * funding-rate and its history) are read by exchange-funding.ts: fractions.
 *
 * Accepted CoinGlass responses (recognised from the body):
 * - `/api/futures/funding-rate/exchange-list`: the current rate per venue, for
 *   one or more coins. It has no observation time: the window end is taken as
 *   the fetch time, and `next_funding_time` must lie within one funding
 *   interval of it (else reported). The value is the plain mean over the
 *   venues of one coin (default BTC when several coins are listed) and one
 *   margin type (default stablecoin-margined, the bulk of the market). The
 *   response carries no open interest, so the mean cannot be weighted.
 * - `/api/futures/funding-rate/history`: OHLC candles (strings) for one pair
 *   on one venue. The value is the `close` of the last candle that closes at
 *   or before the window end, and inside the window. Its funding interval is
 *   not in the response: `intervalHours` (default 8).
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { checkCoinglassEnvelope } from '../envelope.js';
import { detectExchangeFunding, exchangeFundingRate } from './exchange-funding.js';
import { inferInterval } from '../coinglass/buckets.js';
import { fatalPart, problem } from '../coinglass/part.js';
import { asTicker, describeLength, isObject, isoUtc, readDecimal, readMillis, roundTo, show, windowMs } from '../coinglass/values.js';

export type FundingMargin = 'stablecoin' | 'token' | 'all';

export interface FundingOptions {
  /** exchange-list: the coin to average (default: the only coin, else BTC). */
  symbol?: string;
  /** exchange-list: which margin list to average (default 'stablecoin'). */
  margin?: FundingMargin;
  /** history: the venue's funding interval in hours (default 8). */
  intervalHours?: number;
  /** history: the candle interval in ms; inferred from the candle spacing when absent. */
  candleMs?: number;
}

const SOURCE = 'funding';
const HOUR = 3_600_000;
/** The contract's range for a funding rate in percent per 8 h; beyond it the units are wrong, not the market. */
const LIMIT_PCT = 10;

export function fundingPart(json: unknown, window: IngestWindow, options: FundingOptions = {}): IngestPart {
  const exchange = detectExchangeFunding(json);
  if (exchange !== undefined) {
    const problems: IngestProblem[] = [];
    const result = exchangeFundingRate(exchange, json, window, problems);
    return finish(result, problems, 'exchanges send fractions (0.0001 = 0.01 %)');
  }
  const env = checkCoinglassEnvelope(json);
  if (!env.ok) return fatalPart(SOURCE, [env.problem]);
  if (!Array.isArray(env.data) || env.data.length === 0) {
    return fatalPart(SOURCE, [problem('bad-value', 'the response holds no rows; an empty answer means "not found", not a rate of 0')]);
  }
  const problems: IngestProblem[] = [];
  const first: unknown = env.data[0];
  const isList = isObject(first) && ('stablecoin_margin_list' in first || 'token_margin_list' in first);
  const result = isList ? fromExchangeList(env.data, window, options, problems) : fromHistory(env.data, window, options, problems);
  return finish(result, problems, 'CoinGlass sends percent, exchanges send fractions');
}

function finish(result: Rate, problems: IngestProblem[], units: string): IngestPart {
  if ('fatal' in result) return fatalPart(SOURCE, [...problems, result.fatal], result.stats);
  const pct = roundTo(result.pct8h, 6);
  if (Math.abs(pct) > LIMIT_PCT) {
    return fatalPart(SOURCE, [...problems, problem('bad-value', `a funding rate of ${pct} % per 8 h is beyond ±${LIMIT_PCT} %; ${units} — check the units`)], result.stats);
  }
  return { source: SOURCE, fatal: false, snapshot: { market: { fundingRatePct: pct } }, problems, stats: result.stats };
}

type Rate = { pct8h: number; stats: Record<string, number> } | { fatal: IngestProblem; stats: Record<string, number> };

function fromExchangeList(rows: unknown[], window: IngestWindow, options: FundingOptions, problems: IngestProblem[]): Rate {
  const coins = rows.filter(isObject);
  const wanted = options.symbol === undefined ? undefined : asTicker(options.symbol);
  const coin =
    wanted !== undefined ? coins.find((c) => asTicker(c['symbol']) === wanted) : coins.length === 1 ? coins[0] : coins.find((c) => asTicker(c['symbol']) === 'BTC');
  if (!coin) {
    const listed = coins.map((c) => show(c['symbol'])).join(', ');
    return { stats: {}, fatal: problem('bad-value', `cannot choose a coin: ${wanted ? `${wanted} is not listed` : 'several coins and no BTC'} (listed: ${listed}); pass the symbol`) };
  }
  const margin = options.margin ?? 'stablecoin';
  const lists = margin === 'all' ? ['stablecoin_margin_list', 'token_margin_list'] : [`${margin}_margin_list`];
  const { end } = windowMs(window);
  const rates: number[] = [];
  let stale = 0;
  for (const key of lists) {
    const list = coin[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(problem('malformed', `${key}: expected an array, got ${show(list)}`));
      continue;
    }
    list.forEach((row, i) => {
      const at = `${key}[${i}]`;
      if (!isObject(row)) return void problems.push(problem('malformed', `${at}: expected an object, got ${show(row)}`));
      const rate = readDecimal(row['funding_rate'], `${at}.funding_rate`);
      const hours = readDecimal(row['funding_rate_interval'], `${at}.funding_rate_interval`);
      if (!rate.ok || !hours.ok) return void [rate, hours].forEach((x) => !x.ok && problems.push({ ...x.problem, message: `${x.problem.message}; the venue is not averaged` }));
      if (hours.value <= 0 || hours.value > 24) return void problems.push(problem('bad-value', `${at}.funding_rate_interval: expected hours from 1 to 24, got ${show(row['funding_rate_interval'])}; the venue is not averaged`));
      const next = row['next_funding_time'] === undefined ? undefined : readMillis(row['next_funding_time'], `${at}.next_funding_time`);
      if (next && next.ok && (next.value <= end - hours.value * HOUR || next.value > end + hours.value * HOUR)) stale++;
      rates.push((rate.value * 8) / hours.value);
    });
  }
  const stats = { venues: rates.length, venuesNotNearWindowEnd: stale };
  if (stale > 0) {
    problems.push(problem('out-of-window', `${stale} venue(s) give a next funding time more than one interval away from the window end ${isoUtc(end)}: the list was probably fetched at another time (it is a snapshot of "now")`));
  }
  if (rates.length === 0) return { stats, fatal: problem('bad-value', `no ${margin === 'all' ? '' : `${margin}-margined `}venue rate could be read for ${show(coin['symbol'])}`) };
  return { stats, pct8h: rates.reduce((s, r) => s + r, 0) / rates.length };
}

function fromHistory(rows: unknown[], window: IngestWindow, options: FundingOptions, problems: IngestProblem[]): Rate {
  const intervalHours = options.intervalHours ?? 8;
  if (!(intervalHours > 0 && intervalHours <= 24)) return { stats: {}, fatal: problem('bad-value', `intervalHours must be from 1 to 24, got ${intervalHours}`) };
  const candles: { time: number; close: number }[] = [];
  rows.forEach((row, i) => {
    const at = `data[${i}]`;
    if (!isObject(row)) return void problems.push(problem('malformed', `${at}: expected a candle object, got ${show(row)}`));
    const time = readMillis(row['time'], `${at}.time`);
    const close = readDecimal(row['close'], `${at}.close`);
    if (!time.ok || !close.ok) return void [time, close].forEach((x) => !x.ok && problems.push(x.problem));
    candles.push({ time: time.value, close: close.value });
  });
  candles.sort((a, b) => a.time - b.time);
  const candleMs = options.candleMs ?? inferInterval(candles.map((c) => c.time));
  const { start, end } = windowMs(window);
  const stats = { candles: candles.length, candleMs: candleMs ?? 0 };
  if (candleMs === undefined) return { stats, fatal: problem('bad-value', 'one candle and no candle interval: cannot tell when it closes (pass the interval)') };
  // The close of a candle is the rate at its end, time + interval: the last one at or before the window end.
  let pick: { time: number; close: number } | undefined;
  for (const c of candles) if (c.time + candleMs <= end) pick = c;
  if (!pick || pick.time + candleMs <= start) {
    return { stats, fatal: problem('out-of-window', `no ${describeLength(candleMs)} funding candle closes inside the window ${isoUtc(start)} to ${isoUtc(end)}`) };
  }
  return { stats: { ...stats, closeTime: pick.time + candleMs }, pct8h: (pick.close * 8) / intervalHours };
}
