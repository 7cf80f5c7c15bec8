/**
 * Exchange liquidation streams, recorded as NDJSON, to a snapshot: the
 * library entry of `liqnews ingest --source binance|binance-coinm|bybit|okx`.
 *
 *   const r = await ingestStreams([{ label: 'day.ndjson', source: createReadStream('day.ndjson') }],
 *                                 { sources: ['binance'], window: { start, end } });
 *   if (!r.empty) validateSnapshot(r.snapshot, now);
 */
import type { IngestResult, IngestWindow } from '../types.js';
import type { ContractTable } from '../contracts.js';
import type { LocatedProblem, StreamFigures } from '../aggregate.js';
import { streamSnapshot } from '../aggregate-snapshot.js';
import { SOURCE_COVERAGE, STREAM_KIND, VENUE_NAME, type StreamSource } from './event.js';
import { StreamIngester } from './ingest.js';

export { STREAM_SOURCES, isStreamSource, SOURCE_COVERAGE, type StreamSource, type LiquidationEvent, type Side } from './event.js';
export { StreamIngester, type StreamIngestOptions } from './ingest.js';
export { forEachLine } from './lines.js';
export { decodeBinance } from './binance.js';
export { decodeBybit } from './bybit.js';
export { decodeOkx } from './okx.js';

export interface StreamInput {
  /** File name as given, or `<stdin>`: names the input in problems. */
  label: string;
  /** The bytes or text of the recording. */
  data: AsyncIterable<string | Uint8Array>;
  /** What the recording holds; frames of any other stream in it are problems. */
  source: StreamSource;
}

export interface StreamIngestResult extends IngestResult {
  problems: LocatedProblem[];
  /** Nothing was summed in the window: there is no snapshot to write (never a $0 one). */
  empty: boolean;
  coverage: 'complete' | 'partial';
  figures: StreamFigures;
  /** The sources, in the order first given. */
  sources: StreamSource[];
  /** Bytes of the fingerprint tables that found the repeats (one entry per distinct liquidation in the window). */
  fingerprintBytes: number;
}

export interface IngestStreamsOptions {
  window: IngestWindow;
  contracts?: ContractTable;
  /** Lower a complete feed to partial (a recording with gaps, or only some symbols). */
  coverage?: 'partial';
  /** false: every line through JSON.parse, no fast path for documented layouts (for comparisons). */
  fastPath?: boolean;
  /** Bytes read so far in the current input. */
  progress?: (label: string, bytes: number) => void;
}

/** Coverage of a set of sources: partial as soon as one of them samples. */
export function coverageOf(sources: readonly StreamSource[], lowered?: 'partial'): 'complete' | 'partial' {
  return lowered === 'partial' || sources.some((s) => SOURCE_COVERAGE[s] === 'partial') ? 'partial' : 'complete';
}

/**
 * Reads every input, in order, into one aggregate per source (so consecutive
 * recordings of one feed are checked for overlap), then adds the sources up.
 * Whether different sources may be added at all is the caller's decision
 * (the CLI asks for --combine sum).
 */
export async function ingestStreams(inputs: readonly StreamInput[], o: IngestStreamsOptions): Promise<StreamIngestResult> {
  const ingesters = new Map<StreamSource, StreamIngester>();
  for (const input of inputs) {
    let ingester = ingesters.get(input.source);
    if (ingester === undefined) {
      ingester = new StreamIngester({ sources: [input.source], window: o.window, ...(o.contracts ? { contracts: o.contracts } : {}), ...(o.fastPath === false ? { fastPath: false } : {}) });
      ingesters.set(input.source, ingester);
    }
    const progress = o.progress;
    await ingester.read(input.label, input.data, progress ? (bytes) => progress(input.label, bytes) : undefined);
  }
  const sources = [...ingesters.keys()];
  const aggregates = [...ingesters.values()].map((i) => i.aggregate);
  const fingerprintBytes = aggregates.reduce((sum, a) => sum + a.fingerprintBytes, 0);
  const [first, ...rest] = aggregates;
  if (first === undefined) throw new Error('ingestStreams needs at least one input');
  for (const other of rest) first.absorb(other);
  const figures = first.figures();
  const stats = first.stats();
  const coinMRows = ingesters.get('binance')?.coinMRowsInUsdM ?? 0;
  if (coinMRows > 0) stats['binanceCoinMRows'] = coinMRows;
  const coverage = coverageOf(sources, o.coverage);
  const empty = (stats['accepted'] ?? 0) === 0;
  const venues = sources.map((s) => VENUE_NAME[STREAM_KIND[s]]);
  return {
    snapshot: empty ? {} : streamSnapshot(figures, { window: o.window, venues, coverage }),
    problems: first.problems(),
    stats,
    empty,
    coverage,
    figures,
    sources,
    fingerprintBytes,
  };
}
