// Several processes on one store, and a process killed inside a transaction.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openHistory } from '../../src/history/index.js';
import { tempDir } from './helpers.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
let t: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  t = tempDir();
  file = join(t.dir, 'history.sqlite');
});
afterEach(() => t.cleanup());

function child(args: string[]): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>; kill: () => void } {
  const p = spawn(process.execPath, ['--import', 'tsx', CHILD, file, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { done: new Promise((resolve) => p.on('exit', (code, signal) => resolve({ code, signal, err }))), kill: () => p.kill('SIGKILL') };
}

it('two processes recording at once: both finish, no "database is locked", nothing lost', async () => {
  openHistory(file).close(); // the store exists; the children race on the writes, not on creating it
  const a = child(['batches', '0', '300']);
  const b = child(['batches', '300', '300']);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  expect(ra).toMatchObject({ code: 0, err: '' });
  expect(rb).toMatchObject({ code: 0, err: '' });
  const h = openHistory(file, { readonly: true });
  expect(h.stats().stories).toBe(600);
  h.close();
}, 60_000);

it('two processes creating the same new store at once both succeed', async () => {
  const [ra, rb] = await Promise.all([child(['batches', '0', '20']).done, child(['batches', '20', '20']).done]);
  expect([ra.code, rb.code, ra.err + rb.err]).toEqual([0, 0, '']);
  const h = openHistory(file, { readonly: true });
  expect(h.stats().stories).toBe(40);
  h.close();
}, 60_000);

it('kill -9 inside a batch: none of that batch is recorded, and earlier batches are intact', async () => {
  const first = child(['batches', '0', '30']);
  expect((await first.done).code).toBe(0);
  const marker = join(t.dir, 'inside');
  const hung = child(['hang', '100', '200', marker]);
  const deadline = Date.now() + 30_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline) throw new Error('the child never reached the middle of its batch');
    await new Promise((r) => setTimeout(r, 20));
  }
  hung.kill();
  expect((await hung.done).signal).toBe('SIGKILL');
  const h = openHistory(file);
  expect(h.stats().stories).toBe(30);
  expect(h.show('c-100')).toBeNull();
  // And the store still takes writes.
  expect(h.record([]).added).toBe(0);
  h.close();
}, 60_000);
