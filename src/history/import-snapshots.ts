/**
 * Past snapshots as history: a snapshot file, or a JSON array of snapshots.
 * Each is validated by the contract (with the same "now") and recorded as
 * the story render would record, without style, slug or choices (a later
 * render of the same story adds them).
 */
import { parseSnapshot } from '../snapshot/parse.js';
import { LiqnewsError, formatIssues } from '../errors.js';
import { historyEntryOf } from './entry.js';
import type { ImportOptions, ImportRead } from './import-types.js';

export function readSnapshots(json: unknown, file: string, options: ImportOptions): ImportRead {
  const out: ImportRead = { entries: [], problems: [], notes: [] };
  const list = Array.isArray(json) ? json : [json];
  list.forEach((value, i) => {
    const where = Array.isArray(json) ? `${file}[${i}]` : file;
    try {
      const snapshot = parseSnapshot(value, options.now);
      out.entries.push(historyEntryOf(snapshot, { source: { kind: 'import-snapshot', ref: where } }));
    } catch (e) {
      if (!(e instanceof LiqnewsError)) throw e;
      const issues = formatIssues(e.issues);
      out.problems.push({ where, message: `not a valid snapshot: ${issues.length > 0 ? issues.join('; ') : e.message}` });
    }
  });
  return out;
}
