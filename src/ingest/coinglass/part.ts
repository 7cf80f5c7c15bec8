/**
 * Source names and the small builders every CoinGlass adapter uses, so that a
 * part always has the same shape and a fatal part never carries figures.
 */
import type { IngestPart, IngestProblem } from '../types.js';
import { checkCoinglassEnvelope } from '../envelope.js';

/** The `--source` names of the CoinGlass liquidation inputs (agreed with the CLI). */
export const COINGLASS_SOURCES = [
  'coinglass-coin-list',
  'coinglass-exchange-list',
  'coinglass-history',
  'coinglass-aggregated-history',
  'coinglass-order',
] as const;
export type CoinglassSource = (typeof COINGLASS_SOURCES)[number];

export type Coverage = 'complete' | 'partial';

/** A part that cannot be used: no figures, just the reason. */
export function fatalPart(source: string, problems: IngestProblem[], stats: Record<string, number> = {}): IngestPart {
  return { source, fatal: true, snapshot: {}, problems, stats };
}

/** The envelope's `data` when it is an array, or the fatal part that explains why not. */
export function dataArray(source: string, json: unknown): { rows: unknown[] } | { part: IngestPart } {
  const env = checkCoinglassEnvelope(json);
  if (!env.ok) return { part: fatalPart(source, [env.problem]) };
  if (!Array.isArray(env.data)) {
    return { part: fatalPart(source, [{ line: null, kind: 'malformed', message: 'expected "data" to be an array of rows' }]) };
  }
  if (env.data.length === 0) {
    // CoinGlass answers a wrong query shape (a pair where a coin is expected) with 0 rows and no error: not found, never $0.
    return { part: fatalPart(source, [{ line: null, kind: 'bad-value', message: 'the response holds no rows; an empty answer means "not found" (check coin vs pair, exchange names), never $0 liquidated' }]) };
  }
  return { rows: env.data };
}

export const problem = (kind: IngestProblem['kind'], message: string): IngestProblem => ({ line: null, kind, message });
