/**
 * One article at a time per output folder: two runs writing the same
 * article (two terminals, a cron job and a person) take turns, so all of an
 * article's files always come from one run, never half from each.
 *
 * The lock is a file `.<basename>.lock`, created with O_EXCL, that names its
 * holder: process id, start time (Linux's /proc; a container gives every run
 * the same small pid, so a pid alone can be alive again in another process,
 * or in the next run itself) and 64 random bits that make each lock unlike
 * any other. For the moment between its creation and the write it is empty,
 * and an empty lock is waited for unless it is old.
 *
 * A lock whose process is gone is taken over: it is renamed to a name of our
 * own, an atomic step only one run can win, then read again; if its text is
 * not the stale holder's (another run took it over and made a new lock in
 * between), it is linked back. Comparing the text, not the inode number,
 * matters: a file system may give a new lock the number of the one just
 * deleted. One gap is left: while a live lock is renamed aside, before it is
 * linked back, a third run can create a lock of its own, and two runs then
 * hold the article. It needs three runs at once on one stale lock and was
 * seen only with a delay injected into the link (a random harness of
 * hundreds of dying and racing processes never hit it); closing it would take
 * a second lock around the takeover. A lock held by a live run is waited for, a bounded time, then the
 * article is refused with a message naming the lock and its holder.
 * Anything at the lock's name that is not a lock of ours (a link, a folder, a
 * file with other text in it) is never removed: the article is refused at
 * once, naming it.
 */
import { closeSync, constants, fstatSync, linkSync, lstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename as baseOf, dirname, join } from 'node:path';
import { isAlive, tempNameFor } from './atomic.js';

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

/** Takes the article's lock in `dir` (which must exist); returns the release. Throws `LockTimeout`, `LockInTheWay`, or the file system's error. */
export function lockArticle(dir: string, basename: string, waitMs = LOCK_WAIT_MS): () => void {
  const path = join(dir, lockNameOf(basename));
  const deadline = Date.now() + waitMs;
  for (let round = 0; ; round++) {
    const ino = tryCreate(path);
    if (ino !== null) return () => release(path, ino);
    const holder = readHolder(path);
    if (holder.foreign !== null) throw new LockInTheWay(path, holder.foreign);
    // Its process is gone (or its pid now names another process), or it is empty (left by an older version killed between create and write) and old: stale.
    const stale = holder.pid !== null ? !holderAlive(holder.pid, holder.start) : holder.text !== null && holder.ageMs !== null && holder.ageMs > EMPTY_LOCK_STALE_MS;
    if (stale && holder.text !== null) {
      takeOver(path, holder.text);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeout(path, holder.pid);
    // A synchronous sleep (the writer is synchronous by design), short at first: most holders finish within milliseconds.
    Atomics.wait(pause, 0, 0, Math.min(2 + round, 25));
  }
}

/** The lock made: its inode number (from the open file, never a second look by name), or null when another lock is there. */
function tryCreate(path: string): number | null {
  let fd: number;
  try {
    fd = openSync(path, CREATE_NEW, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw e;
  }
  try {
    writeSync(fd, `${OWN_PREFIX} ${nonce()}\n`);
    return fstatSync(fd).ino;
  } finally {
    closeSync(fd);
  }
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
/** "pid start": "0" where the system gives no start time. */
const OWN_PREFIX = `${process.pid} ${OWN_START ?? '0'}`;

/** 64 bits unlike any other lock's: 32 random bits drawn once per process, and a counter. */
const PROCESS_NONCE = randomBytes(4).toString('hex');
let counter = 0;
const nonce = (): string => `${PROCESS_NONCE}${(counter++).toString(16).padStart(8, '0')}`;

/** Whether the process that wrote the lock still runs: its pid is alive and, when the lock says when it started, it is the same process. */
function holderAlive(pid: number, start: string | null): boolean {
  if (!isAlive(pid)) return false;
  if (start === null || start === '0') return true;
  const now = startTimeOf(pid);
  return now === null || now === start;
}

/** An empty lock older than this was left by a run killed between creating it and writing its pid. */
const EMPTY_LOCK_STALE_MS = 2_000;

interface Holder {
  pid: number | null;
  start: string | null;
  /** The lock's whole text ('' for an empty one); null when it could not be read (released meanwhile). */
  text: string | null;
  ageMs: number | null;
  /** What is there instead of a lock, or null. */
  foreign: string | null;
}

/** Longer than this, a file at the lock's name is not a lock. */
const LOCK_TEXT_MAX = 64;
// pid, start time, nonce; an older version wrote "pid start" or "pid" alone.
const LOCK_TEXT = /^([1-9][0-9]{0,9})(?: ([0-9]{1,20}))?(?: [0-9a-f]{16})?\n$/;

function readHolder(path: string): Holder {
  const gone: Holder = { pid: null, start: null, text: null, ageMs: null, foreign: null }; // released meanwhile: the next round creates it
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
  if (text === '') return { ...gone, text, ageMs };
  const m = LOCK_TEXT.exec(text);
  if (m === null) return { ...gone, foreign: 'a file liqnews did not write' };
  return { pid: Number(m[1]), start: m[2] ?? null, text, ageMs, foreign: null };
}

/** Exported for the tests: removes the lock at `path` only if its text is still `staleText`. */
export function takeOver(path: string, staleText: string): void {
  const aside = join(dirname(path), tempNameFor(`${baseOf(path)}.stale`));
  try {
    renameSync(path, aside);
  } catch {
    return; // another run took it first
  }
  try {
    let now: string | null = null;
    let fresh = false;
    try {
      now = readFileSync(aside, 'utf8');
      // An empty stale lock's text says nothing: a lock another run created this instant (not yet written) is empty too, but new.
      fresh = now === '' && Date.now() - lstatSync(aside).mtimeMs <= EMPTY_LOCK_STALE_MS;
    } catch {
      // unreadable: treated as not the stale lock, and given back
    }
    if (now !== staleText || fresh) {
      // Between our look and the rename, another run replaced the stale lock with its own: give it back.
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
    // Only our own lock. A live holder's lock is never taken over (its pid and start time say it runs), so the inode
    // number, one look, tells ours from another's here; takeovers, where a number could be reused, compare the text.
    if (lstatSync(path).ino === ino) unlinkSync(path);
  } catch {
    // gone already
  }
}
