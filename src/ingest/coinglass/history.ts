/**
 * Liquidation history over a window:
 * - `liquidation/aggregated-history` (a COIN across the requested
 *   exchange_list; USD values as JSON numbers),
 * - `liquidation/history` (one PAIR on one exchange; USD values as strings).
 * Both are read the same way (numbers and numeric strings) and summed over the
 * buckets whose start lies in [start, end). Either covers one coin or one pair,
 * a slice of the market, so the part is `partial`: the figures are a lower bound.
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { readBuckets, sumBuckets } from './buckets.js';
import { dataArray, fatalPart, problem } from './part.js';
import { asTicker, describeLength, isoUtc, show, sideTotals, windowMs } from './values.js';
import { venueName } from './venues.js';
import { MAX_VENUE_NAME, nameProblem } from '../names.js';

export interface AggregatedHistoryOptions {
  /** The `symbol` query parameter (a coin such as "BTC"): adds it as the one asset. */
  symbol?: string;
  /** The `interval` the history was fetched with, in ms; inferred from the bucket spacing when absent. */
  intervalMs?: number;
}

export interface PairHistoryOptions {
  /** The `exchange` query parameter, e.g. "Binance": adds it as the one venue. */
  exchange?: string;
  /** The `symbol` query parameter (a pair such as "BTCUSDT"); its base coin becomes the one asset. */
  pair?: string;
  /** The coin ticker when it cannot be read off the pair. */
  asset?: string;
  intervalMs?: number;
}

export function aggregatedHistoryPart(json: unknown, window: IngestWindow, options: AggregatedHistoryOptions = {}): IngestPart {
  const assetProblems: IngestProblem[] = [];
  const asset = options.symbol === undefined ? undefined : asTicker(options.symbol);
  if (options.symbol !== undefined && asset === undefined) assetProblems.push(problem('bad-value', `symbol ${show(options.symbol)} is not a coin ticker; no asset row is written`));
  return historyPart('coinglass-aggregated-history', json, window, {
    fields: { long: 'aggregated_long_liquidation_usd', short: 'aggregated_short_liquidation_usd' },
    intervalMs: options.intervalMs,
    asset,
    venue: undefined,
    problems: assetProblems,
  });
}

export function pairHistoryPart(json: unknown, window: IngestWindow, options: PairHistoryOptions = {}): IngestPart {
  const assetProblems: IngestProblem[] = [];
  const asset = options.asset !== undefined ? asTicker(options.asset) : options.pair !== undefined ? baseOfPair(options.pair) : undefined;
  if ((options.asset !== undefined || options.pair !== undefined) && asset === undefined) {
    assetProblems.push(problem('bad-value', `cannot tell the coin of ${show(options.asset ?? options.pair)}; no asset row is written`));
  }
  let venue = options.exchange?.trim() ? venueName(options.exchange) : undefined;
  const badVenue = venue === undefined ? undefined : nameProblem(venue, MAX_VENUE_NAME);
  if (badVenue !== undefined) {
    assetProblems.push(problem('bad-value', `--exchange: ${badVenue}; no venue row is written`));
    venue = undefined;
  }
  return historyPart('coinglass-history', json, window, {
    fields: { long: 'long_liquidation_usd', short: 'short_liquidation_usd' },
    intervalMs: options.intervalMs,
    asset,
    venue,
    problems: assetProblems,
  });
}

interface HistorySpec {
  fields: { long: string; short: string };
  intervalMs: number | undefined;
  asset: string | undefined;
  venue: string | undefined;
  problems: IngestProblem[];
}

function historyPart(source: string, json: unknown, window: IngestWindow, spec: HistorySpec): IngestPart {
  const data = dataArray(source, json);
  if ('part' in data) return data.part;
  const problems = [...spec.problems];
  const buckets = readBuckets(data.rows, spec.fields, problems);
  const sum = sumBuckets(buckets, window, spec.intervalMs, problems);
  const stats = {
    rows: data.rows.length,
    buckets: buckets.length,
    bucketsInWindow: sum.inWindow,
    bucketsOutside: sum.outside,
    bucketsMissing: sum.missing ?? 0,
    intervalMs: sum.intervalMs ?? 0,
  };
  if (sum.inWindow === 0) {
    const { start, end } = windowMs(window);
    const span = buckets.length > 0 ? `the response runs from ${isoUtc(buckets[0]!.time)} to ${isoUtc(buckets[buckets.length - 1]!.time)}` : 'no bucket could be read';
    return fatalPart(source, [...problems, problem('out-of-window', `no bucket starts inside the window ${isoUtc(start)} to ${isoUtc(end)} (${describeLength(end - start)}); ${span}. An empty window is an error, not $0`)], stats);
  }
  const totals = sideTotals(sum.long, sum.short);
  const { longUsd, shortUsd } = totals;
  const snapshot: Record<string, unknown> = { coverage: 'partial', totals };
  if (spec.asset !== undefined) snapshot['assets'] = [{ symbol: spec.asset, longUsd, shortUsd }];
  if (spec.venue !== undefined) snapshot['exchanges'] = [{ name: spec.venue, longUsd, shortUsd }];
  return { source, fatal: false, snapshot, problems, stats };
}

/** "BTCUSDT", "BTC-USDT-SWAP", "BTCUSD_PERP" → "BTC"; undefined when no known quote currency ends the pair. */
export function baseOfPair(pair: string): string | undefined {
  const m = /^([A-Z0-9]+?)[-_/]?(?:USDT|USDC|FDUSD|BUSD|USD)(?:[-_][A-Z0-9]+)*$/i.exec(pair.trim());
  return m ? asTicker(m[1]) : undefined;
}
