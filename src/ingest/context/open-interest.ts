/**
 * Open-interest change over the window, in percent, from the first to the last
 * observation inside it → `market.openInterestChangePct`.
 *
 * Accepted responses (the format is recognised from the body):
 * - CoinGlass `/api/futures/open-interest/aggregated-history`: OHLC candles
 *   (strings), `time` = candle start in ms. Change = first in-window candle's
 *   `open` → last in-window candle's `close` (candles start in [start, end)).
 * - Binance `/futures/data/openInterestHist`: points (`timestamp` ms, string or
 *   number); follows `sumOpenInterestValue` (USD) or `sumOpenInterest` (coins).
 * - Binance `/fapi/v1/openInterest` (one point; an array of recorded polls is a series).
 * - Bybit `/v5/market/open-interest` (newest first; USD for inverse, coins for linear).
 * - OKX `/api/v5/public/open-interest` (`oiUsd` or `oiCcy`; one point per poll).
 * Points count when their time lies in [start, end] (an observation exactly at
 * the end is the open interest at the end).
 *
 * A percent change needs one unit throughout, not any particular unit, so no
 * contract-size conversion is needed; but a USD series also moves with the
 * price, which is why `measure: 'quantity'` exists where a response has both.
 * Exchange series are one instrument on one venue: the CoinGlass aggregate is
 * the better "aggregate futures open interest".
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { checkCoinglassEnvelope } from '../envelope.js';
import { inferInterval } from '../coinglass/buckets.js';
import { fatalPart, problem } from '../coinglass/part.js';
import { describeLength, isObject, isoUtc, readDecimal, readMillis, roundTo, show, windowMs } from '../coinglass/values.js';

export type OpenInterestFormat = 'coinglass-oi-aggregated-history' | 'binance-openInterestHist' | 'binance-openInterest' | 'bybit-open-interest' | 'okx-open-interest';

export interface OpenInterestOptions {
  /** Where a response gives both: follow 'usd' (default) or 'quantity' (coins), which ignores price moves. */
  measure?: 'usd' | 'quantity';
}

const SOURCE = 'open-interest';

interface Point {
  time: number;
  value: number;
}
interface Candle {
  time: number;
  open: number;
  close: number;
}
type Series = { kind: 'points'; points: Point[] } | { kind: 'candles'; candles: Candle[] };

export function detectOpenInterestFormat(json: unknown): OpenInterestFormat | undefined {
  if (Array.isArray(json)) {
    const first: unknown = json[0];
    if (!isObject(first)) return undefined;
    if ('sumOpenInterest' in first || 'sumOpenInterestValue' in first) return 'binance-openInterestHist';
    if ('openInterest' in first && 'time' in first) return 'binance-openInterest';
    return undefined;
  }
  if (!isObject(json)) return undefined;
  if ('retCode' in json) return 'bybit-open-interest';
  if ('openInterest' in json && 'time' in json) return 'binance-openInterest';
  if ('code' in json) {
    const rows = json['data'];
    const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
    if (isObject(first) && ('oi' in first || 'oiUsd' in first || 'oiCcy' in first)) return 'okx-open-interest';
    return 'coinglass-oi-aggregated-history';
  }
  return undefined;
}

