/**
 * The one way liquidation-news puts a file on disk (articles, stamps, feeds,
 * ingested snapshots): whole or not at all, and never through a link.
 *
 * - The content goes to a temporary file in the target's own directory (so
 *   the rename never crosses a file system), then is renamed over the target.
 *   A rename replaces a link at the target's name; it never writes through it.
 * - The temporary file is created with O_CREAT | O_EXCL | O_NOFOLLOW under a
 *   name with 64 random bits in it, so a file or link planted in advance can
 *   neither be guessed nor followed: the open fails instead (and a fresh
 *   name is tried).
 * - Its name is `.<target>.liqnews-<pid>-<16 hex>.tmp`: hidden (site
 *   generators skip it) and carrying the writer's process id, so the
 *   leftovers of a killed run can be told from a live run's files. The first
 *   write into a directory removes every file of exactly that pattern whose
 *   process no longer exists, and nothing else.
 * - A file replaced keeps its permissions (a site folder made group-writable,
 *   a draft made private): the temporary file takes the old file's mode before
 *   the rename, where a plain rename would reset it to the default.
 */
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, opendirSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface AtomicOptions {
  /**
   * Flush the content to the device before the rename. Worth it for a single
   * file a run exists to produce (a feed, an ingested snapshot); a batch of
   * articles skips it, since a killed process loses nothing the kernel holds.
   */
  fsync?: boolean;
  /** Create the directory when it is missing (default: yes). */
  makeDir?: boolean;
  /** False when the caller knows nothing is at `path` yet, so there is no mode to keep (saves a look per new file). */
  replacing?: boolean;
}

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Our temporary names and nothing else: the pid is group 1. */
export const TEMP_PATTERN = /^\..+\.liqnews-([1-9][0-9]{0,9})-[0-9a-f]{16}\.tmp$/;

export const tempNameFor = (target: string): string => `.${target}.liqnews-${process.pid}-${randomHex16()}.tmp`;

/**
 * 64 random bits as 16 hex digits, cut from a pool the system's CSPRNG fills
 * 4 KiB at a time: as unpredictable as a `randomBytes(8)` per name, without a
 * call into the RNG for each of a batch's files (two or three per article).
 */
function randomHex16(): string {
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const hex = pool.toString('hex', poolAt, poolAt + 8);
  poolAt += 8;
  return hex;
}
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/**
 * Writes `content` to `path` whole. Creates the directory when it is
 * missing. Throws the file system's error (with its `code`) as it came.
 */
export function writeAtomic(path: string, content: string | Uint8Array, options: AtomicOptions = {}): void {
  commitStaged(stageAtomic(path, content, options));
}

/** A file written whole under its temporary name, waiting for its rename. */
export interface Staged {
  readonly temp: string;
  readonly path: string;
}

/**
 * The first half of `writeAtomic`: the content in a temporary file beside
 * `path`, nothing renamed yet. Several files staged, then committed one after
 * the other, change on disk within a few renames of each other (an article's
 * formats), where writing each in turn would leave a longer gap in which a
 * kill finds some new and some old. Throws as `writeAtomic` does, leaving no
 * temporary file.
 */
export function stageAtomic(path: string, content: string | Uint8Array, options: AtomicOptions = {}): Staged {
  const dir = dirname(path);
  sweepOnce(dir);
  const { temp, fd } = createTemp(dir, basename(path), options.makeDir ?? true);
  try {
    try {
      writeAll(fd, content);
      if (options.replacing ?? true) keepMode(fd, path);
      if (options.fsync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
  return { temp, path };
}

/** The second half: the rename. On failure the temporary file is removed and the error thrown as it came. */
export function commitStaged(staged: Staged): void {
  try {
    renameSync(staged.temp, staged.path);
  } catch (e) {
    removeQuietly(staged.temp);
    throw e;
  }
}

/** A staged file that will not be committed (another file of its article failed): its temporary file goes. */
export function discardStaged(staged: Staged): void {
  removeQuietly(staged.temp);
}

/** The temporary file gets the mode of the file it replaces (not of a link there: the rename replaces the link itself). */
function keepMode(fd: number, path: string): void {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st?.isFile()) fchmodSync(fd, st.mode & 0o777);
}

function createTemp(dir: string, target: string, makeDir: boolean): { temp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const temp = join(dir, tempNameFor(target));
    try {
      return { temp, fd: openSync(temp, CREATE_NEW, 0o666) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Something already has that name (a planted file or link: ELOOP is O_NOFOLLOW refusing one): draw another.
      if ((code === 'EEXIST' || code === 'ELOOP') && attempt < 8) continue;
      if (code === 'ENOENT' && makeDir && attempt === 0) {
        // The directory is missing: create it only now, so a run with nothing to write leaves no empty directory.
        mkdirSync(dir, { recursive: true });
        continue;
      }
      throw e;
    }
  }
}

function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

const swept = new Set<string>();

/** Once per directory and process: the leftovers of killed runs go before the first write. */
/** Sweeps `dir` now (a command's start), whatever was swept before, and counts it as swept for the writes that follow. */
export function sweepNow(dir: string): void {
  swept.add(dir);
  removeLeftovers(dir);
}

function sweepOnce(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  removeLeftovers(dir);
}

/**
 * Removes the temporary files of runs that are gone (kill -9, power loss)
 * from `dir`: only names of exactly our pattern, only plain files or links
 * (unlinking a link never touches what it points to), only when the process
 * named in them does not exist. Returns the names removed.
 */
export function removeLeftovers(dir: string): string[] {
  const removed: string[] = [];
  let handle;
  try {
    handle = opendirSync(dir);
  } catch {
    return removed; // no directory yet, or not one: the write itself will say what is wrong
  }
  try {
    // Entry by entry, so an output directory of a hundred thousand files is never listed whole in memory.
    for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
      const pid = TEMP_PATTERN.exec(entry.name)?.[1];
      if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
      const path = join(dir, entry.name);
      try {
        const st = lstatSync(path);
        if (!st.isFile() && !st.isSymbolicLink()) continue;
        unlinkSync(path);
        removed.push(entry.name);
      } catch {
        // Gone already (another run swept it), or not ours to remove: leave it.
      }
    }
  } finally {
    handle.closeSync();
  }
  return removed;
}

/** Whether a process with this id exists (EPERM: it does, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Best-effort clean-up: the error worth reporting is the one that got us here. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing to remove
  }
}
