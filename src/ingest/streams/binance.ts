/**
 * Binance `forceOrder` (USDⓈ-M `<symbol>@forceOrder` / `!forceOrder@arr`,
 * COIN-M the same on dstream). One frame is one liquidation ORDER, a
 * snapshot: at most one per symbol per second reaches the stream, so totals
 * are lower bounds.
 *
 * - Side: `o.S` is the ORDER side. A SELL order closes a long: SELL → long,
 *   BUY → short.
 * - Size: `o.z` (filled so far), never `o.l` (the last fill only) or `o.q`.
 * - USDⓈ-M: USD = z × ap (average fill price, not the order price `p`).
 * - COIN-M (`o.st` 2, or a `…USD_PERP` / `…USD_yymmdd` symbol): z is in
 *   CONTRACTS; USD = z × contract size (100 for BTCUSD, 10 for most others).
 *   After Binance's "CM migration" such rows arrive on the USDⓈ-M stream too.
 * - Time: `o.T`, the trade time.
 * - Repeat key: symbol, side, T, q, p, z, ap — a repeated frame matches on all
 *   of them; two fills of one order differ in T or z.
 */
import type { LiquidationEvent } from './event.js';
import { decimal, emitEvent, epochMs, isObject, named, remember, show, type DecodeContext, type FrameSink, type InstrumentLookup, type Raw } from './decode.js';
import { binanceBase, binanceLooksCoinM, tickerOf } from './symbols.js';
import { fpEnd, fpField, fpInt, fpNumber, fpResume, type FpSeed } from './fingerprint.js';

export function decodeBinance(frame: Raw, ctx: DecodeContext, sink: FrameSink): void {
  const o = frame['o'];
  if (!isObject(o)) return sink.problem('malformed', 'forceOrder frame without its order object "o"');
  decodeBinanceOrder(o['s'], o['ps'], o['st'], o['S'], o['q'], o['p'], o['ap'], o['z'], o['T'], ctx, sink);
}

/** One liquidation order from its fields as parsed (the fast path in fast.ts hands over the same values). */
export function decodeBinanceOrder(symbol: unknown, ps: unknown, st: unknown, orderSide: unknown, q: unknown, p: unknown, ap: unknown, z: unknown, T: unknown, ctx: DecodeContext, sink: FrameSink): void {
  if (typeof symbol !== 'string' || symbol === '') return sink.problem('malformed', `forceOrder frame without a symbol (o.s is ${show(symbol)})`);
  const coinM = st === 2 || (st !== 1 && binanceLooksCoinM(symbol));
  if (!coinM && !ctx.binanceUsdM) {
    return sink.problem('other-stream', `USDⓈ-M row ${named(symbol)} in a COIN-M input; use --source binance for the USDⓈ-M stream`);
  }
  if (coinM && ctx.binanceUsdM) ctx.coinMRowsInUsdM++;

  const side = orderSide === 'SELL' ? 'long' : orderSide === 'BUY' ? 'short' : null;
  if (side === null) return sink.problem('unknown-side', `${named(symbol)}: order side o.S is ${show(orderSide)}, expected "SELL" (a long liquidated) or "BUY" (a short)`);
  const price = decimal(ap);
  if (!(price > 0) || !Number.isFinite(price)) return sink.problem('missing-price', `${named(symbol)}: no average fill price (o.ap is ${show(ap)})`);
  const qty = decimal(z);
  if (!(qty >= 0) || !Number.isFinite(qty)) return sink.problem('bad-value', `${named(symbol)}: filled quantity o.z is ${show(z)}, expected a decimal`);
  const time = epochMs(T);
  if (Number.isNaN(time)) return sink.problem('bad-value', `${named(symbol)}: trade time o.T is ${show(T)}, expected milliseconds since 1970`);
  if (qty === 0) return sink.zeroSize();

  const names = ctx.instruments[coinM ? 'binance-cm' : 'binance'];
  const meta = names.get(symbol) ?? remember(names, symbol, coinM ? coinMInstrument(ctx, symbol, ps) : usdMInstrument(symbol));
  if (typeof meta === 'string') return sink.problem('bad-value', meta);
  const usd = meta.usdPerContract !== undefined ? qty * meta.usdPerContract : qty * price;
  emitEvent(sink, scratch, symbol, meta.asset, side, usd, price, qty, time, key(meta.seed, side, q, p, qty, price));
}

/** One event object for all (see FrameSink.event): no allocation per liquidation. */
const scratch: LiquidationEvent = { venue: 'Binance', instrument: '', asset: '', side: 'long', usd: 0, price: 0, qty: 0, time: 0, dedupeKey: 0 };

function usdMInstrument(symbol: string): InstrumentLookup {
  const asset = tickerOf(binanceBase(symbol));
  return asset === undefined ? `${named(symbol)}: cannot tell which coin this symbol is` : { asset };
}

/** COIN-M: z is in contracts of a fixed USD size, from the instrument list or the built-in table. */
function coinMInstrument(ctx: DecodeContext, symbol: string, ps: unknown): InstrumentLookup {
  const pair = typeof ps === 'string' && ps !== '' ? ps : (symbol.split('_')[0] ?? symbol);
  const info = ctx.contracts.get('binance-cm', symbol) ?? ctx.contracts.get('binance-cm', pair);
  if (info === undefined || info.spec.kind !== 'inverse') return `${named(symbol)}: COIN-M contract size unknown; pass Binance's /dapi/v1/exchangeInfo with --instruments`;
  const asset = tickerOf(info.asset ?? binanceBase(pair));
  return asset === undefined ? `${named(symbol)}: cannot tell which coin this symbol is` : { asset, usdPerContract: info.spec.usd };
}

/** Symbol, side, q and p as sent, z and ap as parsed (the time T is paired with the key by the aggregate). */
function key(seed: FpSeed, side: 'long' | 'short', q: unknown, p: unknown, z: number, ap: number): number {
  fpResume(seed);
  fpInt(side === 'long' ? 1 : 2);
  fpField(q);
  fpField(p);
  fpNumber(z);
  fpNumber(ap);
  return fpEnd();
}
