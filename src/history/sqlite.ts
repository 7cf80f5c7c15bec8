/**
 * better-sqlite3, loaded on first use: a native addon costs a few
 * milliseconds to load, and commands that never touch the store (render
 * without history, validate, --help) should not pay for it. Loaded through
 * `require` so that the CLI bundle leaves it a package (it is also listed as
 * external in scripts/bundle-cli.js).
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement;
type Constructor = typeof BetterSqlite3;

let loaded: Constructor | undefined;

export function sqlite(): Constructor {
  loaded ??= createRequire(import.meta.url)('better-sqlite3') as Constructor;
  return loaded;
}

/** An error thrown by SQLite itself (it carries a `SQLITE_…` code). */
export function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}
