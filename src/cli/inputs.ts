/**
 * Turns the command line's inputs into the snapshots to read, one at a time
 * and lazily: directories are listed as the walk reaches them, so a batch of
 * any size holds one directory's names at a time, never the whole list (nor
 * any file's contents).
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { FolderNames } from './folder-names.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { describeFsError, errnoOf } from '../output/write.js';
import { LiqnewsError } from '../errors.js';
import { MAX_SNAPSHOT_BYTES, decodeSnapshotBytes, tooLarge } from '../snapshot/bytes.js';
import { readSnapshotFile } from '../snapshot/read-file.js';

export const STDIN_LABEL = '<stdin>';

export type InputItem =
  /** `link`: found by the walk as a link to a file (its target is an input too). */
  | {
      kind: 'file';
      label: string;
      path: string;
      link?: true;
      /** Bytes, as the listing saw them (a batch groups its inputs by it). */
      size?: number;
      /** Given on the command line by name, not found in a folder: a file of the product's own there is a mistake, not something to pass over. */
      named?: true;
    }
  | { kind: 'stdin'; label: string }
  /** An input that could not even be listed; reported in its place in the batch. */
  | { kind: 'error'; label: string; message: string };

/** A `*.json` entry of a folder that is not a snapshot to read (a link to nothing, say); reported, not counted. */
export type SkippedItem = { kind: 'skipped'; label: string; reason: string };

export type ListedInput = InputItem | SkippedItem;

const SKIPPED_DIRECTORIES = new Set(['expected', 'node_modules']);
const SKIPPED_FILES = new Set(['case.json']);

/** The inputs as a list (skipped entries left out), for commands that take few. */
export function expandInputs(args: readonly string[], skipDir: string | null): InputItem[] {
  const items: InputItem[] = [];
  for (const item of listInputs(args, skipDir)) if (item.kind !== 'skipped') items.push(item);
  return items;
}

/** How many entries `listInputs` gives (skipped links included: a batch's summary accounts for each), walking without holding the list. */
export function countInputs(args: readonly string[], skipDir: string | null): number {
  let n = 0;
  for (const _ of listInputs(args, skipDir)) n++;
  return n;
}

/**
 * Files as given, directories expanded (every `*.json` inside, recursively,
 * in code-unit order of names within each folder), `-` as standard input.
 * `skipDir`, when set, is never entered: it is the output directory, whose
 * sidecars are not snapshots. Lazy: each folder is listed when reached.
 */
export function* listInputs(args: readonly string[], skipDir: string | null): Generator<ListedInput> {
  const skip = skipDir === null ? null : { path: resolve(skipDir), real: realOrNull(skipDir) };
  for (const arg of args) {
    if (arg === '-') {
      yield { kind: 'stdin', label: STDIN_LABEL };
      continue;
    }
    let st: Stats;
    try {
      st = statSync(arg);
    } catch (e) {
      yield { kind: 'error', label: arg, message: `cannot read: ${describeFsError(e)}` };
      continue;
    }
    if (!st.isDirectory()) {
      yield { kind: 'file', label: arg, path: arg, size: st.size, named: true };
      continue;
    }
    let found = false;
    for (const item of walk(arg, skip)) {
      if (item.kind !== 'skipped') found = true;
      yield item;
    }
    if (!found) yield { kind: 'error', label: arg, message: 'no snapshot files (*.json) in this directory' };
  }
}

type Skip = { path: string; real: string | null } | null;

function* walk(dir: string, skip: Skip): Generator<ListedInput> {
  let names: FolderNames;
  try {
    // Code-unit order, not the locale's, so every machine lists the same batch in the same order.
    names = FolderNames.read(dir);
  } catch (e) {
    yield { kind: 'error', label: dir, message: `cannot read: ${describeFsError(e)}` };
    return;
  }
  for (let i = 0; i < names.length; i++) {
    const name = names.at(i);
    const json = name.endsWith('.json') && !SKIPPED_FILES.has(name);
    if (!json && SKIPPED_DIRECTORIES.has(name)) continue;
    const path = join(dir, name);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (st === undefined) continue; // removed since the folder was listed
    if (st.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(name) && !isSkipped(path, skip)) yield* walk(path, skip);
    } else if (json) {
      if (st.isFile()) yield { kind: 'file', label: path, path, size: st.size };
      else if (st.isSymbolicLink()) yield linked(path);
      // A FIFO, socket or device named *.json: not read (a FIFO would block the walk until something writes to it), but said.
      else yield { kind: 'skipped', label: path, reason: `${specialKind(st)}, not a file (in a folder only files are read; give it by name to read it)` };
    }
  }
}

