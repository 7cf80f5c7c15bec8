/**
 * The open store: every read and write the library offers, over prepared
 * statements made once per store. Writes run in IMMEDIATE transactions (the
 * write lock is taken up front, so two processes queue on the busy timeout
 * instead of failing with "database is locked" when a read turns into a write).
 */
import type { Article } from '../generate.js';
import { clearPending } from './session.js';
import { historyEntryOf } from './entry.js';
import { buildContext, type ContextQueries, type ReadingKind, type StoredWindow } from './context.js';
import type { ContextSubject, HistoryContext } from './context-types.js';
import { describeEntry, entryProblems } from './check-entry.js';
import { HistoryError, type RowProblem } from './errors.js';
import { COLUMNS, WINDOW_COLUMNS, digestOf, entryOfRow, fromDbRow, toDbRow, toStoredWindow, type DbRow } from './rows.js';
import { sqliteCode, type Database, type Statement } from './sqlite.js';
import type { HistoryEntry, HistoryRow, HistoryStats, ListOptions, RecordResult, SourceKind } from './types.js';
import { DAY_MINUTES, MINUTE_MS, instantMs, isoUtc, parseWindowLabel, windowLabel, windowMinutesOf } from './window.js';

const DAY_MS = DAY_MINUTES * MINUTE_MS;
/** How many stories' parsed choices `recentArticles` keeps (then starts afresh): a few MB at most. */
const RECENT_KEPT = 5000;

export interface RecordOptions {
  /** Leave bad rows out and record the rest (each is returned in `skipped`); default: any bad row ⇒ nothing recorded. */
  skipBad?: boolean;
  /** Check every row against the store and report, then roll back: nothing is written. */
  dryRun?: boolean;
}

/** Thrown inside a dry run's transaction to roll it back. */
class DryRun extends Error {}

type Stmt = Statement;

/** What `record` takes: history entries, or articles as `generate()` returns them. */
export type Recordable = HistoryEntry | Article;

const isArticle = (e: Recordable): e is Article => 'snapshot' in e && 'basename' in e;

/** An article's row: its snapshot's figures, and what the render chose (style, slug, variation). */
function entryOfArticle(a: Article): HistoryEntry {
  return historyEntryOf(a.snapshot, { id: a.id, style: a.style, slug: a.slug, url: null, choices: a.choices });
}

export class History {
  readonly file: string;
  readonly readonly: boolean;
  readonly schemaVersion: number;
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #s: Record<string, Stmt>;
  readonly #queries: ContextQueries;
  #closed = false;
  /**
   * Between beginBatch and endBatch this process holds the store's write lock: rows change only through
   * this object's own record (which forgets the story it writes), so a story's choices need not be re-read.
   */
  #inBatch = false;
  readonly #recent = new Map<string, { text: string; endMs: number; article: { id: string; style: string; end: string; choices: Record<string, number> } }>();

