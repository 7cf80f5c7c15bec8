/**
 * Merges CoinGlass parts (and context parts) for one window into one snapshot
 * of contract v1.
 *
 * Each field comes from exactly one part, never from a sum of parts: two
 * CoinGlass answers for the same window are two measurements of the same
 * liquidations, not two halves. Which part wins:
 * - totals: a `complete` part before a `partial` one, then exchange-list
 *   (the All row), coin-list, aggregated-history, history;
 * - assets[]: coin-list, exchange-list (with a symbol), aggregated-history, history;
 * - exchanges[]: exchange-list, coin-list (with an exchange), history;
 * - largestOrder: the largest over all order parts (each covers one coin or venue);
 * - market: the context parts, via `applyContext`.
 * A part whose field is not used is reported, not silently ignored.
 *
 * Coverage is always "partial": CoinGlass adds up the exchanges' own feeds,
 * and Binance's sends at most one liquidation per symbol per second (CoinGlass
 * itself wrote that its 10 Oct 2025 total was "likely much lower than
 * reality" for that reason; DATA-SOURCES §1.4 pitfall 6). So the article says
 * "at least", even when every venue is in the totals. Whether a part covers
 * every venue and coin (its own `coverage`) still decides which part gives
 * the totals.
 * A breakdown or largest order that outgrows the totals (rolling lists fetched
 * at different moments can do that) is left out and reported, so that the
 * result always passes `validateSnapshot`.
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { tolerance } from '../../snapshot/rules.js';
import { applyContext } from '../context/merge.js';
import { COINGLASS_SOURCES, problem } from './part.js';
import { isObject, isoUtc } from './values.js';

export const COINGLASS_CREDIT = { name: 'CoinGlass', url: 'https://www.coinglass.com/LiquidationData' } as const;

const TOTALS_RANK = ['coinglass-exchange-list', 'coinglass-coin-list', 'coinglass-aggregated-history', 'coinglass-history'];
const ASSETS_RANK = ['coinglass-coin-list', 'coinglass-exchange-list', 'coinglass-aggregated-history', 'coinglass-history'];
const EXCHANGES_RANK = ['coinglass-exchange-list', 'coinglass-coin-list', 'coinglass-history'];

type Row = { longUsd: number; shortUsd: number; symbol?: string };
type Totals = { usd: number; longUsd: number; shortUsd: number };

export function combineCoinglass(parts: readonly IngestPart[], window: IngestWindow): IngestPart {
  // A context answer that gives nothing usable (stale, an error) is left out and said so, as with exchange streams;
  // a CoinGlass liquidation answer that gives nothing usable stops the whole snapshot.
  const isLiquidation = (p: IngestPart): boolean => (COINGLASS_SOURCES as readonly string[]).includes(p.source);
  const problems: IngestProblem[] = parts.flatMap((p) => p.problems.map((x) => ({ ...x, message: `${p.source}: ${x.message}${p.fatal && !isLiquidation(p) ? ' (not used)' : ''}` })));
  const stats = { parts: parts.length, fatalParts: parts.filter((p) => p.fatal && isLiquidation(p)).length };
  const fatal = (extra: IngestProblem[] = []): IngestPart => ({ source: 'coinglass', fatal: true, snapshot: {}, problems: [...problems, ...extra], stats });
  if (stats.fatalParts > 0) return fatal();

  const totalsPart = pick(parts, 'totals', TOTALS_RANK, true, problems);
  if (!totalsPart) return fatal([problem('bad-value', 'no input gives liquidation totals: add a coin-list, exchange-list, aggregated-history or history response')]);
  const totals = totalsPart.snapshot['totals'] as Totals;
  if (totals.usd === 0) return fatal([problem('bad-value', `${totalsPart.source}: the window holds $0 of liquidations; an empty window is an error, not a $0 article`)]);

  const used: IngestPart[] = [totalsPart];
  const breakdowns: Record<string, Row[]> = {};
  for (const [field, rank] of [['assets', ASSETS_RANK], ['exchanges', EXCHANGES_RANK]] as const) {
    const part = pick(parts, field, rank, false, problems);
    if (!part) continue;
    const rows = part.snapshot[field] as Row[];
    const overflow = overflowOf(rows, totals);
    if (overflow) problems.push(problem('bad-value', `${part.source}: its ${field}' ${overflow}; the ${field} list is left out`));
    else {
      breakdowns[field] = rows;
      used.push(part);
    }
  }

  let order = largestOrder(parts);
  const why = order && orderOverflow(order, totals, breakdowns['assets']);
  if (order && why) {
    problems.push(problem('bad-value', `coinglass-order: the largest order (${order['usd'] as number} USD, ${order['side'] as string}) ${why}; it is left out`));
    order = undefined;
  }

  const snapshot: Record<string, unknown> = {
    schemaVersion: 1,
    window: { start: isoUtc(window.start.getTime()), end: isoUtc(window.end.getTime()) },
    source: { ...COINGLASS_CREDIT },
    coverage: 'partial',
    totals: { ...totals },
    ...breakdowns,
    ...(order ? { largestOrder: order } : {}),
  };
  const withContext = applyContext(snapshot, parts.filter((p) => isObject(p.snapshot['market'])));
  problems.push(...withContext.problems);
  const allVenues = used[0]?.snapshot['coverage'] !== 'partial' ? 1 : 0;
  return { source: 'coinglass', fatal: false, snapshot: withContext.snapshot, problems, stats: { ...stats, partsUsed: used.length + (order ? 1 : 0), totalsCoverEveryVenue: allVenues } };
}

/** The best part that gives `field`; every other part that gives it is reported as not used. */
function pick(parts: readonly IngestPart[], field: string, rank: readonly string[], completeFirst: boolean, problems: IngestProblem[]): IngestPart | undefined {
  const candidates = parts
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => rank.includes(p.source) && p.snapshot[field] !== undefined)
    .sort((a, b) => {
      const coverage = completeFirst ? Number(a.p.snapshot['coverage'] === 'partial') - Number(b.p.snapshot['coverage'] === 'partial') : 0;
      return coverage || rank.indexOf(a.p.source) - rank.indexOf(b.p.source) || a.i - b.i;
    });
  for (const { p } of candidates.slice(1)) {
    problems.push(problem('duplicate', `${p.source}: its ${field} are not used; ${candidates[0]!.p.source} already gives ${field} for this window`));
  }
  return candidates[0]?.p;
}

