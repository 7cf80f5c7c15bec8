// The ingest benchmark (alone: `npm run build && node bench/ingest.js`).
// For each stream adapter, on a generated recording of BENCH_INGEST_EVENTS events (default 5 million), in the venue's
// documented frame format (bench/ingest-data.js):
// - events per second of `ingestStreams`, against a bare loop over the same file that only splits lines and
//   JSON.parses them. Target: ingest CPU time at most 1.3x the bare loop's. Times are CPU time (user + system) of a
//   child process, the steadier measure on a shared machine; wall time is shown too.
// - memory: peak RSS reading the first fifth of the file and the whole file (the same event rate over five times the
//   length), and the largest live heap after a forced full GC every 32 MB read. Target: the live heap does not grow
//   with the file (the peak RSS also counts garbage V8 has not collected yet, so it wanders by a few MB).
// - repeats out of order: the same recording read as two overlapping recordings concatenated the wrong way round (its
//   last two thirds, then its first two thirds: the middle third arrives again, hours behind newer events). Every
//   repeat must be found (the totals equal the one-recording totals); prints events/s, peak RSS, and the bytes of the
//   fingerprint table per distinct event (repeats are checked over the whole window, so this is the one memory that
//   grows with the events in the window, never with the file).
// BENCH_INGEST_ADAPTERS=binance,bybit,okx picks adapters; BENCH_INGEST_GENERAL=1 also times the general path (every
// line through JSON.parse, no fast path for documented layouts), for comparison. BENCH_INGEST_OVERLAP=bybit picks the
// adapters of the out-of-order case (default bybit; `none` skips it).
// Files go to /dev/shm when it exists (else the OS temp directory) and are deleted as soon as they are measured.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStream, writeOkxInstruments, windowFor } from './ingest-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = join(root, 'bench', 'ingest-child.js');
const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 5_000_000);
const ADAPTERS = (process.env.BENCH_INGEST_ADAPTERS ?? 'binance,bybit,okx').split(',');
const GENERAL = process.env.BENCH_INGEST_GENERAL === '1';
const OVERLAP = (process.env.BENCH_INGEST_OVERLAP ?? 'bybit').split(',');
const TARGET = 1.3;

if (!existsSync(join(root, 'dist', 'ingest', 'index.js'))) {
  console.error('bench/ingest.js measures the built library: run npm run build first');
  process.exit(1);
}

const work = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'liqnews-ingest-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function measure(args, label) {
  const r = spawnSync(process.execPath, ['--expose-gc', child, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

/** The offset just after the first line break at or after `at`: a range starting there starts with a whole line. */
function lineStart(file, at) {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 16);
  try {
    for (let pos = at; ; pos += buf.length) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return pos;
      const nl = buf.subarray(0, n).indexOf(10);
      if (nl >= 0) return pos + nl + 1;
    }
  } finally {
    closeSync(fd);
  }
}
const perSecond = (events, ms) => `${fmt(events / (ms / 1000))}/s`;

