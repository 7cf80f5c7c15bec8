// `npm run bench`: the performance promises of the README, measured on varied inputs (bench/make-inputs.js).
// 1. batch render vs a minimal hand-written script (bench/baseline.js), at BENCH_BATCH (1,000) and at
//    BENCH_BATCH_LARGE (10,000) snapshots (target <= 2x at both);
// 2. one snapshot from a cold start vs bare `node` importing the four libraries (target <= 1.5x);
// 3. peak memory over a BENCH_MEMORY (10,000) snapshot batch (target < 300 MB), and the same at
//    BENCH_MEMORY_LARGE (200,000; 0 skips it): peak RSS should stay within 20 % of the smaller batch's;
// 4. the history store (issue 9): a BENCH_HISTORY_BATCH (1,000) snapshot batch with a fresh store
//    (`--history FILE` in a temp folder) against the same batch with `--no-history` (target <= 1.3x), and
//    bench/history.js: contextFor over ten years of hourly rows (target < 2 ms per snapshot);
// 5. the ingest adapters (bench/ingest.js; BENCH_SKIP_INGEST=1 skips them);
// 6. the social card (bench/card.js; BENCH_SKIP_CARD=1 skips it): cost per card (target < 30 ms).
// 7. the chart (bench/chart.js; BENCH_SKIP_CHART=1 skips it): cost per chart;
// 8. the desk (bench/studio.js; BENCH_SKIP_STUDIO=1 skips it): start (target < 1 s) and a story render
//    with chart and table (target < 100 ms).
// The batch and memory measures render with `--no-history`, as the reference has none: what the store
// adds is measure 4.
// BENCH_RUNS (5) pairs for the 1,000 batch and the cold start (twice as many), BENCH_RUNS_LARGE (3) for the large batch.
// Times are wall-clock medians; CPU time (all threads: V8 collects garbage and compiles on
// helper threads) is shown beside them, since a busy machine slows wall time more than CPU time.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { rmSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeInputs } from './make-inputs.js';
const makeInputsScript = join(dirname(fileURLToPath(import.meta.url)), 'make-inputs.js');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Outputs go to memory (tmpfs) when the machine has it: this disk's write times
// vary several-fold from run to run, which would drown the rendering costs being compared.
const work = existsSync('/dev/shm') ? join('/dev/shm', `liqnews-bench-${process.pid}`) : join(root, 'bench', '.work');
const cli = join(root, 'bin', 'liqnews.js');
const rss = join(root, 'bench', 'rss.cjs');
const now = '2026-11-21T00:00:00Z';
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const BATCH_LARGE = Number(process.env.BENCH_BATCH_LARGE ?? 10000);
const MEMORY = Number(process.env.BENCH_MEMORY ?? 10000);
const MEMORY_LARGE = Number(process.env.BENCH_MEMORY_LARGE ?? 200000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RUNS_LARGE = Number(process.env.BENCH_RUNS_LARGE ?? 3);
const HISTORY_BATCH = Number(process.env.BENCH_HISTORY_BATCH ?? 1000);
// BENCH_ONLY=history runs measure 4 alone (with its BENCH_RUNS pairs).
const ONLY_HISTORY = process.env.BENCH_ONLY === 'history';

function run(args, label) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  const kb = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = Number(/BENCH_CPU_MS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, mb: kb / 1024, cpu };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Ours and the reference, run by turns (ours, then theirs, `runs` times), so a
 * slow patch of a shared machine slows both alike. Medians of wall time, CPU
 * time and of the per-pair ratio, which is the figure the target is about.
 */
function compare(oursArgs, theirsArgs, label, runs = RUNS, fresh = {}) {
  const a = { ms: [], cpu: [] };
  const b = { ms: [], cpu: [] };
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    fresh.ours?.();
    const x = run(['-r', rss, ...oursArgs], `${label} (liqnews)`);
    fresh.theirs?.();
    const y = run(['-r', rss, ...theirsArgs], `${label} (reference)`);
    a.ms.push(x.ms);
    a.cpu.push(x.cpu);
    b.ms.push(y.ms);
    b.cpu.push(y.cpu);
    ratios.push(x.ms / y.ms);
  }
  const m = (t) => ({ ms: median(t.ms), cpu: median(t.cpu) });
  return { ours: m(a), theirs: m(b), ratio: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
}
const range = (c) => `${c.ratio.toFixed(2)}x (runs ${c.low.toFixed(2)}–${c.high.toFixed(2)})`;

mkdirSync(work, { recursive: true });
const batchIn = join(work, 'batch');
makeInputs(batchIn, BATCH);
const clean = (d) => () => rmSync(d, { recursive: true, force: true });

// 1. Batch throughput: both write .md and .html for every snapshot.
const oursOut = join(work, 'out-ours');
const baseOut = join(work, 'out-base');
function batchCompare(dir, count, runs) {
  const c = compare(
    [cli, 'render', dir, '--out', oursOut, '--format', 'md,html', '--now', now, '--quiet', '--no-history'],
    [join(root, 'bench', 'baseline.js'), dir, baseOut],
    `batch of ${count}`,
    runs,
    { ours: clean(oursOut), theirs: clean(baseOut) },
  );
  console.log(
    `batch of ${count}: liqnews ${c.ours.ms.toFixed(0)} ms (${(c.ours.ms / count).toFixed(2)} ms/article), baseline ${c.theirs.ms.toFixed(0)} ms — ratio ${range(c)}, ${runs} pairs (target <= 2x); ` +
      `CPU time ${c.ours.cpu} ms vs ${c.theirs.cpu} ms (${(c.ours.cpu / c.theirs.cpu).toFixed(2)}x)`,
  );
  clean(oursOut)();
  clean(baseOut)();
  return c;
}
console.log(`node ${process.version}, ${availableParallelism()} cores; outputs in ${work.startsWith('/dev/shm') ? 'memory (/dev/shm)' : 'bench/.work'}; medians of the runs, ours and the reference by turns`);
if (!ONLY_HISTORY) batchCompare(batchIn, BATCH, RUNS);
if (BATCH_LARGE > 0 && !ONLY_HISTORY) {
  const largeIn = join(work, 'batch-large');
  makeInputs(largeIn, BATCH_LARGE);
  batchCompare(largeIn, BATCH_LARGE, RUNS_LARGE);
  clean(largeIn)();
}

// 2. Cold start: one snapshot to stdout vs a bare node that only imports the libraries.
const one = join(batchIn, 'snap-00000.json');
const cold = ONLY_HISTORY ? null : compare(
  [cli, 'render', one, '--stdout', '--format', 'md', '--now', now],
  ['--input-type=module', '-e', "await Promise.all(['handlebars','marked','zod','luxon'].map((m) => import(m)))"],
  'cold start',
  RUNS * 2,
);
if (cold) console.log(`cold start, one snapshot: liqnews ${cold.ours.ms.toFixed(0)} ms, bare node + imports ${cold.theirs.ms.toFixed(0)} ms — ratio ${range(cold)} (target <= 1.5x); CPU ${cold.ours.cpu} ms vs ${cold.theirs.cpu} ms`);

// 3. Memory over a large batch, and whether it stays flat at a much larger one (the same formats).
function memoryRun(count, seed) {
  const dir = join(work, `memory-${count}`);
  const out = join(work, `out-memory-${count}`);
  // A child process writes the inputs, so a 200,000-file set neither waits on nor bloats this process.
  const made = spawnSync(process.execPath, [makeInputsScript, dir, String(count), String(seed)], { stdio: 'inherit' });
  if (made.status !== 0) process.exit(1);
  clean(out)();
  const m = run(['-r', rss, cli, 'render', dir, '--out', out, '--now', now, '--quiet', '--no-history'], `liqnews memory batch of ${count}`);
  clean(dir)();
  clean(out)();
  console.log(`batch of ${count} (md, html, json): ${(m.ms / 1000).toFixed(1)} s, peak RSS ${m.mb.toFixed(0)} MB, CPU ${(m.cpu / 1000).toFixed(1)} s`);
  return m;
}
const mem = MEMORY > 0 && !ONLY_HISTORY ? memoryRun(MEMORY, 7) : null;
if (mem) console.log(`  memory target: under 300 MB at ${MEMORY} — ${mem.mb < 300 ? 'met' : 'NOT met'}`);
if (mem && MEMORY_LARGE > 0) {
  const big = memoryRun(MEMORY_LARGE, 7);
  const growth = big.mb / mem.mb - 1;
  console.log(`  memory scaling: ${MEMORY_LARGE} uses ${(growth * 100).toFixed(0)} % more than ${MEMORY} (target: within 20 %) — ${growth <= 0.2 ? 'met' : 'NOT met'}`);
}

// 4. The history store: the same batch with a fresh store and without one, by turns (each run starts a new store).
if (HISTORY_BATCH > 0) {
  const historyIn = HISTORY_BATCH === BATCH ? batchIn : join(work, 'batch-history');
  if (historyIn !== batchIn) makeInputs(historyIn, HISTORY_BATCH);
  const store = join(work, 'history', 'history.sqlite');
  const withOut = join(work, 'out-history');
  const withoutOut = join(work, 'out-no-history');
  const freshStore = () => {
    rmSync(dirname(store), { recursive: true, force: true });
    mkdirSync(dirname(store), { recursive: true });
    clean(withOut)();
  };
  const h = compare(
    [cli, 'render', historyIn, '--out', withOut, '--format', 'md,html', '--now', now, '--quiet', '--history', store],
    [cli, 'render', historyIn, '--out', withoutOut, '--format', 'md,html', '--now', now, '--quiet', '--no-history'],
    `history batch of ${HISTORY_BATCH}`,
    RUNS,
    { ours: freshStore, theirs: clean(withoutOut) },
  );
  console.log(
    `batch of ${HISTORY_BATCH} with a fresh history store: ${h.ours.ms.toFixed(0)} ms, with --no-history ${h.theirs.ms.toFixed(0)} ms — ratio ${range(h)}, ${RUNS} pairs (target <= 1.3x); ` +
      `CPU time ${h.ours.cpu} ms vs ${h.theirs.cpu} ms (${(h.ours.cpu / h.theirs.cpu).toFixed(2)}x)`,
  );
  clean(withOut)();
  clean(withoutOut)();
  clean(dirname(store))();
  const lookups = spawnSync(process.execPath, [join(root, 'bench', 'history.js')], { cwd: root, encoding: 'utf8' });
  process.stdout.write(lookups.stdout.replace(/^/gm, '  '));
  if (lookups.status !== 0) console.log(`  contextFor: ${lookups.status === 1 ? 'NOT under 2 ms' : `failed (exit ${lookups.status})\n${lookups.stderr.slice(-2000)}`}`);
}
rmSync(work, { recursive: true, force: true });

// 5. The ingest adapters (bench/ingest.js): events per second against a bare JSON.parse loop, and memory.
if (process.env.BENCH_SKIP_INGEST !== '1' && !ONLY_HISTORY) {
  const ingest = spawnSync(process.execPath, [join(root, 'bench', 'ingest.js')], { cwd: root, stdio: 'inherit' });
  if (ingest.status !== 0) process.exit(ingest.status ?? 1);
}

// 6. The social card (bench/card.js): milliseconds a card, alone and as the command adds it to md, html, json.
if (process.env.BENCH_SKIP_CARD !== '1' && !ONLY_HISTORY) {
  const card = spawnSync(process.execPath, [join(root, 'bench', 'card.js')], { cwd: root, stdio: 'inherit' });
  if (card.status !== 0) console.log(`  card: ${card.status === 1 ? 'NOT under 30 ms a card' : `failed (exit ${card.status})`}`);
}
// 7. The chart (bench/chart.js; BENCH_SKIP_CHART=1 skips it): milliseconds a chart SVG, alone and as the command adds it.
if (process.env.BENCH_SKIP_CHART !== '1' && !ONLY_HISTORY) spawnSync(process.execPath, [join(root, 'bench', 'chart.js')], { cwd: root, stdio: 'inherit' });
if (process.env.BENCH_SKIP_STUDIO !== '1' && !ONLY_HISTORY) spawnSync(process.execPath, [join(root, 'bench', 'studio.js')], { cwd: root, stdio: 'inherit' });