function specialKind(st: Stats): string {
  return st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'a special file';
}

function isSkipped(path: string, skip: Skip): boolean {
  if (skip === null) return false;
  if (resolve(path) === skip.path) return true;
  return skip.real !== null && realOrNull(path) === skip.real;
}

/**
 * Links to files are followed; links to directories are not, so a loop of
 * links cannot trap the walk. A link that leads nowhere is said, not hidden.
 */
function linked(path: string): ListedInput {
  try {
    const target = statSync(path);
    if (target.isFile()) return { kind: 'file', label: path, path, link: true, size: target.size };
    return { kind: 'skipped', label: path, reason: 'a link to something that is not a file (links to folders are not followed)' };
  } catch (e) {
    const code = errnoOf(e);
    const reason = code === 'ELOOP' ? 'a loop of links' : code === 'ENOENT' ? 'a link to nothing (its target does not exist)' : `a link that cannot be followed: ${describeFsError(e)}`;
    return { kind: 'skipped', label: path, reason };
  }
}

/** What a render prints for a sidecar found among the inputs. */
export const SIDECAR_SKIPPED = 'a liquidation-news sidecar (the facts file render writes), not a snapshot';

// A sidecar opens with its stamp and generator (formats/sidecar.ts writes them first), which no snapshot has.
const SIDECAR_OPENING = /^\uFEFF?\{\s*"contentHash":\s*"sha256:[0-9a-f]{64}",\s*"generator":\s*"liquidation-news"/;

/** Whether a file's text is a sidecar the product wrote; looks at its first few lines only. */
export const isSidecarText = (text: string): boolean => SIDECAR_OPENING.test(text.slice(0, 200));

/** Whether a skip reason is one of the product's own files: routine in a folder rendered into itself, so --quiet leaves it unsaid. */
export const isOwnOutputReason = (reason: string): boolean => reason === SIDECAR_SKIPPED || reason === FEED_SKIPPED;

/** The error line for one of the product's own files given by name, where a snapshot was expected. */
export const namedOwnOutput = (label: string, reason: string): string => `${label}: ${reason}; give the snapshot it was made from`;

/** The line for a run in which every input was passed over (sidecars, feed.json, links, pipes): nothing was checked, so it is not a success. */
export const nothingToRead = (total: number): string => `no snapshots among the ${total === 1 ? 'input' : `${total} inputs`}: each was passed over`;

/** What a command prints for the JSON Feed `liqnews feed` wrote, found among the inputs. */
export const FEED_SKIPPED = 'the JSON Feed liqnews feed writes, not a snapshot';

// feed.json opens with its version and then its stamp under the _liqnews key (feed/build.ts), which no snapshot has.
const FEED_OPENING = /^\uFEFF?\{\s*"version":\s*"https:\/\/jsonfeed\.org\/version\/1\.1",\s*"_liqnews":\s*\{\s*"contentHash":\s*"sha256:[0-9a-f]{64}"/;

/**
 * Why a file among the inputs is the product's own output and not a snapshot
 * (a sidecar, the JSON Feed), or null. A folder used as an input and as --out
 * holds both; every command that reads snapshots passes over them, saying so.
 */
export function ownOutputReason(text: string): string | null {
  const start = text.slice(0, 240);
  return SIDECAR_OPENING.test(start) ? SIDECAR_SKIPPED : FEED_OPENING.test(start) ? FEED_SKIPPED : null;
}

/** The first bytes of a file, as text. */
function readStart(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(256);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, 256, 0));
  } finally {
    closeSync(fd);
  }
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * Whether writing `path` would replace one of the run's inputs (a snapshot
 * named like its own output, or an output folder that is also an input
 * folder): the input's label, or null. `path` is compared by where it really
 * is (its folder resolved through links), against the files given and every
 * file the walk of the folders given lists or would list.
 */
