/**
 * The error catalogue. Every error the library throws has a permanent code,
 * a message and, where it helps, a hint; the CLI decides how to print them.
 */

/** One problem in one snapshot: a JSON path and a plain-language message. */
export interface SnapshotIssue {
  /** Dotted path with [index] for arrays, e.g. `assets[2].symbol`; empty for the whole document. */
  path: string;
  message: string;
}

export const ERROR_CODES = {
  INVALID_JSON: 'The input is not valid JSON.',
  INVALID_SNAPSHOT: 'The snapshot does not follow the contract.',
  UNKNOWN_STYLE: 'There is no style of that name.',
  UNKNOWN_FORMAT: 'There is no output format of that name.',
  INVALID_OPTION: 'An option has a value that cannot be used (an unknown time zone or site profile, say).',
  TEMPLATE_ERROR: 'A template failed to render; this is a bug in liquidation-news.',
  UNCLAIMED_FIGURE: 'The article states a figure that the facts do not hold; this is a bug in liquidation-news.',
  UNSUPPORTED_STATEMENT: 'The article asserts something (a direction, a leader, a trend) whose fact predicate is false; this is a bug in liquidation-news.',
  CHART_FAILED: 'The chart could not be drawn (no coins and no history to chart, nothing liquidated, or vega failed); the article is not written.',
  CARD_FAILED: 'The social card could not be drawn (the rasteriser or the shipped fonts failed); the article is not written.',
  EDITED_FILE: 'The file on disk was changed since it was generated.',
  WRITE_FAILED: 'A file could not be written.',
  READ_FAILED: 'An input could not be read.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class LiqnewsError extends Error {
  override readonly name = 'LiqnewsError';
  readonly code: ErrorCode;
  readonly issues: readonly SnapshotIssue[];
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, opts: { issues?: readonly SnapshotIssue[]; hint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.issues = opts.issues ?? [];
    this.hint = opts.hint;
  }
}

/** Lines for a person: `path: message`, one per issue. */
export function formatIssues(issues: readonly SnapshotIssue[]): string[] {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}

/** `['assets', 2, 'symbol']` → `assets[2].symbol`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}
