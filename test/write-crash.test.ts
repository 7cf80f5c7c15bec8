// A render stopped between two of an article's writes (disk full, kill -9): the next render must still
// recognise every file as its own and replace it without --force. The failure is injected by making the
// Nth rename of a write fail, for every N, so no point between two writes is left untried.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generate, type Article } from '../src/generate.js';
import { writeArticle } from '../src/output/write.js';
import { FORMAT_WRITERS, type Format } from '../src/formats/registry.js';
import { runCli } from './helpers.js';

const injected = vi.hoisted(() => ({ failAt: -1, renames: 0, log: null as null | string[] }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const renameSync: typeof real.renameSync = (from, to) => {
    injected.log?.push(String(to));
    if (injected.renames++ === injected.failAt) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    real.renameSync(from, to);
  };
  return { ...real, renameSync, default: { ...real, renameSync } };
});

const NOW = new Date('2026-11-21T00:00:00Z');
const base = JSON.parse(readFileSync(new URL('../fixtures/golden/000-bulletin-long-flush/snapshot.json', import.meta.url), 'utf8'));
/** One article in three versions: the same file names, different figures. */
const version = (traders: number): Article => generate(JSON.stringify({ ...base, id: 'crash-test', totals: { ...base.totals, traders } }), { style: 'bulletin', now: NOW });
const [v1, v2, v3] = [version(182340), version(182341), version(182342)];
// Side-stamped formats (plain text, social posts) and an inline-stamped one.
const FORMATS: Format[] = ['txt', 'thread', 'telegram', 'md'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-crash-'));
  injected.failAt = -1;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `a` with the `failAt`-th rename failing; returns whether the write got through at all. */
function writeFailing(a: Article, failAt: number, force = false): boolean {
  injected.renames = 0;
  injected.failAt = failAt;
  try {
    writeArticle(a, { outDir: dir, formats: FORMATS, force });
    return true;
  } catch {
    return false;
  } finally {
    injected.failAt = -1;
  }
}

describe('a render stopped between writes', () => {
  expect(v1.basename).toBe(v2.basename);
  expect(v1.files.txt).not.toBe(v2.files.txt);

  for (const start of ['over an earlier generation', 'into an empty folder']) {
    it(`leaves files the next render replaces without --force (${start})`, () => {
      let crashes = 0;
      for (let failAt = 0; ; failAt++) {
        rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        if (start === 'over an earlier generation') writeArticle(v1, { outDir: dir, formats: FORMATS });
        if (writeFailing(v2, failAt)) break; // every rename of the write has had its turn to fail
        crashes++;
        const results = writeArticle(v3, { outDir: dir, formats: FORMATS });
        expect(results.filter((r) => r.status === 'kept-edited').map((r) => `${r.format} after failure at rename ${failAt}`)).toEqual([]);
        for (const r of results) expect(readFileSync(r.path, 'utf8')).toBe(v3.files[r.format]);
      }
      expect(crashes).toBeGreaterThanOrEqual(FORMATS.length);
    });
  }

  it('still keeps a file edited by hand', () => {
    writeArticle(v1, { outDir: dir, formats: ['txt'] });
    const path = join(dir, `${v1.basename}.txt`);
    fs.writeFileSync(path, 'my own words\n');
    expect(writeArticle(v2, { outDir: dir, formats: ['txt'] })[0]).toMatchObject({ status: 'kept-edited', found: 'edited' });
    // A forced write stopped before the file itself changed must not start accepting the edited file.
    expect(writeFailing(v2, 1, true)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('my own words\n');
    expect(writeArticle(v3, { outDir: dir, formats: ['txt'] })[0]).toMatchObject({ status: 'kept-edited', found: 'edited' });
  });
});

describe('one article\'s files change together', () => {
  it('every new file is written whole before the first is renamed into place, so a kill leaves no mix of two runs but for a few renames', () => {
    writeArticle(v1, { outDir: dir, formats: FORMATS });
    const temps: string[][] = [];
    injected.log = [];
    const real = fs.readdirSync;
    // At each rename of an article file (not a side stamp), which temporary files are waiting.
    const spy = vi.spyOn(injected.log, 'push').mockImplementation((to: string) => {
      if (!to.includes('.sha256')) temps.push((real(dir) as string[]).filter((n) => n.endsWith('.tmp')));
      return 0;
    });
    try {
      writeArticle(v2, { outDir: dir, formats: FORMATS });
    } finally {
      spy.mockRestore();
      injected.log = null;
    }
    // The first article rename finds all four staged; each later one, one fewer.
    expect(temps.map((t) => t.length)).toEqual([4, 3, 2, 1]);
    for (const f of FORMATS) expect(readFileSync(join(dir, `${v2.basename}.${FORMAT_WRITERS[f].ext}`), 'utf8')).toBe(v2.files[f]);
  });

  it('a rename that fails leaves no temporary file of the article behind', () => {
    writeArticle(v1, { outDir: dir, formats: FORMATS });
    // The Markdown file's name taken by a folder: its rename fails, after the other three are staged.
    const md = join(dir, `${v1.basename}.md`);
    fs.rmSync(md);
    fs.mkdirSync(md);
    fs.writeFileSync(join(md, 'keep'), 'x');
    expect(() => writeArticle(v2, { outDir: dir, formats: FORMATS })).toThrow();
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a batch stopped by a full disk', () => {
  it('says how many were rendered and how many were not attempted', async () => {
    const inputs = join(dir, 'in');
    fs.mkdirSync(inputs);
    for (let i = 0; i < 30; i++) fs.writeFileSync(join(inputs, `${String(i).padStart(2, '0')}.json`), JSON.stringify({ ...base, id: `full-${i}` }));
    const out = join(dir, 'out');
    injected.renames = 0;
    injected.failAt = 5; // the sixth article's only file (Markdown: one write each)
    const r = await runCli(['render', inputs, '--out', out, '--format', 'md', '--now', '2026-11-21T00:00:00Z']);
    injected.failAt = -1;
    expect(r.code).toBe(1);
    expect(r.err).toContain(`stopped: nothing more can be written to ${out}`);
    expect(r.out).toBe(`rendered 5 of 30 inputs, 1 failed, 24 not attempted: 5 files written, 0 unchanged in ${out}\n`);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(5);
  });
});

describe('a lock left empty by a run killed between creating it and writing its pid', () => {
  it('is taken over once it is old, instead of blocking the article for 30 s', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, utimesSync, rmSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { lockArticle, lockNameOf } = await import('../src/output/lock.js');
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-empty-lock-'));
    try {
      mkdirSync(dir, { recursive: true });
      const lock = join(dir, lockNameOf('2026-02-05-x'));
      writeFileSync(lock, '');
      const old = new Date(Date.now() - 60_000);
      utimesSync(lock, old, old);
      const t = Date.now();
      const release = lockArticle(dir, '2026-02-05-x', 5_000);
      expect(Date.now() - t).toBeLessThan(1_000);
      release();
      expect(existsSync(lock)).toBe(false);
      // A fresh empty lock (being written this instant) is still waited for, not taken.
      writeFileSync(lock, '');
      expect(() => lockArticle(dir, '2026-02-05-x', 300)).toThrow(/held by another liqnews run/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
