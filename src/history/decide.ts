/**
 * Newsworthiness: publish or skip, and how big a story it is. Rules a
 * newsroom can set; defaults that skip a quiet window and keep anything a
 * reader would call news. Pure: the same snapshot, context and rules give
 * the same decision.
 *
 *   1. Below the floor (total under `floorUsd`, or hourly rate under
 *      `floorUsdPerHour`) ⇒ skip, whatever else is true.
 *   2. Publish when any one of: a record for the window length; a multiple
 *      of the trailing median at least `medianMultiple`; rank at most
 *      `maxRank` within the last `rankDays` days; an asset's price moved at
 *      least `priceMovePct` % (open to close).
 *   3. Otherwise: with history (a median or a rank to measure by) ⇒ skip as
 *      ordinary; with none ⇒ publish (above the floor, nothing to compare).
 *
 * Size register: relative to history when there is some (record, ≥ 3× the
 * median or rank 1 in 90 days ⇒ major; under 0.75× the median ⇒ brief), else
 * from absolute tiers of the HOURLY RATE, so a week is not "major" for being
 * seven days long.
 */
import type { Snapshot } from '../snapshot/schema.js';
import type { HistoryContext } from './context-types.js';
import { instantMs } from './window.js';

export interface DecideRules {
  /** Skip when the total is under this (USD); default 0 (off). */
  floorUsd: number;
  /** Skip when the total per hour of window is under this; default $2M an hour ($48M a day). */
  floorUsdPerHour: number;
  /** Publish at this multiple of the trailing median or more; default 1.5. */
  medianMultiple: number;
  /** Publish when ranked this high or higher within `rankDays`; default 3 (ranks are known to 10). */
  maxRank: number;
  /** The span `maxRank` is measured over: 7, 30, 90 or 365 days; default 30. */
  rankDays: 7 | 30 | 90 | 365;
  /** Publish when an asset's price moved this many percent (either way) open to close; default 5. */
  priceMovePct: number;
  /** Hourly-rate tiers used when there is no history: brief under `standard`, major from `major`. */
  tiersUsdPerHour: { standard: number; major: number };
}

export const DEFAULT_RULES: DecideRules = {
  floorUsd: 0,
  floorUsdPerHour: 2_000_000,
  medianMultiple: 1.5,
  maxRank: 3,
  rankDays: 30,
  priceMovePct: 5,
  tiersUsdPerHour: { standard: 10_000_000, major: 40_000_000 },
};

export type Register = 'brief' | 'standard' | 'major';

export type DecisionCode = 'below-floor' | 'record' | 'above-median' | 'top-rank' | 'price-move' | 'no-history' | 'ordinary';

export interface Decision {
  publish: boolean;
  /** One sentence, for a person. */
  reason: string;
  /** The rule that decided (the first that applied, in the order above). */
  code: DecisionCode;
  /** Every other trigger that also applied. */
  alsoMet: DecisionCode[];
  register: Register;
  measures: {
    usd: number;
    windowHours: number;
    usdPerHour: number;
    partial: boolean;
    medianMultiple: number | null;
    /** rank null: outside the top 10 of the span. */
    rank: { days: number; rank: number | null; of: number } | null;
    record: boolean;
    priceMove: { asset: string; pct: number } | null;
    history: boolean;
  };
}

/** The snapshot fields decide reads. */
export type DecideSubject = Pick<Snapshot, 'window' | 'totals' | 'coverage' | 'assets'>;

