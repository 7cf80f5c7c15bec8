// `npm run bench` (measure 6; BENCH_SKIP_CARD=1 skips it): what the social card costs per article (target
// under 30 ms a card). Two measures on BENCH_CARDS (100) varied snapshots (bench/make-inputs.js):
// 1. in-process, the card alone: `article.files.card` (layout, SVG, resvg to PNG) after one warm-up card,
//    median and 95th percentile; the first card (loading resvg and opentype.js, parsing the fonts) apart;
// 2. the command line: `render --format md,html,json,card` against `--format md,html,json`, by turns
//    (BENCH_RUNS pairs), the difference per article, writing included.
// Run it alone with `node bench/card.js` after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeInputs } from './make-inputs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { generate } = await import(join(root, 'dist', 'index.js'));
const COUNT = Number(process.env.BENCH_CARDS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const now = '2026-11-21T00:00:00Z';
const work = existsSync('/dev/shm') ? join('/dev/shm', `liqnews-bench-card-${process.pid}`) : join(root, 'bench', '.work-card');
const cli = join(root, 'bin', 'liqnews.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const inputs = join(work, 'in');
makeInputs(inputs, COUNT, 11);
const files = readdirSync(inputs).filter((n) => n.endsWith('.json')).sort().map((n) => readFileSync(join(inputs, n), 'utf8'));

// 1. The card alone, in-process.
const articles = files.map((text) => generate(text, { now: new Date(now), card: true }));
let t = performance.now();
void articles[0].files.card;
const first = performance.now() - t;
// Wall time, and this process's CPU time (resvg draws on the calling thread), which a machine shared with
// other work inflates far less: the target is judged on the median wall time of an idle run.
const times = [];
const cpus = [];
for (const a of articles.slice(1)) {
  const c = process.cpuUsage();
  t = performance.now();
  void a.files.card;
  times.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpus.push((d.user + d.system) / 1000);
}
const med = median(times);
console.log(
  `card alone, ${times.length} articles: median ${med.toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms a card, CPU median ${median(cpus).toFixed(1)} ms (target < 30 ms) — ${med < 30 ? 'met' : 'NOT met'}; ` +
    `the first card ${first.toFixed(0)} ms (loads resvg and opentype.js, parses the fonts)`,
);

// 2. The command line, with and without the card, by turns.
function render(formats, out) {
  rmSync(out, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'render', inputs, '--out', out, '--format', formats, '--now', now, '--quiet', '--no-history'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`render --format ${formats} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const withCard = [];
const without = [];
for (let i = 0; i < RUNS; i++) {
  withCard.push(render('md,html,json,card', join(work, 'out-card')));
  without.push(render('md,html,json', join(work, 'out-plain')));
}
const extra = (median(withCard) - median(without)) / COUNT;
console.log(`render ${COUNT} snapshots: md,html,json,card ${median(withCard).toFixed(0)} ms, md,html,json ${median(without).toFixed(0)} ms — the card adds ${extra.toFixed(1)} ms an article, writing included (${RUNS} pairs)`);
rmSync(work, { recursive: true, force: true });
process.exitCode = med < 30 ? 0 : 1;
