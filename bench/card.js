// `npm run bench` (measure 6; BENCH_SKIP_CARD=1 skips it): what the social card costs per article (target
// under 30 ms a card). Two measures on BENCH_CARDS (100) varied snapshots (bench/make-inputs.js):
// 1. in-process, the card alone: `article.files.card` (layout, SVG, resvg to PNG) after one warm-up card,
//    median and 95th percentile; the first card (loading resvg and opentype.js, parsing the fonts) apart;
// 2. the command line: `render --format md,html,json,card` against `--format md,html,json`, by turns
//    (BENCH_RUNS pairs), the difference per article, writing included.
// Run it alone with `node bench/card.js` after `npm run build`.
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeInputs } from './make-inputs.js';
import { median, pct, root, timedRender, workDir } from './lib.js';

const { generate } = await import(join(root, 'dist', 'index.js'));
const COUNT = Number(process.env.BENCH_CARDS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const now = '2026-11-21T00:00:00Z';
const work = workDir('card');

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
const withCard = [];
const without = [];
for (let i = 0; i < RUNS; i++) {
  withCard.push(timedRender(inputs, join(work, 'out-card'), ['--format', 'md,html,json,card'], now));
  without.push(timedRender(inputs, join(work, 'out-plain'), ['--format', 'md,html,json'], now));
}
const extra = (median(withCard) - median(without)) / COUNT;
console.log(`render ${COUNT} snapshots: md,html,json,card ${median(withCard).toFixed(0)} ms, md,html,json ${median(without).toFixed(0)} ms — the card adds ${extra.toFixed(1)} ms an article, writing included (${RUNS} pairs)`);
rmSync(work, { recursive: true, force: true });
process.exitCode = med < 30 ? 0 : 1;
