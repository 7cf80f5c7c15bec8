/**
 * Stage 1: text or a value in, a trusted `Snapshot` out, or every problem at
 * once. This is the only place input is validated; later stages trust types.
 */
import { SnapshotSchema, type Snapshot } from './schema.js';
import { crossFieldIssues } from './rules.js';
import { describeValue } from './describe.js';
import { LiqnewsError, formatPath, type SnapshotIssue } from '../errors.js';

export type ValidationResult = { ok: true; snapshot: Snapshot } | { ok: false; issues: SnapshotIssue[] };

/** Validates a parsed JSON value against the contract. `now` is for the future-window rule. */
export function validateSnapshot(input: unknown, now: Date): ValidationResult {
  const parsed = SnapshotSchema.safeParse(input);
  const issues: SnapshotIssue[] = [];
  if (!parsed.success) {
    for (const iss of parsed.error.issues) issues.push(...toIssues(iss, input));
  }
  for (const r of crossFieldIssues(input, now)) issues.push({ path: formatPath(r.path), message: r.message });
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues) };
  return { ok: true, snapshot: parsed.data };
}

/** Parses JSON text, then validates. Throws `LiqnewsError` with the issues as data. */
export function parseSnapshot(text: string | unknown, now: Date): Snapshot {
  let value: unknown = text;
  if (typeof text === 'string') {
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new LiqnewsError('INVALID_JSON', `not valid JSON: ${why}`, { issues: [{ path: '', message: `not valid JSON: ${why}` }] });
    }
  }
  const result = validateSnapshot(value, now);
  if (!result.ok) throw new LiqnewsError('INVALID_SNAPSHOT', `${result.issues.length} problem(s) in the snapshot`, { issues: result.issues });
  return result.snapshot;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  input?: unknown;
}

function toIssues(iss: ZodIssueLike, root: unknown): SnapshotIssue[] {
  if (iss.code === 'unrecognized_keys' && iss.keys) {
    return iss.keys.map((k) => ({ path: formatPath([...iss.path, k]), message: `unknown key "${k}"${suggest(k)}` }));
  }
  const present = valueAt(root, iss.path);
  if (iss.code === 'invalid_type' && present === undefined && iss.path.length > 0) return [{ path: formatPath(iss.path), message: 'is required but missing' }];
  if (iss.code === 'invalid_type' && !iss.message.startsWith('expected ')) {
    return [{ path: formatPath(iss.path), message: `has the wrong type: ${describeValue(present)}` }];
  }
  return [{ path: formatPath(iss.path), message: iss.message }];
}

const KNOWN_KEYS = [
  'schemaVersion', 'id', 'window', 'start', 'end', 'source', 'name', 'url', 'coverage', 'totals', 'usd', 'longUsd', 'shortUsd',
  'traders', 'assets', 'symbol', 'price', 'open', 'close', 'high', 'low', 'previousAllTimeHigh', 'exchanges', 'largestOrder',
  'exchange', 'asset', 'side', 'market', 'sentiment', 'index', 'label', 'openInterestChangePct', 'fundingRatePct', 'levels',
  'kind', 'context', 'catalysts', 'record', 'date', 'related', 'title', 'tags',
];

/** A "did you mean" for typos such as `totls` → `totals`. */
function suggest(key: string): string {
  let best: string | undefined;
  let bestD = 3;
  for (const k of KNOWN_KEYS) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function dedupe(issues: SnapshotIssue[]): SnapshotIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
