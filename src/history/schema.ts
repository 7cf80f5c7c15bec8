/**
 * The store's schema and its migrations. `schema_version` holds one row, the
 * version of the last migration applied. Opening a store runs the migrations
 * it lacks, in one IMMEDIATE transaction (two processes opening a new file at
 * once: the second waits, then finds the work done). A store of a newer
 * version than this code knows is refused, never rewritten.
 *
 * Why the columns look as they do:
 * - times twice: as given (ISO with offset, for display) and as epoch ms (for
 *   the indexes); `window_minutes` is the comparison key;
 * - per-asset and per-venue figures as JSON: they are read back whole, never
 *   queried, and one row per story keeps a batch insert cheap;
 * - `digest` is a hash of the figures: an exact repeat is seen without
 *   comparing every column, and is left untouched;
 * - `window_days` counts the rows (and the partial ones) per window length and
 *   UTC day of the window end, kept by triggers in the same transaction: a
 *   rank over a year of hourly windows counts 365 day rows, not 8,760 stories;
 * - the indexes serve contextFor without a scan: by time (previous window,
 *   rank spans, trailing median), by size (record, "largest since"), and one
 *   partial index per optional reading (the previous sentiment, open interest
 *   or funding even when most rows lack it).
 */

export interface Migration {
  version: number;
  sql: string;
  /**
   * Only an index (the queries give the same answers without it, just
   * slower): a store that lacks it can still be opened read-only, as
   * `studio` and `decide` do, without asking for an upgrade first.
   */
  indexOnly?: true;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  window_start TEXT NOT NULL,
  window_end TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  window_minutes INTEGER NOT NULL CHECK (window_minutes >= 1),
  usd REAL NOT NULL CHECK (usd >= 0),
  long_usd REAL NOT NULL CHECK (long_usd >= 0),
  short_usd REAL NOT NULL CHECK (short_usd >= 0),
  traders INTEGER CHECK (traders >= 0),
  assets TEXT NOT NULL,
  venues TEXT NOT NULL,
  sentiment_index INTEGER,
  sentiment_label TEXT,
  oi_change_pct REAL,
  funding_rate_pct REAL,
  coverage TEXT NOT NULL CHECK (coverage IN ('complete', 'partial')),
  style TEXT,
  slug TEXT,
  url TEXT,
  choices TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('render', 'import-snapshot', 'import-coinglass', 'import-csv')),
  source_ref TEXT,
  digest TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX stories_by_time ON stories (window_minutes, end_ms, usd, coverage);
CREATE INDEX stories_by_size ON stories (window_minutes, usd, end_ms);
CREATE INDEX stories_sentiment ON stories (window_minutes, end_ms) WHERE sentiment_index IS NOT NULL OR sentiment_label IS NOT NULL;
CREATE INDEX stories_oi ON stories (window_minutes, end_ms) WHERE oi_change_pct IS NOT NULL;
CREATE INDEX stories_funding ON stories (window_minutes, end_ms) WHERE funding_rate_pct IS NOT NULL;
CREATE INDEX stories_by_slug ON stories (slug) WHERE slug IS NOT NULL;
CREATE INDEX stories_by_style ON stories (style, end_ms) WHERE style IS NOT NULL;
CREATE TABLE window_days (
  window_minutes INTEGER NOT NULL,
  day INTEGER NOT NULL,
  n INTEGER NOT NULL,
  partial INTEGER NOT NULL,
  PRIMARY KEY (window_minutes, day)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER stories_count_insert AFTER INSERT ON stories BEGIN
  INSERT INTO window_days VALUES (new.window_minutes, new.end_ms / 86400000, 1, new.coverage = 'partial')
    ON CONFLICT (window_minutes, day) DO UPDATE SET n = n + 1, partial = partial + (new.coverage = 'partial');
END;
CREATE TRIGGER stories_count_delete AFTER DELETE ON stories BEGIN
  UPDATE window_days SET n = n - 1, partial = partial - (old.coverage = 'partial') WHERE window_minutes = old.window_minutes AND day = old.end_ms / 86400000;
END;
CREATE TRIGGER stories_count_update AFTER UPDATE OF window_minutes, end_ms, coverage ON stories BEGIN
  UPDATE window_days SET n = n - 1, partial = partial - (old.coverage = 'partial') WHERE window_minutes = old.window_minutes AND day = old.end_ms / 86400000;
  INSERT INTO window_days VALUES (new.window_minutes, new.end_ms / 86400000, 1, new.coverage = 'partial')
    ON CONFLICT (window_minutes, day) DO UPDATE SET n = n + 1, partial = partial + (new.coverage = 'partial');
END;
`,
  },
  {
    // The variation memory asks for a style's latest stories, newest first with the id breaking ties:
    // with the id in the index the 30 rows are read in order, instead of sorting every earlier row of the style.
    version: 2,
    indexOnly: true,
    sql: `
DROP INDEX IF EXISTS stories_by_style;
CREATE INDEX stories_by_style ON stories (style, end_ms, id) WHERE style IS NOT NULL;
`,
  },
];

/** The version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
