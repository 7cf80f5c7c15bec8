/**
 * Turns the command line's inputs into a list of snapshots to read, one at a
 * time: only the names are held, never the contents, so a batch of ten
 * thousand costs ten thousand short strings.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeFsError } from '../output/write.js';
import { LiqnewsError } from '../errors.js';
import { MAX_SNAPSHOT_BYTES, decodeSnapshotBytes, tooLarge } from '../snapshot/bytes.js';
import { readSnapshotFile } from '../snapshot/read-file.js';

export const STDIN_LABEL = '<stdin>';

export type InputItem =
  | { kind: 'file'; label: string; path: string }
  | { kind: 'stdin'; label: string }
  /** An input that could not even be listed; reported in its place in the batch. */
  | { kind: 'error'; label: string; message: string };

const SKIPPED_DIRECTORIES = new Set(['expected', 'node_modules']);
const SKIPPED_FILES = new Set(['case.json']);

/**
 * Files as given, directories expanded (every `*.json` inside, recursively,
 * in name order), `-` as standard input. `skipDir`, when set, is never
 * entered: it is the output directory, whose sidecars are not snapshots.
 */
export function expandInputs(args: readonly string[], skipDir: string | null): InputItem[] {
  const skip = skipDir === null ? null : resolve(skipDir);
  const items: InputItem[] = [];
  for (const arg of args) {
    if (arg === '-') {
      items.push({ kind: 'stdin', label: STDIN_LABEL });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch (e) {
      items.push({ kind: 'error', label: arg, message: `cannot read: ${describeFsError(e)}` });
      continue;
    }
    if (!isDirectory) {
      items.push({ kind: 'file', label: arg, path: arg });
      continue;
    }
    const before = items.length;
    walk(arg, skip, items);
    if (items.length === before) items.push({ kind: 'error', label: arg, message: 'no snapshot files (*.json) in this directory' });
  }
  return items;
}

function walk(dir: string, skip: string | null, items: InputItem[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    items.push({ kind: 'error', label: dir, message: `cannot read: ${describeFsError(e)}` });
    return;
  }
  // Code-unit order, not the locale's, so every machine lists the same batch in the same order.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && resolve(path) !== skip) walk(path, skip, items);
    } else if (entry.name.endsWith('.json') && !SKIPPED_FILES.has(entry.name) && isFileOrLinkToFile(entry, path)) {
      items.push({ kind: 'file', label: path, path });
    }
  }
}

// Links to files are followed; links to directories are not, so a loop of links cannot trap the walk.
function isFileOrLinkToFile(entry: Dirent, path: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
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
