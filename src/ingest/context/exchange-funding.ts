/**
 * Funding rates from the exchanges' own endpoints (DATA-SOURCES §9). Unlike
 * CoinGlass, they send FRACTIONS per funding interval (0.0001 = 0.01 %), so
 * the rate is × 100 for percent, then × 8 / interval hours for percent per 8 h.
 *
 * - Binance `GET /fapi/v1/fundingRate`: `[{symbol, fundingRate, fundingTime, markPrice}]`.
 * - Bybit `GET /v5/market/funding/history`: `{retCode:0, result:{list:[{symbol, fundingRate, fundingRateTimestamp}]}}`.
 * - OKX `GET /api/v5/public/funding-rate-history`: `{code:"0", data:[{instId, fundingRate, fundingTime, realizedRate}]}`
 *   (`realizedRate`, the rate settled, when present).
 * - OKX `GET /api/v5/public/funding-rate` (current): `{code:"0", data:[{instId, fundingRate, fundingTime, nextFundingTime, ts}]}`.
 *
 * History rows are settlements: per instrument the value is the newest one at
 * or before the window end, and no older than one interval (else it is stale
 * and not used). The interval is the spacing of that instrument's
 * settlements; OKX's current rate gives it as nextFundingTime − fundingTime
 * and is observed at `ts`. With one settlement and no other clue the interval
 * is taken as 8 h and said so. Several instruments: the plain mean.
 */
import type { IngestProblem, IngestWindow } from '../types.js';
import { inferInterval } from '../coinglass/buckets.js';
import { problem } from '../coinglass/part.js';
import { isObject, isoUtc, readDecimal, readMillis, show, windowMs } from '../coinglass/values.js';

export type ExchangeFundingFormat = 'binance-fundingRate' | 'bybit-funding-history' | 'okx-funding-rate-history' | 'okx-funding-rate';

interface Observation {
  instrument: string;
  /** Settlement time, or (OKX current) the time the rate was read. */
  time: number;
  rate: number;
  intervalMs?: number;
}

const HOUR = 3_600_000;

/** The exchange format of a saved funding answer, or undefined (then it is a CoinGlass one, or unknown). */
export function detectExchangeFunding(json: unknown): ExchangeFundingFormat | undefined {
  if (Array.isArray(json)) {
    const first: unknown = json[0];
    return isObject(first) && 'fundingRate' in first && 'fundingTime' in first && 'symbol' in first ? 'binance-fundingRate' : undefined;
  }
  if (!isObject(json)) return undefined;
  if ('retCode' in json) return 'bybit-funding-history';
  const data = json['data'];
  if ('code' in json && Array.isArray(data)) {
    const first: unknown = data[0];
    if (isObject(first) && 'instId' in first && 'fundingRate' in first) return 'nextFundingTime' in first ? 'okx-funding-rate' : 'okx-funding-rate-history';
  }
  return undefined;
}

export type ExchangeRate = { pct8h: number; stats: Record<string, number> } | { fatal: IngestProblem; stats: Record<string, number> };

