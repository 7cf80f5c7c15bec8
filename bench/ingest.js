// The ingest benchmark (run by `npm run bench`; alone: `npm run build && node bench/ingest.js`).
// For each stream adapter, on a generated recording of BENCH_INGEST_EVENTS events (default 5 million):
// - events per second of `ingestStreams`, against a bare loop over the same file that only splits lines and
//   JSON.parses them (target: at most 1.3x the bare loop's time). Times are CPU time (user + system) of a child
//   process, the steadier measure on a shared machine; wall time is shown too.
// - peak RSS (process.resourceUsage().maxRSS) reading the first fifth of the file and the whole file: the same
//   event rate over five times the length, so equal figures mean memory does not grow with the file.
// Files go to /dev/shm when it exists (else the OS temp directory) and are deleted as soon as they are measured.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStream, writeOkxInstruments, windowFor } from './ingest-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = join(root, 'bench', 'ingest-child.js');
const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 5_000_000);
const ADAPTERS = (process.env.BENCH_INGEST_ADAPTERS ?? 'binance,bybit,okx').split(',');

const work = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'liqnews-ingest-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function measure(args, label) {
  const r = spawnSync(process.execPath, [child, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
const perSecond = (events, ms) => `${fmt(events / (ms / 1000))}/s`;

const instruments = join(work, 'okx-instruments.json');
writeOkxInstruments(instruments);
console.log(`ingest: ${fmt(EVENTS)} events per adapter, files in ${work.startsWith('/dev/shm') ? 'memory (/dev/shm)' : 'the temp directory'}, node ${process.version}; events/s of CPU time (wall)`);
for (const venue of ADAPTERS) {
  const file = join(work, `${venue}.ndjson`);
  const written = writeStream(file, venue, EVENTS);
  const w = windowFor(written.events);
  const list = venue === 'okx' ? instruments : '-';
  const bare = measure(['bare', file], `${venue} bare loop`);
  const ours = measure(['ingest', venue, file, w.from, w.to, list], `${venue} ingest`);
  const fifth = measure(['ingest', venue, file, w.from, w.to, list, String(Math.floor(written.bytes / 5))], `${venue} ingest (first fifth)`);
  rmSync(file);
  if (!(ours.accepted > 0)) {
    console.error(`${venue}: nothing summed; the benchmark input is wrong`);
    process.exit(1);
  }
  console.log(
    `${venue.padEnd(8)} ${(written.bytes / 1048576).toFixed(0)} MB, ${fmt(written.lines)} lines: ` +
      `bare split+JSON.parse ${perSecond(written.events, bare.cpuMs)} (${perSecond(written.events, bare.ms)}), ` +
      `ingest ${perSecond(written.events, ours.cpuMs)} (${perSecond(written.events, ours.ms)}) — ratio ${(ours.cpuMs / bare.cpuMs).toFixed(2)}x (target <= 1.3x); ` +
      `peak RSS ${mb(fifth.maxRssKb)} at ${fmt(fifth.events)} events, ${mb(ours.maxRssKb)} at ${fmt(ours.events)} (bare loop ${mb(bare.maxRssKb)})`,
  );
}
