/**
 * Cross-field rules of the snapshot contract. They read the raw document
 * defensively (a field of the wrong type is simply skipped: the schema
 * reports it) so that they run even when the schema found other problems,
 * and the user sees every problem in one pass.
 */
import { MAX_WINDOW_DAYS } from './schema.js';
import { grouped } from '../facts/format.js';
import { describeValue } from './describe.js';

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

/**
 * The sums are compared in whole cents, the way money is added: in binary
 * floating point 0.1 + 0.2 is not 0.3, and a sum exactly at the tolerance
 * would be refused by a rounding error. Amounts are at most $10 trillion,
 * 10^15 cents, and a list of them sums well below 2^53.
 */
const cents = (usd: number): number => Math.round(usd * 100);
const toleranceCents = (total: number): number => Math.max(Math.round(cents(total) * 0.005), 100_000);

/** Whether `value` is more than `base` and its tolerance, in whole cents. */
export function beyondTolerance(value: number, base: number): boolean {
  return cents(value) > cents(base) + toleranceCents(base);
}

/** Dollars from cents, with the cents shown when there are any: two figures that differ never read the same. */
const usdCents = (c: number): string => {
  const rest = Math.abs(c) % 100;
  return `$${grouped(Math.trunc(c / 100))}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
};
const usd = (n: number): string => usdCents(cents(n));

export function crossFieldIssues(input: unknown, now: Date): RuleIssue[] {
  const doc = obj(input);
  if (!doc) return [];
  const issues: RuleIssue[] = [];
  windowRules(doc, now, issues);
  const totals = obj(doc['totals']);
  const total = num(totals?.['usd']);
  const long = num(totals?.['longUsd']);
  const short = num(totals?.['shortUsd']);
  if (total !== undefined && long !== undefined && short !== undefined) {
    const sum = cents(long) + cents(short);
    const apart = Math.abs(sum - cents(total));
    if (apart > toleranceCents(total)) {
      issues.push({
        path: ['totals', 'usd'],
        message: `longUsd + shortUsd is ${usdCents(sum)}, but usd is ${usd(total)}: ${usdCents(apart)} apart, and at most ${usdCents(toleranceCents(total))} (0.5 % or $1,000) is allowed`,
      });
    }
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
      if (first !== undefined) issues.push({ path: [key, i, idKey], message: `${describeValue(id)} appears twice (also at ${key}[${first}]); each ${idKey} must be unique` });
      else seen.set(norm, i);
    }
    sumLong += cents(num(o?.['longUsd']) ?? 0);
    sumShort += cents(num(o?.['shortUsd']) ?? 0);
  });
  const check = (sum: number, t: number | undefined, field: string): void => {
    if (t !== undefined && items.length > 0 && sum > cents(t) + toleranceCents(t)) {
      issues.push({ path: [key], message: `the ${key}' ${field} add up to ${usdCents(sum)}, more than totals.${field} (${usd(t)})` });
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
  if (sideTotal !== undefined && beyondTolerance(amount, sideTotal)) {
    issues.push({ path: ['largestOrder', 'usd'], message: `${usd(amount)} is more than all ${side} liquidations (totals.${field} = ${usd(sideTotal)})` });
  }
  const asset = str(order['asset']);
  if (asset === undefined) return;
  const match = arr(doc['assets']).map(obj).find((a) => str(a?.['symbol']) === asset);
  const assetSide = num(match?.[field]);
  if (assetSide !== undefined && beyondTolerance(amount, assetSide)) {
    issues.push({ path: ['largestOrder', 'usd'], message: `${usd(amount)} is more than all ${asset} ${side} liquidations (${usd(assetSide)})` });
  }
}
