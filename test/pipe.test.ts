// `liqnews … | head`: the reader closes the pipe early. The command must end quietly (no
// "Error: write EPIPE" trace), with its usual exit code, and still do its work (every article
// written). The pipe is closed before the command writes anything, so every case hits EPIPE.
// Runs the built command (bin/liqnews.js over dist/): `npm run build` first, as CI does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'liqnews.js');
const GOLDEN = join(ROOT, 'fixtures', 'golden');
const work = mkdtempSync(join(tmpdir(), 'liqnews-pipe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command with its standard output closed by the reader at once; its exit code and stderr. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, LIQNEWS_HISTORY: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const firstFixture = join(GOLDEN, readdirSync(GOLDEN).sort()[0]!, 'snapshot.json');

describe('a reader that closes the pipe early', () => {
  it('has a built command to run', () => expect(existsSync(join(ROOT, 'dist', 'bin', 'main.js'))).toBe(true));

  it.each([
    ['--help', ['--help']],
    ['styles', ['styles']],
    ['validate', ['validate', GOLDEN]],
    ['render --stdout', ['render', firstFixture, '--stdout', '--format', 'html', '--now', '2026-12-01T00:00:00Z']],
  ])('%s ends with exit 0 and no trace', async (_name, args) => {
    const r = await withClosedStdout(args);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at .*\.js:/);
    expect(r.code).toBe(0);
  });

  it('render into a folder still writes every article', async () => {
    const out = join(work, 'out');
    const r = await withClosedStdout(['render', GOLDEN, '--out', out, '--now', '2026-12-01T00:00:00Z']);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
    const cases = readdirSync(GOLDEN).filter((d) => existsSync(join(GOLDEN, d, 'snapshot.json')));
    expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(cases.length);
  });
});
