/**
 * The history store's library API. Nothing here loads SQLite until a store
 * is opened.
 *
 *   const history = openHistory('.liqnews/history.sqlite');       // or { readonly: true }
 *   history.record(historyEntryOf(snapshot, { style, slug, url, choices }));
 *   const context = history.contextFor(snapshot);                  // HistoryContext (context-types.ts)
 *   const d = decide(snapshot, context);                           // { publish, reason, code, register, measures }
 *   history.slugTaken(slug, storyId); history.recentChoices(style, 7, { before: snapshot.window.start, exceptStoryId: id });
 *   history.close();
 */
export { openHistory, defaultHistoryPath, type OpenOptions } from './open.js';
export { History, type RecordOptions } from './store.js';
export { historyEntryOf, derivedStoryId, type EntryOptions } from './entry.js';
export { decide, DEFAULT_RULES, type DecideRules, type Decision, type DecisionCode, type Register, type DecideSubject } from './decide.js';
export { HistoryBlockSchema, contextFromBlock, historyBlockIssues, historyBlockOf, type HistoryBlock } from './context-schema.js';
export { HistoryError, HISTORY_ERROR_CODES, type HistoryErrorCode, type RowProblem } from './errors.js';
export { readImportFile, expandInputs, type FileRead, type ImportKind } from './import.js';
export { CSV_COLUMNS } from './import-csv.js';
export type { ImportOptions } from './import-types.js';
export { SCHEMA_VERSION } from './schema.js';
export { windowLabel, parseWindowLabel } from './window.js';
export type * from './context-types.js';
export { RANK_SPANS, MEDIAN_WINDOWS, MEDIAN_MIN_WINDOWS } from './context-types.js';
export type * from './types.js';
