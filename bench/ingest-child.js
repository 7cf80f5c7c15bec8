// One measured run of the ingest benchmark, in its own process so that its peak memory is its own.
//   node bench/ingest-child.js bare FILE
//   node --expose-gc bench/ingest-child.js ingest SOURCE FILE FROM TO [INSTRUMENTS|-] [BYTES|RANGES|-] [general]
//   (BYTES: read only the file's start; RANGES `a-b,c-d`: read those byte ranges, in that order, as one recording
//   (end exclusive); general: no fast path, every line through JSON.parse)
// Prints one JSON line: { ms, cpuMs, maxRssKb, liveHeapKb, … }. liveHeapKb: the largest heap left after a full
// garbage collection, forced every 32 MB read (when run with --expose-gc): what the ingest really holds, unlike the
// peak RSS, which also counts garbage not yet collected. The forced collections' time is included in cpuMs.
import { createReadStream, readFileSync } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);

/** The floor: split lines and JSON.parse each, nothing else (a bad line must not stop it either). */
async function bare(file) {
  let carry = '';
  let parsed = 0;
  let failed = 0;
  const stream = createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' });
  for await (const chunk of stream) {
    const text = carry + chunk;
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl >= 0) {
      try {
        JSON.parse(text.slice(start, nl));
        parsed++;
      } catch {
        failed++;
      }
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    carry = text.slice(start);
  }
  return { parsed, failed };
}

let liveHeap = 0;
function sampleHeap() {
  if (typeof globalThis.gc !== 'function') return;
  globalThis.gc();
  liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
}

async function ingest(source, file, from, to, instruments, bytes, general) {
  const { ingestStreams, ContractTable, builtInContracts, loadInstrumentList } = await import('../dist/ingest/index.js');
  let contracts = builtInContracts();
  if (instruments && instruments !== '-') {
    const table = new ContractTable();
    loadInstrumentList(table, JSON.parse(readFileSync(instruments, 'utf8')));
    contracts = contracts.withOverrides(table);
  }
  const ranges = bytes && bytes.includes('-') && bytes !== '-' ? bytes.split(',').map((r) => r.split('-').map(Number)) : [[0, bytes && bytes !== '-' ? Number(bytes) : Infinity]];
  // Each range is one input of the same source: one aggregate, as the CLI reads several files of one --source.
  const inputs = ranges.map(([start, end]) => ({ label: file, source, data: createReadStream(file, { highWaterMark: 1 << 20, start, ...(end !== Infinity ? { end: end - 1 } : {}) }) }));
  let next = 32 << 20;
  // `read` counts from 0 again for each input: add up the inputs already read.
  let before = 0;
  let last = 0;
  const progress = (_label, read) => {
    if (read < last) before += last;
    last = read;
    if (before + read < next) return;
    next += 32 << 20;
    sampleHeap();
  };
  const r = await ingestStreams(inputs, { window: { start: new Date(from), end: new Date(to) }, contracts, progress, ...(general === 'general' ? { fastPath: false } : {}) });
  sampleHeap();
  return { events: r.stats.events, accepted: r.stats.accepted, duplicates: r.stats.duplicates, problems: r.stats.problems, usd: r.snapshot.totals?.usd, fingerprintBytes: r.fingerprintBytes };
}

// Wall time, and CPU time (user + system, all threads): on a shared machine the CPU time is the steadier measure.
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const result = mode === 'bare' ? await bare(args[0]) : await ingest(args[0], args[1], args[2], args[3], args[4], args[5], args[6]);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(c0);
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, liveHeapKb: Math.round(liveHeap / 1024), ...result })}\n`);
