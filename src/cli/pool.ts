/**
 * Large batches render on worker threads: generating an article is pure CPU
 * work, and a machine with two cores renders nearly twice as many. Results
 * come back in input order through a bounded window, so memory stays flat
 * however long the batch, and output reads the same as a sequential run.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job, JobResult } from './render-worker.js';

/** Below this many inputs, starting workers costs more than it saves. */
export const PARALLEL_FROM = 48;

/** Workers to use for `count` inputs: `requested` (from --jobs) or up to four, one per core. */
export function jobsFor(count: number, requested: number | null): number {
  if (requested !== null) return Math.max(1, requested);
  if (count < PARALLEL_FROM) return 1;
  return Math.min(availableParallelism(), 4);
}

type JobSpec = Omit<Job, 'seq'>;

function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./render-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url);
  // Under vitest the library runs from its TypeScript sources: the worker registers tsx before loading them.
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}

/** Runs the jobs on `size` workers and yields the results in job order. */
export async function* runInOrder(jobs: readonly JobSpec[], size: number): AsyncGenerator<JobResult> {
  const workers = Array.from({ length: size }, startWorker);
  const window = size * 8;
  const done = new Map<number, JobResult>();
  let waiting: (() => void) | null = null;
  let failure: Error | null = null;
  const inFlight = workers.map(() => 0);
  for (const [i, w] of workers.entries()) {
    w.on('message', (r: JobResult) => {
      inFlight[i]!--;
      done.set(r.seq, r);
      waiting?.();
    });
    w.on('error', (e) => {
      failure = e;
      waiting?.();
    });
  }
  let sent = 0;
  const send = (): void => {
    while (sent < jobs.length && sent - nextOut < window) {
      const i = inFlight.indexOf(Math.min(...inFlight));
      inFlight[i]!++;
      workers[i]!.postMessage({ ...jobs[sent]!, seq: sent });
      sent++;
    }
  };
  let nextOut = 0;
  try {
    send();
    while (nextOut < jobs.length) {
      const r = done.get(nextOut);
      if (r) {
        done.delete(nextOut);
        nextOut++;
        send();
        yield r;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (waiting = resolve));
      waiting = null;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