/** Why the rows outgrow the totals (each side, within the contract's tolerance), or undefined. */
function overflowOf(rows: readonly Row[], totals: Totals): string | undefined {
  const long = rows.reduce((s, r) => s + r.longUsd, 0);
  const short = rows.reduce((s, r) => s + r.shortUsd, 0);
  if (long > totals.longUsd + tolerance(totals.longUsd)) return `long liquidations add up to ${long}, more than the total ${totals.longUsd}`;
  if (short > totals.shortUsd + tolerance(totals.shortUsd)) return `short liquidations add up to ${short}, more than the total ${totals.shortUsd}`;
  return undefined;
}

/** The largest of the order parts' largest orders; the first part wins a tie. */
function largestOrder(parts: readonly IngestPart[]): Record<string, unknown> | undefined {
  let best: Record<string, unknown> | undefined;
  for (const p of parts) {
    const o = p.snapshot['largestOrder'];
    if (isObject(o) && (!best || (o['usd'] as number) > (best['usd'] as number))) best = o;
  }
  return best;
}

function orderOverflow(order: Record<string, unknown>, totals: Totals, assets: readonly Row[] | undefined): string | undefined {
  const side = order['side'] === 'long' ? 'longUsd' : 'shortUsd';
  const usd = order['usd'] as number;
  if (usd > totals[side] + tolerance(totals[side])) return `is more than all ${order['side'] as string} liquidations in the totals (${totals[side]})`;
  const asset = assets?.find((a) => a.symbol === order['asset']);
  if (asset && usd > asset[side] + tolerance(asset[side])) return `is more than all ${order['asset'] as string} ${order['side'] as string} liquidations (${asset[side]})`;
  return undefined;
}
