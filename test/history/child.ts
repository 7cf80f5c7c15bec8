// A child process for the process tests: records into a store, as a concurrent
// `liqnews` would. argv: store, mode ("batches" | "hang"), first id, count.
import { writeFileSync } from 'node:fs';
import { openHistory } from '../../src/history/index.js';
import { row } from './helpers.js';

const [file, mode, firstText, countText, marker] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const first = Number(firstText);
const count = Number(countText);
const base = Date.parse('2020-01-01T00:00:00Z');
const entry = (i: number) => row(base + (i + 1) * 3_600_000, 1000 + i, { id: `c-${i}`, hours: 1 });
const history = openHistory(file, { now: () => new Date('2027-01-01T00:00:00Z') });

if (mode === 'batches') {
  // Batches of 10, each its own transaction, as renders of a big batch would interleave with another process.
  for (let i = first; i < first + count; i += 10) {
    history.record(Array.from({ length: Math.min(10, first + count - i) }, (_, k) => entry(i + k)));
  }
  history.close();
} else {
  // Hang inside the transaction: reading the 50th entry's source (the store reads it first) writes the marker, then sleeps.
  const entries = Array.from({ length: count }, (_, k) => entry(first + k));
  Object.defineProperty(entries[50]!, 'source', {
    get() {
      writeFileSync(marker!, 'inside');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      return { kind: 'render', ref: null };
    },
  });
  history.record(entries);
}
