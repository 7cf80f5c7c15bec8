/**
 * The time window in words. An hour-long window never says "24 hours"; a
 * seven-day window may say "this week". Dates are shown in the time zone the
 * caller asks for (default UTC), never the machine's.
 */
import { DateTime } from 'luxon';
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

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

export function describeWindow(ledger: Ledger, start: string, end: string, zone: string, locale: string): WindowFacts {
  const s = DateTime.fromISO(start, { setZone: true });
  const e = DateTime.fromISO(end, { setZone: true });
  const minutes = Math.round(e.diff(s, 'minutes').minutes);
  const hours = minutes / 60;
  const src = 'derive: window.end - window.start';
  const claim = (n: number, text: string): string => {
    ledger.add({ display: text, value: n, source: src, hedge: 'exact', rounding: 'exact' });
    return text;
  };
  let f: Pick<WindowFacts, 'length' | 'past' | 'head' | 'adjective' | 'kind'>;
  if (minutes === 60) f = { length: 'hour', past: 'in the past hour', head: 'in One Hour', adjective: 'one-hour', kind: 'hour' };
  else if (minutes === 7 * 1440) f = { length: claim(7, '7 days'), past: 'this week', head: 'This Week', adjective: 'seven-day', kind: 'week' };
  else if (minutes % 1440 === 0 && minutes > 1440) {
    const d = minutes / 1440;
    f = { length: claim(d, `${d} days`), past: `over the past ${claim(d, `${d} days`)}`, head: `in ${claim(d, `${d} Days`)}`, adjective: `${WORDS[d] ?? claim(d, String(d))}-day`, kind: 'days' };
  } else if (minutes % 60 === 0) {
    const h = minutes / 60;
    const len = claim(h, `${h} hours`);
    f = { length: len, past: `in the past ${len}`, head: `in ${claim(h, `${h} Hours`)}`, adjective: `${h <= 12 ? WORDS[h]! : claim(h, String(h))}-hour`, kind: h === 24 ? 'day' : 'hours' };
  } else {
    const len = claim(minutes, `${minutes} minutes`);
    f = { length: len, past: `in the past ${len}`, head: `in ${claim(minutes, `${minutes} Minutes`)}`, adjective: `${claim(minutes, String(minutes))}-minute`, kind: 'minutes' };
  }
  const ez = e.setZone(zone).setLocale(locale);
  const sz = s.setZone(zone).setLocale(locale);
  const endDate = dateText(ledger, ez, 'window.end');
  const startDate = dateText(ledger, sz, 'window.start');
  return {
    start,
    end,
    hours,
    ...f,
    isDay: f.kind === 'day',
    isWeek: f.kind === 'week',
    isShort: minutes <= 240,
    endDate,
    endWeekday: ez.toFormat('cccc'),
    startDate,
    sameDay: ez.toISODate() === sz.toISODate(),
  };
}

function dateText(ledger: Ledger, d: DateTime, source: string): string {
  const text = d.toFormat('MMMM d, yyyy');
  ledger.add({ display: text, value: Number(d.toFormat('yyyyMMdd')), source: `${source} (in the reader's time zone)`, hedge: 'exact', rounding: 'calendar date' });
  return text;
}
