/**
 * One snapshot file of a batch in, the files it gives (or the problem lines)
 * out: the unit of work of `liqnews render`, the same on the main thread and
 * on a worker (render-worker.ts), so both produce identical results.
 */
import { readFileSync } from 'node:fs';
import { generate } from '../generate.js';
import type { Format } from '../formats/registry.js';
import type { StyleName } from '../plan/styles.js';
import type { SiteName } from '../output/sites.js';
import { describeFsError } from '../output/write.js';
import { problemLines } from './problems.js';

export interface Job {
  seq: number;
  path: string;
  label: string;
  style: StyleName | 'auto';
  now: string;
  timeZone: string;
  site: SiteName | null;
  faqJsonLd: boolean;
  baseUrl: string | null;
  expiryDays: number | null;
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
    const article = generate(text, { style: job.style, now: new Date(job.now), timeZone: job.timeZone, site: job.site, faqJsonLd: job.faqJsonLd, baseUrl: job.baseUrl, expiryDays: job.expiryDays });
    const files: Partial<Record<Format, string>> = {};
    for (const f of job.formats) files[f] = article.files[f];
    return { seq: job.seq, ok: true, basename: article.basename, files };
  } catch (e) {
    return { seq: job.seq, ok: false, lines: problemLines(job.label, e, job.debug) };
  }
}
