/**
 * OKX v5 `liquidation-orders` (WebSocket push, or a one-line REST answer of
 * `/api/v5/public/liquidation-orders`, which has the same `data[]`). The
 * feed "doesn't represent the total number of liquidations", arrives out of
 * order and sometimes late: totals are lower bounds.
 *
 * - Side: `posSide` long/short is the liquidated position; in one-way mode
 *   (`posSide` "net" or empty) the ORDER side decides: sell → long, buy → short.
 *   `side` alone is never read as the position side (in hedge mode they disagree).
 * - Size: `sz` is in CONTRACTS for SWAP/FUTURES. Linear:
 *   USD = sz × ctVal × ctMult × bkPx; inverse (ctValCcy USD): sz × ctVal × ctMult.
 *   ctVal comes from the instrument list (BTC-USDT-SWAP is 0.01 BTC).
 * - MARGIN and OPTION liquidations are other products: reported, not summed.
 * - Time: `details[].ts`. Repeat key: instId, ts, side, posSide, sz, bkPx.
 */
import type { LiquidationEvent } from './event.js';
import { decimal, emitEvent, epochMs, isObject, named, remember, show, type DecodeContext, type FrameSink, type InstrumentLookup, type Raw } from './decode.js';
import { okxBase, tickerOf } from './symbols.js';
import { fpEnd, fpInt, fpNumber, fpResume, type FpSeed } from './fingerprint.js';

export function decodeOkx(frame: Raw, ctx: DecodeContext, sink: FrameSink): void {
  const data = frame['data'];
  if (!Array.isArray(data)) return sink.problem('malformed', `liquidation-orders frame without a "data" array (data is ${show(data)})`);
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    if (!isObject(item)) {
      sink.problem('malformed', `liquidation-orders data element is ${show(item)}, expected an object`);
      continue;
    }
    const instId = item['instId'];
    if (typeof instId !== 'string' || instId === '') {
      sink.problem('malformed', `liquidation-orders element without an instId (${show(instId)})`);
      continue;
    }
    const details = item['details'];
    if (!Array.isArray(details)) {
      sink.problem('malformed', `${named(instId)}: no "details" array`);
      continue;
    }
    const instType = item['instType'];
    for (let j = 0; j < details.length; j++) {
      const d: unknown = details[j];
      if (!isObject(d)) sink.problem('malformed', `${named(instId)}: details element is ${show(d)}, expected an object`);
      else decodeOkxDetail(instId, instType, d['posSide'], d['side'], d['bkPx'], d['sz'], d['ts'], ctx, sink);
    }
  }
}

/**
 * One liquidation detail from its fields as parsed (the fast path in fast.ts hands over the same values).
 * MARGIN and OPTION rows (by the item's instType, else the instrument list) are reported, one problem per detail.
 */
export function decodeOkxDetail(instId: string, instTypeRaw: unknown, posSide: unknown, orderSide: unknown, bkPx: unknown, sz: unknown, ts: unknown, ctx: DecodeContext, sink: FrameSink): void {
  const instType = typeof instTypeRaw === 'string' ? instTypeRaw : ctx.contracts.get('okx', instId)?.type;
  if (instType === 'MARGIN' || instType === 'OPTION') return sink.problem('other-stream', `${named(instId)}: ${instType} liquidation (not a futures liquidation); not summed`);
  let side: 'long' | 'short' | null = null;
  if (posSide === 'long' || posSide === 'short') side = posSide;
  else if (posSide === 'net' || posSide === '' || posSide === undefined) side = orderSide === 'sell' ? 'long' : orderSide === 'buy' ? 'short' : null;
  if (side === null) {
    return sink.problem('unknown-side', `${named(instId)}: posSide ${show(posSide)} with side ${show(orderSide)}; expected posSide long/short, or net with side sell/buy`);
  }
  const price = decimal(bkPx);
  if (!(price > 0) || !Number.isFinite(price)) return sink.problem('missing-price', `${named(instId)}: no bankruptcy price (bkPx is ${show(bkPx)})`);
  const qty = decimal(sz);
  if (!(qty >= 0) || !Number.isFinite(qty)) return sink.problem('bad-value', `${named(instId)}: size sz is ${show(sz)}, expected a decimal`);
  const time = epochMs(ts);
  if (Number.isNaN(time)) return sink.problem('bad-value', `${named(instId)}: time ts is ${show(ts)}, expected milliseconds since 1970`);
  if (qty === 0) return sink.zeroSize();

  const names = ctx.instruments.okx;
  const meta = names.get(instId) ?? remember(names, instId, instrument(ctx, instId));
  if (typeof meta === 'string') return sink.problem('bad-value', meta);
  const usd = meta.usdPerContract !== undefined ? qty * meta.usdPerContract : qty * (meta.coinsPerContract ?? 1) * price;
  emitEvent(sink, scratch, instId, meta.asset, side, usd, price, qty, time, key(meta.seed, posSide === 'long' ? 1 : posSide === 'short' ? 2 : side === 'long' ? 3 : 4, qty, price));
}

/** One event object for all (see FrameSink.event): no allocation per liquidation. */
const scratch: LiquidationEvent = { venue: 'OKX', instrument: '', asset: '', side: 'long', usd: 0, price: 0, qty: 0, time: 0, dedupeKey: 0 };

/** SWAP/FUTURES sizes are contracts: ctVal × ctMult coins each (linear) or US dollars each (inverse). */
function instrument(ctx: DecodeContext, instId: string): InstrumentLookup {
  const info = ctx.contracts.get('okx', instId);
  if (info === undefined) return `${named(instId)}: contract value (ctVal) unknown; pass OKX's /api/v5/public/instruments answer with --instruments`;
  const asset = tickerOf(info.asset ?? okxBase(instId));
  if (asset === undefined) return `${named(instId)}: cannot tell which coin this instrument is`;
  return info.spec.kind === 'inverse' ? { asset, usdPerContract: info.spec.usd } : { asset, coinsPerContract: info.spec.base };
}

/** instId, the side fields (posSide long 1, short 2; net or none with sell 3, buy 4), sz and bkPx; ts is paired by the aggregate. */
function key(seed: FpSeed, sides: number, qty: number, price: number): number {
  fpResume(seed);
  fpInt(sides);
  fpNumber(qty);
  fpNumber(price);
  return fpEnd();
}
