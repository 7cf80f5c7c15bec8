/**
 * Large batches render on several threads: generating an article is pure CPU
 * work, and a machine with two cores renders nearly twice as many. The main
 * thread renders alongside its workers and alone writes; results are written
 * in input order through a bounded window, so memory stays flat however long
 * the batch, and output reads the same as a sequential run.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job, JobResult } from './render-job.js';

/**
 * Below this many inputs one thread is faster. Each worker loads the
 * rendering stack and warms up its own JIT, and on the two-core machine the
 * benchmark runs on, a worker beside the main thread was slower than none at
 * 1,000 snapshots and about 5 % faster at 10,000 (for half again the CPU time).
 */
export const PARALLEL_FROM = 2000;

/** Threads to render `count` inputs on, the main one included: `requested` (from --jobs) or one per core, up to four. */
export function jobsFor(count: number, requested: number | null): number {
  if (requested !== null) return Math.max(1, requested);
  if (count < PARALLEL_FROM) return 1;
  return Math.min(availableParallelism(), 4);
}

type JobSpec = Omit<Job, 'seq'>;

/**
 * A worker keeps one article in hand at a time, a few megabytes; without a
 * limit V8 lets each thread's heap grow to hundreds before it collects, and
 * a batch on two workers peaked near 400 MB. These limits keep the whole
 * process well under 300 MB and still leave a large article ten times room.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./render-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url, { resourceLimits: WORKER_LIMITS });
  // Under vitest the library runs from its TypeScript sources: the worker registers tsx before loading them.
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}

/** How many jobs each worker holds queued, so it never waits on the main thread between two. */
const AHEAD = 4;

/**
 * Runs the jobs on `size` threads, this one included (`size - 1` workers),
 * and yields the results in job order. The main thread renders too: when the
 * next result in order is not ready, it takes the next job itself instead of
 * waiting. On two cores that is one worker, not two beside an idle main
 * thread, so a batch loads the rendering stack twice, not three times.
 */
export async function* runInOrder(jobs: readonly JobSpec[], size: number): AsyncGenerator<JobResult> {
  const { runJob } = await import('./render-job.js');
  const workers = Array.from({ length: Math.max(0, size - 1) }, startWorker);
  // Results held for writing are bounded: memory stays flat however long the batch.
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
  let nextOut = 0;
  const room = (): boolean => sent < jobs.length && sent - nextOut < window;
  const feed = (): void => {
    while (room()) {
      const i = inFlight.indexOf(Math.min(...inFlight));
      if (i < 0 || inFlight[i]! >= AHEAD) return;
      inFlight[i]!++;
      workers[i]!.postMessage({ ...jobs[sent]!, seq: sent });
      sent++;
    }
  };
  try {
    feed();
    while (nextOut < jobs.length) {
      const r = done.get(nextOut);
      if (r) {
        done.delete(nextOut);
        nextOut++;
        feed();
        yield r;
        continue;
      }
      if (failure) throw failure;
      if (room()) {
        const seq = sent++;
        done.set(seq, runJob({ ...jobs[seq]!, seq }));
        // Let the workers' finished results in before deciding what to do next.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => (waiting = resolve));
      waiting = null;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
