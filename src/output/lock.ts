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
 *
 * The lock names its holder by process id and, where the system says it
 * (Linux's /proc), the process's start time: a container gives every run the
 * same small pid, so a run killed there leaves a lock whose pid is alive
 * again, in another process (or in the next run itself); the start time tells
 * them apart. Anything at the lock's name that is not a lock of ours (a link,
 * a folder, a file with other text in it) is never removed: the article is
 * refused at once, naming it.
 */
import { closeSync, constants, linkSync, lstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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

/** Something at the lock's name that liqnews did not put there: it is left alone, and the article is not written. */
export class LockInTheWay extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(`${path} is ${what}, not a liqnews lock`);
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
    if (holder.foreign !== null) throw new LockInTheWay(path, holder.foreign);
    // Its process is gone (or its pid now names another process), or it never got its pid written (killed between create and write) and is old: stale.
    const stale = holder.pid !== null ? !holderAlive(holder.pid, holder.start) : holder.ageMs !== null && holder.ageMs > EMPTY_LOCK_STALE_MS;
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
    writeSync(fd, OWN_TEXT);
  } finally {
    closeSync(fd);
  }
  return lstatSync(path).ino;
}

/** A process's start time, in clock ticks since boot, from /proc (Linux); null where there is none. */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, field 2, is in parentheses and may hold spaces or parentheses: count fields after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start !== undefined && /^[0-9]+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

const OWN_START = startTimeOf(process.pid);
const OWN_TEXT = OWN_START === null ? `${process.pid}\n` : `${process.pid} ${OWN_START}\n`;

/** Whether the process that wrote the lock still runs: its pid is alive and, when the lock says when it started, it is the same process. */
function holderAlive(pid: number, start: string | null): boolean {
  if (!isAlive(pid)) return false;
  if (start === null) return true;
  const now = startTimeOf(pid);
  return now === null || now === start;
}

/** An empty lock older than this was left by a run killed between creating it and writing its pid. */
const EMPTY_LOCK_STALE_MS = 2_000;

interface Holder {
  pid: number | null;
  start: string | null;
  ino: number | null;
  ageMs: number | null;
  /** What is there instead of a lock, or null. */
  foreign: string | null;
}

/** Longer than this, a file at the lock's name is not a lock (which holds a pid and a start time). */
const LOCK_TEXT_MAX = 64;
const LOCK_TEXT = /^([1-9][0-9]{0,9})(?: ([0-9]{1,20}))?\n$/;

function readHolder(path: string): Holder {
  const gone: Holder = { pid: null, start: null, ino: null, ageMs: null, foreign: null }; // released meanwhile: the next round creates it
  let st;
  try {
    // Not followed: a link at the lock's name is not a lock, whatever it points at (or if it points nowhere).
    st = lstatSync(path);
  } catch {
    return gone;
  }
  if (st.isSymbolicLink()) return { ...gone, foreign: 'a symbolic link' };
  if (!st.isFile()) return { ...gone, foreign: st.isDirectory() ? 'a folder' : 'not a regular file' };
  if (st.size > LOCK_TEXT_MAX) return { ...gone, foreign: 'a file liqnews did not write' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return gone;
  }
  const ageMs = Date.now() - st.mtimeMs;
  // A lock being written this instant is empty for a moment: no pid yet, so it is waited for, not taken (unless old).
  if (text === '') return { ...gone, ino: st.ino, ageMs };
  const m = LOCK_TEXT.exec(text);
  if (m === null) return { ...gone, foreign: 'a file liqnews did not write' };
  return { pid: Number(m[1]), start: m[2] ?? null, ino: st.ino, ageMs, foreign: null };
}

function takeOver(path: string, staleIno: number): void {
  const aside = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another run took it first
  }
  try {
    if (lstatSync(aside).ino !== staleIno) {
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
    if (lstatSync(path).ino === ino) unlinkSync(path);
  } catch {
    // gone already
  }
}
