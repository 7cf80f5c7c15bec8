/**
 * One article at a time per output folder: two runs writing the same
 * article (two terminals, a cron job and a person) take turns, so all of an
 * article's files always come from one run, never half from each.
 *
 * The lock is a file `.<basename>.lock` created with O_EXCL and holding the
 * owner's process id. A lock whose process is gone (kill -9) is taken over:
 * it is first renamed to a name of our own, an atomic step only one run can
 * win, then checked to be the very file (same inode) that was found stale; if
 * another run had replaced it in between, it is linked back. A lock held by
 * a live run is waited for, a bounded time, then the article is refused with
 * a message naming the lock and its holder.
 */
import { closeSync, constants, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isAlive } from './atomic.js';

export const lockNameOf = (basename: string): string => `.${basename}.lock`;

/** How long a render waits for another run's article before giving up on it. */
export const LOCK_WAIT_MS = 30_000;

export class LockTimeout extends Error {
  constructor(
    readonly path: string,
    readonly holder: number | null,
  ) {
    super(`${path} is held by another liqnews run${holder === null ? '' : ` (process ${holder})`}`);
  }
}

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Takes the article's lock in `dir` (which must exist); returns the release. Throws `LockTimeout`, or the file system's error. */
export function lockArticle(dir: string, basename: string, waitMs = LOCK_WAIT_MS): () => void {
  const path = join(dir, lockNameOf(basename));
  const deadline = Date.now() + waitMs;
  for (let round = 0; ; round++) {
    const ino = tryCreate(path);
    if (ino !== null) return () => release(path, ino);
    const holder = readHolder(path);
    // Its process is gone, or it never got its pid written (killed between create and write) and is old: stale.
    const stale = holder.pid !== null ? !isAlive(holder.pid) : holder.ageMs !== null && holder.ageMs > EMPTY_LOCK_STALE_MS;
    if (stale && holder.ino !== null) {
      takeOver(path, holder.ino);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeout(path, holder.pid);
    // A synchronous sleep (the writer is synchronous by design), short at first: most holders finish within milliseconds.
    Atomics.wait(pause, 0, 0, Math.min(2 + round, 25));
  }
}

function tryCreate(path: string): number | null {
  let fd: number;
  try {
    fd = openSync(path, CREATE_NEW, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw e;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return statSync(path).ino;
}

/** An empty lock older than this was left by a run killed between creating it and writing its pid. */
const EMPTY_LOCK_STALE_MS = 2_000;

function readHolder(path: string): { pid: number | null; ino: number | null; ageMs: number | null } {
  try {
    const st = statSync(path);
    const text = readFileSync(path, 'utf8');
    // A lock being written this instant is empty for a moment: no pid yet, so it is waited for, not taken (unless old).
    const pid = /^[1-9][0-9]{0,9}\n$/.test(text) ? Number(text.trim()) : null;
    return { pid, ino: st.ino, ageMs: Date.now() - st.mtimeMs };
  } catch {
    return { pid: null, ino: null, ageMs: null }; // released meanwhile: the next round creates it
  }
}

function takeOver(path: string, staleIno: number): void {
  const aside = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another run took it first
  }
  try {
    if (statSync(aside).ino !== staleIno) {
      // Between our look and the rename, a live run replaced the stale lock: give it back.
      try {
        linkSync(aside, path);
      } catch {
        // a third run created one meanwhile; that run holds the article now
      }
    }
  } finally {
    try {
      unlinkSync(aside);
    } catch {
      // already gone
    }
  }
}

function release(path: string, ino: number): void {
  try {
    // Only our own lock: if it was (wrongly) taken over, the new holder's file stays.
    if (statSync(path).ino === ino) unlinkSync(path);
  } catch {
    // gone already
  }
}