export function decide(snapshot: DecideSubject, context: HistoryContext | null, rules: Partial<DecideRules> = {}): Decision {
  const r: DecideRules = { ...DEFAULT_RULES, ...rules, tiersUsdPerHour: { ...DEFAULT_RULES.tiersUsdPerHour, ...rules.tiersUsdPerHour } };
  const usd = snapshot.totals.usd;
  const hours = (instantMs(snapshot.window.end) - instantMs(snapshot.window.start)) / 3_600_000;
  // A window under an hour counts as an hour, as it does for the articles' size words (facts/derive.ts): otherwise one
  // $48,000 order in a one-second window is "$174 million an hour", a major story.
  const perHour = usd / Math.max(1, hours);
  const ctx = context && !context.empty ? context : null;
  const multiple = ctx?.median?.multiple ?? null;
  const rank = ctx?.ranks.find((k) => k.days === r.rankDays) ?? null;
  const record = ctx?.largest?.onRecord === true || ctx?.record?.broken === true;
  const priceMove = largestMove(snapshot);
  const measures: Decision['measures'] = {
    usd,
    windowHours: hours,
    usdPerHour: perHour,
    partial: snapshot.coverage === 'partial',
    medianMultiple: multiple,
    rank: rank ? { days: rank.days, rank: rank.rank, of: rank.of } : null,
    record,
    priceMove,
    history: ctx !== null,
  };
  const money = (n: number): string => `$${formatUsd(n)}`;
  const register = registerOf(ctx, multiple, rank, record, perHour, r);
  const done = (publish: boolean, code: DecisionCode, reason: string, alsoMet: DecisionCode[] = []): Decision => ({ publish, reason, code, alsoMet, register, measures });

  if (usd < r.floorUsd) return done(false, 'below-floor', `${money(usd)} is under the floor of ${money(r.floorUsd)}`);
  if (perHour < r.floorUsdPerHour) {
    // Rounded, a figure just under the floor can read as the floor itself ("$2 million an hour is under … $2 million").
    const under = money(perHour) === money(r.floorUsdPerHour) ? 'just under' : 'under';
    return done(false, 'below-floor', `${money(perHour)} an hour is ${under} the floor of ${money(r.floorUsdPerHour)} an hour`);
  }

  const met: { code: DecisionCode; reason: string }[] = [];
  if (record) met.push({ code: 'record', reason: `the largest ${ctx!.window} total on record in the store` });
  if (multiple !== null && multiple >= r.medianMultiple) met.push({ code: 'above-median', reason: `${multiple.toFixed(1)} times the median of the last ${ctx!.median!.windows} ${ctx!.window} windows (the rule is ${r.medianMultiple})` });
  if (rank && rank.rank !== null && rank.rank <= r.maxRank) met.push({ code: 'top-rank', reason: `number ${rank.rank} of ${rank.of} ${ctx!.window} windows in ${rank.days} days (the rule is top ${r.maxRank})` });
  if (priceMove && Math.abs(priceMove.pct) >= r.priceMovePct) met.push({ code: 'price-move', reason: `${priceMove.asset} ${priceMove.pct > 0 ? 'rose' : priceMove.pct < 0 ? 'fell' : 'moved'} ${Math.abs(priceMove.pct).toFixed(1)}% open to close (the rule is a ${r.priceMovePct}% move)` });
  if (met.length > 0) return done(true, met[0]!.code, `${met.map((m) => m.reason).join('; ')}`, met.slice(1).map((m) => m.code));

  const measurable = multiple !== null || rank !== null;
  if (ctx && measurable) {
    const said = [multiple !== null ? `${multiple.toFixed(1)} times the median` : null, rank ? (rank.rank === null ? `outside the top 10 of ${rank.of} in ${rank.days} days` : `number ${rank.rank} of ${rank.of} in ${rank.days} days`) : null].filter(Boolean).join(', ');
    return done(false, 'ordinary', `an ordinary ${ctx.window} window (${said}), no record and no large price move`);
  }
  return done(true, 'no-history', `${money(usd)} (${money(perHour)} an hour) is above the floor, and there is not enough history to compare it with`);
}

export function registerOf(ctx: HistoryContext | null, multiple: number | null, rank: { days: number; rank: number | null } | null, record: boolean, perHour: number, r: DecideRules): Register {
  if (ctx && (multiple !== null || rank !== null || record)) {
    const top90 = ctx.ranks.find((k) => k.days === 90)?.rank === 1;
    if (record || top90 || (multiple !== null && multiple >= 3)) return 'major';
    if (multiple !== null && multiple < 0.75) return 'brief';
    return 'standard';
  }
  if (perHour >= r.tiersUsdPerHour.major) return 'major';
  return perHour >= r.tiersUsdPerHour.standard ? 'standard' : 'brief';
}

/** The asset whose price moved most (open to close), in percent; null when no asset has both prices. */
function largestMove(snapshot: DecideSubject): { asset: string; pct: number } | null {
  let best: { asset: string; pct: number } | null = null;
  for (const a of snapshot.assets ?? []) {
    const open = a.price?.open;
    const close = a.price?.close;
    if (open === undefined || close === undefined || open <= 0) continue;
    const pct = ((close - open) / open) * 100;
    if (!best || Math.abs(pct) > Math.abs(best.pct)) best = { asset: a.symbol, pct: Math.round(pct * 100) / 100 };
  }
  return best;
}

/** $1.2 billion, $410 million, $950,000: enough to read a reason. */
function formatUsd(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e10 ? 1 : 2).replace(/\.?0+$/, '')} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e8 ? 0 : 1).replace(/\.0$/, '')} million`;
  return Math.round(n).toLocaleString('en-US');
}
