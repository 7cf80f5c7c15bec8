/**
 * Raw data to snapshot: the library side of `liqnews ingest`.
 *
 * - Exchange streams (recorded NDJSON): `ingestStreams`, or `StreamIngester`
 *   and `StreamAggregate` to drive them yourself (mergeable partial aggregates).
 * - CoinGlass v4 REST answers: `ingestCoinglass`, `combineCoinglass`.
 * - Context (Fear & Greed, open interest, funding): `ingestContext`, `applyContext`.
 * - Contract sizes: `builtInContracts`, `loadInstrumentList`.
 */
export type { IngestProblem, IngestWindow, IngestResult, IngestPart } from './types.js';
export {
  ingestStreams,
  coverageOf,
  STREAM_SOURCES,
  isStreamSource,
  SOURCE_COVERAGE,
  StreamIngester,
  forEachLine,
  type StreamInput,
  type StreamIngestResult,
  type IngestStreamsOptions,
  type StreamSource,
  type LiquidationEvent,
} from './streams/index.js';
export { StreamAggregate, DEFAULT_MERGE_HEAD_MS, type LocatedProblem, type StreamFigures } from './aggregate.js';
export { streamSnapshot, creditLine } from './aggregate-snapshot.js';
export { resolveWindow, parseDuration, type WindowArgs } from './aggregate-window.js';
export { ContractTable, builtInContracts, loadInstrumentList, type ContractSpec, type InstrumentInfo } from './contracts.js';
export { ingestCoinglass, combineCoinglass, COINGLASS_SOURCES, type CoinglassSource, type CoinglassOptions } from './coinglass/index.js';
export { ingestContext, applyContext, CONTEXT_SOURCES, type ContextSource, type ContextOptions } from './context/index.js';
