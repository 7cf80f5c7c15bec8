/**
 * Fast paths for frames in the venues' documented layout: Binance
 * `forceOrder` (bare or in a combined-stream wrapper; `ps` and `st` optional,
 * as before and after the CM migration), Bybit `allLiquidation` and OKX
 * `liquidation-orders`, key for key in the order of the documentation
 * samples (fixtures/ingest/streams/*.docs.json).
 *
 * JSON.parse builds an object for every frame and every row only for the
 * decoder to read five fields back. Here a line is matched whole, from its
 * first to its last character, by sticky patterns that admit:
 * - strings with no quote, backslash or control character inside, so a
 *   captured string is exactly the value JSON.parse would give (no escapes
 *   to undo);
 * - numbers only as JSON integers (`0` or no leading zero);
 * - no whitespace, no other key, no other key order.
 * A matched line is therefore valid JSON of exactly that shape, and the same
 * values go to the same decoder as after JSON.parse (decodeBinanceOrder,
 * decodeBybitRow, decodeOkxDetail), in the same order: the same events, problems and line
 * numbers. Nothing is decoded until the whole line has matched; any line that
 * does not match (other layout, extra field, escapes, a broken line) returns
 * false and takes the general JSON.parse path. The equivalence is tested on
 * generated and hand-made variants (test/ingest/streams-fast.test.ts).
 */
import type { DecodeContext, FrameSink } from './decode.js';
import { decimal } from './decode.js';
import { decodeBinanceOrder } from './binance.js';
import { decodeBybitRow } from './bybit.js';
import { decodeOkxDetail } from './okx.js';

/** A JSON string's content with nothing to unescape. */
const S = '[^"\\\\\\u0000-\\u001f]*';
/** A JSON integer. */
const INT = '(?:0|[1-9][0-9]{0,15})';

const BINANCE = new RegExp(
  `(\\{"stream":"${S}","data":)?\\{"e":"forceOrder","E":${INT},"o":\\{"s":"(${S})",(?:"ps":"(${S})",)?(?:"st":(${INT}),)?"S":"(${S})","o":"${S}","f":"${S}","q":"(${S})","p":"(${S})","ap":"(${S})","X":"${S}","l":"${S}","z":"(${S})","T":(${INT})\\}\\}`,
  'y',
);
const BYBIT_HEAD = new RegExp(`\\{"topic":"allLiquidation\\.${S}","type":"snapshot","ts":${INT},"data":\\[`, 'y');
const BYBIT_ROW = new RegExp(`\\{"T":(${INT}),"s":"(${S})","S":"(${S})","v":"(${S})","p":"(${S})"\\}`, 'y');

