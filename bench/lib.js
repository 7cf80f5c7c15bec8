// What the per-feature benches (card.js, chart.js, studio.js) share: where things are, a scratch folder
// in memory when the machine has one (disk write times would blur what is measured), medians and
// percentiles, and a timed `liqnews render` run.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cli = join(root, 'bin', 'liqnews.js');

/** A scratch folder for one bench process: in /dev/shm when there is one, else under bench/. */
export const workDir = (name) => (existsSync('/dev/shm') ? join('/dev/shm', `liqnews-bench-${name}-${process.pid}`) : join(root, 'bench', `.work-${name}`));

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/**
 * `liqnews render <inputs> --out <out> <args> --now <now> --quiet --no-history` into a fresh `out`; its wall
 * time in ms. Exits the bench on an exit code not in `okCodes` (with the end of its stderr).
 */
export function timedRender(inputs, out, args, now, okCodes = [0]) {
  rmSync(out, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'render', inputs, '--out', out, ...args, '--now', now, '--quiet', '--no-history'], { cwd: root, encoding: 'utf8' });
  if (!okCodes.includes(r.status)) {
    console.error(`render ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
