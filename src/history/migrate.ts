/** Bringing a store to the current schema, or refusing it. See schema.ts. */
import { HistoryError } from './errors.js';
import { MIGRATIONS, type Migration } from './schema.js';
import type { Database } from './sqlite.js';

/**
 * The store's schema version: 0 for a file with no tables (new or empty).
 * A database with tables of its own but no `schema_version` is someone
 * else's: refused, so that nothing is added to it.
 */
export function readVersion(db: Database, file: string): number {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  if (tables.length === 0) return 0;
  if (!tables.includes('schema_version')) {
    throw new HistoryError('HISTORY_NOT_A_STORE', file, `${file} is an SQLite database but not a liqnews history store (it has tables ${tables.slice(0, 5).join(', ')} and no schema_version); it was left unchanged`);
  }
  const version = db.prepare('SELECT max(version) FROM schema_version').pluck().get();
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new HistoryError('HISTORY_NOT_A_STORE', file, `${file}: schema_version holds no valid version (${String(version)}); the store was left unchanged`);
  }
  return version;
}

/** The store's version, or an error when it is newer than `migrations` reach (the file is not touched). */
export function checkVersion(db: Database, file: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]!.version;
  const version = readVersion(db, file);
  if (version > latest) {
    throw new HistoryError('HISTORY_NEWER_SCHEMA', file, `${file} has history schema version ${version}, newer than this liqnews reads (version ${latest}); upgrade liqnews, or use another --history file. The store was left unchanged`);
  }
  return version;
}

/** Applies the missing migrations; returns the version the store is now at. */
export function migrate(db: Database, file: string, readonly: boolean, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]!.version;
  let version = checkVersion(db, file, migrations);
  if (version === latest) return version;
  // Read-only and only an index missing: the store answers the same, so it is read as it is.
  if (readonly && version > 0 && migrations.every((m) => m.version <= version || m.indexOnly === true)) return version;
  if (readonly) {
    throw new HistoryError('HISTORY_READ_ONLY', file, `${file} is at history schema version ${version} and needs upgrading to ${latest}, but it is open read-only; run any writing history command on it once (e.g. liqnews history import) to upgrade`);
  }
  db.transaction(() => {
    // Read again inside the write lock: another process may have migrated meanwhile.
    version = checkVersion(db, file, migrations);
    if (version === 0) db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL) STRICT');
    for (const m of migrations) if (m.version > version) db.exec(m.sql);
    if (version < latest) {
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(latest);
    }
    version = latest;
  }).immediate();
  return version;
}