export function exchangeFundingRate(format: ExchangeFundingFormat, json: unknown, window: IngestWindow, problems: IngestProblem[]): ExchangeRate {
  const rows = readRows(format, json);
  if (typeof rows === 'string') return { stats: {}, fatal: problem(rows.startsWith('the ') ? 'api-error' : 'malformed', rows) };
  if (rows.length === 0) return { stats: {}, fatal: problem('bad-value', 'the response holds no rows; an empty answer means "not found", not a rate of 0') };
  const observations: Observation[] = [];
  rows.forEach((row, i) => {
    const o = readObservation(format, row, `${format === 'binance-fundingRate' ? '' : format.startsWith('okx') ? 'data' : 'result.list'}[${i}]`, problems);
    if (o) observations.push(o);
  });

  const { end } = windowMs(window);
  const byInstrument = new Map<string, Observation[]>();
  for (const o of observations) byInstrument.set(o.instrument, [...(byInstrument.get(o.instrument) ?? []), o]);
  const rates: number[] = [];
  let stale = 0;
  let assumed = 0;
  for (const [instrument, list] of [...byInstrument].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => a.time - b.time);
    let pick: Observation | undefined;
    for (const o of list) if (o.time <= end) pick = o;
    const spacing = inferInterval(list.map((o) => o.time));
    let intervalMs = pick?.intervalMs ?? spacing;
    if (intervalMs === undefined || intervalMs > 24 * HOUR) {
      intervalMs = 8 * HOUR;
      assumed++;
    }
    if (!pick || pick.time <= end - intervalMs) {
      stale++;
      problems.push(problem('out-of-window', `${instrument}: no funding rate in the ${intervalMs / HOUR} h up to the window end ${isoUtc(end)}${pick ? ` (the newest is from ${isoUtc(pick.time)})` : ''}; not averaged`));
      continue;
    }
    rates.push(pick.rate * 100 * (8 / (intervalMs / HOUR)));
  }
  const stats = { instruments: byInstrument.size, instrumentsAveraged: rates.length, instrumentsStale: stale, intervalAssumed8h: assumed };
  if (assumed > 0) problems.push(problem('out-of-window', `${assumed} instrument(s) with one funding time and no interval: taken as 8 h (venues also use 4 h and 1 h)`));
  if (rates.length === 0) return { stats, fatal: problem('out-of-window', `no instrument has a funding rate near the window end ${isoUtc(end)}`) };
  return { stats, pct8h: rates.reduce((s, r) => s + r, 0) / rates.length };
}

function readRows(format: ExchangeFundingFormat, json: unknown): unknown[] | string {
  if (format === 'binance-fundingRate') return json as unknown[];
  const body = json as Record<string, unknown>;
  if (format === 'bybit-funding-history') {
    if (body['retCode'] !== 0 && body['retCode'] !== '0') return `the Bybit answer is an error (retCode ${show(body['retCode'])}${typeof body['retMsg'] === 'string' ? `: ${body['retMsg']}` : ''})`;
    const result = body['result'];
    return isObject(result) && Array.isArray(result['list']) ? result['list'] : 'expected Bybit {"retCode":0,"result":{"list":[…]}}';
  }
  if (body['code'] !== '0' && body['code'] !== 0) return `the OKX answer is an error (code ${show(body['code'])}${typeof body['msg'] === 'string' && body['msg'] ? `: ${body['msg']}` : ''})`;
  return body['data'] as unknown[];
}

function readObservation(format: ExchangeFundingFormat, row: unknown, at: string, problems: IngestProblem[]): Observation | undefined {
  if (!isObject(row)) return void problems.push(problem('malformed', `${at}: expected an object, got ${show(row)}`));
  const nameField = format.startsWith('okx') ? 'instId' : 'symbol';
  const name = row[nameField];
  if (typeof name !== 'string' || name === '') return void problems.push(problem('malformed', `${at}.${nameField}: expected an instrument name, got ${show(name)}`));
  // OKX history: realizedRate is the rate actually settled (fundingRate was the forecast).
  const rateField = format === 'okx-funding-rate-history' && row['realizedRate'] !== undefined && row['realizedRate'] !== '' ? 'realizedRate' : 'fundingRate';
  const rate = readDecimal(row[rateField], `${at}.${rateField}`);
  const timeField = format === 'bybit-funding-history' ? 'fundingRateTimestamp' : format === 'okx-funding-rate' ? 'ts' : 'fundingTime';
  const time = readMillis(row[timeField], `${at}.${timeField}`);
  if (!rate.ok || !time.ok) return void [rate, time].forEach((x) => !x.ok && problems.push({ ...x.problem, message: `${x.problem.message}; the row is not used` }));
  if (format !== 'okx-funding-rate') return { instrument: name, time: time.value, rate: rate.value };
  const settle = readMillis(row['fundingTime'], `${at}.fundingTime`);
  const next = readMillis(row['nextFundingTime'], `${at}.nextFundingTime`);
  const intervalMs = settle.ok && next.ok && next.value > settle.value ? next.value - settle.value : undefined;
  return { instrument: name, time: time.value, rate: rate.value, ...(intervalMs !== undefined ? { intervalMs } : {}) };
}
