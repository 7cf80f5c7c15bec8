/**
 * What `ingest --out FILE` may do with FILE. Render keeps an article the
 * editor changed because its stamp tells ours from theirs; a snapshot has no
 * room for a stamp (unknown keys are contract errors), so ingest keeps any
 * existing file that is not already this snapshot, unless --force. And it
 * never writes over one of its own inputs, --force or not: the input would be
 * lost and the next run would read the snapshot as a recording.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';

/** `write`: nothing there, or --force; `unchanged`: the file already holds these bytes; `kept`: something else is there. */
export type OutDecision = 'write' | 'unchanged' | 'kept';

const statOf = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/** A refusal when `out` is (or links to) one of the input files, else null. `-` (standard input) is no file. */
export function checkOut(out: string, inputs: readonly string[]): string | null {
  const target = statOf(out);
  if (target === null) return null;
  for (const input of inputs) {
    if (input === '-') continue;
    const s = statOf(input);
    // The same device and inode: the same file, whatever the path says (a link, ./a against a, a hard link).
    if (s !== null && s.dev === target.dev && s.ino === target.ino) {
      return `--out ${out} is the input ${input}; ingest never writes over its input (give another --out)`;
    }
  }
  return null;
}

export function existingOut(out: string, json: string, force: boolean): OutDecision {
  const s = statOf(out);
  // Not there, or not a file (a folder, a device): the write itself says what is wrong.
  if (s === null || !s.isFile()) return 'write';
  const bytes = Buffer.from(json, 'utf8');
  // A file of another size is something else; it is not read (it may be large).
  if (s.size === bytes.length) {
    try {
      if (readFileSync(out).equals(bytes)) return 'unchanged';
    } catch {
      return 'write';
    }
  }
  return force ? 'write' : 'kept';
}
