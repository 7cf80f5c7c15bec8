/**
 * `liqnews ingest`: raw data in, one snapshot (contract v1) out, on standard
 * output or written whole to --out. Streams are read a chunk at a time, so a
 * recording of any size runs in flat memory; CoinGlass and context answers
 * are small JSON documents read whole.
 *
 * Refusals, each because the result would be wrong rather than incomplete:
 * exchange streams together with CoinGlass (CoinGlass already counts those
 * feeds), different sources without --combine sum, a window in the future,
 * an empty window, and (with --strict) any bad line.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { checkOut, existingOut, type OutDecision } from './ingest-out.js';
import { dirname } from 'node:path';
import type { IngestPart, IngestProblem, IngestWindow } from '../ingest/types.js';
import type { LocatedProblem } from '../ingest/aggregate.js';
import { resolveWindow } from '../ingest/aggregate-window.js';
import { isoUtc } from '../ingest/aggregate-snapshot.js';
import { builtInContracts, loadInstrumentList, ContractTable } from '../ingest/contracts.js';
import { ingestStreams, isStreamSource, STREAM_SOURCES, type StreamInput, type StreamIngestResult } from '../ingest/streams/index.js';
import { COINGLASS_SOURCES, combineCoinglass, ingestCoinglass, type CoinglassOptions, type CoinglassSource } from '../ingest/coinglass/index.js';
import { CONTEXT_SOURCES, applyContext, ingestContext, type ContextSource } from '../ingest/context/index.js';
import { validateSnapshot } from '../snapshot/parse.js';
import { formatIssues } from '../errors.js';
import { describeFsError } from '../output/write.js';
import { writeAtomic } from '../output/atomic.js';
import type { IngestRunOptions, IngestInputArg } from './ingest-args.js';
import { STDIN_LABEL } from './inputs.js';
import { Reporter, type CommandIO } from './report.js';
import { closest } from './suggest.js';
import { BAD_DATA_KINDS, emptyWindowLines, problemReport, streamProblemCounts, streamSummary } from './ingest-report.js';
import { MAX_ANSWER_DEPTH, tooDeepAt, tooDeepMessage } from '../ingest/json-depth.js';
import { forTerminal, shownName } from '../util/terminal.js';

const isCoinglass = (s: string): s is CoinglassSource => (COINGLASS_SOURCES as readonly string[]).includes(s);
const isContext = (s: string): s is ContextSource => (CONTEXT_SOURCES as readonly string[]).includes(s);
const ALL_SOURCES: readonly string[] = [...STREAM_SOURCES, ...COINGLASS_SOURCES, ...CONTEXT_SOURCES];

/** A refusal line names a file (a path can be long) and says why: longer than this, it is cut. */
const FAIL_LINE_MAX = 4200;

/** Progress from this file size on (smaller files finish before a progress line would help). */
const PROGRESS_FROM_BYTES = 32 * 1024 * 1024;

/** A usage mistake found when the command runs (exit 2, like the parser's). */
class UsageError extends Error {}
/** An input or result that cannot give a snapshot (exit 1); the lines are already printed. */
class Failed extends Error {}

