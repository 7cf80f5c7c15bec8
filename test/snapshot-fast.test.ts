/**
 * The schema's fast path (src/snapshot/fast.ts) against the schema itself:
 * whatever the fast path accepts, the schema accepts too, and gives the very
 * same value (the same keys in the same order, the same numbers and strings,
 * URLs normalised alike). Checked on the fixtures, the benchmark's inputs,
 * the fuzz and property generators, and on each of those broken one field
 * at a time in the ways a snapshot goes wrong.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../src/snapshot/schema.js';
import { plainlyValid } from '../src/snapshot/fast.js';
import { randomSnapshot } from './random-snapshots.js';
import { adversarialSnapshot } from './adversarial-snapshots.js';
import { prng } from './prng.js';
import { ROOT } from './helpers.js';
// @ts-expect-error: the benchmark's snapshot generator is plain JavaScript without types.
import { snapshot as benchSnapshot, prng as benchPrng } from '../bench/make-inputs.js';

type Json = unknown;

/** Same value, and for objects the same keys in the same order (what a sidecar's bytes depend on). */
function same(a: Json, b: Json, path = ''): string | null {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: array against non-array`;
    if (a.length !== b.length) return `${path}: lengths ${a.length} and ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = same(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) return `${path}: keys ${ka.join()} against ${kb.join()}`;
    for (const k of ka) {
      const d = same((a as Record<string, Json>)[k], (b as Record<string, Json>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${String(a)} against ${String(b)}`;
}

/** The property: accepted by the fast path ⇒ accepted by the schema, with the same value. */
function disagreement(input: Json): string | null {
  const fast = plainlyValid(input);
  if (fast === undefined) return null;
  const slow = SnapshotSchema.safeParse(input);
  if (!slow.success) return `fast path accepted what the schema refuses: ${slow.error.issues[0]?.message}`;
  return same(fast, slow.data);
}

const clone = <T>(v: T): T => structuredClone(v);

/** Every path to a value inside a document (objects and arrays alike). */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(x, p, out);
    }
  }
  return out;
}

// The ways a field goes wrong (and a few right values of another field's kind).
const ODD: unknown[] = [
  undefined, null, true, 0, -0, -1, 0.5, 1e13, 1e13 + 1, 1e10 + 1, 101, -101, 1001, NaN, Infinity, -Infinity, '', ' ', '\t', 'x',
  'x'.repeat(61), 'x'.repeat(81), 'x'.repeat(281), 'a\u0000b', 'a\u0085b', 'a\u200bb', '\ufeffBTC', 'BTC', 'btc', 'BTC ', '1INCH', 'X'.repeat(16),
  '1.2B', '2026-02-30T00:00:00Z', '2026-02-28T24:00:00Z', '2026-02-28T00:00:00', '2008-12-31T23:59:59Z', '2026-02-28T00:00:00+15:00', '2026-02-28',
  '2026-02-29', '2024-02-29', 'long', 'short', 'support', 'resistance', 'partial', 'complete', 'Fear', 'fear', 'a-b', 'a--b', '-a', 'A',
  'http://example.com/x', 'https://example.com/{x}%', 'https://u:p@example.com/', 'ftp://example.com/', 'https://exa mple.com/', 'https://',
  [], [1], {}, { x: 1 }, Object.create({ symbol: 'BTC' }) as unknown, new Date(0),
];

/** `doc` broken at one random place: a value swapped, a key dropped, or a key added. */
function broken(doc: Json, r: () => number): Json {
  const d = clone(doc) as Record<string, unknown>;
  const all = paths(d);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const kind = r();
  if (kind < 0.08) {
    const p = all.length > 0 ? pick(all) : [];
    const parent = p.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], d) as Record<string | number, unknown>;
    parent[pick(['extra', 'Symbol', 'usdValue', '__proto__', 'constructor'])] = 1;
    return d;
  }
  if (all.length === 0) return d;
  const p = pick(all);
  const parent = p.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], d) as Record<string | number, unknown>;
  const key = p[p.length - 1]!;
  if (kind < 0.2 && !Array.isArray(parent)) delete parent[key];
  else parent[key] = clone(pick(ODD));
  return d;
}

function fixtureDocs(): Json[] {
  const out: Json[] = [];
  for (const group of ['golden', 'edge', 'invalid']) {
    const base = join(ROOT, 'fixtures', group);
    for (const name of readdirSync(base)) {
      const file = join(base, name, 'snapshot.json');
      if (!existsSync(file)) continue;
      try {
        out.push(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        // not JSON: the parse stage's case, not the schema's
      }
    }
  }
  return out;
}

describe('the schema fast path', () => {
  const benchRnd = (benchPrng as (seed: number) => () => number)(7);
  const docs: Json[] = [
    ...fixtureDocs(),
    ...Array.from({ length: 600 }, (_, i) => (benchSnapshot as (i: number, r: () => number) => Json)(i, benchRnd)),
    ...Array.from({ length: 300 }, (_, i) => randomSnapshot(i + 1)),
    ...Array.from({ length: 300 }, (_, i) => adversarialSnapshot(i + 1)),
  ];

  it('gives the schema’s value for every valid snapshot, and takes nearly all of them', () => {
    const problems: string[] = [];
    let valid = 0;
    let fast = 0;
    for (const [i, doc] of docs.entries()) {
      const d = disagreement(doc);
      if (d) problems.push(`#${i}: ${d}`);
      if (SnapshotSchema.safeParse(doc).success) {
        valid++;
        if (plainlyValid(doc) !== undefined) fast++;
      }
    }
    expect(problems).toEqual([]);
    expect(valid).toBeGreaterThan(1000);
    // Only the context.history block (left to the schema) keeps a valid snapshot off the fast path.
    const withHistory = docs.filter((d) => SnapshotSchema.safeParse(d).success && (d as { context?: { history?: unknown } }).context?.history !== undefined).length;
    expect(fast).toBe(valid - withHistory);
  });

  it('never accepts what the schema refuses, nor builds another value, when one field is broken', () => {
    const r = prng(20261202);
    const problems: string[] = [];
    let refused = 0;
    for (let round = 0; round < 6; round++) {
      for (const [i, doc] of docs.entries()) {
        const b = broken(doc, r);
        const d = disagreement(b);
        if (d) problems.push(`#${i}/${round}: ${d} in ${JSON.stringify(b).slice(0, 300)}`);
        if (!SnapshotSchema.safeParse(b).success) refused++;
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // The breakage is real: most broken documents are refused by the schema.
    expect(refused).toBeGreaterThan(docs.length * 3);
  });

  it('leaves values JSON never gives to the schema', () => {
    const doc = clone(docs.find((d) => plainlyValid(d) !== undefined)) as Record<string, unknown>;
    expect(plainlyValid({ ...doc, id: undefined })).toBeUndefined();
    expect(plainlyValid(Object.assign(Object.create({ inherited: 1 }), doc))).toBeUndefined();
    expect(plainlyValid([doc])).toBeUndefined();
    expect(plainlyValid(null)).toBeUndefined();
  });
});
