/**
 * Bybit v5 `allLiquidation.{symbol}`: every liquidation, pushed in batches
 * every 500 ms; `data` is an ARRAY and every element counts.
 *
 * - Side: `S` is the POSITION side — the opposite convention of Binance:
 *   Buy → a long was liquidated, Sell → a short.
 * - Size and price: `v` executed size, `p` BANKRUPTCY price (not the market
 *   price). Linear (USDT/USDC): USD = v × p. Inverse (`BTCUSD`, `BTCUSDH26`):
 *   v is already US dollars (1 USD contracts).
 * - Time: `data[].T`. Repeat key: symbol, side, T, v, p.
 */
import type { LiquidationEvent } from './event.js';
import { decimal, emitEvent, epochMs, isObject, named, remember, show, type DecodeContext, type FrameSink, type InstrumentLookup, type Raw } from './decode.js';
import { bybitBase, bybitLooksInverse, tickerOf } from './symbols.js';
import { fpEnd, fpInt, fpNumber, fpResume, type FpSeed } from './fingerprint.js';

export function decodeBybit(frame: Raw, ctx: DecodeContext, sink: FrameSink): void {
  const data = frame['data'];
  // Older recorders saved the single-object shape; read it rather than lose it.
  if (Array.isArray(data)) for (let i = 0; i < data.length; i++) decodeRow(data[i], ctx, sink);
  else if (isObject(data)) decodeRow(data, ctx, sink);
  else sink.problem('malformed', `allLiquidation frame without a "data" array (data is ${show(data)})`);
}

function decodeRow(row: unknown, ctx: DecodeContext, sink: FrameSink): void {
  if (!isObject(row)) return sink.problem('malformed', `allLiquidation data element is ${show(row)}, expected an object`);
  decodeBybitRow(row['s'], row['S'], row['v'], row['p'], row['T'], ctx, sink);
}

/** One liquidation from its fields as parsed (the fast path in fast.ts hands over the same values). */
export function decodeBybitRow(symbol: unknown, positionSide: unknown, v: unknown, p: unknown, T: unknown, ctx: DecodeContext, sink: FrameSink): void {
  if (typeof symbol !== 'string' || symbol === '') return sink.problem('malformed', `allLiquidation element without a symbol (s is ${show(symbol)})`);
  const side = positionSide === 'Buy' ? 'long' : positionSide === 'Sell' ? 'short' : null;
  if (side === null) return sink.problem('unknown-side', `${named(symbol)}: position side S is ${show(positionSide)}, expected "Buy" (a long liquidated) or "Sell" (a short)`);
  const price = decimal(p);
  if (!(price > 0) || !Number.isFinite(price)) return sink.problem('missing-price', `${named(symbol)}: no bankruptcy price (p is ${show(p)})`);
  const qty = decimal(v);
  if (!(qty >= 0) || !Number.isFinite(qty)) return sink.problem('bad-value', `${named(symbol)}: size v is ${show(v)}, expected a decimal`);
  const time = epochMs(T);
  if (Number.isNaN(time)) return sink.problem('bad-value', `${named(symbol)}: time T is ${show(T)}, expected milliseconds since 1970`);
  if (qty === 0) return sink.zeroSize();

  const names = ctx.instruments.bybit;
  const meta = names.get(symbol) ?? remember(names, symbol, instrument(ctx, symbol));
  if (typeof meta === 'string') return sink.problem('bad-value', meta);
  const usd = meta.usdPerContract !== undefined ? qty * meta.usdPerContract : qty * price;
  emitEvent(sink, scratch, symbol, meta.asset, side, usd, price, qty, time, key(meta.seed, side, qty, price));
}

/** One event object for all (see FrameSink.event): no allocation per liquidation. */
const scratch: LiquidationEvent = { venue: 'Bybit', instrument: '', asset: '', side: 'long', usd: 0, price: 0, qty: 0, time: 0, dedupeKey: 0 };

/** Linear (USDT/USDC) sizes are coins; inverse sizes are 1 USD contracts. The instrument list, when given, decides. */
function instrument(ctx: DecodeContext, symbol: string): InstrumentLookup {
  const listed = ctx.contracts.get('bybit', symbol);
  const inverse = listed ? listed.spec.kind === 'inverse' : bybitLooksInverse(symbol);
  const asset = tickerOf(listed?.asset ?? bybitBase(symbol));
  if (asset === undefined) return `${named(symbol)}: cannot tell which coin this symbol is`;
  return inverse ? { asset, usdPerContract: 1 } : { asset };
}

/** Symbol, side, size and price (the time is paired with the key by the aggregate). */
function key(seed: FpSeed, side: 'long' | 'short', qty: number, price: number): number {
  fpResume(seed);
  fpInt(side === 'long' ? 1 : 2);
  fpNumber(qty);
  fpNumber(price);
  return fpEnd();
}
