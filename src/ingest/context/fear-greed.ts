/**
 * The Crypto Fear & Greed Index (alternative.me, `GET /fng/?limit=N`):
 * `{"data":[{"value":"40","value_classification":"Fear","timestamp":"1551157200"}],"metadata":{"error":null}}`.
 * Every field is a string and `timestamp` is unix SECONDS (the one source that
 * is not in milliseconds). The index at the window end is the newest value
 * published at or before the end; values are daily, so one older than two
 * days is stale and not used. The label is alternative.me's own
 * classification (threshold tables elsewhere disagree); when it is not one of
 * the contract's five labels it is left out and the renderer derives it.
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { SENTIMENT_LABELS } from '../../snapshot/schema.js';
import { fatalPart, problem } from '../coinglass/part.js';
import { isObject, isoUtc, readDecimal, show, windowMs } from '../coinglass/values.js';

const SOURCE = 'fear-greed';
const MAX_AGE_MS = 2 * 86_400_000;
/** Seconds since 1970 stay below this until the year 5138; a larger number is almost surely milliseconds. */
const MAX_SECONDS = 1e11;

interface Reading {
  time: number;
  index: number;
  label: string | undefined;
  /** Reported only when this reading is the one used. */
  labelProblem: IngestProblem | undefined;
}

export function fearGreedPart(json: unknown, window: IngestWindow): IngestPart {
  if (!isObject(json) || !Array.isArray(json['data'])) {
    return fatalPart(SOURCE, [problem('malformed', 'expected the alternative.me response {"name","data":[…],"metadata"}')]);
  }
  const error = isObject(json['metadata']) ? json['metadata']['error'] : null;
  if (error !== null && error !== undefined) return fatalPart(SOURCE, [problem('api-error', `alternative.me reported an error: ${show(error)}`)]);

  const problems: IngestProblem[] = [];
  const readings: Reading[] = [];
  json['data'].forEach((row, i) => {
    const r = readRow(row, i, problems);
    if (r) readings.push(r);
  });
  const { end } = windowMs(window);
  // Newest at or before the end; equal timestamps keep the first row (the API lists newest first).
  let pick: Reading | undefined;
  for (const r of readings) if (r.time <= end && (!pick || r.time > pick.time)) pick = r;
  const stats = { entries: json['data'].length, entriesRead: readings.length };
  if (!pick || pick.time <= end - MAX_AGE_MS) {
    const newest = pick ? ` (the newest is from ${isoUtc(pick.time)})` : '';
    return fatalPart(SOURCE, [...problems, problem('out-of-window', `no Fear & Greed value published in the two days up to the window end ${isoUtc(end)}${newest}`)], stats);
  }
  if (pick.labelProblem) problems.push(pick.labelProblem);
  const sentiment: Record<string, unknown> = { index: pick.index };
  if (pick.label !== undefined) sentiment['label'] = pick.label;
  return { source: SOURCE, fatal: false, snapshot: { market: { sentiment } }, problems, stats: { ...stats, valueTime: pick.time } };
}

function readRow(row: unknown, i: number, problems: IngestProblem[]): Reading | undefined {
  const at = `data[${i}]`;
  if (!isObject(row)) return void problems.push(problem('malformed', `${at}: expected an object, got ${show(row)}`));
  const value = readDecimal(row['value'], `${at}.value`);
  const seconds = readDecimal(row['timestamp'], `${at}.timestamp`);
  if (!value.ok || !seconds.ok) {
    for (const x of [value, seconds]) if (!x.ok) problems.push(x.problem);
    return undefined;
  }
  if (!Number.isInteger(value.value) || value.value < 0 || value.value > 100) {
    return void problems.push(problem('bad-value', `${at}.value: expected a whole number from 0 to 100, got ${show(row['value'])}`));
  }
  if (!Number.isInteger(seconds.value) || seconds.value < 0 || seconds.value >= MAX_SECONDS) {
    return void problems.push(problem('bad-value', `${at}.timestamp: expected unix seconds, got ${show(row['timestamp'])}${seconds.value >= MAX_SECONDS ? ' (milliseconds? alternative.me sends seconds)' : ''}`));
  }
  const rawLabel = row['value_classification'];
  const label = SENTIMENT_LABELS.find((l) => typeof rawLabel === 'string' && l.toLowerCase() === rawLabel.trim().toLowerCase());
  const labelProblem =
    rawLabel !== undefined && label === undefined
      ? problem('bad-value', `${at}.value_classification: ${show(rawLabel)} is not one of ${SENTIMENT_LABELS.join(', ')}; the label is derived from the index instead`)
      : undefined;
  return { time: seconds.value * 1000, index: value.value, label, labelProblem };
}