export function openInterestPart(json: unknown, window: IngestWindow, options: OpenInterestOptions = {}): IngestPart {
  // Binance errors are {"code":-1121,"msg":"Invalid symbol."}: a negative number, where CoinGlass and OKX send strings.
  if (isObject(json) && typeof json['code'] === 'number' && json['code'] < 0) {
    return fatalPart(SOURCE, [problem('api-error', `Binance answered code ${json['code']}: ${show(json['msg'])}`)]);
  }
  const format = detectOpenInterestFormat(json);
  if (!format) {
    return fatalPart(SOURCE, [problem('malformed', 'not a recognised open-interest response (CoinGlass aggregated-history, Binance openInterestHist/openInterest, Bybit or OKX open-interest)')]);
  }
  const problems: IngestProblem[] = [];
  const series = readSeries(format, json, options.measure ?? 'usd', problems);
  if ('fatal' in series) return fatalPart(SOURCE, [...problems, series.fatal]);
  const change = series.kind === 'points' ? changeOfPoints(series.points, window, problems) : changeOfCandles(series.candles, window, problems);
  const stats = { observations: series.kind === 'points' ? series.points.length : series.candles.length, ...change.stats };
  if ('fatal' in change) return fatalPart(SOURCE, [...problems, change.fatal], stats);
  const pct = roundTo(change.pct, 2);
  if (pct < -100 || pct > 1000) {
    return fatalPart(SOURCE, [...problems, problem('bad-value', `an open-interest change of ${pct} % is outside -100 % to 1000 %; check that the series is one instrument in one unit`)], stats);
  }
  return { source: SOURCE, fatal: false, snapshot: { market: { openInterestChangePct: pct } }, problems, stats };
}

// ---- reading each format into one series -------------------------------------------------------

type Fatal = { fatal: IngestProblem };

function readSeries(format: OpenInterestFormat, json: unknown, measure: 'usd' | 'quantity', problems: IngestProblem[]): Series | Fatal {
  switch (format) {
    case 'coinglass-oi-aggregated-history': {
      const env = checkCoinglassEnvelope(json);
      if (!env.ok) return { fatal: env.problem };
      if (!Array.isArray(env.data)) return { fatal: problem('malformed', 'expected "data" to be an array of candles') };
      const candles: Candle[] = [];
      env.data.forEach((row, i) => {
        const at = `data[${i}]`;
        if (!isObject(row)) return void problems.push(problem('malformed', `${at}: expected a candle object, got ${show(row)}`));
        const time = readMillis(row['time'], `${at}.time`);
        const open = readDecimal(row['open'], `${at}.open`);
        const close = readDecimal(row['close'], `${at}.close`);
        if (!time.ok || !open.ok || !close.ok) return void [time, open, close].forEach((x) => !x.ok && problems.push(x.problem));
        candles.push({ time: time.value, open: open.value, close: close.value });
      });
      return { kind: 'candles', candles: dedupeByTime(candles, problems) };
    }
    case 'binance-openInterestHist':
      return pointsFrom(json as unknown[], '', measure === 'usd' ? 'sumOpenInterestValue' : 'sumOpenInterest', 'timestamp', 'symbol', problems);
    case 'binance-openInterest':
      return pointsFrom(Array.isArray(json) ? json : [json], '', 'openInterest', 'time', 'symbol', problems);
    case 'bybit-open-interest': {
      const body = json as Record<string, unknown>;
      if (body['retCode'] !== 0 && body['retCode'] !== '0') return { fatal: problem('api-error', `Bybit answered retCode ${show(body['retCode'])}: ${show(body['retMsg'])}`) };
      const list = isObject(body['result']) ? body['result']['list'] : undefined;
      if (!Array.isArray(list)) return { fatal: problem('malformed', 'expected result.list to be an array') };
      return pointsFrom(list, 'result.list', 'openInterest', 'timestamp', undefined, problems);
    }
    case 'okx-open-interest': {
      const body = json as Record<string, unknown>;
      if (body['code'] !== '0' && body['code'] !== 0) return { fatal: problem('api-error', `OKX answered code ${show(body['code'])}: ${show(body['msg'])}`) };
      return pointsFrom(body['data'] as unknown[], 'data', measure === 'usd' ? 'oiUsd' : 'oiCcy', 'ts', 'instId', problems);
    }
  }
}

