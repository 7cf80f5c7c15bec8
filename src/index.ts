/** The library's public API. */
export { generate, generateEach, generateFromSnapshot, type Article, type Generated } from './generate.js';
export { parseSnapshot, validateSnapshot, type ValidationResult } from './snapshot/parse.js';
export { SnapshotSchema, type Snapshot } from './snapshot/schema.js';
export { deriveFacts, type DeriveOptions } from './facts/derive.js';
export type { StoryFacts, Angle, Tier, Side } from './facts/types.js';
export type { Claim, Hedge } from './facts/ledger.js';
export { planArticle, autoStyle, type Plan } from './plan/plan.js';
export { STYLES, STYLE_NAMES, type StyleName } from './plan/styles.js';
export { SECTION_NAMES, defaultSections, type SectionName, type Sections, type SectionsOption } from './plan/sections.js';
export type { FactTable, TableRow, TableColumn, Tables } from './facts/table.js';
export { renderMarkdown } from './render/markdown.js';
export { memoryVariation, RECENT_LIMIT, type Choices, type RecentArticle, type VariationMemory } from './render/variation.js';
export { markdownToHtml } from './render/html.js';
export { loadCharts } from './chart/engine.js';
export { checkClaims, findProblems } from './check/figures.js';
export { checkStatements, findStatements, ASSERTIONS, type Assertion, type Statement } from './check/statements.js';
export { PREDICATES, type PredicateName } from './check/predicates.js';
export { readStamp, type StampState } from './output/stamp.js';
export { FORMATS, DEFAULT_FORMATS, resolveOptions, type Format, type GenerateOptions, type ResolvedOptions } from './options.js';
export { LiqnewsError, ERROR_CODES, formatIssues, type ErrorCode, type SnapshotIssue } from './errors.js';
export { writeArticle, type WriteOptions, type WriteResult, type WriteStatus, type WritableArticle } from './output/write.js';
export { FORMAT_WRITERS } from './formats/registry.js';
export type { FileContent, FormatContext, FormatWriter } from './formats/context.js';
export type { FileContents } from './formats/registry.js';
// Raw data to snapshot (`liqnews ingest`): stream, CoinGlass and context adapters.
export * from './ingest/index.js';
// The history store (story memory): better-sqlite3 is loaded on the first openHistory, not on import.
export {
  openHistory,
  defaultHistoryPath,
  History,
  historyEntryOf,
  decide,
  DEFAULT_RULES,
  HistoryBlockSchema,
  contextFromBlock,
  HistoryError,
  HISTORY_ERROR_CODES,
  CSV_COLUMNS,
  SCHEMA_VERSION,
  type OpenOptions,
  type RecordOptions,
  type DecideRules,
  type Decision,
  type HistoryBlock,
  type HistoryErrorCode,
} from './history/index.js';
export type { HistoryContext } from './history/context-types.js';
export type { HistoryFacts } from './facts/history.js';
