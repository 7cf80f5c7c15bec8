/**
 * The time window in words. An hour-long window never says "24 hours"; a
 * seven-day window may say "this week". Dates are shown in the time zone the
 * caller asks for (default UTC), never the machine's.
 */
import { createRequire } from 'node:module';
import type { Ledger } from './ledger.js';

export interface WindowFacts {
  start: string;
  end: string;
  /** Window length in hours (may be fractional). */
  hours: number;
  /** "24 hours", "hour", "7 days", "90 minutes" — the length as a noun phrase. */
  length: string;
  /** "in the past 24 hours", "in the past hour", "over the past 7 days". */
  past: string;
  /** Headline form: "in 24 Hours", "in One Hour", "This Week". */
  head: string;
  /** "24-hour", "one-hour", "seven-day": for "a 24-hour stretch". */
  adjective: string;
  kind: 'hour' | 'hours' | 'day' | 'days' | 'week' | 'minutes';
  isDay: boolean;
  isWeek: boolean;
  isShort: boolean;
  /** End date in the reader's zone: "January 21, 2026". */
  endDate: string;
  /** Weekday of the end: "Wednesday". */
  endWeekday: string;
  startDate: string;
  /** Whether start and end fall on the same calendar date in the reader's zone. */
  sameDay: boolean;
}

/**
 * A long odd window in a headline, as a desk would shorten it: "23.5 Hours"
 * on the half hour, "Nearly 51 Hours" from three quarters past, else "Over
 * 50 Hours". Each is a claim whose hedge the check holds to its direction.
 */
