/**
 * One snapshot file of a batch in, the files it gives (or the problem lines)
 * out: the unit of work of `liqnews render`, the same on the main thread and
 * on a worker (render-worker.ts), so both produce identical results.
 */
import { readFileSync } from 'node:fs';
import { generate } from '../generate.js';
import type { Format } from '../formats/registry.js';
import type { GenerateOptions } from '../options.js';
import { describeFsError } from '../output/write.js';
import { problemLines } from './problems.js';

export interface Job {
  seq: number;
  path: string;
  label: string;
  /** The same for every job of a batch; a Date survives the trip to a worker (structured clone). */
  options: GenerateOptions;
  formats: Format[];
  debug: boolean;
}

export type JobResult =
  | { seq: number; ok: true; basename: string; files: Partial<Record<Format, string>> }
  | { seq: number; ok: false; lines: string[] };

export function runJob(job: Job): JobResult {
  let text: string;
  try {
    text = readFileSync(job.path, 'utf8');
  } catch (e) {
    return { seq: job.seq, ok: false, lines: [`${job.label}: cannot read: ${describeFsError(e)}`] };
  }
  try {
    const article = generate(text, job.options);
    const files: Partial<Record<Format, string>> = {};
    for (const f of job.formats) files[f] = article.files[f];
    return { seq: job.seq, ok: true, basename: article.basename, files };
  } catch (e) {
    return { seq: job.seq, ok: false, lines: problemLines(job.label, e, job.debug) };
  }
}
