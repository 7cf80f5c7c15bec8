// What a render finds at an article's lock name (`.<basename>.lock`) besides a live run's lock: a run killed in a
// container, whose pid is alive again in another process; a link planted there (dangling or not); a file of the
// user's. None makes the article wait 30 s, and nothing that is not a lock of ours is removed.
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { lockArticle, lockNameOf, startTimeOf, takeOver } from '../src/output/lock.js';
import { writeArticle } from '../src/output/write.js';
import { runCli } from './helpers.js';

const NOW = '2026-11-21T00:00:00Z';
const snapshotText = readFileSync(new URL('../fixtures/golden/000-bulletin-long-flush/snapshot.json', import.meta.url), 'utf8');
const article = generate(snapshotText, { now: new Date(NOW) });
const procFs = startTimeOf(process.pid) !== null;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-lock-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a lock of ours whose process is gone', () => {
  it('names the pid, its start time and 64 random bits of its own, and leaves no temporary file', () => {
    const release = lockArticle(dir, 'x', 1_000);
    const text = readFileSync(join(dir, lockNameOf('x')), 'utf8');
    expect(text).toMatch(new RegExp(`^${process.pid} ${procFs ? '[1-9][0-9]*' : '0'} [0-9a-f]{16}\\n$`));
    expect(readdirSync(dir)).toEqual([lockNameOf('x')]);
    // A second lock of the same process is still another lock: its text differs.
    const other = lockArticle(dir, 'y', 1_000);
    expect(readFileSync(join(dir, lockNameOf('y')), 'utf8')).not.toBe(text);
    other();
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!procFs)('is taken over at once when its pid is alive again in another process (a container gives every run the same pid)', () => {
    // This process's pid with a start time it did not start at: the lock of a run killed earlier under the same pid.
    writeFileSync(join(dir, lockNameOf(article.basename)), `${process.pid} 1\n`);
    const t = Date.now();
    const results = writeArticle(article, { outDir: dir, formats: ['md'], lockWaitMs: 5_000 });
    expect(Date.now() - t).toBeLessThan(2_000);
    expect(results.map((r) => r.status)).toEqual(['written']);
    expect(existsSync(join(dir, lockNameOf(article.basename)))).toBe(false);
  });

  it('is still waited for while its process runs (the same pid and start time)', () => {
    const release = lockArticle(dir, 'x', 1_000);
    try {
      expect(() => lockArticle(dir, 'x', 200)).toThrow(/held by another liqnews run/);
    } finally {
      release();
    }
  });
});

describe('taking over a stale lock', () => {
  it('removes the lock only if its text is still the stale one, and gives back a live lock put there in between', () => {
    // Run A saw a stale lock (text T) and is about to take it over; meanwhile run B took it over first and made its
    // own, which on ext4 often gets the freed inode number back. A's takeover must go by the text, not the number.
    const path = join(dir, lockNameOf('x'));
    const stale = '999999 1 00000000000000aa\n';
    writeFileSync(path, stale);
    takeOver(path, stale);
    expect(existsSync(path)).toBe(false);
    const release = lockArticle(dir, 'x', 1_000);
    const live = readFileSync(path, 'utf8');
    takeOver(path, stale);
    expect(readFileSync(path, 'utf8')).toBe(live);
    expect(readdirSync(dir)).toEqual([lockNameOf('x')]);
    release();
    expect(existsSync(path)).toBe(false);
  });
});

describe('something else at the lock name is left alone, and the article refused at once', () => {
  const lockPath = (): string => join(dir, lockNameOf(article.basename));

  it.each([
    ['a dangling link', (p: string) => symlinkSync(join(dir, 'nowhere'), p), 'a symbolic link'],
    ['a link to a file', (p: string) => (writeFileSync(join(dir, 'target.txt'), 'mine\n'), symlinkSync(join(dir, 'target.txt'), p)), 'a symbolic link'],
    ['a file of the user\'s', (p: string) => writeFileSync(p, 'notes I keep here\n'), 'a file liqnews did not write'],
    ['a folder', (p: string) => mkdirSync(p), 'a folder'],
  ])('%s', async (_what, plant, what) => {
    plant(lockPath());
    const before = lstatSync(lockPath());
    const t = Date.now();
    writeFileSync(join(dir, 'snap.json'), snapshotText);
    const run = await runCli(['render', join(dir, 'snap.json'), '--out', dir, '--now', NOW, '--quiet']);
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`cannot write ${article.basename}.*: ${lockPath()} is in the way: it is ${what}, not the lock liqnews takes there, so it was left alone`);
    const after = lstatSync(lockPath());
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
    if (what === 'a file liqnews did not write') expect(readFileSync(lockPath(), 'utf8')).toBe('notes I keep here\n');
    expect(readdirSync(dir).filter((n) => n.startsWith(article.basename))).toEqual([]);
  });
});