const instruments = join(work, 'okx-instruments.json');
writeOkxInstruments(instruments);
console.log(`ingest benchmark: ${fmt(EVENTS)} events per adapter, node ${process.version}, files in ${work.startsWith('/dev/shm') ? 'memory (/dev/shm)' : 'the temp directory'}`);
console.log('events per second of CPU time (wall time in brackets); target: ingest CPU time <= 1.3x the bare loop, live heap flat');
let missed = 0;
for (const venue of ADAPTERS) {
  const file = join(work, `${venue}.ndjson`);
  const written = writeStream(file, venue, EVENTS);
  const w = windowFor(written.events);
  const list = venue === 'okx' ? instruments : '-';
  const bare = measure(['bare', file], `${venue} bare loop`);
  const ours = measure(['ingest', venue, file, w.from, w.to, list], `${venue} ingest`);
  const fifth = measure(['ingest', venue, file, w.from, w.to, list, String(Math.floor(written.bytes / 5))], `${venue} ingest (first fifth)`);
  const general = GENERAL ? measure(['ingest', venue, file, w.from, w.to, list, '-', 'general'], `${venue} ingest (general path)`) : null;
  const overlap = OVERLAP.includes(venue) ? measureOverlap(venue, file, written, w, list, ours) : null;
  rmSync(file);
  if (overlap && !overlap.ok) missed++;
  if (!(ours.accepted > 0) || ours.problems === 0) {
    console.error(`${venue}: ${ours.accepted} summed, ${ours.problems} problems; the benchmark input is wrong`);
    process.exit(1);
  }
  const ratio = ours.cpuMs / bare.cpuMs;
  const heapGrowth = ours.liveHeapKb - fifth.liveHeapKb;
  const flat = heapGrowth <= Math.max(2048, fifth.liveHeapKb * 0.1);
  if (ratio > TARGET || !flat) missed++;
  const rate = (r) => `${perSecond(written.events, r.cpuMs).padStart(12)} (${perSecond(written.events, r.ms)} wall)`;
  console.log(`\n${venue}: ${(written.bytes / 1048576).toFixed(0)} MB, ${fmt(written.lines)} lines, ${fmt(ours.events)} events (${fmt(ours.accepted)} summed, ${fmt(ours.duplicates)} repeats, ${fmt(ours.problems)} bad lines)`);
  console.log(`  bare loop, split + JSON.parse  ${rate(bare)}`);
  console.log(`  ingest                         ${rate(ours)}`);
  if (general) console.log(`  ingest, general path           ${rate(general)}  ratio ${(general.cpuMs / bare.cpuMs).toFixed(2)}x (no target: frames not in the documented layout)`);
  console.log(`  ratio ingest / bare loop       ${ratio.toFixed(2)}x   target <= ${TARGET}x: ${ratio <= TARGET ? 'met' : 'MISSED'}`);
  console.log(
    `  memory                         live heap ${mb(fifth.liveHeapKb)} at ${fmt(fifth.events)} events, ${mb(ours.liveHeapKb)} at ${fmt(ours.events)}: ${flat ? 'flat' : 'GROWS'}; ` +
      `peak RSS ${mb(fifth.maxRssKb)} and ${mb(ours.maxRssKb)} (bare loop ${mb(bare.maxRssKb)})`,
  );
  if (overlap) console.log(overlap.line);
}

/** The recording read as its last two thirds, then its first two thirds: the middle third again, hours late. */
function measureOverlap(venue, file, written, w, list, whole) {
  const third = lineStart(file, Math.floor(written.bytes / 3));
  const twoThirds = lineStart(file, Math.floor((written.bytes * 2) / 3));
  const r = measure(['ingest', venue, file, w.from, w.to, list, `${third}-${written.bytes},0-${twoThirds}`], `${venue} ingest (repeats out of order)`);
  const repeatsFound = r.duplicates - whole.duplicates;
  const ok = r.usd === whole.usd && r.accepted === whole.accepted;
  const perEvent = r.fingerprintBytes / r.accepted;
  return {
    ok,
    line:
      `  repeats out of order           ${fmt(r.events)} events (2/3 + 2/3 of the recording), ${perSecond(r.events, r.cpuMs)} (${perSecond(r.events, r.ms)} wall); ` +
      `${fmt(repeatsFound)} late repeats found, totals ${ok ? 'equal the one-recording totals' : `DIFFER (${r.usd} against ${whole.usd})`}; ` +
      `peak RSS ${mb(r.maxRssKb)}, fingerprints ${(r.fingerprintBytes / 1048576).toFixed(0)} MB (${perEvent.toFixed(1)} bytes per distinct event)`,
  };
}
if (missed > 0) console.log(`\n${missed} adapter(s) missed a target (figures vary on a busy machine: run it again before concluding)`);