export async function runIngest(o: IngestRunOptions, clock: () => Date, io: CommandIO): Promise<number> {
  const report = new Reporter(io.stdout, io.stderr, io.isTTY && !o.quiet);
  try {
    const now = o.now ?? clock();
    const window = checkedWindow(o, now);
    if (o.out !== null) {
      // Before anything is read: a run that would write over its own input stops here, --force or not.
      const overInput = checkOut(o.out, [...o.inputs.map((i) => i.path), ...o.instruments]);
      if (overInput !== null) throw new UsageError(overInput);
    }
    const plan = planSources(o);
    const contextParts = await readParts(o.inputs.filter((i) => isContext(i.source)), io, (i, json) => ingestContext(i.source as ContextSource, json, window));

    let snapshot: Record<string, unknown>;
    let problems: IngestProblem[];
    let counts: Map<string, number> | undefined;
    if (plan === 'streams') {
      const r = await runStreams(o, window, io, report);
      if (!o.quiet) for (const line of streamSummary(r, o.inputs.filter((i) => isStreamSource(i.source)).length)) report.err(line);
      if (r.empty) {
        for (const line of problemReport(r.problems, { counts: streamProblemCounts(r) })) report.err(line);
        for (const line of emptyWindowLines(r, window)) report.err(line);
        return 1;
      }
      const withContext = applyContext(r.snapshot, contextParts);
      snapshot = withContext.snapshot;
      const extra = [...contextParts.flatMap(fatalContextProblems), ...withContext.problems];
      problems = [...r.problems, ...extra];
      counts = streamProblemCounts(r);
      for (const p of extra) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
    } else {
      const parts = await readParts(o.inputs.filter((i) => isCoinglass(i.source)), io, (i, json) => ingestCoinglass(i.source as CoinglassSource, json, window, coinglassQuery(i)));
      const combined = combineCoinglass([...parts, ...contextParts], window);
      problems = combined.problems;
      if (combined.fatal) {
        for (const line of problemReport(problems, { all: true })) report.err(line);
        report.err('ingest: no snapshot: the CoinGlass input above cannot give trustworthy figures');
        return 1;
      }
      snapshot = combined.snapshot;
      if (!o.quiet) {
        report.err(`ingest: CoinGlass: ${parts.length} ${parts.length === 1 ? 'answer' : 'answers'}; totals ${combined.stats['totalsCoverEveryVenue'] ? 'over every venue CoinGlass lists' : 'over part of the market (one exchange, coin or pair)'}`);
        report.err('ingest: coverage partial: CoinGlass adds up the exchanges\' own feeds, and Binance\'s sends at most one liquidation per symbol per second; the totals are lower bounds and the article says "at least"');
      }
    }

    for (const line of problemReport(problems, counts ? { counts } : {})) report.err(line);
    const bad = counts ? [...counts].filter(([k]) => BAD_DATA_KINDS.has(k as IngestProblem['kind'])).reduce((a, [, v]) => a + v, 0) : problems.filter((p) => BAD_DATA_KINDS.has(p.kind)).length;
    if (o.strict && bad > 0) {
      report.err(`ingest: --strict: ${bad} bad ${bad === 1 ? 'record' : 'records'}; no snapshot written`);
      return 1;
    }

    const valid = validateSnapshot(snapshot, now);
    if (!valid.ok) {
      for (const line of formatIssues(valid.issues)) report.err(`ingest: snapshot: ${forTerminal(line, FAIL_LINE_MAX)}`);
      report.err('ingest: the snapshot built from this input does not pass the contract; nothing written');
      return 1;
    }
    const json = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (o.out === null) io.stdout.write(json);
    else {
      const decision: OutDecision = existingOut(o.out, json, o.force);
      if (decision === 'kept') {
        report.err(`kept ${shownName(o.out)} (it exists and holds something else; use --force to replace it); nothing written`);
        return 1;
      }
      if (decision === 'unchanged') {
        if (!o.quiet) report.out(`unchanged ${shownName(o.out)}`);
      } else {
        const written = writeWhole(o.out, json);
        if (written !== null) {
          report.err(written);
          return 1;
        }
        if (!o.quiet) report.out(`wrote ${shownName(o.out)}`);
      }
    }
    report.done();
    return 0;
  } catch (e) {
    report.done();
    if (e instanceof UsageError) {
      io.stderr.write(`liqnews: ${forTerminal(e.message, FAIL_LINE_MAX)}\nsee liqnews ingest --help\n`);
      return 2;
    }
    if (e instanceof Failed) return 1;
    throw e;
  }

  function fatalContextProblems(part: IngestPart): IngestProblem[] {
    // applyContext skips a fatal part; say why it was skipped.
    return part.fatal ? part.problems.map((p) => ({ ...p, message: `${part.source}: ${p.message} (not used)` })) : [];
  }
}

/** What a CoinGlass answer was asked for (--exchange, --symbol), as each adapter names it. */
function coinglassQuery(i: IngestInputArg): CoinglassOptions {
  const { exchange, symbol } = i;
  switch (i.source as CoinglassSource) {
    case 'coinglass-coin-list':
      return exchange !== undefined ? { exchange } : {};
    case 'coinglass-exchange-list':
    case 'coinglass-aggregated-history':
      return symbol !== undefined ? { symbol } : {};
    case 'coinglass-history':
      return { ...(exchange !== undefined ? { exchange } : {}), ...(symbol !== undefined ? { pair: symbol } : {}) };
    case 'coinglass-order':
      return {};
  }
}

