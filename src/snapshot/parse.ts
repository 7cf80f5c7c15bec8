/**
 * Stage 1: text or a value in, a trusted `Snapshot` out, or every problem at
 * once. This is the only place input is validated; later stages trust types.
 */
import { SnapshotSchema, type Snapshot } from './schema.js';
import { crossFieldIssues } from './rules.js';
import { historyBlockIssues } from '../history/context-schema.js';
import { describeValue } from './describe.js';
import { LiqnewsError, formatPath, type SnapshotIssue } from '../errors.js';
import { MAX_SNAPSHOT_BYTES, decodeSnapshotBytes, tooLarge } from './bytes.js';
import { duplicateKeys } from './duplicates.js';
import { plainlyValid } from './fast.js';

export type ValidationResult = { ok: true; snapshot: Snapshot } | { ok: false; issues: SnapshotIssue[] };

/** Validates a parsed JSON value against the contract. `now` is for the future-window rule. */
export function validateSnapshot(input: unknown, now: Date): ValidationResult {
  // Most snapshots are plainly valid: fast.ts builds the schema's value for those at a fraction of its cost, and the schema reads the rest.
  const fast = plainlyValid(input);
  const parsed = fast !== undefined ? ({ success: true, data: fast } as const) : SnapshotSchema.safeParse(input);
  const issues: SnapshotIssue[] = [];
  if (!parsed.success) {
    for (const iss of parsed.error.issues) issues.push(...toIssues(iss, input));
  }
  for (const r of crossFieldIssues(input, now)) issues.push({ path: formatPath(r.path), message: r.message });
  const block = parsed.success ? parsed.data.context?.history : undefined;
  if (block && parsed.success) for (const r of historyBlockIssues(block, parsed.data)) issues.push({ path: formatPath(['context', 'history', ...r.path]), message: r.message });
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues) };
  return { ok: true, snapshot: parsed.data };
}

/**
 * Parses JSON text (or its UTF-8 bytes), then validates. Throws `LiqnewsError`
 * with the issues as data. A key repeated in one object is one of them: JSON
 * parsers keep the last silently, and the product does not guess which one
 * was meant.
 */
export function parseSnapshot(text: string | Uint8Array | unknown, now: Date): Snapshot {
  let value: unknown = text;
  let duplicates: SnapshotIssue[] = [];
  if (text instanceof Uint8Array) text = decodeSnapshotBytes(text);
  if (typeof text === 'string') {
    // Characters, not bytes, but a text of more characters than the cap has more bytes too.
    if (text.length > MAX_SNAPSHOT_BYTES) throw tooLarge(text.length, true);
    const source = text.replace(/^\uFEFF/, '');
    try {
      value = JSON.parse(source);
    } catch (e) {
      const message = jsonErrorMessage(source, e);
      throw new LiqnewsError('INVALID_JSON', message, { issues: [{ path: '', message }] });
    }
    duplicates = duplicateKeys(source).map((d) => ({
      path: formatPath(d.path),
      message: `appears twice in the same object; a JSON reader would keep only the second, so the snapshot is refused rather than guessed: give each key once`,
    }));
  }
  const result = validateSnapshot(value, now);
  if (!result.ok || duplicates.length > 0) {
    const issues = [...duplicates, ...(result.ok ? [] : result.issues)];
    throw new LiqnewsError('INVALID_SNAPSHOT', `${issues.length} problem(s) in the snapshot`, { issues });
  }
  return result.snapshot;
}

/** "not valid JSON at line 3, column 14 (…)": where, in the user's terms, plus the parser's own words. */
function jsonErrorMessage(source: string, e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(why)?.[1];
  let where = '';
  if (pos !== undefined) {
    const before = source.slice(0, Number(pos));
    const line = before.split('\n').length;
    where = ` at line ${line}, column ${Number(pos) - before.lastIndexOf('\n')}`;
  } else if (source.trim() === '') {
    return 'the input is empty; expected a JSON snapshot';
  }
  return `not valid JSON${where} (${why.replace(/^JSON\.parse: /, '')}); snapshots are JSON documents`;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  input?: unknown;
  /** invalid_union: each branch's issues, paths relative to the union. */
  errors?: ZodIssueLike[][];
}

function toIssues(iss: ZodIssueLike, root: unknown): SnapshotIssue[] {
  if (iss.code === 'unrecognized_keys' && iss.keys) {
    return iss.keys.map((k) => ({ path: formatPath([...iss.path, k]), message: `unknown key "${k}"${suggest(k, iss.path)}` }));
  }
  const present = valueAt(root, iss.path);
  // A catalyst is a string or an object: report the problems of the form that was given, not "invalid input".
  if (iss.code === 'invalid_union' && iss.errors) {
    const branch = typeof present === 'string' ? iss.errors[0] : present !== null && typeof present === 'object' && !Array.isArray(present) ? iss.errors[1] : undefined;
    if (branch && branch.length > 0) return branch.flatMap((e) => toIssues({ ...e, path: [...iss.path, ...e.path] }, root));
    return [{ path: formatPath(iss.path), message: `expected a sentence of plain text, or an object with "text" and an optional "kind", got ${describeValue(present)}` }];
  }
  if (iss.path.length === 0 && iss.code === 'invalid_type') return [{ path: '', message: `expected a JSON object (a snapshot), got ${describeValue(present)}` }];
  if (iss.code === 'invalid_type' && present === undefined && iss.path.length > 0) return [{ path: formatPath(iss.path), message: 'is required but missing' }];
  if (iss.code === 'invalid_type' && !iss.message.startsWith('expected ')) {
    return [{ path: formatPath(iss.path), message: `has the wrong type: ${describeValue(present)}` }];
  }
  return [{ path: formatPath(iss.path), message: iss.message }];
}

/** The keys the contract allows at each object path ("" is the top, "assets" each asset, …), read from the schema. */
const KEYS_AT: ReadonlyMap<string, readonly string[]> = collectKeys(SnapshotSchema, '', new Map());

interface SchemaLike {
  _zod?: { def?: { type?: string; innerType?: SchemaLike; element?: SchemaLike; shape?: Record<string, SchemaLike> } };
}

function collectKeys(schema: SchemaLike, path: string, out: Map<string, string[]>): Map<string, string[]> {
  const def = schema._zod?.def;
  if (!def) return out;
  if (def.type === 'optional' && def.innerType) return collectKeys(def.innerType, path, out);
  if (def.type === 'array' && def.element) return collectKeys(def.element, path, out);
  if (def.type === 'object' && def.shape) {
    out.set(path, Object.keys(def.shape));
    for (const [k, v] of Object.entries(def.shape)) collectKeys(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/**
 * A hint for an unknown key: a close spelling of a key allowed at the same
 * place ("totls" → "totals"), or where the key does belong ("tags" at the
 * top → context.tags).
 */
function suggest(key: string, at: readonly PropertyKey[]): string {
  const here = at.filter((p) => typeof p === 'string').join('.');
  let best: string | undefined;
  let bestD = Math.min(3, Math.ceil(key.length / 2));
  for (const k of KEYS_AT.get(here) ?? []) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  if (best) return ` (did you mean "${best}"?)`;
  const homes = [...KEYS_AT].filter(([p, keys]) => p !== here && keys.includes(key)).map(([p]) => `${p}.${key}`);
  return homes.length > 0 ? ` (it belongs in ${homes.slice(0, 2).join(' or ')})` : '';
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
