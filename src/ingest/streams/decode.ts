/**
 * What every stream adapter shares: the sink it reports to, the context it
 * reads contract sizes from, and number parsing that refuses what JSON-ish
 * feeds get wrong ("" is not 0).
 */
import type { IngestProblem } from '../types.js';
import type { ContractTable } from '../contracts.js';
import type { LiquidationEvent, Side } from './event.js';
import { fpSeed, type FpSeed } from './fingerprint.js';
import { preview } from '../preview.js';
import { MAX_INSTRUMENT_NAME, nameProblem } from '../names.js';
import { forTerminal } from '../../util/terminal.js';

export type ProblemKind = IngestProblem['kind'];

/** Where an adapter puts what it found in one frame. The caller knows the line. */
export interface FrameSink {
  /** The event object is the decoder's own and is reused for the next event: copy what you keep. */
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

/** A looked-up instrument, with its name hashed once for the repeat keys of its events. */
export interface KnownInstrument extends InstrumentMeta {
  seed: FpSeed;
}
export type KnownLookup = KnownInstrument | string;

export interface DecodeContext {
  contracts: ContractTable;
  /** Binance: whether USDⓈ-M rows are wanted (false for a COIN-M-only recording). */
  binanceUsdM: boolean;
  /** COIN-M rows seen in a USDⓈ-M input (the merged stream after Binance's CM migration): a COIN-M recording of the same time would repeat them. */
  coinMRowsInUsdM: number;
  /**
   * Instrument name → meta, per venue and market: a recording repeats a few
   * hundred names millions of times, so each is looked up and parsed once.
   */
  instruments: Record<'binance' | 'binance-cm' | 'bybit' | 'okx', Map<string, KnownLookup>>;
}

export function decodeContext(contracts: ContractTable, binanceUsdM: boolean): DecodeContext {
  return { contracts, binanceUsdM, coinMRowsInUsdM: 0, instruments: { binance: new Map(), 'binance-cm': new Map(), bybit: new Map(), okx: new Map() } };
}

/** Remembers a lookup, up to a bound: a file naming millions of distinct instruments is garbage and must not grow memory. */
export function remember(names: Map<string, KnownLookup>, name: string, found: InstrumentLookup): KnownLookup {
  // The name may become largestOrder.symbol: one the contract refuses is a bad row here, not a refused snapshot at the end.
  const bad = nameProblem(name, MAX_INSTRUMENT_NAME);
  const known: KnownLookup = bad !== undefined ? `instrument ${show(name)}: ${bad}; not summed` : typeof found === 'string' ? found : { ...found, seed: fpSeed(name) };
  // A name far too long for any instrument is not kept as a key either: it could be megabytes.
  if (names.size < 100_000 && name.length <= 4 * MAX_INSTRUMENT_NAME) names.set(name, known);
  return known;
}

export type Raw = Record<string, unknown>;

export const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A decimal given as a string or a number; NaN for anything else, including
 * "" and " " (which Number() reads as 0), hex and "Infinity".
 *
 * Venues send sizes and prices as short plain decimals ("0.014", "87535.9"),
 * millions of times: those are read digit by digit, as an integer m and a
 * count k of decimals, and returned as m / 10^k. With at most 15 digits both
 * are exact doubles and IEEE division rounds correctly, so the result is the
 * same double Number() gives, bit for bit. Anything else takes Number() after
 * a strict decimal check.
 */
export function decimal(v: unknown): number {
  if (typeof v !== 'string') return typeof v === 'number' ? v : NaN;
  const n = v.length;
  if (n === 0 || n > 15) return slowDecimal(v);
  let m = 0;
  let digits = 0;
  let k = -1; // decimals after the point; -1: no point yet
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (k >= 0) k++;
    } else if (c === 46 && k < 0) k = 0;
    else return slowDecimal(v);
  }
  if (digits === 0) return NaN;
  return k <= 0 ? m : m / (POW10[k] as number);
}

function slowDecimal(v: string): number {
  return DECIMAL.test(v) ? Number(v) : NaN;
}

/** A time in ms since the epoch, as a number or a string of digits. */
export function epochMs(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.length >= 10 && v.length <= 16 ? decimal(v) : NaN;
  // 2001-09-09 to 2286: anything else is seconds, micro-seconds or garbage, not a liquidation time in ms.
  return Number.isInteger(n) && n >= 1e12 && n < 1e13 ? n : NaN;
}

/** A short, safe rendering of a raw value for a problem message. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = preview(v, 40);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/**
 * An instrument name or other raw text for a problem message: on one line,
 * terminal controls escaped, cut when long (a 10 MB symbol is not repeated
 * whole in every message that names it).
 */
export function named(s: string): string {
  return forTerminal(s, 40);
}

/** Dollars above this are not a liquidation but a unit mistake (the contract's own limit is $10 trillion). */
export const MAX_EVENT_USD = 1e12;

/**
 * The last step of every adapter: a notional too large to be real is a
 * problem; otherwise the venue's one reused event object (no allocation per
 * liquidation) is filled and handed to the sink.
 */
export function emitEvent(sink: FrameSink, e: LiquidationEvent, instrument: string, asset: string, side: Side, usd: number, price: number, qty: number, time: number, dedupeKey: number): void {
  if (!(usd <= MAX_EVENT_USD)) return sink.problem('bad-value', `${instrument}: notional ${usd} USD is not believable`);
  e.instrument = instrument;
  e.asset = asset;
  e.side = side;
  e.usd = usd;
  e.price = price;
  e.qty = qty;
  e.time = time;
  e.dedupeKey = dedupeKey;
  sink.event(e);
}
