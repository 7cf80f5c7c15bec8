/**
 * A worker thread of `liqnews render` for large batches: runs jobs
 * (render-job.ts) and hands the files back to the main thread, which alone
 * writes, so name clashes and edit checks stay in one place and in input order.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './render-job.js';

parentPort?.on('message', (job: Job) => parentPort?.postMessage(runJob(job)));
