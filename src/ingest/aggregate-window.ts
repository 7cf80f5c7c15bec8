/**
 * The window an aggregate covers, from the command line's words:
 * `--from ISO --to ISO`, or `--window 24h [--end ISO]` (end defaults to now).
 * Times need an explicit offset: the tool never guesses a time zone.
 */
import { MAX_WINDOW_DAYS } from '../snapshot/limits.js';
import type { IngestWindow } from './types.js';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `4h`, `24h`, `7d` → milliseconds; a string saying what is wrong otherwise. */
export function parseDuration(text: string): number | string {
  const m = /^(\d+(?:\.\d+)?)(m|h|d)$/.exec(text.trim());
  if (!m) return `--window "${text}" is not a duration; use minutes, hours or days, e.g. 30m, 24h, 7d`;
  const ms = Number(m[1]) * (UNIT_MS[m[2] as string] as number);
  if (!(ms > 0)) return `--window "${text}" must be longer than zero`;
  return ms;
}

/** An ISO date-time with an offset, or a message naming the option. */
export function parseInstant(option: string, text: string): Date | string {
  const hint = 'give a date-time with an offset, e.g. 2026-02-05T00:00:00Z';
  if (!ISO_WITH_OFFSET.test(text)) return `${option} "${text}" is not an ISO date-time with a time zone offset; ${hint}`;
  const d = new Date(text.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? `${option} "${text}" is not a real date-time; ${hint}` : d;
}

export interface WindowArgs {
  from?: string | undefined;
  to?: string | undefined;
  window?: string | undefined;
  end?: string | undefined;
}

/**
 * The window, `null` when none was asked for, or a message. `now` is only
 * read for `--window` without `--end`.
 */
export function resolveWindow(a: WindowArgs, now: () => Date): IngestWindow | null | string {
  const byRange = a.from !== undefined || a.to !== undefined;
  const byLength = a.window !== undefined || a.end !== undefined;
  if (byRange && byLength) return 'give either --from and --to, or --window (with --end), not both';
  let start: Date;
  let end: Date;
  if (byRange) {
    if (a.from === undefined || a.to === undefined) return '--from and --to come together';
    const s = parseInstant('--from', a.from);
    if (typeof s === 'string') return s;
    const e = parseInstant('--to', a.to);
    if (typeof e === 'string') return e;
    [start, end] = [s, e];
  } else if (byLength) {
    if (a.window === undefined) return '--end needs --window (e.g. --window 24h --end 2026-02-05T00:00:00Z)';
    const ms = parseDuration(a.window);
    if (typeof ms === 'string') return ms;
    const e = a.end === undefined ? now() : parseInstant('--end', a.end);
    if (typeof e === 'string') return e;
    [start, end] = [new Date(e.getTime() - ms), e];
  } else return null;
  if (start.getTime() >= end.getTime()) return 'the window is empty: --to must be later than --from';
  if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * 86_400_000) return `the window is longer than ${MAX_WINDOW_DAYS} days, the most a snapshot may cover`;
  return { start, end };
}