const OKX_HEAD = new RegExp(`\\{(?:"id":"${S}",)?"arg":\\{"channel":"liquidation-orders","instType":"${S}"\\},"data":\\[`, 'y');
const OKX_ITEM = /\{"details":\[/y;
const OKX_DETAIL = new RegExp(`\\{"bkLoss":"${S}","bkPx":"(${S})","ccy":"${S}","posSide":"(${S})","side":"(${S})","sz":"(${S})","ts":"(${S})"\\}`, 'y');
const OKX_ITEM_END = new RegExp(`\\],"instFamily":"${S}","instId":"(${S})","instType":"(${S})","uly":"${S}"\\}`, 'y');

/** More rows than this in one frame: the general path (the buffers below stay small). */
const MAX_ROWS = 256;
/** Captures of the line being matched, reused from line to line. */
const cap: string[][] = Array.from({ length: 5 }, () => new Array<string>(MAX_ROWS).fill(''));
const itemEnd: number[] = new Array<number>(MAX_ROWS).fill(0);
const itemId: string[] = new Array<string>(MAX_ROWS).fill('');
const itemType: string[] = new Array<string>(MAX_ROWS).fill('');

const COMMA = 44;
const CLOSE_BRACKET = 93;
const CLOSE_BRACE = 125;

/** After a row at `i`: 1 another follows (`,`), 0 the array closes (`]`), -1 anything else. */
function next(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === COMMA ? 1 : c === CLOSE_BRACKET ? 0 : -1;
}

/** Decodes a Binance forceOrder line in the documented layout; false (nothing done) for any other line. */
export function fastBinance(text: string, ctx: DecodeContext, sink: FrameSink): boolean {
  BINANCE.lastIndex = 0;
  const m = BINANCE.exec(text);
  if (m === null) return false;
  // A wrapped frame ends with the wrapper's `}` too; nothing else may follow.
  const end = BINANCE.lastIndex;
  if (m[1] === undefined ? end !== text.length : end !== text.length - 1 || text.charCodeAt(end) !== CLOSE_BRACE) return false;
  const st = m[4];
  decodeBinanceOrder(m[2], m[3], st === undefined ? undefined : decimal(st), m[5], m[6], m[7], m[8], m[9], decimal(m[10] as string), ctx, sink);
  return true;
}

/** Decodes a Bybit allLiquidation line in the documented layout; false (nothing done) for any other line. */
export function fastBybit(text: string, ctx: DecodeContext, sink: FrameSink): boolean {
  BYBIT_HEAD.lastIndex = 0;
  if (!BYBIT_HEAD.test(text)) return false;
  let i = BYBIT_HEAD.lastIndex;
  let n = 0;
  for (;;) {
    if (n === MAX_ROWS) return false;
    BYBIT_ROW.lastIndex = i;
    const m = BYBIT_ROW.exec(text);
    if (m === null) return false;
    for (let f = 0; f < 5; f++) (cap[f] as string[])[n] = m[f + 1] as string;
    n++;
    i = BYBIT_ROW.lastIndex;
    const after = next(text, i);
    if (after < 0) return false;
    i++;
    if (after === 0) break;
  }
  // `]` was the data array's end; only the frame's `}` may follow.
  if (i !== text.length - 1 || text.charCodeAt(i) !== CLOSE_BRACE) return false;
  const [T, s, side, v, p] = cap as [string[], string[], string[], string[], string[]];
  for (let r = 0; r < n; r++) decodeBybitRow(s[r], side[r], v[r], p[r], decimal(T[r]), ctx, sink);
  return true;
}

/** Decodes an OKX liquidation-orders line in the documented layout; false (nothing done) for any other line. */
export function fastOkx(text: string, ctx: DecodeContext, sink: FrameSink): boolean {
  OKX_HEAD.lastIndex = 0;
  if (!OKX_HEAD.test(text)) return false;
  let i = OKX_HEAD.lastIndex;
  let n = 0; // details so far
  let items = 0;
  for (;;) {
    if (items === MAX_ROWS) return false;
    OKX_ITEM.lastIndex = i;
    if (!OKX_ITEM.test(text)) return false;
    i = OKX_ITEM.lastIndex;
    for (;;) {
      if (n === MAX_ROWS) return false;
      OKX_DETAIL.lastIndex = i;
      const m = OKX_DETAIL.exec(text);
      if (m === null) return false;
      for (let f = 0; f < 5; f++) (cap[f] as string[])[n] = m[f + 1] as string;
      n++;
      i = OKX_DETAIL.lastIndex;
      const after = next(text, i);
      if (after < 0) return false;
      if (after === 0) break;
      i++;
    }
    OKX_ITEM_END.lastIndex = i;
    const m = OKX_ITEM_END.exec(text);
    if (m === null) return false;
    itemEnd[items] = n;
    itemId[items] = m[1] as string;
    itemType[items] = m[2] as string;
    items++;
    i = OKX_ITEM_END.lastIndex;
    const after = next(text, i);
    if (after < 0) return false;
    i++;
    if (after === 0) break;
  }
  if (i !== text.length - 1 || text.charCodeAt(i) !== CLOSE_BRACE) return false;
  const [bkPx, posSide, side, sz, ts] = cap as [string[], string[], string[], string[], string[]];
  let d = 0;
  for (let k = 0; k < items; k++) {
    const instId = itemId[k] as string;
    const end = itemEnd[k] as number;
    if (instId === '') {
      // As decodeOkx says it, once for the element.
      sink.problem('malformed', `liquidation-orders element without an instId ("")`);
      d = end;
      continue;
    }
    for (; d < end; d++) decodeOkxDetail(instId, itemType[k], posSide[d], side[d], bkPx[d], sz[d], ts[d], ctx, sink);
  }
  return true;
}
