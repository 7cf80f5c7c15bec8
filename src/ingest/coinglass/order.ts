/**
 * `GET /api/futures/liquidation/order`: individual liquidation orders (at most
 * 200 rows, past 7 days, above `min_liquidation_amount`). The part is the
 * largest order whose time lies in [start, end), i.e. the largest REPORTED
 * order: CoinGlass relays the throttled exchange feeds.
 *
 * Side mapping. CoinGlass documents `side` twice and the two texts disagree:
 * this REST endpoint says "Order direction (1: Buy, 2: Sell)", the WebSocket
 * page says "side=1 Long liquidation, side=2 Short liquidation". We read this
 * endpoint by its own documentation, as the ORDER side: 2 = a forced sell =
 * a LONG position liquidated, 1 = a forced buy = a SHORT liquidated. That is
 * the same convention as Binance's `forceOrder` (SELL liquidates a long), the
 * feed CoinGlass relays for the documented example rows ("BINANCE"). Because
 * the question is unresolved (DATA-SOURCES §1.4), the mapping is an option:
 * `sideMapping: 'position-side'` reads 1 = long, 2 = short instead.
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { dataArray, fatalPart, problem } from './part.js';
import { asTicker, cents, isObject, isoUtc, readMillis, readUsd, show, windowMs } from './values.js';
import { venueName } from './venues.js';
import { MAX_INSTRUMENT_NAME, MAX_VENUE_NAME, nameProblem } from '../names.js';

export type OrderSideMapping = 'order-side' | 'position-side';

export interface OrderOptions {
  /** How to read `side` 1/2; default 'order-side' (1 = buy order = short liquidated, 2 = sell order = long liquidated). */
  sideMapping?: OrderSideMapping;
}

const SOURCE = 'coinglass-order';
/** The endpoint's documented row cap: at the cap, older orders in the window may be missing. */
const ROW_CAP = 200;

interface Order {
  exchange: string;
  symbol: string;
  asset: string | undefined;
  side: 'long' | 'short';
  usd: number;
  time: number;
}

export function largestOrderPart(json: unknown, window: IngestWindow, options: OrderOptions = {}): IngestPart {
  const data = dataArray(SOURCE, json);
  if ('part' in data) return data.part;
  const mapping = options.sideMapping ?? 'order-side';
  const { start, end } = windowMs(window);
  const problems: IngestProblem[] = [];
  let largest: Order | undefined;
  let inWindow = 0;
  let outside = 0;
  let rejected = 0;
  data.rows.forEach((row, i) => {
    const order = readOrder(row, i, mapping, problems);
    if (!order) return void rejected++;
    if (order.time < start || order.time >= end) return void outside++;
    inWindow++;
    // Strictly larger wins, so among equal orders the earliest row is kept: same input, same answer.
    if (!largest || order.usd > largest.usd) largest = order;
  });
  const stats = { rows: data.rows.length, ordersInWindow: inWindow, ordersOutside: outside, rowsRejected: rejected, rowCapReached: data.rows.length >= ROW_CAP ? 1 : 0 };
  if (!largest) {
    if (inWindow === 0 && rejected === data.rows.length) return fatalPart(SOURCE, [...problems, problem('bad-value', 'no order row could be read')], stats);
    problems.push(problem('out-of-window', `none of the ${data.rows.length} orders lies in the window ${isoUtc(start)} to ${isoUtc(end)}; no largest order is written`));
    return { source: SOURCE, fatal: false, snapshot: {}, problems, stats };
  }
  const found: Order = largest;
  const largestOrder: Record<string, unknown> = { exchange: found.exchange, symbol: found.symbol, side: found.side, usd: cents(found.usd) };
  if (found.asset !== undefined) largestOrder['asset'] = found.asset;
  return { source: SOURCE, fatal: false, snapshot: { largestOrder }, problems, stats: { ...stats, largestOrderTime: found.time } };
}

function readOrder(row: unknown, i: number, mapping: OrderSideMapping, problems: IngestProblem[]): Order | undefined {
  if (!isObject(row)) {
    problems.push(problem('malformed', `data[${i}]: expected an order object, got ${show(row)}`));
    return undefined;
  }
  const usd = readUsd(row['usd_value'], `data[${i}].usd_value`);
  const time = readMillis(row['time'], `data[${i}].time`);
  if (!usd.ok || !time.ok) {
    for (const x of [usd, time]) if (!x.ok) problems.push({ ...x.problem, message: `${x.problem.message}; the order is not counted` });
    return undefined;
  }
  const exchange = row['exchange_name'];
  const symbol = row['symbol'];
  if (typeof exchange !== 'string' || exchange.trim() === '' || typeof symbol !== 'string' || symbol.trim() === '') {
    problems.push(problem('bad-value', `data[${i}]: expected exchange_name and symbol as names, got ${show(exchange)} and ${show(symbol)}; the order is not counted`));
    return undefined;
  }
  // Both become largestOrder fields: a name the contract refuses leaves this order out, not the snapshot.
  for (const [field, value, max] of [['exchange_name', venueName(exchange), MAX_VENUE_NAME], ['symbol', symbol.trim(), MAX_INSTRUMENT_NAME]] as const) {
    const bad = nameProblem(value, max);
    if (bad !== undefined) {
      problems.push(problem('bad-value', `data[${i}].${field}: ${bad}; the order is not counted`));
      return undefined;
    }
  }
  const side = sideOf(row['side'], mapping);
  if (!side) {
    problems.push(problem('unknown-side', `data[${i}].side: expected 1 or 2, got ${show(row['side'])}; the order is not counted`));
    return undefined;
  }
  return { exchange: venueName(exchange), symbol: symbol.trim(), asset: asTicker(row['base_asset']), side, usd: usd.value, time: time.value };
}

function sideOf(raw: unknown, mapping: OrderSideMapping): 'long' | 'short' | undefined {
  const code = raw === 1 || raw === '1' ? 1 : raw === 2 || raw === '2' ? 2 : undefined;
  if (code === undefined) return undefined;
  if (mapping === 'order-side') return code === 2 ? 'long' : 'short';
  return code === 1 ? 'long' : 'short';
}
