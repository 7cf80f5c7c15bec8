// Writing under attack and after accidents: planted links at temporary names, leftovers of killed runs,
// stale and live article locks. What a user would find on disk afterwards.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { writeArticle } from '../src/output/write.js';
import { writeFeedFile } from '../src/feed/write.js';
import { removeLeftovers, tempNameFor, writeAtomic } from '../src/output/atomic.js';
import { LiqnewsError } from '../src/errors.js';
import { FORMAT_WRITERS } from '../src/formats/registry.js';
import { runCli } from './helpers.js';

const NOW = new Date('2026-11-21T00:00:00Z');
const SNAPSHOT = readFileSync(new URL('../fixtures/golden/000-bulletin-long-flush/snapshot.json', import.meta.url), 'utf8');
const article = generate(SNAPSHOT, { style: 'bulletin', now: NOW });
const BINANCE = fileURLToPath(new URL('../fixtures/ingest/streams/binance-synthetic.ndjson', import.meta.url));
const VICTIM_TEXT = 'precious: not to be overwritten\n';

let dir: string;
let victim: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-safety-'));
  victim = join(dir, 'victim.txt');
  writeFileSync(victim, VICTIM_TEXT);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Links at every temporary name the writers ever used (`.<file>.<pid>.tmp`, `.<file>.<pid>.<n>.tmp`), all to the victim. */
function plantLinks(outDir: string, files: readonly string[]): void {
  mkdirSync(outDir, { recursive: true });
  for (const f of files) {
    symlinkSync(victim, join(outDir, `.${f}.${process.pid}.tmp`));
    for (let n = 0; n <= 64; n++) symlinkSync(victim, join(outDir, `.${f}.${process.pid}.${n}.tmp`));
  }
}

/** The id of a process that has just ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  expect(r.pid).toBeGreaterThan(0);
  return r.pid!;
}

describe('temporary files', () => {
  it('render never writes through a link planted at a temporary name', () => {
    const out = join(dir, 'out');
    const names = (['md', 'html', 'json', 'txt', 'thread'] as const).map((f) => `${article.basename}.${FORMAT_WRITERS[f].ext}`);
    plantLinks(out, [...names, ...names.filter((n) => n.endsWith('.txt')).map((n) => `.${n}.sha256`)]);
    const results = writeArticle(article, { outDir: out, formats: ['md', 'html', 'json', 'txt', 'thread'] });
    expect(results.every((r) => r.status === 'written')).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
    for (const r of results) {
      expect(lstatSync(r.path).isFile()).toBe(true);
      expect(readFileSync(r.path, 'utf8')).toBe(article.files[r.format]);
    }
  });

  it('feed never writes through a link planted at a temporary name', () => {
    plantLinks(dir, ['feed.xml']);
    expect(writeFeedFile(dir, 'feed.xml', '<rss/>\n')).toBe('written');
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
    expect(readFileSync(join(dir, 'feed.xml'), 'utf8')).toBe('<rss/>\n');
  });

  it('ingest --out never writes through a link planted at a temporary name', async () => {
    plantLinks(dir, ['snap.json']);
    const r = await runCli(['ingest', BINANCE, '--source', 'binance', '--from', '2026-02-04T00:00:00Z', '--to', '2026-02-05T00:00:00Z', '--now', '2026-11-21T00:00:00Z', '--out', join(dir, 'snap.json'), '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
    expect(JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('uses a name no one can guess, and leaves nothing behind', () => {
    const a = tempNameFor('x.md');
    const b = tempNameFor('x.md');
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^\\.x\\.md\\.liqnews-${process.pid}-[0-9a-f]{16}\\.tmp$`));
    writeAtomic(join(dir, 'x.md'), 'hello\n');
    expect(readdirSync(dir).sort()).toEqual(['victim.txt', 'x.md']);
  });

  it('replaces a link at the target name instead of writing through it', () => {
    symlinkSync(victim, join(dir, 'feed.xml'));
    writeFeedFile(dir, 'feed.xml', '<rss/>\n');
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
    expect(lstatSync(join(dir, 'feed.xml')).isFile()).toBe(true);
  });

  it('removes the leftovers of a killed run, and only those', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const dead = deadPid();
    const leftover = `.${article.basename}.md.liqnews-${dead}-0123456789abcdef.tmp`;
    const live = `.${article.basename}.md.liqnews-${process.ppid}-0123456789abcdef.tmp`;
    const lookalikes = [`.notes.liqnews-${dead}-0123456789abcdef.tmp.bak`, `notes.${dead}.tmp`, `.x.liqnews-${dead}-0123.tmp`, `.x.${dead}.1.tmp`];
    for (const name of [leftover, live, ...lookalikes]) writeFileSync(join(out, name), 'half a file');
    writeArticle(article, { outDir: out, formats: ['md'] });
    const left = readdirSync(out);
    expect(left).not.toContain(leftover);
    expect(left).toContain(live); // its process is alive: perhaps a run writing right now
    for (const name of lookalikes) expect(left).toContain(name);
  });

  it('sweeps a leftover that is a link without touching what it points to', () => {
    const name = `.feed.xml.liqnews-${deadPid()}-fedcba9876543210.tmp`;
    symlinkSync(victim, join(dir, name));
    expect(removeLeftovers(dir)).toEqual([name]);
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
  });
});

describe('article locks', () => {
  it('takes over the lock of a run that was killed', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, `.${article.basename}.lock`), `${deadPid()}\n`);
    const results = writeArticle(article, { outDir: out, formats: ['md'], lockWaitMs: 200 });
    expect(results[0]!.status).toBe('written');
    expect(existsSync(join(out, `.${article.basename}.lock`))).toBe(false);
  });

  it('waits a bounded time for a live run, then refuses the article naming the lock and its holder', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const lock = join(out, `.${article.basename}.lock`);
    writeFileSync(lock, `${process.ppid}\n`);
    const started = Date.now();
    let error: unknown;
    try {
      writeArticle(article, { outDir: out, formats: ['md'], lockWaitMs: 150 });
    } catch (e) {
      error = e;
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(error).toBeInstanceOf(LiqnewsError);
    expect((error as LiqnewsError).code).toBe('WRITE_FAILED');
    expect((error as LiqnewsError).message).toContain(lock);
    expect((error as LiqnewsError).message).toContain(`process ${process.ppid}`);
    expect(existsSync(join(out, `${article.basename}.md`))).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.ppid}\n`); // a live run's lock is never taken
  });
});
