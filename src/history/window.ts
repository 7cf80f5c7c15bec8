/**
 * Window lengths and the dates that name a window. Every comparison in the
 * store is between windows of the same length, in whole minutes: a snapshot
 * of 23:59:59 counts as a day (the nearest minute), a week is never a day.
 */

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1440;

/** Milliseconds since the epoch for an ISO timestamp with an offset; NaN when it is not one. */
export function instantMs(iso: string): number {
  return /(Z|[+-]\d{2}:\d{2})$/i.test(iso) ? Date.parse(iso) : Number.NaN;
}

/** The window length in whole minutes, rounded to the nearest minute. */
export function windowMinutesOf(startMs: number, endMs: number): number {
  return Math.round((endMs - startMs) / MINUTE_MS);
}

/** 1440 → "24h", 60 → "1h", 10080 → "7d", 90 → "90m": days only past one day, as newsrooms say "24h". */
export function windowLabel(minutes: number): string {
  if (minutes > DAY_MINUTES && minutes % DAY_MINUTES === 0) return `${minutes / DAY_MINUTES}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** "24h", "1h", "7d", "30m" (also "1d", "60m") → minutes; null when it is not a length. */
export function parseWindowLabel(text: string): number | null {
  const m = /^(\d{1,6})\s*(m|min|h|d|w)$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const per = { m: 1, min: 1, h: 60, d: DAY_MINUTES, w: 7 * DAY_MINUTES }[m[2]!.toLowerCase() as 'm' | 'min' | 'h' | 'd' | 'w'];
  const minutes = n * per;
  return minutes >= 1 && minutes <= 366 * DAY_MINUTES ? minutes : null;
}

/** ISO UTC to the second, e.g. 2026-10-10T13:00:00Z. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * The short name of a window in a source label: a whole-day window that starts
 * at a UTC midnight is named by the last day it covers (2026-10-10 for
 * 2026-10-10T00:00Z–2026-10-11T00:00Z), any other by its end to the minute
 * (2026-10-10T14:00Z).
 */
export function windowName(startMs: number, endMs: number): string {
  const minutes = windowMinutesOf(startMs, endMs);
  if (minutes % DAY_MINUTES === 0 && startMs % (DAY_MINUTES * MINUTE_MS) === 0) return new Date(endMs - 1).toISOString().slice(0, 10);
  return `${new Date(endMs).toISOString().slice(0, 16)}Z`;
}

/** The UTC calendar day of the window's last instant: the day a daily window covers. */
export function windowDate(endMs: number): string {
  return new Date(endMs - 1).toISOString().slice(0, 10);
}

/** `history: 2026-10-10 (24h)`: where a context fact comes from. */
export function historyLabel(startMs: number, endMs: number): string {
  return `history: ${windowName(startMs, endMs)} (${windowLabel(windowMinutesOf(startMs, endMs))})`;
}