function checkedWindow(o: IngestRunOptions, now: Date): IngestWindow {
  const window = resolveWindow(o.window, () => now);
  if (typeof window === 'string') throw new UsageError(window);
  if (window === null) throw new UsageError('ingest needs a window: --window 24h --end ISO, or --from ISO --to ISO');
  if (window.end.getTime() > now.getTime()) {
    throw new UsageError(`the window ends ${isoUtc(window.end.getTime())}, after now (${isoUtc(now.getTime())}); a snapshot cannot describe liquidations that have not happened`);
  }
  return window;
}

/** Which kind of run this is, after refusing the combinations that would give wrong totals. */
function planSources(o: IngestRunOptions): 'streams' | 'coinglass' {
  for (const { source } of o.inputs) {
    if (!ALL_SOURCES.includes(source)) {
      const near = closest(source, ALL_SOURCES);
      throw new UsageError(`unknown source "${source}"${near ? ` (did you mean ${near}?)` : ''}; sources: ${ALL_SOURCES.join(', ')}`);
    }
  }
  const streams = [...new Set(o.inputs.map((i) => i.source).filter(isStreamSource))];
  const coinglass = o.inputs.some((i) => isCoinglass(i.source));
  if (streams.length > 0 && coinglass) {
    throw new UsageError(`refusing to mix exchange streams (${streams.join(', ')}) with CoinGlass: CoinGlass totals are built from the same exchange feeds, so the sum would count them twice`);
  }
  if (streams.length > 1 && o.combine !== 'sum') {
    throw new UsageError(`refusing to mix sources ${streams.join(' and ')} for one window; add --combine sum to add them up (each feed counts only its own venue's liquidations)`);
  }
  if (streams.length === 0 && !coinglass) throw new UsageError('context sources (fear-greed, open-interest, funding) only add to a liquidation source; give one too');
  if (o.instruments.length > 0 && streams.length === 0) throw new UsageError('--instruments gives contract sizes for exchange streams; CoinGlass answers are already in US dollars');
  if (streams.length > 0 && o.inputs.some((i) => i.exchange !== undefined || i.symbol !== undefined)) {
    throw new UsageError('--exchange and --symbol say what a CoinGlass answer was fetched for; a recorded stream names its own instruments');
  }
  return streams.length > 0 ? 'streams' : 'coinglass';
}

async function runStreams(o: IngestRunOptions, window: IngestWindow, io: CommandIO, report: Reporter): Promise<StreamIngestResult> {
  const contracts = loadContracts(o.instruments, report);
  const inputs: StreamInput[] = [];
  const sizes = new Map<string, number>();
  for (const input of o.inputs) {
    if (!isStreamSource(input.source)) continue;
    if (input.path === '-') {
      if (!io.stdin) fail(report, `${STDIN_LABEL}: cannot read: no standard input`);
      inputs.push({ label: STDIN_LABEL, data: labelled(STDIN_LABEL, io.stdin), source: input.source });
      continue;
    }
    sizes.set(input.path, fileSize(input.path, report));
    inputs.push({ label: input.path, data: labelled(input.path, createReadStream(input.path, { highWaterMark: 1 << 20 })), source: input.source });
  }
  let lastShown = '';
  const progress = (label: string, bytes: number): void => {
    const size = sizes.get(label);
    if ((size ?? bytes) < PROGRESS_FROM_BYTES) return;
    const shown = forTerminal(label, FAIL_LINE_MAX);
    const text = size ? `reading ${shown}: ${mb(bytes)} of ${mb(size)} (${Math.floor((bytes * 100) / size)}%)` : `reading ${shown}: ${mb(bytes)}`;
    if (text === lastShown) return;
    lastShown = text;
    report.status(text);
  };
  try {
    return await ingestStreams(inputs, { window, contracts, ...(o.coverage ? { coverage: o.coverage } : {}), progress });
  } catch (e) {
    if (e instanceof ReadFailure) fail(report, `${shownName(e.label)}: cannot read: ${describeFsError(e.cause)}`);
    throw e;
  } finally {
    report.done();
  }
}

class ReadFailure extends Error {
  constructor(
    readonly label: string,
    cause: unknown,
  ) {
    super(`${label}: cannot read`, { cause });
  }
}

