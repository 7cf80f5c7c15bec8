// `npm run bench` (measure 8; BENCH_SKIP_STUDIO=1 skips it): the editor's desk (issue 12's targets).
// 1. Start: `liqnews studio` spawned over the bundled fixtures' snapshots until it prints its URL (listening),
//    and until the story list answers; target under a second. BENCH_RUNS starts, median.
// 2. A story render: GET /api/story/<file> for every bundled fixture in every style (the desk's default
//    sections, chart and table included), each asked once so none comes from the desk's preview cache, after
//    one warm-up story (which also waits for the chart engine, loaded in the background at start); median and
//    slowest; target under 100 ms. The warm-up's own time is printed apart.
// Run it alone with `node bench/studio.js` after `npm run build`.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cli, median, root, workDir } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STYLES = ['recap', 'tldr', 'analysis', 'bulletin', 'explainer'];
const work = workDir('studio');

rmSync(work, { recursive: true, force: true });
const snaps = join(work, 'snapshots');
mkdirSync(snaps, { recursive: true });
const golden = join(root, 'fixtures', 'golden');
const names = [];
for (const d of readdirSync(golden).sort()) {
  if (!existsSync(join(golden, d, 'snapshot.json'))) continue;
  copyFileSync(join(golden, d, 'snapshot.json'), join(snaps, `${d}.json`));
  names.push(`${d}.json`);
}

/** Spawns the desk; resolves with the process, its URL and the ms until it printed it. */
function startDesk() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'studio', snaps, '--out', join(work, 'out'), '--port', '0', '--no-history'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let seen = '';
    child.stdout.on('data', (b) => {
      seen += b;
      const m = /liqnews studio: (http:\/\/\S+)/.exec(seen);
      if (m) ok({ child, url: new URL(m[1]), ms: performance.now() - t0 });
    });
    child.on('exit', (code) => fail(new Error(`studio exited (${code}) before printing its URL`)));
  });
}

const stop = (child) => new Promise((ok) => (child.exitCode !== null ? ok() : (child.once('exit', ok), child.kill('SIGTERM'))));

async function get(url, path) {
  const r = await globalThis.fetch(new URL(path, url), { headers: { 'x-liqnews-token': url.searchParams.get('token') } });
  const body = await r.json();
  if (r.status !== 200 || body.ok === false) throw new Error(`${path}: ${r.status} ${body.message ?? ''}`);
  return body;
}

const starts = [];
const lists = [];
for (let i = 0; i < RUNS; i++) {
  const d = await startDesk();
  const t = performance.now();
  await get(d.url, '/api/stories');
  starts.push(d.ms);
  lists.push(d.ms + performance.now() - t);
  await stop(d.child);
}
console.log(`studio start (${names.length} fixtures): listening after ${median(starts).toFixed(0)} ms, story list answered after ${median(lists).toFixed(0)} ms — median of ${RUNS} (target < 1000 ms)`);

const d = await startDesk();
const story = (file, style) => `/api/story/${encodeURIComponent(file)}?style=${style}`;
let t = performance.now();
await get(d.url, story(names[0], 'auto'));
const warm = performance.now() - t;
const times = [];
for (const file of names) {
  for (const style of STYLES) {
    t = performance.now();
    const s = await get(d.url, story(file, style));
    times.push(performance.now() - t);
    if (!s.html.includes('<svg') && s.claims.length === 0) throw new Error(`${file} (${style}): no article`);
  }
}
await stop(d.child);
rmSync(work, { recursive: true, force: true });
const slowest = Math.max(...times);
console.log(
  `studio story render (chart and table, ${times.length} renders, none cached): median ${median(times).toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms (target < 100 ms) — ${slowest < 100 ? 'met' : 'NOT met'}; ` +
    `first story after start ${warm.toFixed(0)} ms (waits for the chart engine)`,
);
