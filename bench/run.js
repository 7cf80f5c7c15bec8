// `npm run bench`: the three performance promises of the README, measured.
// 1. batch render vs a minimal hand-written script (target <= 2x);
// 2. one snapshot from a cold start vs bare `node` importing the four libraries (target <= 1.5x);
// 3. peak memory over a 10,000-snapshot batch (target < 300 MB);
// 4. the ingest adapters (bench/ingest.js).
// Times are wall-clock medians; CPU time (all threads) is shown beside them, since the
// batch uses a worker per core and a busy machine slows wall time but not CPU time.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { rmSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeInputs } from './make-inputs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Outputs go to memory (tmpfs) when the machine has it: this disk's write times
// vary several-fold from run to run, which would drown the rendering costs being compared.
const work = existsSync('/dev/shm') ? join('/dev/shm', `liqnews-bench-${process.pid}`) : join(root, 'bench', '.work');
const cli = join(root, 'bin', 'liqnews.js');
const rss = join(root, 'bench', 'rss.cjs');
const now = '2026-11-21T00:00:00Z';
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const MEMORY = Number(process.env.BENCH_MEMORY ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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
/** Median wall time and median CPU time of `runs` runs. */
function timed(args, label, runs = RUNS, fresh) {
  const times = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    fresh?.();
    const r = run(['-r', rss, ...args], label);
    times.push(r.ms);
    cpus.push(r.cpu);
  }
  return { ms: median(times), cpu: median(cpus) };
}

mkdirSync(work, { recursive: true });
const batchIn = join(work, 'batch');
makeInputs(batchIn, BATCH);
const clean = (d) => () => rmSync(d, { recursive: true, force: true });

// 1. Batch throughput: both write .md and .html for every snapshot.
const oursOut = join(work, 'out-ours');
const baseOut = join(work, 'out-base');
const ours = timed([cli, 'render', batchIn, '--out', oursOut, '--format', 'md,html', '--now', now, '--quiet'], 'liqnews render', RUNS, clean(oursOut));
const base = timed([join(root, 'bench', 'baseline.js'), batchIn, baseOut], 'baseline', RUNS, clean(baseOut));
console.log(`node ${process.version}, ${availableParallelism()} cores; outputs in ${work.startsWith('/dev/shm') ? 'memory (/dev/shm)' : 'bench/.work'}; medians of ${RUNS} runs`);
console.log(
  `batch of ${BATCH}: liqnews ${ours.ms.toFixed(0)} ms (${(ours.ms / BATCH).toFixed(2)} ms/article), baseline ${base.ms.toFixed(0)} ms — ratio ${(ours.ms / base.ms).toFixed(2)}x (target <= 2x); ` +
    `CPU time ${ours.cpu} ms vs ${base.cpu} ms (${(ours.cpu / base.cpu).toFixed(2)}x)`,
);

// 2. Cold start: one snapshot to stdout vs a bare node that only imports the libraries.
const one = join(batchIn, 'snap-00000.json');
const cold = timed([cli, 'render', one, '--stdout', '--format', 'md', '--now', now], 'liqnews cold start', RUNS * 2);
const bare = timed(['--input-type=module', '-e', "await Promise.all(['handlebars','marked','zod','luxon'].map((m) => import(m)))"], 'bare node', RUNS * 2);
console.log(`cold start, one snapshot: liqnews ${cold.ms.toFixed(0)} ms, bare node + imports ${bare.ms.toFixed(0)} ms — ratio ${(cold.ms / bare.ms).toFixed(2)}x (target <= 1.5x); CPU ${cold.cpu} ms vs ${bare.cpu} ms`);

// 3. Memory over a large batch.
const memIn = join(work, 'memory');
makeInputs(memIn, MEMORY, 7);
const memOut = join(work, 'out-memory');
clean(memOut)();
const mem = run(['-r', rss, cli, 'render', memIn, '--out', memOut, '--now', now, '--quiet'], 'liqnews memory batch');
console.log(`batch of ${MEMORY} (md, html, json): ${(mem.ms / 1000).toFixed(1)} s, peak RSS ${mem.mb.toFixed(0)} MB (target < 300 MB), CPU ${(mem.cpu / 1000).toFixed(1)} s`);
rmSync(work, { recursive: true, force: true });

// 4. The ingest adapters (bench/ingest.js): events per second against a bare JSON.parse loop, and memory.
if (process.env.BENCH_SKIP_INGEST !== '1') {
  const ingest = spawnSync(process.execPath, [join(root, 'bench', 'ingest.js')], { cwd: root, stdio: 'inherit' });
  if (ingest.status !== 0) process.exit(ingest.status ?? 1);
}
