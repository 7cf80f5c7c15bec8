/**
 * What `ingest --out FILE` may do with FILE. Render keeps an article the
 * editor changed because its stamp tells ours from theirs; a snapshot has no
 * room for a stamp (unknown keys are contract errors), so ingest keeps any
 * existing file that is not already this snapshot, unless --force. And it
 * never writes over one of its own inputs, --force or not: the input would be
 * lost and the next run would read the snapshot as a recording.
 */
import { fstatSync, lstatSync, readFileSync, statSync, type Stats } from 'node:fs';

/** `write`: nothing there, or --force; `unchanged`: the file already holds these bytes; `kept`: something else is there. */
export type OutDecision = 'write' | 'unchanged' | 'kept';

const lstatOf = (path: string): Stats | null => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

const statOf = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

const stdinStat = (): Stats | null => {
  try {
    return fstatSync(0);
  } catch {
    return null;
  }
};

/**
 * A refusal for an --out that ingest must not write, else null: `-` (a file
 * of that name would be taken for standard input by the next command), one
 * of the input files (standard input included, when it is redirected from a
 * file), or something that is not a regular file (a device such as
 * /dev/null, a FIFO, a folder): the write renames a new file into place, so
 * it would replace the device or the pipe instead of writing to it.
 */
export function checkOut(out: string, inputs: readonly string[], stdin: () => Stats | null = stdinStat): string | null {
  if (out === '-') return '--out - would make a file named "-"; leave --out off to write the snapshot to standard output';
  // A link (/dev/stdout is one) is looked at, not followed: the rename would replace the link itself, not write where it leads.
  const link = lstatOf(out);
  if (link?.isSymbolicLink()) {
    return `--out ${out} is a symbolic link: ingest writes a new file and renames it into place, which would replace the link, not write where it leads; give the file itself, or leave --out off to write to standard output`;
  }
  const target = statOf(out);
  if (target === null) return null;
  if (!target.isFile()) {
    const what = target.isDirectory() ? 'a folder' : target.isFIFO() ? 'a named pipe' : target.isCharacterDevice() || target.isBlockDevice() ? 'a device' : target.isSocket() ? 'a socket' : 'not a regular file';
    const into = target.isFIFO() || target.isCharacterDevice() ? ` (… > ${out} writes into it)` : '';
    return `--out ${out} is ${what}, not a file: ingest writes a new file and renames it into place, which would replace it; leave --out off to write to standard output${into}`;
  }
  for (const input of inputs) {
    const s = input === '-' ? stdin() : statOf(input);
    // The same device and inode: the same file, whatever the path says (a link, ./a against a, a hard link, < a).
    if (s !== null && s.isFile() && s.dev === target.dev && s.ino === target.ino) {
      const named = input === '-' ? 'standard input (redirected from that file)' : `the input ${input}`;
      return `--out ${out} is ${named}; ingest never writes over its input (give another --out)`;
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
