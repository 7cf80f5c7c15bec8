/**
 * The history store's errors, as data: a permanent code, the file it is
 * about, and for rejected rows every row with its reason. The CLI decides how
 * to print them. (Kept beside the store rather than in src/errors.ts so that
 * the catalogue can absorb them when the store is wired into render.)
 */

export const HISTORY_ERROR_CODES = {
  HISTORY_OPEN_FAILED: 'The history store could not be opened.',
  HISTORY_NOT_A_STORE: 'The file is not a liqnews history store (corrupt, or another program\'s database).',
  HISTORY_NEWER_SCHEMA: 'The history store was written by a newer liqnews; this version does not read it.',
  HISTORY_READ_ONLY: 'The history store cannot be written (a read-only file or folder, or opened read-only).',
  HISTORY_MISSING: 'There is no history store at that path.',
  HISTORY_BAD_ROWS: 'Some history rows were rejected; nothing of the batch was recorded.',
  HISTORY_BAD_INPUT: 'An import file could not be read as history.',
  HISTORY_NOT_FOUND: 'No story with that id is in the history store.',
  HISTORY_FAILED: 'A history store operation failed (the message says what SQLite reported).',
} as const;

export type HistoryErrorCode = keyof typeof HISTORY_ERROR_CODES;

/** One rejected row: where it came from (`file:line`, or the story id) and why. */
export interface RowProblem {
  /** `file:line` for an import, `story <id>` for a recorded article. */
  where: string;
  message: string;
}

export class HistoryError extends Error {
  override readonly name = 'HistoryError';
  readonly code: HistoryErrorCode;
  /** The store (or import file) the error is about. */
  readonly file: string;
  readonly problems: readonly RowProblem[];

  constructor(code: HistoryErrorCode, file: string, message: string, opts: { problems?: readonly RowProblem[]; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.file = file;
    this.problems = opts.problems ?? [];
  }
}