export class InputGuard {
  private readonly files = new Map<string, string>();
  private readonly roots: { real: string; arg: string }[] = [];
  private readonly skip: Skip;
  private lastDir = '';
  private lastReal: string | null = null;

  constructor(args: readonly string[], skipDir: string | null) {
    this.skip = skipDir === null ? null : { path: resolve(skipDir), real: realOrNull(skipDir) };
    for (const arg of args) {
      if (arg === '-') continue;
      try {
        if (statSync(arg).isDirectory()) {
          const real = realOrNull(arg);
          if (real !== null) this.roots.push({ real, arg });
        } else this.remember(arg, arg);
      } catch {
        // not there: not an input that could be overwritten
      }
    }
  }

  /** Records where a file input really is (by its folder, and through a link to its target). */
  remember(path: string, label: string): void {
    const at = this.whereIs(path);
    if (at !== null) this.files.set(at, label);
    const target = realOrNull(path);
    if (target !== null) this.files.set(target, label);
  }

  /** The label of the input that `path` would replace, or null. */
  inputAt(path: string): string | null {
    const at = this.whereIs(path);
    if (at === null) return null;
    const given = this.files.get(at);
    if (given !== undefined) return given;
    const name = basename(at);
    if (!name.endsWith('.json') || SKIPPED_FILES.has(name)) return null;
    for (const root of this.roots) {
      if (at !== root.real && !at.startsWith(root.real + sep)) continue;
      const parts = relative(root.real, dirname(at)).split(sep).filter(Boolean);
      if (parts.some((p) => SKIPPED_DIRECTORIES.has(p))) continue;
      // The output folder inside an input folder is not walked (the walk skips it), unless it is the input folder itself.
      const skipReal = this.skip?.real ?? null;
      if (skipReal !== null && skipReal !== root.real && (dirname(at) + sep).startsWith(skipReal + sep)) continue;
      try {
        const st = lstatSync(at);
        if (!(st.isFile() || (st.isSymbolicLink() && statSync(at).isFile()))) continue;
        // The walk reads it but skips it as the product's own: replacing an old sidecar is a render's job.
        if (isSidecarText(readStart(at))) continue;
        return join(root.arg, relative(root.real, at));
      } catch {
        // nothing there yet: nothing to replace
      }
    }
    return null;
  }

  private whereIs(path: string): string | null {
    const dir = dirname(path);
    if (dir !== this.lastDir || this.lastReal === null) {
      // Not cached while missing: the output folder is created by the first article written.
      this.lastDir = dir;
      this.lastReal = realOrNull(dir);
    }
    return this.lastReal === null ? null : join(this.lastReal, basename(path));
  }
}

/** An input that exists in the list but cannot be read; its message is for people as it is. */
export class InputReadError extends Error {}

/**
 * The text of one input, read under the snapshot size cap and decoded as
 * strict UTF-8 (src/snapshot/bytes.ts). Throws `InputReadError` (`cannot
 * read: …`) when it cannot be read, `LiqnewsError` when it is too large or
 * not UTF-8. Standard input is read no further than one byte past the cap.
 */
export async function readInput(item: Exclude<InputItem, { kind: 'error' }>, stdin: AsyncIterable<string | Uint8Array> | undefined): Promise<string> {
  if (item.kind === 'stdin') {
    if (!stdin) throw new InputReadError('cannot read: no standard input');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      size += buf.length;
      if (size > MAX_SNAPSHOT_BYTES) throw tooLarge(MAX_SNAPSHOT_BYTES, true);
      chunks.push(buf);
    }
    return decodeSnapshotBytes(Buffer.concat(chunks));
  }
  try {
    return readSnapshotFile(item.path);
  } catch (e) {
    if (e instanceof LiqnewsError) throw e;
    throw new InputReadError(`cannot read: ${describeFsError(e)}`, { cause: e });
  }
}