  constructor(db: Database, file: string, opts: { readonly: boolean; schemaVersion: number; now: () => Date }) {
    this.#db = db;
    this.file = file;
    this.readonly = opts.readonly;
    this.schemaVersion = opts.schemaVersion;
    this.#now = opts.now;
    const p = (sql: string): Stmt => db.prepare(sql);
    const before = 'window_minutes = ? AND end_ms <= ?';
    this.#s = {
      byId: p('SELECT * FROM stories WHERE id = ?'),
      // Same length, other story, and the windows share time; the end_ms bounds keep it an index range.
      overlap: p('SELECT id, window_start, window_end FROM stories WHERE window_minutes = ? AND end_ms > ? AND end_ms < ? AND start_ms < ? AND id <> ? LIMIT 1'),
      latest: p(`SELECT ${WINDOW_COLUMNS} FROM stories WHERE ${before} ORDER BY end_ms DESC LIMIT 1`),
      earliestEnd: p('SELECT min(end_ms) FROM stories WHERE window_minutes = ?').pluck(),
      // "Largest since": first the recent windows by time (a small total finds one at once), then by size.
      recentEndAtLeast: p(`SELECT end_ms FROM (SELECT end_ms, usd FROM stories WHERE ${before} ORDER BY end_ms DESC LIMIT 500) WHERE usd >= ? ORDER BY end_ms DESC LIMIT 1`).pluck(),
      lastEndAtLeast: p(`SELECT max(end_ms) FROM stories INDEXED BY stories_by_size WHERE window_minutes = ? AND usd >= ? AND end_ms <= ?`).pluck(),
      atEnd: p(`SELECT ${WINDOW_COLUMNS} FROM stories WHERE window_minutes = ? AND end_ms = ? ORDER BY usd DESC LIMIT 1`),
      largest: p(`SELECT ${WINDOW_COLUMNS} FROM stories INDEXED BY stories_by_size WHERE ${before} ORDER BY usd DESC LIMIT 1`),
      // Rows and partial rows in (lo, hi]: directly for the span's two part-days, from window_days for the whole days between.
      countRange: p(`SELECT count(*) AS n, coalesce(sum(coverage = 'partial'), 0) AS partial FROM stories INDEXED BY stories_by_time WHERE window_minutes = ? AND end_ms > ? AND end_ms <= ?`),
      countDays: p('SELECT coalesce(sum(n), 0) AS n, coalesce(sum(partial), 0) AS partial FROM window_days WHERE window_minutes = ? AND day >= ? AND day <= ?'),
      // Windows larger than this one, counted only to the cap: by time for a short span, by size for a long one.
      aboveByTime: p('SELECT count(*) FROM (SELECT 1 FROM stories INDEXED BY stories_by_time WHERE window_minutes = ? AND end_ms > ? AND end_ms <= ? AND usd > ? LIMIT ?)').pluck(),
      aboveBySize: p('SELECT count(*) FROM (SELECT 1 FROM stories INDEXED BY stories_by_size WHERE window_minutes = ? AND usd > ? AND end_ms > ? AND end_ms <= ? LIMIT ?)').pluck(),
      trailing: p(`SELECT usd, coverage, end_ms FROM stories WHERE ${before} ORDER BY end_ms DESC LIMIT ?`),
      sentiment: p(`SELECT ${WINDOW_COLUMNS} FROM stories WHERE ${before} AND (sentiment_index IS NOT NULL OR sentiment_label IS NOT NULL) ORDER BY end_ms DESC LIMIT 1`),
      oi: p(`SELECT ${WINDOW_COLUMNS} FROM stories WHERE ${before} AND oi_change_pct IS NOT NULL ORDER BY end_ms DESC LIMIT 1`),
      funding: p(`SELECT ${WINDOW_COLUMNS} FROM stories WHERE ${before} AND funding_rate_pct IS NOT NULL ORDER BY end_ms DESC LIMIT 1`),
      slugTaken: p('SELECT 1 FROM stories WHERE slug = ? AND id <> ? LIMIT 1').pluck(),
      recentChoices: p('SELECT choices FROM stories WHERE style = ? AND end_ms <= ? AND id <> ? ORDER BY end_ms DESC, id DESC LIMIT ?').pluck(),
      recentArticles: p('SELECT id, end_ms, choices FROM stories WHERE style = ? AND end_ms <= ? AND id <> ? ORDER BY end_ms DESC, id DESC LIMIT ?'),
      // Inside a batch only the ids and ends are read: the choices of a story already seen are known (see #inBatch).
      recentIds: p('SELECT id, end_ms FROM stories WHERE style = ? AND end_ms <= ? AND id <> ? ORDER BY end_ms DESC, id DESC LIMIT ?').raw(),
      choicesOf: p('SELECT choices FROM stories WHERE id = ?').pluck(),
    };
    if (!this.readonly) {
      this.#s['upsert'] = p(
        `INSERT INTO stories (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      this.#s['remove'] = p('DELETE FROM stories WHERE id = ?');
    }
    const s = this.#s;
    const win = (r: unknown): StoredWindow | null => (r ? toStoredWindow(r as DbRow) : null);
    this.#queries = {
      latest: (m, b) => win(s['latest']!.get(m, b)),
      earliestEnd: (m) => (s['earliestEnd']!.get(m) as number | null) ?? null,
      latestAtLeast: (m, b, usd) => {
        const end =
          (s['recentEndAtLeast']!.get(m, b, usd) as number | undefined) ?? (s['lastEndAtLeast']!.get(m, usd, b) as number | null);
        return end === null ? null : win(s['atEnd']!.get(m, end));
      },
      largest: (m, b) => win(s['largest']!.get(m, b)),
      span: (m, from, b, usd, cap) => {
        const count = (lo: number, hi: number): { n: number; partial: number } => s['countRange']!.get(m, lo, hi) as { n: number; partial: number };
        const dayFrom = Math.floor(from / DAY_MS);
        const dayTo = Math.floor(b / DAY_MS);
        let n: number;
        let partial: number;
        if (dayTo - dayFrom < 2) ({ n, partial } = count(from, b));
        else {
          const head = count(from, (dayFrom + 1) * DAY_MS - 1);
          const days = s['countDays']!.get(m, dayFrom + 1, dayTo - 1) as { n: number; partial: number };
          const tail = count(dayTo * DAY_MS - 1, b);
          n = head.n + days.n + tail.n;
          partial = head.partial + days.partial + tail.partial;
        }
        const windows = (b - from) / (m * MINUTE_MS);
        const above = cap <= 0 ? 0 : ((windows <= 1000 ? s['aboveByTime']!.get(m, from, b, usd, cap) : s['aboveBySize']!.get(m, usd, from, b, cap)) as number);
        return { of: n, above, partial };
      },
      trailing: (m, b, limit) => (s['trailing']!.all(m, b, limit) as { usd: number; coverage: string; end_ms: number }[]).map((r) => ({ usd: r.usd, partial: r.coverage === 'partial', endMs: r.end_ms })),
      latestReading: (kind: ReadingKind, m, b) => win(s[kind]!.get(m, b)),
    };
  }

  /**
   * Records one entry or a batch, in one transaction: either every row is
   * written or none. A bad row (future window, negative figure, a window that
   * overlaps another story's of the same length) makes the whole call throw
   * HISTORY_BAD_ROWS with every bad row, unless `skipBad`.
   */
  record(entries: Recordable | readonly Recordable[], options: RecordOptions = {}): RecordResult {
    this.#writable();
    const given = Array.isArray(entries) ? (entries as readonly Recordable[]) : [entries as Recordable];
    const list = given.map((e) => (isArticle(e) ? entryOfArticle(e) : e));
    const nowMs = this.#now().getTime();
    const recordedAt = isoUtc(nowMs);
    const result: RecordResult = { added: 0, replaced: 0, unchanged: 0, skipped: [] };
    const body = (): void => {
      const bad: RowProblem[] = [];
      // Digests are computed only when needed (a twin, a stored row, a row to write): a rejected row never hashes its figures.
      const seen = new Map<string, { digest: () => string; where: string }>();
      for (const given of list) {
        const where = given.source?.ref ?? `story ${String(given.id)}`;
        const problems = entryProblems(given, nowMs);
        if (problems.length > 0) {
          bad.push({ where, message: `${describeEntry(given)}: ${problems.join('; ')}` });
          continue;
        }
        const existing = this.#s['byId']!.get(given.id) as DbRow | undefined;
        const entry = existing ? inherit(given, entryOfRow(existing)) : given;
        let digest: string | undefined;
        const digestNow = (): string => (digest ??= digestOf(entry));
        const twin = seen.get(entry.id);
        if (twin && twin.digest() !== digestNow()) {
          bad.push({ where, message: `${describeEntry(entry)}: the same story id is also at ${twin.where} with other figures; give each story its own id` });
          continue;
        }
        seen.set(entry.id, { digest: digestNow, where });
        if (existing !== undefined && existing.digest === digestNow()) {
          result.unchanged++;
          continue;
        }
        const { startMs, endMs, minutes } = spanOf(entry);
        const lengthMs = minutes * MINUTE_MS;
        const other = this.#s['overlap']!.get(minutes, startMs, endMs + lengthMs + MINUTE_MS, endMs, entry.id) as
          | { id: string; window_start: string; window_end: string }
          | undefined;
        if (other) {
          bad.push({ where, message: `${describeEntry(entry)}: overlaps story ${other.id} (${other.window_start} to ${other.window_end}), another ${windowLabel(minutes)} window; one period is one story` });
          continue;
        }
        this.#s['upsert']!.run(toDbRow(entry, digestNow(), recordedAt));
        this.#recent.delete(entry.id);
        if (existing) result.replaced++;
        else result.added++;
      }
      if (bad.length > 0 && !options.skipBad) {
        throw new HistoryError('HISTORY_BAD_ROWS', this.file, `${bad.length} history row(s) rejected; nothing was recorded`, { problems: bad });
      }
      result.skipped = bad;
      if (options.dryRun) throw new DryRun();
    };
    const run = this.#db.transaction(body);
    // Inside a batch, one entry needs no savepoint of its own: it is written by one statement or refused before any.
    const bare = this.#db.inTransaction && list.length === 1 && options.dryRun !== true;
    try {
      this.#guard(() => (bare ? body() : this.#db.inTransaction ? run() : run.immediate()));
    } catch (e) {
      if (!(e instanceof DryRun)) throw e;
    }
    // What this batch rendered is in the store now (or was refused): the in-process copies are no longer needed.
    if (!options.dryRun) clearPending(this);
    return result;
  }

  /**
   * Opens one transaction around a whole render batch: each `record` inside
   * it is a savepoint, so the rows are visible to the batch's later articles
   * at once (their context and slugs), yet a killed process leaves none of
   * them. `endBatch(true)` commits; `endBatch(false)` rolls back.
   */
  beginBatch(): void {
    this.#writable();
    this.#guard(() => this.#db.exec('BEGIN IMMEDIATE'));
    // What was read before the lock may have been rewritten by another process since: only what the batch reads is trusted.
    this.#recent.clear();
    this.#inBatch = true;
  }

  endBatch(commit: boolean): void {
    this.#inBatch = false;
    if (!commit) this.#recent.clear();
    if (!this.#db.inTransaction) return;
    this.#guard(() => this.#db.exec(commit ? 'COMMIT' : 'ROLLBACK'));
  }

  /**
   * Marks the start of a group inside a batch (a savepoint): a render records
   * a group's articles in turn and writes their files after, and if a write
   * fails, `undoGroup` takes the group's rows back so only the written ones
   * are recorded again. `keepGroup` ends the group and keeps its rows.
   */
  beginGroup(): void {
    this.#guard(() => this.#db.exec('SAVEPOINT liqnews_group'));
  }

  keepGroup(): void {
    if (!this.#db.inTransaction) return;
    this.#guard(() => this.#db.exec('RELEASE liqnews_group'));
  }

  undoGroup(): void {
    if (!this.#db.inTransaction) return;
    this.#guard(() => this.#db.exec('ROLLBACK TO liqnews_group; RELEASE liqnews_group'));
    this.#recent.clear();
    clearPending(this);
  }

  /** The facts for a snapshot from the earlier windows of its length (see context-types.ts). */
  contextFor(snapshot: ContextSubject): HistoryContext {
    return this.#guard(() => buildContext(this.#queries, snapshot));
  }

  /** Whether a story other than `exceptStoryId` already has this slug. */
  slugTaken(slug: string, exceptStoryId: string): boolean {
    return this.#guard(() => this.#s['slugTaken']!.get(slug, exceptStoryId) !== undefined);
  }

  /**
   * The variation choices of the latest `limit` stories of a style, most
   * recent (by window end) first. `before` (ISO) keeps only windows ending at
   * or before it, and `exceptStoryId` leaves one story out: give this
   * snapshot's start and id, and a re-render sees the same history as the
   * first render did (same snapshot + same history ⇒ same bytes).
   */
  recentChoices(style: string, limit: number, options: { before?: string; exceptStoryId?: string } = {}): Array<Record<string, number>> {
    const before = options.before === undefined ? Number.MAX_SAFE_INTEGER : instantMs(options.before);
    return this.#guard(() =>
      (this.#s['recentChoices']!.all(style, Number.isNaN(before) ? Number.MAX_SAFE_INTEGER : before, options.exceptStoryId ?? '', limit) as string[]).map(
        (c) => JSON.parse(c) as Record<string, number>,
      ),
    );
  }

  /** The same stories as `recentChoices`, each with its id and window end (ISO UTC): what a variation memory needs to merge them with a batch's own. */
  recentArticles(style: string, limit: number, options: { before?: string; exceptStoryId?: string } = {}): Array<{ id: string; style: string; end: string; choices: Record<string, number> }> {
    const before = options.before === undefined ? Number.MAX_SAFE_INTEGER : instantMs(options.before);
    const beforeMs = Number.isNaN(before) ? Number.MAX_SAFE_INTEGER : before;
    const except = options.exceptStoryId ?? '';
    return this.#guard(() => {
      if (this.#inBatch && this.#db.inTransaction) {
        return (this.#s['recentIds']!.all(style, beforeMs, except, limit) as [string, number][]).map(([id, endMs]) => {
          const known = this.#recent.get(id);
          if (known && known.endMs === endMs && known.article.style === style) return known.article;
          return this.#remember(id, endMs, style, this.#s['choicesOf']!.get(id) as string);
        });
      }
      return (this.#s['recentArticles']!.all(style, beforeMs, except, limit) as { id: string; end_ms: number; choices: string }[]).map((r) => {
        // Each article of a batch asks for the same few dozen stories: their parsed choices are kept (read-only) while the row is unchanged.
        const known = this.#recent.get(r.id);
        if (known && known.text === r.choices && known.endMs === r.end_ms && known.article.style === style) return known.article;
        return this.#remember(r.id, r.end_ms, style, r.choices);
      });
    });
  }

  #remember(id: string, endMs: number, style: string, text: string): { id: string; style: string; end: string; choices: Record<string, number> } {
    const article = { id, style, end: new Date(endMs).toISOString().replace(/\.000Z$/, 'Z'), choices: JSON.parse(text) as Record<string, number> };
    if (this.#recent.size >= RECENT_KEPT) this.#recent.clear();
    this.#recent.set(id, { text, endMs, article });
    return article;
  }

  list(options: ListOptions = {}): HistoryRow[] {
    const limit = options.limit ?? 50;
    const minutes = options.window === undefined ? null : parseWindowLabel(options.window);
    if (options.window !== undefined && minutes === null) throw new HistoryError('HISTORY_FAILED', this.file, `"${options.window}" is not a window length such as 24h, 1h or 7d`);
    return this.#guard(() => {
      const rows = (minutes === null
        ? this.#db.prepare('SELECT * FROM stories ORDER BY end_ms DESC, id LIMIT ?').all(limit)
        : this.#db.prepare('SELECT * FROM stories WHERE window_minutes = ? ORDER BY end_ms DESC, id LIMIT ?').all(minutes, limit)) as DbRow[];
      return rows.map(fromDbRow);
    });
  }

  show(id: string): HistoryRow | null {
    return this.#guard(() => {
      const row = this.#s['byId']!.get(id) as DbRow | undefined;
      return row ? fromDbRow(row) : null;
    });
  }

  /** Removes one story; false when there was none with that id. */
  remove(id: string): boolean {
    this.#writable();
    this.#recent.delete(id);
    return this.#guard(() => this.#db.transaction(() => this.#s['remove']!.run(id).changes > 0).immediate());
  }

  stats(): HistoryStats {
    return this.#guard(() => {
      const groups = this.#db
        .prepare(
          `SELECT window_minutes AS m, count(*) AS n, sum(coverage = 'partial') AS partial, min(end_ms) AS first, max(end_ms) AS last, max(usd) AS top
           FROM stories GROUP BY window_minutes ORDER BY window_minutes`,
        )
        .all() as { m: number; n: number; partial: number; first: number; last: number; top: number }[];
      const largestOf = this.#db.prepare('SELECT id, end_ms FROM stories WHERE window_minutes = ? AND usd = ? ORDER BY end_ms LIMIT 1');
      const bySource: HistoryStats['bySource'] = {};
      for (const r of this.#db.prepare('SELECT source_kind AS k, count(*) AS n FROM stories GROUP BY source_kind ORDER BY source_kind').all() as { k: SourceKind; n: number }[]) {
        bySource[r.k] = r.n;
      }
      return {
        file: this.file,
        schemaVersion: this.schemaVersion,
        stories: groups.reduce((a, g) => a + g.n, 0),
        byWindow: groups.map((g) => {
          const top = largestOf.get(g.m, g.top) as { id: string; end_ms: number };
          return { window: windowLabel(g.m), windowMinutes: g.m, stories: g.n, partial: g.partial, firstEnd: isoUtc(g.first), lastEnd: isoUtc(g.last), largest: { usd: g.top, end: isoUtc(top.end_ms), id: top.id } };
        }),
        bySource,
      };
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#inBatch = false;
    this.#db.close();
  }

  #writable(): void {
    if (this.readonly) throw new HistoryError('HISTORY_READ_ONLY', this.file, `${this.file} was opened read-only; nothing can be recorded or removed`);
  }

  /** SQLite's own errors, named after the store. */
  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }
}

/** The window's bounds and length as its row stores them (toDbRow). */
function spanOf(e: HistoryEntry): { startMs: number; endMs: number; minutes: number } {
  const startMs = instantMs(e.window.start);
  const endMs = instantMs(e.window.end);
  return { startMs, endMs, minutes: windowMinutesOf(startMs, endMs) };
}

/** An import (no style, slug, URL or choices) keeps what render recorded for the same story. */
function inherit(given: HistoryEntry, stored: HistoryEntry): HistoryEntry {
  const bare = given.style === null && given.slug === null && given.url === null && Object.keys(given.choices).length === 0;
  return bare ? { ...given, style: stored.style, slug: stored.slug, url: stored.url, choices: stored.choices } : given;
}

export function storeError(e: unknown, file: string): unknown {
  if (e instanceof HistoryError) return e;
  const code = sqliteCode(e);
  if (code === null) return e;
  const said = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new HistoryError('HISTORY_NOT_A_STORE', file, `${file} is not a readable history store (SQLite: ${said}); it was left unchanged. Move it aside to start a new store, or restore a backup`, { cause: e });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new HistoryError('HISTORY_READ_ONLY', file, `${file} cannot be written (SQLite: ${said}); check the permissions of the file and its folder`, { cause: e });
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new HistoryError('HISTORY_FAILED', file, `${file} stayed locked by another process for longer than the busy timeout (SQLite: ${said}); try again`, { cause: e });
  }
  return new HistoryError('HISTORY_FAILED', file, `${file}: SQLite: ${said}`, { cause: e });
}

