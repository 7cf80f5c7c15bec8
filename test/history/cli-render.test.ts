/** `liqnews render` with the history store: records what it wrote, compares, never repeats a slug, re-renders the same bytes. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openHistory } from '../../src/history/index.js';
import { dailyFeed } from '../../bench/daily-feed.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-hrender-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main({ argv, stdout: { write: (s: string) => void (out += s) }, stderr: { write: (s: string) => void (err += s) }, env });
  return { code, out, err };
}

function writeFeed(days: number): string {
  const inputs = join(dir, 'snapshots');
  mkdirSync(inputs);
  dailyFeed(days).forEach((s, i) => writeFileSync(join(inputs, `day-${String(i).padStart(2, '0')}.json`), JSON.stringify(s)));
  return inputs;
}

const NOW = ['--now', '2026-12-01T00:00:00Z'];

describe('render with history', () => {
  it('uses .liqnews/history.sqlite beside the output folder by default, and records every article it wrote', async () => {
    const inputs = writeFeed(5);
    const out = join(dir, 'output');
    const r = await cli(['render', inputs, '--out', out, '--style', 'bulletin', '--format', 'md,json', ...NOW]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const file = join(dir, '.liqnews', 'history.sqlite');
    expect(existsSync(file)).toBe(true);
    const h = openHistory(file, { readonly: true });
    expect(h.list().length).toBe(5);
    h.close();
    // The later days compare with the days before them.
    const md = readdirSync(out).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(out, f), 'utf8'));
    expect(md.slice(1).some((m) => /a day earlier/.test(m))).toBe(true);
    expect(md[0]).not.toMatch(/a day earlier/);
  });

  it('renders the same bytes again from the same history (files unchanged), and no two stories share a slug', async () => {
    const inputs = writeFeed(6);
    const out = join(dir, 'output');
    const store = join(dir, 'h.sqlite');
    expect((await cli(['render', inputs, '--out', out, '--history', store, ...NOW])).code).toBe(0);
    const again = await cli(['render', inputs, '--out', out, '--history', store, ...NOW]);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/^wrote /m);
    const slugs = readdirSync(out).filter((f) => f.endsWith('.md')).map((f) => /^slug: "?([^"\n]+)"?$/m.exec(readFileSync(join(out, f), 'utf8'))?.[1]);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('says nothing comparative with --no-history or LIQNEWS_HISTORY=off, and writes no store', async () => {
    const inputs = writeFeed(3);
    for (const [argv, env] of [[['--no-history'], {}], [[], { LIQNEWS_HISTORY: 'off' }]] as const) {
      const out = join(dir, `out-${argv.length}`);
      expect((await cli(['render', inputs, '--out', out, '--style', 'bulletin', ...argv, ...NOW], env)).code).toBe(0);
      for (const f of readdirSync(out).filter((n) => n.endsWith('.md'))) expect(readFileSync(join(out, f), 'utf8')).not.toMatch(/a day earlier/);
    }
    expect(existsSync(join(dir, '.liqnews'))).toBe(false);
  });

  it('refuses a store it cannot use, naming the file, and writes nothing', async () => {
    const inputs = writeFeed(1);
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'not a database at all, just text');
    const out = join(dir, 'output');
    const r = await cli(['render', inputs, '--out', out, '--history', bad, ...NOW]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(bad);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(bad, 'utf8')).toBe('not a database at all, just text');
  });

  it('an article whose files cannot be written is not recorded; the rest of its group are written and recorded', async () => {
    const inputs = writeFeed(6);
    // Where each story goes, from a run that writes them all.
    const first = join(dir, 'first');
    expect((await cli(['render', inputs, '--out', first, '--history', join(dir, 'first.sqlite'), '--format', 'md', ...NOW])).code).toBe(0);
    const h0 = openHistory(join(dir, 'first.sqlite'), { readonly: true });
    const all = h0.list().map((r) => ({ id: r.id, slug: r.slug, end: r.window.end }));
    h0.close();
    expect(all.length).toBe(6);
    const names = readdirSync(first).filter((f) => f.endsWith('.md')).sort();
    // A folder where the third story's Markdown goes: that write fails, the others do not.
    const out = join(dir, 'output');
    const blocked = names[2]!;
    mkdirSync(join(out, blocked), { recursive: true });
    const r = await cli(['render', inputs, '--out', out, '--history', join(dir, 'h.sqlite'), '--format', 'md', ...NOW]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(blocked);
    // Only that article's problem: taking its row back out of the store is not itself an error.
    expect(r.err).not.toMatch(/savepoint|^liqnews: /m);
    expect(readdirSync(out).filter((f) => f.endsWith('.md') && f !== blocked).sort()).toEqual(names.filter((n) => n !== blocked));
    const h = openHistory(join(dir, 'h.sqlite'), { readonly: true });
    const recorded = h.list().map((row) => row.slug);
    h.close();
    const lost = readFileSync(join(first, blocked), 'utf8');
    const lostSlug = /^slug: "?([^"\n]+)"?$/m.exec(lost)?.[1];
    expect(lostSlug).toBeTruthy();
    expect(recorded.length).toBe(5);
    expect(recorded).not.toContain(lostSlug);
    expect(new Set(recorded)).toEqual(new Set(all.map((a) => a.slug).filter((s) => s !== lostSlug)));
  });

  it('--only-newsworthy renders what decide publishes and reports the rest as skipped', async () => {
    const inputs = writeFeed(12);
    const out = join(dir, 'output');
    const r = await cli(['render', inputs, '--out', out, '--history', join(dir, 'h.sqlite'), '--only-newsworthy', '--format', 'md', ...NOW]);
    expect(r.code).toBe(0);
    const skipped = r.err.split('\n').filter((l) => /not newsworthy/.test(l));
    const written = readdirSync(out).filter((f) => f.endsWith('.md'));
    expect(skipped.length + written.length).toBe(12);
    expect(skipped.length).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThan(0);
  });
});

describe('a history store held by another process', () => {
  it('is said as what it is (busy: try again), not as an internal error', async () => {
    const inputs = writeFeed(2);
    const out = join(dir, 'output');
    expect((await cli(['render', inputs, '--out', out, '--format', 'md', ...NOW])).code).toBe(0);
    const file = join(dir, '.liqnews', 'history.sqlite');
    // Another writer holds the store's write lock for longer than the busy timeout (10 s).
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const r = await cli(['render', inputs, '--out', join(dir, 'other'), '--format', 'md', ...NOW]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('stayed locked by another process for longer than the busy timeout');
      expect(r.err).toContain('try again');
      expect(r.err).not.toContain('internal error');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 60_000);
});