function headHours(ledger: Ledger, minutes: number, source: string): string {
  const hours = minutes / 60;
  const h = Math.floor(hours);
  const m = minutes % 60;
  const add = (display: string, hedge: 'exact' | 'nearly' | 'over'): string => {
    ledger.add({ display, value: hours, source, hedge, rounding: hedge === 'exact' ? 'exact' : 'whole hours' });
    return display;
  };
  if (m === 30) return add(`${h}.5 Hours`, 'exact');
  return m >= 45 ? `Nearly ${add(`${h + 1} Hours`, 'nearly')}` : `Over ${add(`${h} Hours`, 'over')}`;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

export function describeWindow(ledger: Ledger, start: string, end: string, zone: string, locale: string): WindowFacts {
  const ms = Date.parse(end) - Date.parse(start);
  // Under two minutes and not a whole minute, a window is told in seconds: rounded to minutes, 30 s would be "the
  // past minute" (twice its length), 89 s "a minute" and 20 s no time at all.
  const inSeconds = ms < 120_000 && ms % 60_000 !== 0;
  const minutes = inSeconds ? 0 : Math.round(ms / 60_000);
  const seconds = Math.max(1, Math.round(ms / 1000));
  const hours = inSeconds ? seconds / 3600 : minutes / 60;
  const src = 'derive: window.end - window.start';
  const claim = (n: number, text: string): string => {
    ledger.add({ display: text, value: n, source: src, hedge: 'exact', rounding: 'exact' });
    return text;
  };
  let f: Pick<WindowFacts, 'length' | 'past' | 'head' | 'adjective' | 'kind'>;
  if (inSeconds && seconds === 1) f = { length: 'second', past: 'in the past second', head: 'in One Second', adjective: 'one-second', kind: 'minutes' };
  else if (inSeconds) {
    const len = claim(seconds, `${seconds} seconds`);
    f = { length: len, past: `in the past ${len}`, head: `in ${claim(seconds, `${seconds} Seconds`)}`, adjective: `${seconds <= 12 ? WORDS[seconds]! : claim(seconds, String(seconds))}-second`, kind: 'minutes' };
  } else if (minutes === 1) f = { length: 'minute', past: 'in the past minute', head: 'in One Minute', adjective: 'one-minute', kind: 'minutes' };
  else if (minutes === 60) f = { length: 'hour', past: 'in the past hour', head: 'in One Hour', adjective: 'one-hour', kind: 'hour' };
  else if (minutes === 7 * 1440) f = { length: claim(7, '7 days'), past: 'this week', head: 'This Week', adjective: 'seven-day', kind: 'week' };
  else if (minutes % 1440 === 0 && minutes > 1440) {
    const d = minutes / 1440;
    f = { length: claim(d, `${d} days`), past: `over the past ${claim(d, `${d} days`)}`, head: `in ${claim(d, `${d} Days`)}`, adjective: `${WORDS[d] ?? claim(d, String(d))}-day`, kind: 'days' };
  } else if (minutes % 60 === 0) {
    const h = minutes / 60;
    const len = claim(h, `${h} hours`);
    f = { length: len, past: `in the past ${len}`, head: `in ${claim(h, `${h} Hours`)}`, adjective: `${h <= 12 ? WORDS[h]! : claim(h, String(h))}-hour`, kind: h === 24 ? 'day' : 'hours' };
  } else if (minutes > 120) {
    // Past two hours a window is told in hours and minutes ("50 hours and 55 minutes"), as a person would, never "3055 minutes".
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    const hh = claim(h, `${h} hours`);
    const mm = m === 1 ? 'one minute' : claim(m, `${m} minutes`);
    const len = `${hh} and ${mm}`;
    f = { length: len, past: `in the past ${len}`, head: `in ${headHours(ledger, minutes, src)}`, adjective: `${claim(h, String(h))}-hour, ${m === 1 ? 'one' : claim(m, String(m))}-minute`, kind: 'minutes' };
  } else {
    const len = claim(minutes, `${minutes} minutes`);
    f = { length: len, past: `in the past ${len}`, head: `in ${claim(minutes, `${minutes} Minutes`)}`, adjective: `${claim(minutes, String(minutes))}-minute`, kind: 'minutes' };
  }
  const ez = inZone(end, zone);
  const sz = inZone(start, zone);
  const endDate = dateText(ledger, ez, 'window.end', locale);
  const startDate = dateText(ledger, sz, 'window.start', locale);
  return {
    start,
    end,
    hours,
    ...f,
    isDay: f.kind === 'day',
    isWeek: f.kind === 'week',
    isShort: minutes <= 240,
    endDate,
    endWeekday: WEEKDAYS[ez.weekday - 1]!,
    startDate,
    sameDay: ez.year === sz.year && ez.month === sz.month && ez.day === sz.day,
  };
}

interface DateFields {
  year: number;
  month: number;
  day: number;
  /** 1 = Monday … 7 = Sunday, as luxon counts. */
  weekday: number;
}

/**
 * luxon, loaded on the first date outside UTC. Most runs use UTC only, and a
 * command that never needs the zone library does not load and compile it
 * (a sixth of the bundled code).
 */
let loaded: typeof import('luxon') | undefined;
const luxon = (): typeof import('luxon') => (loaded ??= createRequire(import.meta.url)('luxon') as typeof import('luxon'));

/** Calendar fields of an instant in a zone. UTC is the common case and needs no zone database. */
function inZone(iso: string, zone: string): DateFields {
  if (zone === 'UTC') {
    const d = new Date(iso);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
  }
  const d = luxon().DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return { year: d.year, month: d.month, day: d.day, weekday: d.weekday };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * "January 21, 2026" from the date's fields. The articles are written in
 * English, so month names come from a table: building an Intl formatter for
 * every article cost more than the rest of the date work together.
 */
function dateText(ledger: Ledger, d: DateFields, source: string, locale: string): string {
  const text = locale === 'en-GB' ? `${d.day} ${MONTHS[d.month - 1]} ${d.year}` : `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
  ledger.add({ display: text, value: d.year * 10000 + d.month * 100 + d.day, source: `${source} (in the reader's time zone)`, hedge: 'exact', rounding: 'calendar date' });
  return text;
}
