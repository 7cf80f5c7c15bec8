// The built command as a user runs it: bin/liqnews.js over the esbuild bundle in dist/bin
// (scripts/bundle-cli.js). It must write exactly what the library writes, in one process and
// on worker threads. Needs `npm run build` first (`npm start` and CI do it); without a build the
// suite says so and fails rather than passing on nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'liqnews.js');
const NOW = '2026-12-01T00:00:00Z';
const FORMATS = 'md,html,json,txt,email,thread,telegram';
const INPUTS = [join(ROOT, 'fixtures', 'golden'), join(ROOT, 'fixtures', 'edge')];
const work = mkdtempSync(join(tmpdir(), 'liqnews-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder, hidden hash files included, by name. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

async function library(out: string): Promise<void> {
  const sink = { write: () => true };
  const code = await main({ argv: ['render', ...INPUTS, '--out', out, '--format', FORMATS, '--now', NOW, '--quiet', '--jobs', '1'], stdout: sink, stderr: sink });
  expect(code).toBe(0);
}

describe('the built command (dist/bin bundle)', () => {
  it('exists: run `npm run build` before the tests', () => {
    expect(existsSync(join(ROOT, 'dist', 'bin', 'main.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'bin', 'render-worker.js'))).toBe(true);
  });

  it.each([1, 2])('writes the same bytes as the library for every fixture (--jobs %i)', async (jobs) => {
    const ours = join(work, `lib-${jobs}`);
    const built = join(work, `bin-${jobs}`);
    await library(ours);
    execFileSync(process.execPath, [BIN, 'render', ...INPUTS, '--out', built, '--format', FORMATS, '--now', NOW, '--quiet', '--jobs', String(jobs)], { cwd: ROOT });
    const want = contents(ours);
    expect(Object.keys(want).length).toBeGreaterThan(100);
    expect(contents(built)).toEqual(want);
  });

  it('renders dates in another time zone as the library does (the bundle loads luxon only then)', async () => {
    const input = join(ROOT, 'fixtures', 'edge', 'non-utc-window', 'snapshot.json');
    const args = ['render', input, '--stdout', '--format', 'json', '--now', NOW, '--tz', 'Asia/Tokyo'];
    let want = '';
    const code = await main({ argv: args, stdout: { write: (s: string) => ((want += s), true) }, stderr: { write: () => true } });
    expect(code).toBe(0);
    const built = execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    expect(built).toBe(want);
    // The end of the window, 2026-04-02T21:00Z, falls on April 3 in Tokyo (and April 2 in UTC).
    expect(built).toMatch(/"endDate": "April 3, 2026"/);
  });

  it('answers --version from package.json and --help with the commands', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    const help = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    for (const command of ['render', 'validate', 'styles', 'ingest', 'feed']) expect(help).toContain(`liqnews ${command}`);
  });
});

describe('the launcher in a clone that was never built', () => {
  it('says to build first, with exit 2, instead of a module-resolution error', async () => {
    const { cpSync, spawnSync } = { ...(await import('node:fs')), ...(await import('node:child_process')) };
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-unbuilt-'));
    try {
      cpSync(fileURLToPath(new URL('../bin', import.meta.url)), join(dir, 'bin'), { recursive: true });
      cpSync(fileURLToPath(new URL('../package.json', import.meta.url)), join(dir, 'package.json'));
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'liqnews.js'), '--version'], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('liqnews: the command is not built yet; run `npm run build` (or `npm ci && npm start`) in the repository first\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