/** Points from rows; one instrument only (mixing two would make the "change" a change of mix). */
function pointsFrom(rows: unknown[], path: string, valueKey: string, timeKey: string, idKey: string | undefined, problems: IngestProblem[]): Series | Fatal {
  const points: Point[] = [];
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const at = path ? `${path}[${i}]` : `[${i}]`;
    if (!isObject(row)) return void problems.push(problem('malformed', `${at}: expected an object, got ${show(row)}`));
    const time = readMillis(row[timeKey], `${at}.${timeKey}`);
    const value = readDecimal(row[valueKey], `${at}.${valueKey}`);
    if (!time.ok || !value.ok) return void [time, value].forEach((x) => !x.ok && problems.push(x.problem));
    if (value.value < 0) return void problems.push(problem('bad-value', `${at}.${valueKey}: open interest cannot be negative, got ${show(row[valueKey])}`));
    if (idKey !== undefined && typeof row[idKey] === 'string') ids.add(row[idKey]);
    points.push({ time: time.value, value: value.value });
  });
  if (ids.size > 1) return { fatal: problem('bad-value', `the file mixes instruments (${[...ids].sort().join(', ')}); give one instrument's series per file`) };
  return { kind: 'points', points: dedupeByTime(points, problems) };
}

/** Sorted by time; a repeated time keeps its first row (a reconnect overlap), and a conflicting repeat is reported. */
function dedupeByTime<T extends { time: number }>(rows: T[], problems: IngestProblem[]): T[] {
  const byTime = new Map<number, T>();
  for (const r of rows) {
    const first = byTime.get(r.time);
    if (!first) byTime.set(r.time, r);
    else if (JSON.stringify(first) !== JSON.stringify(r)) problems.push(problem('duplicate', `two different observations for ${isoUtc(r.time)}; the first is used`));
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

// ---- the change over the window ---------------------------------------------------------------

type Change = { pct: number; stats: Record<string, number> } | { fatal: IngestProblem; stats: Record<string, number> };

function changeOfPoints(all: Point[], window: IngestWindow, problems: IngestProblem[]): Change {
  const { start, end } = windowMs(window);
  const inside = all.filter((p) => p.time >= start && p.time <= end);
  const stats = { inWindow: inside.length, outside: all.length - inside.length };
  if (inside.length < 2) {
    return { stats, fatal: problem('out-of-window', `a change needs two observations inside the window ${isoUtc(start)} to ${isoUtc(end)}; found ${inside.length}`) };
  }
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  if (first.value === 0) return { stats, fatal: problem('bad-value', `open interest is 0 at ${isoUtc(first.time)}; a percent change from 0 is undefined`) };
  // The spacing of the series is how close to the window's edges its observations can be expected.
  const spacing = inferInterval(all.map((p) => p.time));
  if (spacing !== undefined && (first.time - start > spacing || end - last.time > spacing)) {
    problems.push(problem('out-of-window', `the observations cover ${isoUtc(first.time)} to ${isoUtc(last.time)} only; the change is over that span, not the whole window`));
  }
  return { stats, pct: ((last.value - first.value) / first.value) * 100 };
}

function changeOfCandles(all: Candle[], window: IngestWindow, problems: IngestProblem[]): Change {
  const { start, end } = windowMs(window);
  const inside = all.filter((c) => c.time >= start && c.time < end);
  const stats = { inWindow: inside.length, outside: all.length - inside.length };
  if (inside.length === 0) return { stats, fatal: problem('out-of-window', `no candle starts inside the window ${isoUtc(start)} to ${isoUtc(end)}`) };
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  if (first.open === 0) return { stats, fatal: problem('bad-value', `open interest is 0 at ${isoUtc(first.time)}; a percent change from 0 is undefined`) };
  const interval = inferInterval(all.map((c) => c.time));
  if (interval !== undefined) {
    if (last.time + interval > end) problems.push(problem('out-of-window', `the last ${describeLength(interval)} candle closes at ${isoUtc(last.time + interval)}, after the window end; the change runs to that close`));
    if (first.time - start >= interval) problems.push(problem('out-of-window', `the first candle in the window starts at ${isoUtc(first.time)}; the change does not cover the window's start`));
  }
  return { stats, pct: ((last.close - first.open) / first.open) * 100 };
}
