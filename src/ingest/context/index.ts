/**
 * Context inputs (market mood, positioning) → `market.*` snapshot fields.
 * Each adapter takes the PARSED JSON of one saved response and the window and
 * returns an `IngestPart` (src/ingest/types.ts) whose snapshot is
 * `{ market: { … } }`; `fatal` when the input gives no usable value for the
 * window (API error, nothing near the window end). Pure: no clock, no I/O.
 *
 *   fearGreedPart(json: unknown, window: IngestWindow): IngestPart
 *     alternative.me /fng/ → market.sentiment { index, label }: the newest value at or before the
 *     window end (timestamps in SECONDS, values as strings), at most two days old.
 *   openInterestPart(json: unknown, window: IngestWindow, options?: { measure?: 'usd' | 'quantity' }): IngestPart
 *     CoinGlass OI aggregated-history, Binance openInterestHist / openInterest, Bybit or OKX
 *     open-interest (recognised from the body) → market.openInterestChangePct, percent change from the
 *     first to the last observation in the window, 2 decimals.
 *   detectOpenInterestFormat(json: unknown): OpenInterestFormat | undefined
 *   fundingPart(json: unknown, window: IngestWindow, options?: FundingOptions): IngestPart
 *     CoinGlass funding-rate exchange-list (mean over venues, current = window end) or funding-rate
 *     history (last candle closing by the window end) → market.fundingRatePct, PERCENT per 8 h
 *     (CoinGlass values are already percent; rates scaled by 8 / interval hours). Binance
 *     fundingRate, Bybit funding history, OKX funding-rate and its history (fractions, × 100) too:
 *     see exchange-funding.ts.
 *   ingestContext(source: ContextSource, json, window, options?: ContextOptions): IngestPart
 *     dispatch by CLI source name (CONTEXT_SOURCES).
 *   applyContext(snapshot: Record<string, unknown>, parts: readonly IngestPart[]): { snapshot; problems: IngestProblem[] }
 *     adds the parts' market fields to any snapshot (CoinGlass or exchange streams); one part per field,
 *     a second one is reported as a duplicate and not used. Fatal parts are skipped (report them yourself).
 */
import type { IngestPart, IngestWindow } from '../types.js';
import { fearGreedPart } from './fear-greed.js';
import { openInterestPart, type OpenInterestOptions } from './open-interest.js';
import { fundingPart, type FundingOptions } from './funding.js';

export { fearGreedPart } from './fear-greed.js';
export { openInterestPart, detectOpenInterestFormat, type OpenInterestOptions, type OpenInterestFormat } from './open-interest.js';
export { fundingPart, type FundingOptions, type FundingMargin } from './funding.js';
export { applyContext } from './merge.js';

/** The `--source` names of the context inputs (agreed with the CLI). */
export const CONTEXT_SOURCES = ['fear-greed', 'open-interest', 'funding'] as const;
export type ContextSource = (typeof CONTEXT_SOURCES)[number];
export type ContextOptions = OpenInterestOptions & FundingOptions;

export function ingestContext(source: ContextSource, json: unknown, window: IngestWindow, options: ContextOptions = {}): IngestPart {
  switch (source) {
    case 'fear-greed':
      return fearGreedPart(json, window);
    case 'open-interest':
      return openInterestPart(json, window, options);
    case 'funding':
      return fundingPart(json, window, options);
  }
}
