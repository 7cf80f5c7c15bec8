/**
 * coin-list and exchange-list answer with rolling totals (1h, 4h, 12h, 24h)
 * that end when the request was made. The window's length picks the range;
 * its end is the user's word for when the response was fetched (the body
 * does not say). Any other length cannot be served by these endpoints, and
 * subtracting two rolling totals does not give the liquidations in between.
 */
import type { IngestProblem, IngestWindow } from '../types.js';
import { describeLength, windowMs } from './values.js';

export const ROLLING_RANGES = ['1h', '4h', '12h', '24h'] as const;
export type RollingRange = (typeof ROLLING_RANGES)[number];

const HOUR = 3_600_000;

export function rollingRangeOf(window: IngestWindow, endpoint: string): { range: RollingRange } | { problem: IngestProblem } {
  const { length } = windowMs(window);
  const range = ROLLING_RANGES.find((r) => Number.parseInt(r, 10) * HOUR === length);
  if (range) return { range };
  return {
    problem: {
      line: null,
      kind: 'out-of-window',
      message: `${endpoint} gives rolling 1h, 4h, 12h or 24h totals ending when it was fetched; the window is ${describeLength(length)} long (use --window 1h|4h|12h|24h with --end set to the fetch time)`,
    },
  };
}
