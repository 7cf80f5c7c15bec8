/**
 * A worker thread of `liqnews render` for large batches: runs groups of jobs
 * (render-job.ts) and hands the files back to the main thread, which alone
 * writes, so name clashes and edit checks stay in one place and in input order.
 */
import { parentPort } from 'node:worker_threads';
import { runGroup, type GroupJob } from './render-job.js';
import { chartsWanted, loadCharts } from '../chart/engine.js';

// A run that draws charts loads vega in each worker too, before its first group (a no-op after).
parentPort?.on('message', (job: GroupJob) => {
  if (!chartsWanted(job.formats, job.options.sections)) parentPort?.postMessage(runGroup(job));
  else void loadCharts().then(() => parentPort?.postMessage(runGroup(job)));
});
