/**
 * Types shared by every ingest adapter (exchange streams, CoinGlass REST,
 * context data). Append only: several modules depend on these shapes.
 */

/** A problem found in raw input: counted and reported, never silently dropped or summed. */
export interface IngestProblem {
  line: number | null;
  kind: 'malformed' | 'unknown-side' | 'missing-price' | 'other-stream' | 'bad-value' | 'api-error' | 'out-of-window' | 'duplicate';
  message: string;
}

export interface IngestWindow {
  start: Date;
  end: Date;
}

/** What an adapter produces: a partial snapshot (contract v1 fields) plus problems. */
export interface IngestResult {
  snapshot: Record<string, unknown>;
  problems: IngestProblem[];
  stats: Record<string, number>;
}

/**
 * One input file turned into snapshot fields by one adapter (CoinGlass REST,
 * context data). Parts are merged by `combineCoinglass` / `applyContext`.
 */
export interface IngestPart extends IngestResult {
  /** The CLI source name that produced it, e.g. `coinglass-coin-list`, `fear-greed`. */
  source: string;
  /** The input cannot give a trustworthy snapshot (error envelope, nothing in the window…): stop, whatever --strict says. */
  fatal: boolean;
}
