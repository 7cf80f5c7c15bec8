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
import { MAX_EVENT_USD, decimal, epochMs, isObject, remember, show, type DecodeContext, type FrameSink, type InstrumentLookup, type Raw } from './decode.js';
import { okxBase, tickerOf } from './symbols.js';
import { fpEnd, fpField, fpStart, fpText } from './fingerprint.js';

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
      sink.problem('malformed', `${instId}: no "details" array`);
      continue;
    }
    const instType = typeof item['instType'] === 'string' ? item['instType'] : ctx.contracts.get('okx', instId)?.type;
    if (instType === 'MARGIN' || instType === 'OPTION') {
      for (let j = 0; j < details.length; j++) sink.problem('other-stream', `${instId}: ${instType} liquidation (not a futures liquidation); not summed`);
      continue;
    }
    for (let j = 0; j < details.length; j++) decodeDetail(instId, details[j], ctx, sink);
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

  const names = ctx.instruments.okx;
  const meta = names.get(instId) ?? remember(names, instId, instrument(ctx, instId));
  if (typeof meta === 'string') return sink.problem('bad-value', meta);
  const usd = meta.usdPerContract !== undefined ? qty * meta.usdPerContract : qty * (meta.coinsPerContract ?? 1) * price;
  if (!(usd <= MAX_EVENT_USD)) return sink.problem('bad-value', `${instId}: notional ${usd} USD is not believable`);

  const event: LiquidationEvent = {
    venue: 'OKX',
    instrument: instId,
    asset: meta.asset,
    side,
    usd,
    price,
    qty,
    time,
    dedupeKey: key(instId, d),
  };
  sink.event(event);
}

/** SWAP/FUTURES sizes are contracts: ctVal × ctMult coins each (linear) or US dollars each (inverse). */
function instrument(ctx: DecodeContext, instId: string): InstrumentLookup {
  const info = ctx.contracts.get('okx', instId);
  if (info === undefined) return `${instId}: contract value (ctVal) unknown; pass OKX's /api/v5/public/instruments answer with --instruments`;
  const asset = tickerOf(info.asset ?? okxBase(instId));
  if (asset === undefined) return `${instId}: cannot tell which coin this instrument is`;
  return info.spec.kind === 'inverse' ? { asset, usdPerContract: info.spec.usd } : { asset, coinsPerContract: info.spec.base };
}

function key(instId: string, d: Raw): number {
  fpStart();
  fpText(instId);
  fpField(d['side']);
  fpField(d['posSide']);
  fpField(d['sz']);
  fpField(d['bkPx']);
  return fpEnd();
}
