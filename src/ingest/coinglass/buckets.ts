/**
 * Summing history buckets over a window. A bucket's `time` is its START (ms,
 * UTC), so a bucket belongs to the window when start <= time < end. Buckets
 * that stick out of the window, and buckets the window should hold but the
 * response lacks, are reported: CoinGlass returns the latest N points whatever
 * start_time says (reported by users), and a missing bucket is unknown, not $0.
 */
import type { IngestProblem, IngestWindow } from '../types.js';
import { problem } from './part.js';
import { describeLength, isObject, isoUtc, readMillis, readUsd, show, windowMs } from './values.js';

export interface Bucket {
  time: number;
  long: number;
  short: number;
}

export interface BucketSum {
  long: number;
  short: number;
  inWindow: number;
  outside: number;
  /** Buckets of the window's grid that the response does not hold; undefined when the interval is unknown. */
  missing: number | undefined;
  intervalMs: number | undefined;
}

/** Reads rows into buckets; a row with any unreadable field is left out whole and reported. */
export function readBuckets(rows: unknown[], fields: { long: string; short: string }, problems: IngestProblem[]): Bucket[] {
  const buckets: Bucket[] = [];
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    if (!isObject(row)) return void problems.push(problem('malformed', `data[${i}]: expected a bucket object, got ${show(row)}`));
    const time = readMillis(row['time'], `data[${i}].time`);
    const long = readUsd(row[fields.long], `data[${i}].${fields.long}`);
    const short = readUsd(row[fields.short], `data[${i}].${fields.short}`);
    if (!time.ok || !long.ok || !short.ok) {
      for (const x of [time, long, short]) if (!x.ok) problems.push({ ...x.problem, message: `${x.problem.message}; the bucket is not counted` });
      return;
    }
    if (seen.has(time.value)) {
      return void problems.push(problem('duplicate', `data[${i}]: a second bucket for ${isoUtc(time.value)}; only the first is counted`));
    }
    seen.add(time.value);
    buckets.push({ time: time.value, long: long.value, short: short.value });
  });
  return buckets.sort((a, b) => a.time - b.time);
}

/** The smallest gap between bucket starts: the interval the history was fetched with. */
export function inferInterval(times: readonly number[]): number | undefined {
  let best: number | undefined;
  for (let i = 1; i < times.length; i++) {
    const d = times[i]! - times[i - 1]!;
    if (d > 0 && (best === undefined || d < best)) best = d;
  }
  return best;
}

export function sumBuckets(buckets: readonly Bucket[], window: IngestWindow, intervalMs: number | undefined, problems: IngestProblem[]): BucketSum {
  const { start, end } = windowMs(window);
  const interval = intervalMs ?? inferInterval(buckets.map((b) => b.time));
  let long = 0;
  let short = 0;
  let inWindow = 0;
  for (const b of buckets) {
    if (b.time >= start && b.time < end) {
      long += b.long;
      short += b.short;
      inWindow++;
      if (interval !== undefined && b.time + interval > end) {
        problems.push(problem('out-of-window', `the ${describeLength(interval)} bucket at ${isoUtc(b.time)} runs past the window end ${isoUtc(end)}; it is counted whole, so liquidations after the end are included`));
      }
    } else if (interval !== undefined && b.time < start && b.time + interval > start) {
      problems.push(problem('out-of-window', `the ${describeLength(interval)} bucket at ${isoUtc(b.time)} starts before the window and ends inside it; it is not counted, so liquidations just after ${isoUtc(start)} are missing`));
    }
  }
  const missing = interval === undefined || buckets.length === 0 ? undefined : Math.max(0, expectedBuckets(buckets[0]!.time, interval, start, end) - inWindow);
  if (missing !== undefined && missing > 0 && inWindow > 0) {
    problems.push(problem('out-of-window', `the window needs ${inWindow + missing} buckets of ${describeLength(interval!)} but the response holds ${inWindow}; the ${missing} missing are not counted (missing is unknown, not $0)`));
  }
  return { long, short, inWindow, outside: buckets.length - inWindow, missing, intervalMs: interval };
}

/** How many grid points (anchor + k·interval) fall in [start, end). */
function expectedBuckets(anchor: number, interval: number, start: number, end: number): number {
  const first = anchor + Math.ceil((start - anchor) / interval) * interval;
  return first >= end ? 0 : Math.ceil((end - first) / interval);
}
