// Two `liqnews render` processes on one folder at the same moment, round after round: every article's
// files must come from one run, never half from each. Runs the built command (needs `npm run build`).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { FORMAT_WRITERS } from '../src/formats/registry.js';

const BIN = fileURLToPath(new URL('../bin/liqnews.js', import.meta.url));
const NOW = '2026-11-21T00:00:00Z';
const FORMATS = ['md', 'txt', 'thread', 'json'] as const;
const ARTICLES = 40;
const ROUNDS = 6;
const base = JSON.parse(readFileSync(new URL('../fixtures/golden/000-bulletin-long-flush/snapshot.json', import.meta.url), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'liqnews-concurrent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run `run`'s version of article `i`: the same id (so the same file names) in both runs, different figures. */
const snapshotOf = (run: number, i: number): string => JSON.stringify({ ...base, id: `race-${i}`, totals: { ...base.totals, traders: 100_000 + run * 1000 + i } });

/** Starts a render whose first input is standard input, so it waits there until `go` is written: both runs start together. */
function start(run: number, inputs: string[], out: string): { go: () => void; done: Promise<{ code: number | null; err: string }> } {
  const child = spawn(process.execPath, [BIN, 'render', '-', ...inputs, '--out', out, '--force', '--style', 'bulletin', '--format', FORMATS.join(','), '--now', NOW, '--quiet'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; err: string }>((resolve) => child.on('close', (code) => resolve({ code, err })));
  return { go: () => child.stdin.end(JSON.stringify({ ...base, id: `starter-${run}` })), done };
}

describe('concurrent renders into one folder', () => {
  it(`give every article's formats from one run (${ROUNDS} rounds of ${ARTICLES} articles)`, async () => {
    const expected = [0, 1].map((run) =>
      Array.from({ length: ARTICLES }, (_, i) => generate(snapshotOf(run, i), { style: 'bulletin', now: new Date(NOW) })),
    );
    const inputs = [0, 1].map((run) => {
      const dir = join(work, `in-${run}`);
      mkdirSync(dir);
      return Array.from({ length: ARTICLES }, (_, i) => {
        const file = join(dir, `${i}.json`);
        writeFileSync(file, snapshotOf(run, i));
        return file;
      });
    });
    const mixed: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const out = join(work, `out-${round}`);
      const runs = [start(0, inputs[0]!, out), start(1, inputs[1]!, out)];
      await new Promise((r) => setTimeout(r, 400)); // both loaded and waiting on standard input
      for (const r of runs) r.go();
      for (const { code, err } of await Promise.all(runs.map((r) => r.done))) expect({ code, err }).toEqual({ code: 0, err: '' });
      for (let i = 0; i < ARTICLES; i++) {
        const from = FORMATS.map((f) => {
          const text = readFileSync(join(out, `${expected[0]![i]!.basename}.${FORMAT_WRITERS[f].ext}`), 'utf8');
          return text === expected[0]![i]!.files[f] ? 0 : text === expected[1]![i]!.files[f] ? 1 : -1;
        });
        if (new Set(from).size !== 1 || from[0] === -1) mixed.push(`round ${round}, article ${i}: ${FORMATS.map((f, k) => `${f} from run ${from[k]}`).join(', ')}`);
      }
    }
    expect(mixed).toEqual([]);
  }, 120_000);
});
