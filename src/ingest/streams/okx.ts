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
import { MAX_EVENT_USD, assetFor, decimal, epochMs, isObject, show, type DecodeContext, type FrameSink, type Raw } from './decode.js';
import { okxBase, tickerOf } from './symbols.js';

export function decodeOkx(frame: Raw, ctx: DecodeContext, sink: FrameSink): void {
  const data = frame['data'];
  if (!Array.isArray(data)) return sink.problem('malformed', `liquidation-orders frame without a "data" array (data is ${show(data)})`);
  for (const item of data) {
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
      sink.problem('malformed', `${instId}: no "details" array`);
      continue;
    }
    const instType = typeof item['instType'] === 'string' ? item['instType'] : ctx.contracts.get('okx', instId)?.type;
    if (instType === 'MARGIN' || instType === 'OPTION') {
      for (let i = 0; i < details.length; i++) sink.problem('other-stream', `${instId}: ${instType} liquidation (not a futures liquidation); not summed`);
      continue;
    }
    for (const d of details) decodeDetail(instId, d, ctx, sink);
  }
}

function decodeDetail(instId: string, d: unknown, ctx: DecodeContext, sink: FrameSink): void {
  if (!isObject(d)) return sink.problem('malformed', `${instId}: details element is ${show(d)}, expected an object`);
  const posSide = d['posSide'];
  const orderSide = d['side'];
  let side: 'long' | 'short' | null = null;
  if (posSide === 'long' || posSide === 'short') side = posSide;
  else if (posSide === 'net' || posSide === '' || posSide === undefined) side = orderSide === 'sell' ? 'long' : orderSide === 'buy' ? 'short' : null;
  if (side === null) {
    return sink.problem('unknown-side', `${instId}: posSide ${show(posSide)} with side ${show(orderSide)}; expected posSide long/short, or net with side sell/buy`);
  }
  const price = decimal(d['bkPx']);
  if (!(price > 0) || !Number.isFinite(price)) return sink.problem('missing-price', `${instId}: no bankruptcy price (bkPx is ${show(d['bkPx'])})`);
  const qty = decimal(d['sz']);
  if (!(qty >= 0) || !Number.isFinite(qty)) return sink.problem('bad-value', `${instId}: size sz is ${show(d['sz'])}, expected a decimal`);
  const time = epochMs(d['ts']);
  if (Number.isNaN(time)) return sink.problem('bad-value', `${instId}: time ts is ${show(d['ts'])}, expected milliseconds since 1970`);
  if (qty === 0) return sink.zeroSize();

  const info = ctx.contracts.get('okx', instId);
  if (info === undefined) return sink.problem('bad-value', `${instId}: contract value (ctVal) unknown; pass OKX's /api/v5/public/instruments answer with --instruments`);
  const usd = info.spec.kind === 'inverse' ? qty * info.spec.usd : qty * info.spec.base * price;
  if (!(usd <= MAX_EVENT_USD)) return sink.problem('bad-value', `${instId}: notional ${usd} USD is not believable`);
  const asset = assetFor(ctx, 'okx', instId, () => tickerOf(info.asset ?? okxBase(instId)));
  if (asset === undefined) return sink.problem('bad-value', `${instId}: cannot tell which coin this instrument is`);

  const event: LiquidationEvent = {
    venue: 'OKX',
    instrument: instId,
    asset,
    side,
    usd,
    price,
    qty,
    time,
    dedupeKey: `O|${instId}|${time}|${String(orderSide)}|${String(posSide)}|${String(d['sz'])}|${String(d['bkPx'])}`,
  };
  sink.event(event);
}
