/**
 * Large batches render on worker threads (src/cli/pool.ts). Whatever the
 * number of workers, a user must get the same files, byte for byte, and the
 * same report, in input order.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers.js';
// @ts-expect-error: the benchmark's snapshot generator is plain JavaScript without types.
import { makeInputs } from '../bench/make-inputs.js';

let root: string;
let inputs: string;

function render(outDir: string, jobs: number): Promise<CliRun> {
  return runCli(['render', inputs, '--out', outDir, '--now', '2026-11-21T00:00:00Z', '--jobs', String(jobs), '--format', 'md,json']);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'liqnews-pool-'));
  inputs = join(root, 'in');
  (makeInputs as (dir: string, n: number) => void)(inputs, 24);
  // Two bad inputs in the middle: reported in their place, the rest still written.
  writeFileSync(join(inputs, 'snap-00010-bad.json'), '{"schemaVersion": 1}');
  writeFileSync(join(inputs, 'snap-00015-bad.json'), 'not json');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('render on worker threads', () => {
  it('writes the same files, byte for byte, and reports the same problems in the same order as one thread', async () => {
    const one = await render(join(root, 'one'), 1);
    const two = await render(join(root, 'two'), 2);
    expect(two.code).toBe(1);
    expect(one.code).toBe(1);
    expect(two.err).toBe(one.err);
    expect(two.out.replaceAll(join(root, 'two'), 'OUT')).toBe(one.out.replaceAll(join(root, 'one'), 'OUT'));
    expect(two.err).toMatch(/snap-00010-bad\.json: window: is required but missing[\s\S]*snap-00015-bad\.json: not valid JSON/);
    const files = readdirSync(join(root, 'one')).sort();
    expect(files).toHaveLength(48);
    expect(readdirSync(join(root, 'two')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(root, 'two', f), 'utf8'), f).toBe(readFileSync(join(root, 'one', f), 'utf8'));
    // Three threads: two workers beside the main thread, each taking jobs as it frees up.
    const three = await render(join(root, 'three'), 3);
    expect(three.err).toBe(one.err);
    for (const f of files) expect(readFileSync(join(root, 'three', f), 'utf8'), f).toBe(readFileSync(join(root, 'one', f), 'utf8'));
  }, 90_000);

  it('a second run over the same folder changes nothing', async () => {
    const again = await render(join(root, 'two'), 2);
    expect(again.out).toMatch(/0 files written, 48 unchanged/);
  }, 60_000);
});
