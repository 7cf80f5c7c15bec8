/**
 * Reading numbers and times out of provider JSON. CoinGlass sends the same
 * kind of figure as a JSON number on one endpoint and as a string on another
 * (`history` vs `aggregated-history`; OHLC strings for OI and funding), so
 * both are read, and anything that is not a plain decimal is rejected rather
 * than coerced: `Number("")` is 0 and `Number("1,000")` is NaN, neither of
 * which may reach a total.
 */
import type { IngestProblem, IngestWindow } from '../types.js';
import { preview } from '../preview.js';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type Read<T> = { ok: true; value: T } | { ok: false; problem: IngestProblem };

/** A finite decimal given as a JSON number or a decimal string; `where` names the field in messages. */
export function readDecimal(raw: unknown, where: string): Read<number> {
  let n: number | undefined;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) n = Number(raw.trim());
  if (n === undefined || !Number.isFinite(n)) return bad(`${where}: expected a number (or a numeric string), got ${show(raw)}`);
  return { ok: true, value: n };
}

/** A US-dollar amount: a decimal that is at least 0. */
export function readUsd(raw: unknown, where: string): Read<number> {
  const r = readDecimal(raw, where);
  if (r.ok && r.value < 0) return bad(`${where}: a US-dollar amount cannot be negative, got ${show(raw)}`);
  return r;
}

/** A millisecond epoch time (number or digit string), as CoinGlass, Binance, Bybit and OKX send it. */
export function readMillis(raw: unknown, where: string): Read<number> {
  const r = readDecimal(raw, where);
  if (!r.ok) return r;
  if (!Number.isInteger(r.value) || r.value < 0) return bad(`${where}: expected a time in milliseconds, got ${show(raw)}`);
  // Before 1973 in ms, or 1973–5138 in seconds: these APIs send ms, so a value this small is seconds read wrong (or garbage).
  if (r.value < 1e11) return bad(`${where}: ${show(raw)} is too small for milliseconds since 1970 (seconds? CoinGlass, Binance, Bybit and OKX send milliseconds)`);
  return r;
}

function bad(message: string): { ok: false; problem: IngestProblem } {
  return { ok: false, problem: { line: null, kind: 'bad-value', message } };
}

export function show(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  const s = preview(v, 60);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Amounts are kept to the cent: stable bytes, no 17-digit float tails in the snapshot. */
export const cents = (n: number): number => Math.round(n * 100) / 100;

/**
 * Totals from the two sides, each to the cent, and `usd` as their exact sum:
 * the snapshot's sides then add up to its total to the cent, as the stream
 * adapters' totals do.
 */
export function sideTotals(long: number, short: number): { usd: number; longUsd: number; shortUsd: number } {
  const l = Math.round(long * 100);
  const s = Math.round(short * 100);
  return { usd: (l + s) / 100, longUsd: l / 100, shortUsd: s / 100 };
}

/** Rounds to `places` decimals (percentages, rates). */
export const roundTo = (n: number, places: number): number => {
  const f = 10 ** places;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** `2026-02-05T00:00:00Z`: ISO with an explicit offset, without a `.000` tail. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

export function windowMs(w: IngestWindow): { start: number; end: number; length: number } {
  const start = w.start.getTime();
  const end = w.end.getTime();
  return { start, end, length: end - start };
}

/** "24h", "90m", "2d 4h": window lengths in messages. */
export function describeLength(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return minutes > 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
}

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A coin ticker the snapshot contract accepts (`BTC`, `1000PEPE`), upper-cased; undefined when it cannot be one. */
export function asTicker(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const t = raw.trim().toUpperCase();
  return /^[A-Z0-9]{1,15}$/.test(t) ? t : undefined;
}
