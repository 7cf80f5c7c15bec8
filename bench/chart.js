// `npm run bench` (measure 7; BENCH_SKIP_CHART=1 skips it): what the chart SVG costs per article. Two measures
// on BENCH_CHARTS (100) varied snapshots (bench/make-inputs.js):
// 1. in-process, the chart alone: `article.files.svg` (Vega-Lite compiled to Vega, vega's SVG renderer) after
//    one warm-up chart, median and 95th percentile; importing vega and vega-lite (`loadCharts()`) apart;
// 2. the command line: `render --format md,html,json,svg --sections +chart` (the file and the page's inline
//    copy, drawn once) against `--format md,html,json`, by turns (BENCH_RUNS pairs), the difference per article.
// Run it alone with `node bench/chart.js` after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeInputs } from './make-inputs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { generate, loadCharts } = await import(join(root, 'dist', 'index.js'));
const COUNT = Number(process.env.BENCH_CHARTS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const now = '2026-11-21T00:00:00Z';
const work = existsSync('/dev/shm') ? join('/dev/shm', `liqnews-bench-chart-${process.pid}`) : join(root, 'bench', '.work-chart');
const cli = join(root, 'bin', 'liqnews.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const inputs = join(work, 'in');
makeInputs(inputs, COUNT, 11);
const files = readdirSync(inputs).filter((n) => n.endsWith('.json')).sort().map((n) => readFileSync(join(inputs, n), 'utf8'));

// 1. The chart alone, in-process.
let t = performance.now();
await loadCharts();
const load = performance.now() - t;
const articles = files.map((text) => generate(text, { now: new Date(now), sections: '+chart', chart: true }));
const drawable = articles.filter((a) => a.chartFile !== null);
t = performance.now();
void drawable[0].files.svg;
const first = performance.now() - t;
const times = [];
for (const a of drawable.slice(1)) {
  t = performance.now();
  void a.files.svg;
  times.push(performance.now() - t);
}
console.log(
  `chart alone, ${times.length} articles: median ${median(times).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms a chart; ` +
    `importing vega and vega-lite ${load.toFixed(0)} ms once, the first chart ${first.toFixed(0)} ms`,
);

// 2. The command line, with and without the chart, by turns.
function render(args, out) {
  rmSync(out, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'render', inputs, '--out', out, ...args, '--now', now, '--quiet', '--no-history'], { cwd: root, encoding: 'utf8' });
  // Exit 1 is a snapshot without a chart to draw (no coins): that article's error, the others are written.
  if (r.status !== 0 && r.status !== 1) {
    console.error(`render ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const withChart = [];
const without = [];
for (let i = 0; i < RUNS; i++) {
  withChart.push(render(['--format', 'md,html,json,svg', '--sections', '+chart'], join(work, 'out-chart')));
  without.push(render(['--format', 'md,html,json'], join(work, 'out-plain')));
}
const extra = (median(withChart) - median(without)) / COUNT;
console.log(`render ${COUNT} snapshots: md,html,json,svg +chart ${median(withChart).toFixed(0)} ms, md,html,json ${median(without).toFixed(0)} ms — the chart adds ${extra.toFixed(1)} ms an article, writing included (${RUNS} pairs)`);
rmSync(work, { recursive: true, force: true });
