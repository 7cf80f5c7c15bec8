/**
 * Opening a store: the checks that keep a user's file safe come before
 * SQLite touches it. A file that is not an SQLite database, a write-protected
 * file, someone else's database, or a store of a newer schema is refused with
 * the file's name, and nothing is written to it.
 */
import { accessSync, constants, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { HistoryError } from './errors.js';
import { checkVersion, migrate } from './migrate.js';
import { sqlite, type Database } from './sqlite.js';
import { History, storeError } from './store.js';

export interface OpenOptions {
  /** Read only: nothing is created, migrated or written (list, show, stats, decide). */
  readonly?: boolean;
  /** "Now" for the future-window rule and `recordedAt`; default: the clock. */
  now?: () => Date;
  /** How long to wait for another process's write lock, in ms; default 10 s. */
  busyTimeoutMs?: number;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

export { defaultHistoryPath } from './paths.js';

export function openHistory(path: string, options: OpenOptions = {}): History {
  const readonly = options.readonly ?? false;
  checkFile(path, readonly);
  let db: Database;
  try {
    db = new (sqlite())(path, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 10_000 });
  } catch (e) {
    throw storeError(e, path);
  }
  try {
    // The version is read before anything is written: a newer or foreign file is refused untouched.
    checkVersion(db, path);
    if (!readonly) walMode(db);
    const schemaVersion = migrate(db, path, readonly);
    return new History(db, path, { readonly, schemaVersion, now: options.now ?? (() => new Date()) });
  } catch (e) {
    db.close();
    throw storeError(e, path);
  }
}

function checkFile(path: string, readonly: boolean): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (st === undefined) {
    if (readonly) throw new HistoryError('HISTORY_MISSING', path, `there is no history store at ${path}`);
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw new HistoryError('HISTORY_OPEN_FAILED', path, `cannot create the folder of the history store ${path}: ${(e as Error).message}`, { cause: e });
    }
  } else {
    if (!st.isFile()) throw new HistoryError('HISTORY_OPEN_FAILED', path, `${path} is not a file; --history names the store's file (e.g. .liqnews/history.sqlite)`);
    if (st.size > 0 && readHeader(path) !== SQLITE_HEADER) {
      throw new HistoryError('HISTORY_NOT_A_STORE', path, `${path} is not an SQLite database, so not a history store; it was left unchanged (give another --history file, or move it aside)`);
    }
    // Mode bits as well as access(): a write-protected file says "do not write", even to root.
    if (!readonly && ((st.mode & 0o222) === 0 || !canWrite(path))) {
      throw new HistoryError('HISTORY_READ_ONLY', path, `${path} is read-only (file permissions); it was left unchanged. Make it writable to record into it`);
    }
  }
  if (!readonly) {
    const dir = dirname(path);
    const dirMode = statSync(dir).mode;
    if ((dirMode & 0o222) === 0 || !canWrite(dir)) {
      throw new HistoryError('HISTORY_READ_ONLY', path, `the folder ${dir} is read-only; the history store needs to write its -wal and -shm files beside ${path}`);
    }
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } catch (e) {
    throw new HistoryError('HISTORY_OPEN_FAILED', path, `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  } finally {
    closeSync(fd);
  }
}

/**
 * Switching to WAL needs a moment alone with the file, and SQLite answers
 * SQLITE_BUSY at once (without its busy timeout) when another process is
 * creating or opening the same new store: try again for up to ten seconds.
 */
function walMode(db: Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if (attempt >= 500 || !/SQLITE_BUSY|locked/i.test(String((e as { code?: unknown }).code ?? (e as Error).message))) throw e;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}
