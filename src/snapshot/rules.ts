/**
 * Cross-field rules of the snapshot contract. They read the raw document
 * defensively (a field of the wrong type is simply skipped: the schema
 * reports it) so that they run even when the schema found other problems,
 * and the user sees every problem in one pass.
 */
import { MAX_WINDOW_DAYS } from './schema.js';
import { grouped } from '../facts/format.js';

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

type Raw = Record<string, unknown>;

const obj = (v: unknown): Raw | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The contract's tolerance for sums: 0.5 % of the total or $1,000, whichever is larger. */
export function tolerance(total: number): number {
  return Math.max(total * 0.005, 1000);
}

const usd = (n: number): string => `$${grouped(n)}`;

export function crossFieldIssues(input: unknown, now: Date): RuleIssue[] {
  const doc = obj(input);
  if (!doc) return [];
  const issues: RuleIssue[] = [];
  windowRules(doc, now, issues);
  const totals = obj(doc['totals']);
  const total = num(totals?.['usd']);
  const long = num(totals?.['longUsd']);
  const short = num(totals?.['shortUsd']);
  if (total !== undefined && long !== undefined && short !== undefined && Math.abs(long + short - total) > tolerance(total)) {
    issues.push({
      path: ['totals', 'usd'],
      message: `longUsd + shortUsd is ${usd(long + short)}, but usd is ${usd(total)}: ${usd(Math.abs(long + short - total))} apart, and at most ${usd(tolerance(total))} (0.5 % or $1,000) is allowed`,
    });
  }
  for (const key of ['assets', 'exchanges'] as const) partsRules(doc, key, { long, short }, issues);
  largestOrderRules(doc, { long, short }, issues);
  return issues;
}

function windowRules(doc: Raw, now: Date, issues: RuleIssue[]): void {
  const w = obj(doc['window']);
  const start = Date.parse(str(w?.['start']) ?? '');
  const end = Date.parse(str(w?.['end']) ?? '');
  if (Number.isNaN(start) || Number.isNaN(end)) return;
  if (start >= end) issues.push({ path: ['window', 'end'], message: 'must be later than window.start' });
  else if (end - start > MAX_WINDOW_DAYS * 86_400_000) {
    const days = Math.round(((end - start) / 86_400_000) * 10) / 10;
    issues.push({ path: ['window', 'end'], message: `the window is ${days > MAX_WINDOW_DAYS ? `${days} days long` : `longer than ${MAX_WINDOW_DAYS} days`}; at most ${MAX_WINDOW_DAYS} days are allowed` });
  }
  if (end > now.getTime()) issues.push({ path: ['window', 'end'], message: `is in the future (now is ${now.toISOString().replace(/\.000Z$/, 'Z')}); a snapshot cannot describe liquidations that have not happened` });
}

function partsRules(doc: Raw, key: 'assets' | 'exchanges', totals: { long: number | undefined; short: number | undefined }, issues: RuleIssue[]): void {
  const items = arr(doc[key]);
  const idKey = key === 'assets' ? 'symbol' : 'name';
  const seen = new Map<string, number>();
  let sumLong = 0;
  let sumShort = 0;
  items.forEach((item, i) => {
    const o = obj(item);
    const id = str(o?.[idKey]);
    if (id !== undefined) {
      const norm = id.trim().toLowerCase();
      const first = seen.get(norm);
      if (first !== undefined) issues.push({ path: [key, i, idKey], message: `"${id}" appears twice (also at ${key}[${first}]); each ${idKey} must be unique` });
      else seen.set(norm, i);
    }
    sumLong += num(o?.['longUsd']) ?? 0;
    sumShort += num(o?.['shortUsd']) ?? 0;
  });
  const check = (sum: number, t: number | undefined, field: string): void => {
    if (t !== undefined && items.length > 0 && sum > t + tolerance(t)) {
      issues.push({ path: [key], message: `the ${key}' ${field} add up to ${usd(sum)}, more than totals.${field} (${usd(t)})` });
    }
  };
  check(sumLong, totals.long, 'longUsd');
  check(sumShort, totals.short, 'shortUsd');
}

function largestOrderRules(doc: Raw, totals: { long: number | undefined; short: number | undefined }, issues: RuleIssue[]): void {
  const order = obj(doc['largestOrder']);
  const amount = num(order?.['usd']);
  const side = str(order?.['side']);
  if (!order || amount === undefined || (side !== 'long' && side !== 'short')) return;
  const sideTotal = side === 'long' ? totals.long : totals.short;
  const field = side === 'long' ? 'longUsd' : 'shortUsd';
  if (sideTotal !== undefined && amount > sideTotal + tolerance(sideTotal)) {
    issues.push({ path: ['largestOrder', 'usd'], message: `${usd(amount)} is more than all ${side} liquidations (totals.${field} = ${usd(sideTotal)})` });
  }
  const asset = str(order['asset']);
  if (asset === undefined) return;
  const match = arr(doc['assets']).map(obj).find((a) => str(a?.['symbol']) === asset);
  const assetSide = num(match?.[field]);
  if (assetSide !== undefined && amount > assetSide + tolerance(assetSide)) {
    issues.push({ path: ['largestOrder', 'usd'], message: `${usd(amount)} is more than all ${asset} ${side} liquidations (${usd(assetSide)})` });
  }
}