/** The input's chunks, with a read error naming the input it came from. */
async function* labelled(label: string, data: AsyncIterable<string | Uint8Array>): AsyncIterable<string | Uint8Array> {
  try {
    yield* data;
  } catch (e) {
    throw new ReadFailure(label, e);
  }
}

function loadContracts(files: readonly string[], report: Reporter): ContractTable {
  const table = new ContractTable();
  for (const file of files) {
    let json: unknown;
    try {
      const text = readFileSync(file, 'utf8');
      const deep = tooDeepAt(text, MAX_ANSWER_DEPTH);
      if (deep >= 0) fail(report, `${file}: cannot read the instrument list: ${tooDeepMessage(MAX_ANSWER_DEPTH, deep)}`);
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      if (e instanceof Failed) throw e;
      fail(report, `${file}: cannot read the instrument list: ${e instanceof SyntaxError ? `not valid JSON (${e.message})` : describeFsError(e)}`);
    }
    try {
      const loaded = loadInstrumentList(table, json);
      if (loaded.instruments === 0) fail(report, `${file}: the instrument list holds no contract sizes`);
    } catch (e) {
      fail(report, `${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return builtInContracts().withOverrides(table);
}

/** Reads each (small) JSON input whole and turns it into a part; unreadable or non-JSON input is a fatal part. */
async function readParts(inputs: readonly IngestInputArg[], io: CommandIO, toPart: (input: IngestInputArg, json: unknown) => IngestPart): Promise<IngestPart[]> {
  const parts: IngestPart[] = [];
  for (const input of inputs) {
    const label = input.path === '-' ? STDIN_LABEL : input.path;
    let text: string;
    try {
      text = input.path === '-' ? await readAll(io.stdin) : readFileSync(input.path, 'utf8');
    } catch (e) {
      parts.push(fatal(input.source, label, 'malformed', `cannot read: ${describeFsError(e)}`));
      continue;
    }
    // Checked by a scan before parsing: a value nested deeper than any answer would overflow the readers' stack.
    const deep = tooDeepAt(text, MAX_ANSWER_DEPTH);
    if (deep >= 0) {
      parts.push(fatal(input.source, label, 'malformed', tooDeepMessage(MAX_ANSWER_DEPTH, deep)));
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      parts.push(fatal(input.source, label, 'malformed', `not valid JSON (${e instanceof Error ? e.message : String(e)}); save the whole response body`));
      continue;
    }
    const part = toPart(input, json);
    // Each problem names the file it came from, as a stream problem does.
    const located: LocatedProblem[] = part.problems.map((p) => ({ ...p, file: label }));
    parts.push({ ...part, problems: located });
  }
  return parts;
}

/** An input that gives no part, with the problem located in its file as every other problem is. */
function fatal(source: string, file: string, kind: IngestProblem['kind'], message: string): IngestPart {
  const located: LocatedProblem = { file, line: null, kind, message };
  return { source, fatal: true, snapshot: {}, problems: [located], stats: {} };
}

async function readAll(stdin: AsyncIterable<string | Uint8Array> | undefined): Promise<string> {
  if (!stdin) throw new Error('no standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function fileSize(path: string, report: Reporter): number {
  try {
    const st = statSync(path);
    if (st.isDirectory()) fail(report, `${path}: is a directory; give the recorded files themselves`);
    return st.size;
  } catch (e) {
    if (e instanceof Failed) throw e;
    fail(report, `${path}: cannot read: ${describeFsError(e)}`);
  }
}

/** Whole or not at all, never through a planted link (atomic.ts). Null, or why it failed. */
function writeWhole(path: string, text: string): string | null {
  try {
    writeAtomic(path, text, { fsync: true, makeDir: false });
    return null;
  } catch (e) {
    // A folder is never made for --out (a typo would leave a stray tree): say which one is missing and how to make it.
    const folder = dirname(path);
    if (!existsSync(folder)) return `${path}: cannot write: the folder ${folder} does not exist; create it first (mkdir -p ${folder}); nothing written`;
    return `${path}: cannot write: ${describeFsError(e)}; nothing written`;
  }
}

/** Prints one line (file names and provider text in it escaped for the terminal) and stops the run. */
function fail(report: Reporter, line: string): never {
  report.err(forTerminal(line, FAIL_LINE_MAX));
  throw new Failed(line);
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
