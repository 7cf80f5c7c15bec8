/**
 * Adds context parts (Fear & Greed, open interest, funding) to any snapshot —
 * one built from CoinGlass or from exchange streams. Each market field comes
 * from exactly one part: a second part for the same field is reported and not
 * used, since two sources for one figure would need a rule for which to print.
 */
import type { IngestPart, IngestProblem } from '../types.js';
import { isObject } from '../coinglass/values.js';

const MARKET_FIELDS = ['sentiment', 'openInterestChangePct', 'fundingRatePct'] as const;

export function applyContext(snapshot: Record<string, unknown>, parts: readonly IngestPart[]): { snapshot: Record<string, unknown>; problems: IngestProblem[] } {
  const problems: IngestProblem[] = [];
  const market: Record<string, unknown> = isObject(snapshot['market']) ? { ...snapshot['market'] } : {};
  const from = new Map<string, string>(Object.keys(market).map((k) => [k, 'the snapshot']));
  for (const part of parts) {
    if (part.fatal) continue;
    const given = part.snapshot['market'];
    if (!isObject(given)) continue;
    for (const field of MARKET_FIELDS) {
      if (given[field] === undefined) continue;
      const earlier = from.get(field);
      if (earlier !== undefined) {
        problems.push({ line: null, kind: 'duplicate', message: `${part.source}: market.${field} is already given by ${earlier}; this value is not used` });
        continue;
      }
      market[field] = given[field];
      from.set(field, part.source);
    }
  }
  if (Object.keys(market).length === 0) return { snapshot, problems };
  // Contract order, whatever order the parts came in: same figures, same bytes.
  const ordered: Record<string, unknown> = {};
  for (const field of MARKET_FIELDS) if (market[field] !== undefined) ordered[field] = market[field];
  return { snapshot: { ...snapshot, market: { ...ordered, ...market } }, problems };
}
