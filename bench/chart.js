// `npm run bench` (measure 7; BENCH_SKIP_CHART=1 skips it): what the chart SVG costs per article. Two measures
// on BENCH_CHARTS (100) varied snapshots (bench/make-inputs.js):
// 1. in-process, the chart alone: `article.files.svg` (Vega-Lite compiled to Vega, vega's SVG renderer) after
//    one warm-up chart, median and 95th percentile; importing vega and vega-lite (`loadCharts()`) apart;
// 2. the command line: `render --format md,html,json,svg --sections +chart` (the file and the page's inline
//    copy, drawn once) against `--format md,html,json`, by turns (BENCH_RUNS pairs), the difference per article.
// Run it alone with `node bench/chart.js` after `npm run build`.
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeInputs } from './make-inputs.js';
import { median, pct, root, timedRender, workDir } from './lib.js';

const { generate, loadCharts } = await import(join(root, 'dist', 'index.js'));
const COUNT = Number(process.env.BENCH_CHARTS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const now = '2026-11-21T00:00:00Z';
const work = workDir('chart');

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
// Exit 1 is a snapshot without a chart to draw (no coins): that article's error, the others are written.
const withChart = [];
const without = [];
for (let i = 0; i < RUNS; i++) {
  withChart.push(timedRender(inputs, join(work, 'out-chart'), ['--format', 'md,html,json,svg', '--sections', '+chart'], now, [0, 1]));
  without.push(timedRender(inputs, join(work, 'out-plain'), ['--format', 'md,html,json'], now));
}
const extra = (median(withChart) - median(without)) / COUNT;
console.log(`render ${COUNT} snapshots: md,html,json,svg +chart ${median(withChart).toFixed(0)} ms, md,html,json ${median(without).toFixed(0)} ms — the chart adds ${extra.toFixed(1)} ms an article, writing included (${RUNS} pairs)`);
rmSync(work, { recursive: true, force: true });
