/**
 * What every stream adapter shares: the sink it reports to, the context it
 * reads contract sizes from, and number parsing that refuses what JSON-ish
 * feeds get wrong ("" is not 0).
 */
import type { IngestProblem } from '../types.js';
import type { ContractTable } from '../contracts.js';
import type { LiquidationEvent } from './event.js';

export type ProblemKind = IngestProblem['kind'];

/** Where an adapter puts what it found in one frame. The caller knows the line. */
export interface FrameSink {
  event(e: LiquidationEvent): void;
  problem(kind: ProblemKind, message: string): void;
  /** A row that holds no liquidation to sum (an order with nothing filled): counted, not a problem. */
  zeroSize(): void;
}

/** What a decoder needs to know about an instrument, worked out once per name. */
export interface InstrumentMeta {
  asset: string;
  /** Inverse contracts: US dollars per contract (the size is in contracts, the price is not needed). */
  usdPerContract?: number;
  /** Linear contracts counted in contracts (OKX): coins per contract. Absent: the size is already in coins. */
  coinsPerContract?: number;
}

/** An instrument's meta, or why it cannot be summed (a problem message). */
export type InstrumentLookup = InstrumentMeta | string;

export interface DecodeContext {
  contracts: ContractTable;
  /** Binance: whether USDⓈ-M rows are wanted (false for a COIN-M-only recording). */
  binanceUsdM: boolean;
  /**
   * Instrument name → meta, per venue and market: a recording repeats a few
   * hundred names millions of times, so each is looked up and parsed once.
   */
  instruments: Record<'binance' | 'binance-cm' | 'bybit' | 'okx', Map<string, InstrumentLookup>>;
}

export function decodeContext(contracts: ContractTable, binanceUsdM: boolean): DecodeContext {
  return { contracts, binanceUsdM, instruments: { binance: new Map(), 'binance-cm': new Map(), bybit: new Map(), okx: new Map() } };
}

/** Remembers a lookup, up to a bound: a file naming millions of distinct instruments is garbage and must not grow memory. */
export function remember(names: Map<string, InstrumentLookup>, name: string, found: InstrumentLookup): InstrumentLookup {
  if (names.size < 100_000) names.set(name, found);
  return found;
}

export type Raw = Record<string, unknown>;

export const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A decimal given as a string or a number; NaN for anything else, including "" (which Number() reads as 0). */
export function decimal(v: unknown): number {
  if (typeof v === 'string') return v.length === 0 ? NaN : +v;
  return typeof v === 'number' ? v : NaN;
}

/** A time in ms since the epoch, as a number or a string of digits. */
export function epochMs(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.length >= 10 && v.length <= 16 ? +v : NaN;
  // 2001-09-09 to 2286: anything else is seconds, micro-seconds or garbage, not a liquidation time in ms.
  return Number.isInteger(n) && n >= 1e12 && n < 1e13 ? n : NaN;
}

/** A short, safe rendering of a raw value for a problem message. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** Dollars above this are not a liquidation but a unit mistake (the contract's own limit is $10 trillion). */
export const MAX_EVENT_USD = 1e12;
