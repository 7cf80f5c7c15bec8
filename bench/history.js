// contextFor over a store of ten years of hourly rows (87,600), the figure the
// history issue sets a limit for (< 2 ms per snapshot). Run after `npm run build`:
//   node bench/history.js [--years 10] [--lookups 2000]
// Builds the store in a temp dir (one batch, one transaction), then asks for the
// context of snapshots spread over the last year and prints ms per contextFor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openHistory } from '../dist/history/index.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const years = arg('--years', 10);
const lookups = arg('--lookups', 2000);
const HOUR = 3_600_000;
const end = Date.parse('2026-01-01T00:00:00Z');
const hours = Math.round(years * 365 * 24);
const start = end - hours * HOUR;
// A fixed pseudo-random sequence: the same store every run.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

const dir = mkdtempSync(join(tmpdir(), 'liqnews-history-bench-'));
try {
  const history = openHistory(join(dir, 'history.sqlite'), { now: () => new Date(end) });
  const entries = [];
  for (let h = 0; h < hours; h++) {
    const s = start + h * HOUR;
    const usd = Math.round(2e6 + rand() * 3e7 * (rand() < 0.02 ? 10 : 1));
    const long = Math.round(usd * rand());
    entries.push({
      id: `bench-${h}`,
      window: { start: iso(s), end: iso(s + HOUR) },
      totals: { usd, longUsd: long, shortUsd: usd - long, traders: null },
      assets: [],
      venues: [],
      // Readings on some hours only, as a feed that adds context now and then.
      sentiment: h % 24 === 0 ? { index: Math.floor(rand() * 100), label: null } : { index: null, label: null },
      openInterestChangePct: h % 6 === 0 ? Math.round(rand() * 1000) / 100 : null,
      fundingRatePct: h % 8 === 0 ? Math.round(rand() * 100) / 10_000 : null,
      coverage: rand() < 0.05 ? 'partial' : 'complete',
      style: null,
      slug: null,
      url: null,
      choices: {},
      source: { kind: 'import-csv', ref: null },
    });
  }
  let t = performance.now();
  const result = history.record(entries);
  const buildMs = performance.now() - t;
  console.log(`store: ${result.added} hourly rows (${years} years) recorded in ${(buildMs / 1000).toFixed(1)} s`);

  const subjects = [];
  for (let i = 0; i < lookups; i++) {
    // Windows within the last year (so every rank span has data), and the hour after the store.
    const s = i === 0 ? end : end - Math.floor(rand() * 365 * 24) * HOUR;
    const big = i % 10 === 0;
    subjects.push({
      window: { start: iso(s), end: iso(s + HOUR) },
      totals: { usd: big ? 5e9 : Math.round(rand() * 4e7) },
      market: { sentiment: { index: 50 }, openInterestChangePct: 1.5, fundingRatePct: 0.01 },
    });
  }
  for (const s of subjects.slice(0, 100)) history.contextFor(s); // warm the statements and the page cache
  t = performance.now();
  for (const s of subjects) history.contextFor(s);
  const per = (performance.now() - t) / subjects.length;
  const sample = history.contextFor(subjects[0]);
  console.log(`contextFor: ${per.toFixed(3)} ms per snapshot over ${subjects.length} snapshots (1 in 10 a record-sized total), limit 2 ms`);
  console.log(`sample: previous ${sample.previous?.source}, ${sample.ranks.length} rank spans, median of ${sample.median?.windows} windows`);
  history.close();
  if (per >= 2) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
