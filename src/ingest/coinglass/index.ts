/**
 * CoinGlass v4 REST liquidation inputs → snapshot parts. Every adapter takes
 * the PARSED JSON of one saved response body (the whole envelope
 * `{"code","msg","data"}`), the window, and options naming what the request
 * asked for (the body does not repeat the query). Each returns an `IngestPart`
 * (src/ingest/types.ts): `snapshot` holds contract-v1 fields, `problems` every
 * row that was not counted and why, `fatal` true when the input cannot give a
 * trustworthy figure (error envelope such as code "403" "Upgrade plan", no
 * rows, nothing in the window). Pure functions: no clock, no I/O.
 *
 *   coinListPart(json: unknown, window: IngestWindow, options?: { exchange?: string }): IngestPart
 *     liquidation/coin-list. Window length must be 1h, 4h, 12h or 24h (picks the fields); its end is
 *     the fetch time. → coverage, totals (sum over coins), assets[], exchanges[] (the one venue, if named).
 *     Partial unless exchange is "All" (the endpoint covers one exchange).
 *   exchangeListPart(json, window, options?: { symbol?: string }): IngestPart
 *     liquidation/exchange-list. Window 1h/4h/12h/24h. The "All" row → totals; venue rows → exchanges[]
 *     (left out if they add up to more than All). With `symbol`: one asset, partial.
 *   aggregatedHistoryPart(json, window, options?: { symbol?: string; intervalMs?: number }): IngestPart
 *     liquidation/aggregated-history. Sums buckets with start in [start, end). Partial (one coin).
 *   pairHistoryPart(json, window, options?: { exchange?: string; pair?: string; asset?: string; intervalMs?: number }): IngestPart
 *     liquidation/history (string values). Same summing. Partial (one pair on one venue).
 *   largestOrderPart(json, window, options?: { sideMapping?: 'order-side' | 'position-side' }): IngestPart
 *     liquidation/order → largestOrder (the largest in [start, end)). Default side reading: 1 = buy
 *     order = short liquidated, 2 = sell order = long liquidated (see order.ts for why).
 *   ingestCoinglass(source: CoinglassSource, json, window, options?: CoinglassOptions): IngestPart
 *     dispatch by CLI source name (COINGLASS_SOURCES).
 *   combineCoinglass(parts: readonly IngestPart[], window: IngestWindow): IngestPart
 *     merges CoinGlass parts and context parts into a full snapshot (schemaVersion 1, window, source
 *     "CoinGlass", coverage) that validateSnapshot accepts. Returns every part's problems, prefixed
 *     with the part's source name; fatal if any part is fatal or no part gives totals, or totals are $0.
 *   checkCoinglassEnvelope(json: unknown): { ok: true; data: unknown } | { ok: false; problem: IngestProblem }
 */
import type { IngestPart, IngestWindow } from '../types.js';
import { coinListPart, type CoinListOptions } from './coin-list.js';
import { exchangeListPart, type ExchangeListOptions } from './exchange-list.js';
import { aggregatedHistoryPart, pairHistoryPart, type AggregatedHistoryOptions, type PairHistoryOptions } from './history.js';
import { largestOrderPart, type OrderOptions } from './order.js';
import type { CoinglassSource } from './part.js';

export { coinListPart, type CoinListOptions } from './coin-list.js';
export { exchangeListPart, type ExchangeListOptions } from './exchange-list.js';
export { aggregatedHistoryPart, pairHistoryPart, baseOfPair, type AggregatedHistoryOptions, type PairHistoryOptions } from './history.js';
export { largestOrderPart, type OrderOptions, type OrderSideMapping } from './order.js';
export { combineCoinglass, COINGLASS_CREDIT } from './combine.js';
export { COINGLASS_SOURCES, type CoinglassSource, type Coverage } from './part.js';
export { ROLLING_RANGES, type RollingRange } from './rolling.js';
export { checkCoinglassEnvelope, type EnvelopeResult } from '../envelope.js';

/** Every option any CoinGlass adapter reads; each adapter ignores the ones that are not its own. */
export type CoinglassOptions = CoinListOptions & ExchangeListOptions & AggregatedHistoryOptions & PairHistoryOptions & OrderOptions;

export function ingestCoinglass(source: CoinglassSource, json: unknown, window: IngestWindow, options: CoinglassOptions = {}): IngestPart {
  switch (source) {
    case 'coinglass-coin-list':
      return coinListPart(json, window, options);
    case 'coinglass-exchange-list':
      return exchangeListPart(json, window, options);
    case 'coinglass-aggregated-history':
      return aggregatedHistoryPart(json, window, options);
    case 'coinglass-history':
      return pairHistoryPart(json, window, options);
    case 'coinglass-order':
      return largestOrderPart(json, window, options);
  }
}
