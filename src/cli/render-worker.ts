/**
 * A worker thread of `liqnews render` for large batches: runs groups of jobs
 * (render-job.ts) and hands the files back to the main thread, which alone
 * writes, so name clashes and edit checks stay in one place and in input order.
 */
import { parentPort } from 'node:worker_threads';
import { runGroup, type GroupJob } from './render-job.js';

parentPort?.on('message', (job: GroupJob) => parentPort?.postMessage(runGroup(job)));
