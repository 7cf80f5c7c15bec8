/**
 * A render killed in the middle of its batch. The store records a batch in
 * one transaction, committed after the last article is written: a killed run
 * leaves articles on disk with no row in the store, and none of its rows. The
 * next run of the same batch repairs that: it renders those snapshots against
 * the same store as the killed run did, so it gives the same bytes (the files
 * are left unchanged), and records them.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openHistory } from '../../src/history/index.js';
import { dailyFeed } from '../../bench/daily-feed.js';
import { tempDir } from './helpers.js';

const CHILD = fileURLToPath(new URL('./render-child.ts', import.meta.url));
const NOW = ['--now', '2026-11-21T00:00:00Z'];
let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('liqnews-crash-render-');
});
afterEach(() => t.cleanup());

const ARTICLE = /^\d{4}-\d\d-\d\d-.+\.(md|html|json)$/;
const articles = (dir: string): Map<string, string> => new Map(readdirSync(dir).filter((f) => ARTICLE.test(f)).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

async function cli(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main({ argv, stdout: { write: () => undefined }, stderr: { write: (s: string) => void (err += s) }, env: {} });
  return { code, err };
}

it('kill -9 in the middle of a render: no row of that batch is recorded, and the next run writes the same bytes and records them', async () => {
  const inputs = join(t.dir, 'snapshots');
  mkdirSync(inputs);
  dailyFeed(400, 7, Date.UTC(2025, 6, 1)).forEach((s, i) => writeFileSync(join(inputs, `day-${String(i).padStart(3, '0')}.json`), JSON.stringify(s)));
  const out = join(t.dir, 'out');
  const store = join(t.dir, 'history.sqlite');
  const args = ['render', inputs, '--out', out, '--format', 'md,json', '--history', store, '--quiet', ...NOW];

  const p = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => p.on('exit', (_code, signal) => resolve(signal)));
  let finished = false;
  void exited.then(() => (finished = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    let written = 0;
    try {
      written = readdirSync(out).filter((f) => f.endsWith('.md')).length;
    } catch {
      // not created yet
    }
    if (written >= 20 || finished || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  p.kill('SIGKILL');
  expect(await exited, 'the render ended before it could be killed mid-batch').toBe('SIGKILL');
  const left = articles(out);
  expect(left.size).toBeGreaterThanOrEqual(20);
  expect(left.size).toBeLessThan(800);
  const h = openHistory(store, { readonly: true });
  expect(h.stats().stories).toBe(0);
  h.close();

  // The same batch again: the killed run's articles are rewritten with the same bytes, and every article is recorded.
  const again = await cli(args);
  expect(again).toEqual({ code: 0, err: '' });
  const repaired = articles(out);
  for (const [name, text] of left) expect(repaired.get(name), name).toBe(text);

  // The same as one uninterrupted run into a new folder and store.
  const cleanOut = join(t.dir, 'clean');
  const cleanStore = join(t.dir, 'clean.sqlite');
  expect(await cli(['render', inputs, '--out', cleanOut, '--format', 'md,json', '--history', cleanStore, '--quiet', ...NOW])).toEqual({ code: 0, err: '' });
  expect([...repaired]).toEqual([...articles(cleanOut)]);
  const a = openHistory(store, { readonly: true });
  const b = openHistory(cleanStore, { readonly: true });
  expect(a.stats().stories).toBe(400);
  const strip = (rows: ReturnType<typeof a.list>) => rows.map(({ recordedAt: _r, ...row }) => row);
  expect(strip(a.list({ limit: 1000 }))).toEqual(strip(b.list({ limit: 1000 })));
  a.close();
  b.close();
}, 120_000);
