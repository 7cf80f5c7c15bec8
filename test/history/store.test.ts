// The store itself: schema and migrations, replacing and refusing rows, and files it must never damage.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryError, SCHEMA_VERSION, openHistory } from '../../src/history/index.js';
import { migrate } from '../../src/history/migrate.js';
import { MIGRATIONS } from '../../src/history/schema.js';
import { DAY, NOW, days, row, tempDir } from './helpers.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

let t: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  t = tempDir();
  file = join(t.dir, 'store', 'history.sqlite');
});
afterEach(() => t.cleanup());

const open = (opts: { readonly?: boolean } = {}) => openHistory(file, { now: () => NOW, ...opts });
const thrown = (fn: () => unknown): HistoryError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof HistoryError) return e;
    throw e;
  }
  throw new Error('expected a HistoryError');
};

describe('schema and migrations', () => {
  it('creates a fresh store (folder included) at the current version, in WAL mode', () => {
    const h = open();
    expect(h.schemaVersion).toBe(SCHEMA_VERSION);
    h.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([SCHEMA_VERSION]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('upgrades a v1 store to a later version, keeping its rows', () => {
    const h = open();
    h.record(days('2026-01-01', [100]));
    h.close();
    const db = new Database(file);
    const v2 = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, sql: 'ALTER TABLE stories ADD COLUMN note TEXT;' }];
    expect(migrate(db, file, false, v2)).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([SCHEMA_VERSION + 1]);
    expect(db.prepare('SELECT count(*) FROM stories WHERE note IS NULL').pluck().get()).toBe(1);
    db.close();
  });

  it('brings a version 1 store (the first release) to version 2: the style index holds the id, so the latest stories of a style are read in order', () => {
    const db = new Database(join(t.dir, 'v1.sqlite'));
    expect(migrate(db, 'v1', false, MIGRATIONS.slice(0, 1))).toBe(1);
    db.prepare("INSERT INTO stories (id, window_start, window_end, start_ms, end_ms, window_minutes, usd, long_usd, short_usd, assets, venues, coverage, style, choices, source_kind, digest, recorded_at) VALUES ('a', 's', 'e', 0, 60000, 1, 1, 1, 0, '[]', '[]', 'complete', 'recap', '{}', 'render', 'd', 'r')").run();
    const plan = (): string =>
      (db.prepare("EXPLAIN QUERY PLAN SELECT id, end_ms, choices FROM stories WHERE style = 'recap' AND end_ms <= 1 AND id <> 'x' ORDER BY end_ms DESC, id DESC LIMIT 30").all() as { detail: string }[])
        .map((r) => r.detail)
        .join('; ');
    expect(plan()).toContain('TEMP B-TREE');
    // Read-only, a store lacking only an index opens as it is (studio, decide); a writing open upgrades it.
    expect(migrate(db, 'v1', true)).toBe(1);
    expect(migrate(db, 'v1', false)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(2);
    expect(plan()).not.toContain('TEMP B-TREE');
    expect(db.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a store from a newer schema, naming the file and both versions, and leaves it byte for byte', () => {
    open().close();
    const db = new Database(file);
    db.exec(`UPDATE schema_version SET version = ${SCHEMA_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = readFileSync(file);
    const e = thrown(() => open());
    expect(e.code).toBe('HISTORY_NEWER_SCHEMA');
    expect(e.message).toContain(file);
    expect(e.message).toContain(`version ${SCHEMA_VERSION + 5}`);
    expect(e.message).toContain(`version ${SCHEMA_VERSION})`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database without adding tables to it", () => {
    const db = new Database(file.replace('store/', ''));
    db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const other = file.replace('store/', '');
    const e = thrown(() => openHistory(other));
    expect(e.code).toBe('HISTORY_NOT_A_STORE');
    const check = new Database(other, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    check.close();
  });
});

describe('recording', () => {
  it('a re-record of the same story replaces its row; an exact repeat changes nothing', () => {
    const h = open();
    expect(h.record(row('2026-01-02', 100, { id: 's1' }))).toMatchObject({ added: 1, replaced: 0 });
    const first = h.show('s1')!;
    expect(h.record(row('2026-01-02', 100, { id: 's1' }))).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
    expect(h.show('s1')!.recordedAt).toBe(first.recordedAt);
    expect(h.record(row('2026-01-02', 250, { id: 's1', slug: 'corrected' }))).toMatchObject({ added: 0, replaced: 1 });
    expect(h.list()).toHaveLength(1);
    expect(h.show('s1')).toMatchObject({ totals: { usd: 250 }, slug: 'corrected' });
    h.close();
  });

  it('an import of an already rendered story keeps its style, slug, URL and choices', () => {
    const h = open();
    h.record(row('2026-01-02', 100, { id: 's1', style: 'recap', slug: 'a-slug', url: 'https://x.test/a/', choices: { lede: 2 } }));
    h.record(row('2026-01-02', 100, { id: 's1', source: { kind: 'import-snapshot', ref: 'past/s1.json' } }));
    expect(h.show('s1')).toMatchObject({ style: 'recap', slug: 'a-slug', url: 'https://x.test/a/', choices: { lede: 2 } });
    h.close();
  });

  it('rejects a future window, a negative figure and an overlapping window, with the row, and records none of the batch', () => {
    const h = open();
    h.record(row('2026-01-02', 100, { id: 'kept' }));
    const batch = [
      row('2026-01-05', 100, { id: 'good' }),
      row('2027-06-01', 100, { id: 'future' }),
      row('2026-01-06', 100, { id: 'negative', totals: { usd: 100, longUsd: -5, shortUsd: 105, traders: null } }),
      row('2026-01-02T12:00:00Z', 100, { id: 'overlap' }),
    ];
    const e = thrown(() => h.record(batch));
    expect(e.code).toBe('HISTORY_BAD_ROWS');
    expect(e.problems.map((p) => p.where)).toEqual(['story future', 'story negative', 'story overlap']);
    expect(e.problems[0]!.message).toMatch(/story future, window .* ends in the future/);
    expect(e.problems[1]!.message).toContain('totals.longUsd is negative (-5)');
    expect(e.problems[2]!.message).toContain('overlaps story kept');
    expect(h.list().map((r) => r.id)).toEqual(['kept']);
    // With skipBad, the good row goes in and the bad ones come back.
    const r = h.record(batch, { skipBad: true });
    expect(r.added).toBe(1);
    expect(r.skipped).toHaveLength(3);
    h.close();
  });

  it('does not call windows of different lengths overlapping: a week and a day of it are both kept', () => {
    const h = open();
    h.record([row('2026-01-08', 700, { id: 'week', hours: 168 }), row('2026-01-08', 100, { id: 'day' })]);
    expect(h.list()).toHaveLength(2);
    h.close();
  });

  it('answers slugTaken and recentChoices (most recent first, per style, before a date)', () => {
    const h = open();
    h.record([
      row('2026-01-02', 1, { id: 'a', style: 'recap', slug: 'same', choices: { lede: 0 } }),
      row('2026-01-03', 1, { id: 'b', style: 'recap', slug: 'other', choices: { lede: 1 } }),
      row('2026-01-04', 1, { id: 'c', style: 'tldr', choices: { lede: 2 } }),
      row('2026-01-05', 1, { id: 'd', style: 'recap', choices: { lede: 3 } }),
    ]);
    expect(h.slugTaken('same', 'x')).toBe(true);
    expect(h.slugTaken('same', 'a')).toBe(false);
    expect(h.slugTaken('nobody', 'x')).toBe(false);
    expect(h.recentChoices('recap', 2)).toEqual([{ lede: 3 }, { lede: 1 }]);
    expect(h.recentChoices('recap', 5, { before: '2026-01-04T00:00:00Z', exceptStoryId: 'b' })).toEqual([{ lede: 0 }]);
    h.close();
  });

  it('lists, shows, counts and removes', () => {
    const h = open();
    h.record([...days('2026-01-01', [1, 5, 3]), row('2026-01-02T01:00:00Z', 9, { hours: 1, coverage: 'partial' })]);
    expect(h.list({ window: '24h' }).map((r) => r.totals.usd)).toEqual([3, 5, 1]);
    const s = h.stats();
    expect(s.stories).toBe(4);
    expect(s.byWindow.map((w) => [w.window, w.stories, w.partial, w.largest.usd])).toEqual([
      ['1h', 1, 1, 9],
      ['24h', 3, 0, 5],
    ]);
    const id = h.list({ window: '1h' })[0]!.id;
    expect(h.remove(id)).toBe(true);
    expect(h.remove(id)).toBe(false);
    expect(h.show(id)).toBeNull();
    h.close();
  });
});

describe('files it must not damage', () => {
  it('a file that is not a database: a clear error naming it, and the file unchanged', () => {
    writeFileSync(file.replace('store/', ''), 'date,usd\n2026-01-01,5\n');
    const bad = file.replace('store/', '');
    const e = thrown(() => openHistory(bad));
    expect(e.code).toBe('HISTORY_NOT_A_STORE');
    expect(e.message).toContain(bad);
    expect(readFileSync(bad, 'utf8')).toBe('date,usd\n2026-01-01,5\n');
  });

  it('a corrupt store (SQLite header, garbage after it): a clear error, and the file unchanged', () => {
    const h = open();
    h.record(days('2026-01-01', [1, 2, 3]));
    h.close();
    const bytes = readFileSync(file);
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(file, bytes);
    const e = thrown(() => open());
    expect(e.code).toBe('HISTORY_NOT_A_STORE');
    expect(e.message).toContain(file);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a read-only file: refused for writing with its name, unchanged; still readable read-only', () => {
    const h = open();
    h.record(days('2026-01-01', [1, 2]));
    h.close();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const e = thrown(() => open());
    expect(e.code).toBe('HISTORY_READ_ONLY');
    expect(e.message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
    const r = open({ readonly: true });
    expect(r.list()).toHaveLength(2);
    expect(thrown(() => r.record(days('2026-02-01', [1]))).code).toBe('HISTORY_READ_ONLY');
    r.close();
    chmodSync(file, 0o644);
  });

  it('read-only opening of a missing store is an error, and creates nothing', () => {
    const e = thrown(() => open({ readonly: true }));
    expect(e.code).toBe('HISTORY_MISSING');
    expect(() => readFileSync(file)).toThrow();
  });

  it('keeps a day row count per length in step through replace and remove (ranks read it)', () => {
    const h = open();
    h.record(days('2026-01-01', [1, 2, 3]));
    h.record(row(Date.parse('2026-01-03T00:00:00Z'), 7, { id: 't-24h-' + Date.parse('2026-01-03T00:00:00Z') / 60_000, coverage: 'partial' }));
    h.remove(h.list()[0]!.id);
    h.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT sum(n), sum(partial) FROM window_days').raw().get()).toEqual([2, 1]);
    expect(db.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(2);
    db.close();
    void DAY;
  });
});

describe('the variation memory inside a batch', () => {
  it("sees a story's choices as last recorded, also when the batch records the same story again or takes a group back", () => {
    const h = open();
    const recent = () => h.recentArticles('recap', 5).map((a) => `${a.id}:${JSON.stringify(a.choices)}`);
    h.record(row('2026-01-01', 100, { id: 'one', style: 'recap', choices: { opening: 1 } }));
    h.beginBatch();
    expect(recent()).toEqual(['one:{"opening":1}']);
    h.record(row('2026-01-01', 100, { id: 'one', style: 'recap', choices: { opening: 2 } }));
    h.record(row('2026-01-02', 200, { id: 'two', style: 'recap', choices: { opening: 0 } }));
    expect(recent()).toEqual(['two:{"opening":0}', 'one:{"opening":2}']);
    h.beginGroup();
    h.record(row('2026-01-02', 200, { id: 'two', style: 'recap', choices: { opening: 3 } }));
    expect(recent()).toEqual(['two:{"opening":3}', 'one:{"opening":2}']);
    h.undoGroup();
    expect(recent()).toEqual(['two:{"opening":0}', 'one:{"opening":2}']);
    h.endBatch(false);
    expect(recent()).toEqual(['one:{"opening":1}']);
    h.close();
  });

  it('does not trust, inside a batch, choices it read before another process rewrote the story', () => {
    const h = open();
    const other = open();
    const recent = () => h.recentArticles('recap', 5).map((a) => `${a.id}:${JSON.stringify(a.choices)}`);
    h.record(row('2026-01-01', 100, { id: 'one', style: 'recap', choices: { opening: 1 } }));
    expect(recent()).toEqual(['one:{"opening":1}']);
    other.record(row('2026-01-01', 100, { id: 'one', style: 'recap', choices: { opening: 4 } }));
    h.beginBatch();
    expect(recent()).toEqual(['one:{"opening":4}']);
    h.endBatch(true);
    other.close();
    h.close();
  });
});
