/**
 * With --jobs, a batch renders on several threads, a group of inputs at a
 * time. The main thread renders alongside its workers and alone writes;
 * results are written in input order through a bounded window, so memory
 * stays flat however long the batch, and output reads the same as a
 * sequential run.
 */
import { Worker } from 'node:worker_threads';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GroupJob, GroupResult } from './render-job.js';

/**
 * Threads to render on, the main one included: `requested` (from --jobs),
 * else one. A batch renders in groups, stage by stage, and on one thread
 * each stage's code stays warm; on the two-core machine the benchmark runs
 * on, a worker beside the main thread made 5,000 snapshots slower (2.45 s
 * against 2.24 s), and 10,000 only 8 % faster for a fifth more memory. A
 * machine whose cores do not share their caches may do better: `--jobs`.
 */
export function jobsFor(requested: number | null): number {
  return requested === null ? 1 : Math.max(1, requested);
}

type GroupSpec = Omit<GroupJob, 'seq'>;

/**
 * A worker keeps one group of articles in hand at a time, a few megabytes;
 * without a limit V8 lets each thread's heap grow to hundreds before it
 * collects, and a batch on two workers peaked near 400 MB. These limits keep
 * the whole process under 300 MB and still leave a group of large articles
 * ample room.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./render-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url, { resourceLimits: WORKER_LIMITS });
  // Under vitest the library runs from its TypeScript sources: the worker registers tsx before loading them.
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}

/** How many groups each worker holds queued, so it never waits on the main thread between two. */
const AHEAD = 2;

/**
 * Runs the groups on `size` threads, this one included (`size - 1`
 * workers), and yields the results in group order. The main thread renders
 * too: when the next result in order is not ready, it takes the next group
 * itself instead of waiting. On two cores that is one worker, not two beside
 * an idle main thread, so a batch loads the rendering stack twice, not three
 * times.
 */
export async function* runInOrder(groupList: Iterable<GroupSpec>, size: number): AsyncGenerator<GroupResult> {
  const { runGroup } = await import('./render-job.js');
  const workers = Array.from({ length: Math.max(0, size - 1) }, startWorker);
  // Results held for writing are bounded: memory stays flat however long the batch.
  const window = size * 3;
  const done = new Map<number, GroupResult>();
  let waiting: (() => void) | null = null;
  let failure: Error | null = null;
  const inFlight = workers.map(() => 0);
  for (const [i, w] of workers.entries()) {
    w.on('message', (r: GroupResult) => {
      inFlight[i]!--;
      done.set(r.seq, r);
      waiting?.();
    });
    w.on('error', (e) => {
      failure = e;
      waiting?.();
    });
  }
  // The groups are drawn as they are sent (the batch's listing is read lazily); `ahead` is the next one, if any.
  const source = groupList[Symbol.iterator]();
  let ahead = source.next();
  const take = (): GroupSpec => {
    const group = ahead.value as GroupSpec;
    ahead = source.next();
    return group;
  };
  let sent = 0;
  let nextOut = 0;
  const room = (): boolean => !ahead.done && sent - nextOut < window;
  const feed = (): void => {
    while (room()) {
      const i = inFlight.indexOf(Math.min(...inFlight));
      if (i < 0 || inFlight[i]! >= AHEAD) return;
      inFlight[i]!++;
      workers[i]!.postMessage({ ...take(), seq: sent });
      sent++;
    }
  };
  try {
    feed();
    while (!ahead.done || nextOut < sent) {
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
        done.set(seq, runGroup({ ...take(), seq }));
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
