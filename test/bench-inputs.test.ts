/**
 * The benchmark's inputs (bench/make-inputs.js) are what the README's
 * performance figures are measured on: they must be valid, render, cover
 * the contract's shapes (not only friendly ones), and the reference script
 * (bench/baseline.js) must take every one of them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../src/snapshot/parse.js';
import { generateEach } from '../src/generate.js';
import { NOW, ROOT } from './helpers.js';
// @ts-expect-error: the benchmark's snapshot generator is plain JavaScript without types.
import { makeInputs } from '../bench/make-inputs.js';

const COUNT = 1200;
let dir: string;
let files: string[];
let snaps: Record<string, unknown>[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-bench-inputs-'));
  (makeInputs as (dir: string, n: number) => void)(join(dir, 'in'), COUNT);
  files = readdirSync(join(dir, 'in')).sort();
  snaps = files.map((f) => JSON.parse(readFileSync(join(dir, 'in', f), 'utf8')) as Record<string, unknown>);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Snap = Record<string, unknown> & { window: { start: string; end: string }; totals: { longUsd: number; shortUsd: number }; assets?: unknown[]; exchanges?: unknown[] };

describe('benchmark inputs', () => {
  it('are all valid, and all render', () => {
    expect(files).toHaveLength(COUNT);
    const invalid = snaps.flatMap((s, i) => {
      const r = validateSnapshot(s, NOW);
      return r.ok ? [] : [`${files[i]}: ${JSON.stringify(r.issues[0])}`];
    });
    expect(invalid).toEqual([]);
    const failed = generateEach(snaps, { now: NOW }).flatMap((g, i) => (g.ok ? [] : [`${files[i]}: ${String(g.error)}`]));
    expect(failed).toEqual([]);
  }, 120_000);

  it('cover the shapes the contract allows', () => {
    const s = snaps as Snap[];
    const count = (p: (x: Snap) => boolean): number => s.filter(p).length;
    const hours = (x: Snap): number => (Date.parse(x.window.end) - Date.parse(x.window.start)) / 3_600_000;
    const optional = ['id', 'source', 'coverage', 'assets', 'exchanges', 'largestOrder', 'market', 'levels', 'context'];
    expect(count((x) => Object.keys(x).every((k) => ['schemaVersion', 'window', 'totals'].includes(k)))).toBeGreaterThan(50); // minimal
    for (const k of optional) {
      expect(count((x) => k in x), `with ${k}`).toBeGreaterThan(30);
      expect(count((x) => !(k in x)), `without ${k}`).toBeGreaterThan(30);
    }
    expect(count((x) => (x.assets?.length ?? 0) >= 100)).toBeGreaterThan(20);
    expect(Math.max(...s.map((x) => x.assets?.length ?? 0))).toBeGreaterThan(400);
    expect(Math.max(...s.map((x) => x.exchanges?.length ?? 0))).toBeGreaterThan(150);
    expect(count((x) => x['coverage'] === 'partial')).toBeGreaterThan(30);
    expect(count((x) => x.totals.longUsd === 0)).toBeGreaterThan(30);
    expect(count((x) => x.totals.shortUsd === 0)).toBeGreaterThan(30);
    expect(Math.min(...s.map(hours))).toBe(1);
    expect(Math.max(...s.map(hours))).toBe(744); // 31 days
    expect(count((x) => hours(x) % 1 !== 0)).toBeGreaterThan(30); // windows of odd minutes
    expect(count((x) => !x.window.end.endsWith('Z'))).toBeGreaterThan(30); // ends written in other offsets
    expect(count((x) => !new Date(x.window.end).toISOString().endsWith('T00:00:00.000Z'))).toBeGreaterThan(300); // off midnight
    const context = (k: string): number => count((x) => k in ((x['context'] as object | undefined) ?? {}));
    for (const k of ['catalysts', 'record', 'related', 'tags']) expect(context(k), k).toBeGreaterThan(30);
  });

  it('are taken whole by the reference script', () => {
    const out = join(dir, 'base');
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'baseline.js'), join(dir, 'in'), out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toHaveLength(COUNT * 2);
  }, 120_000);
});
