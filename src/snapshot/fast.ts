/**
 * The schema's fast path for snapshots that are plainly valid. zod reads a
 * snapshot with hundreds of assets field by field through its general
 * machinery (a payload object, an issue list and a closure call per field);
 * this walks the same contract by hand and builds the same value, so the
 * common case costs a small fraction of that.
 *
 * It only ever says "valid, and here is exactly what `SnapshotSchema` gives"
 * or "not sure": anything it does not accept (a problem, a value of a kind
 * JSON never gives such as `undefined` or a class instance, the
 * `context.history` block) goes to the schema, which decides and words the
 * problems. So every rule here must be at least as strict as the schema's,
 * and the value built must be the schema's, key order included: objects in
 * the schema's key order, optional keys only when given, URLs with
 * `withoutBraces` applied. test/snapshot-fast.test.ts checks both against
 * the schema on thousands of valid and broken snapshots.
 */
import type { Snapshot } from './schema.js';
import { CONTROL, FIRST_YEAR, INVISIBLE, LAST_YEAR, LONE_SURROGATE, MAX_USD, MIN_USD, OFFSET_TIMESTAMP, SENTIMENT_LABELS, STORY_ID, isCalendarDate, isRealTimestamp, urlProblem, withoutBraces } from './schema.js';

/** What a check returns when it is not sure: the schema decides. */
const UNSURE: unique symbol = Symbol('unsure');
type Check = (v: unknown) => unknown;
type Raw = Record<string, unknown>;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const money: Check = (v) => (isNumber(v) && (v === 0 || v >= MIN_USD) && v <= MAX_USD ? v : UNSURE);
const price: Check = (v) => (isNumber(v) && v > 0 ? v : UNSURE);
const ranged = (min: number, max: number, integer: boolean): Check => (v) => (isNumber(v) && v >= min && v <= max && (!integer || Number.isInteger(v)) ? v : UNSURE);

const timestamp: Check = (v) => {
  if (typeof v !== 'string' || !OFFSET_TIMESTAMP.test(v) || !isRealTimestamp(v)) return UNSURE;
  const year = new Date(Date.parse(v)).getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR ? v : UNSURE;
};

/** Both of the schema's character rules in one scan. */
const HIDDEN_OR_CONTROL = new RegExp(`${CONTROL.source}|${INVISIBLE.source}|${LONE_SURROGATE.source}`);
const text =
  (max: number): Check =>
  (v) => {
    if (typeof v !== 'string' || v.length > max || v.length === 0) return UNSURE;
    // A first character that is printable ASCII and not a space: the trimmed text is not empty, without trimming it.
    const c = v.charCodeAt(0);
    if (!(c > 32 && c < 127) && v.trim().length === 0) return UNSURE;
    return HIDDEN_OR_CONTROL.test(v) ? UNSURE : v;
  };

const url =
  (protocols: string[]): Check =>
  (v) =>
    typeof v === 'string' && urlProblem(v, protocols) === null ? withoutBraces(v) : UNSURE;

const TICKER = /^[A-Z0-9]{1,15}$/;
const ticker: Check = (v) => (typeof v === 'string' && TICKER.test(v) ? v : UNSURE);
const storyId: Check = (v) => (typeof v === 'string' && v.length >= 1 && v.length <= 80 && STORY_ID.test(v) ? v : UNSURE);
const oneOf = (values: readonly unknown[]): Check => {
  const set = new Set(values);
  return (v) => (set.has(v) ? v : UNSURE);
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const calendarDate: Check = (v) => (typeof v === 'string' && DATE.test(v) && isCalendarDate(v) ? v : UNSURE);
const never: Check = () => UNSURE;

/**
 * A strict object: only the keys listed (an unknown key is the schema's to
 * report), each required one present; the value is a new object with the
 * keys in the listed order, as the schema builds it. `rule`: the schema's
 * cross-field check on the built value.
 */
function object(fields: [key: string, check: Check, optional?: 'optional'][], rule?: (o: Raw) => boolean): Check {
  const allowed = new Set(fields.map((f) => f[0]));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return UNSURE;
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return UNSURE;
    // `for…in`, as the schema looks for unknown keys.
    for (const k in v) if (!allowed.has(k)) return UNSURE;
    const out: Raw = {};
    for (const [key, check, optional] of fields) {
      const x = (v as Raw)[key];
      if (x === undefined) {
        // Left out is fine for an optional key; given as `undefined` (no JSON gives that) is the schema's.
        if (optional && !(key in v)) continue;
        return UNSURE;
      }
      const r = check(x);
      if (r === UNSURE) return UNSURE;
      out[key] = r;
    }
    return rule && !rule(out) ? UNSURE : out;
  };
}

const list =
  (of: Check, max: number): Check =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return UNSURE;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const r = of(v[i]);
      if (r === UNSURE) return UNSURE;
      out[i] = r;
    }
    return out;
  };

const O = 'optional' as const;

/** PriceSchema's rule: open and close together, low ≤ high, both around open and close. */
const priceRule = (p: Raw): boolean => {
  const { open, close, high, low } = p as { open?: number; close?: number; high?: number; low?: number };
  if ((open === undefined) !== (close === undefined)) return false;
  if (high !== undefined && low !== undefined && low > high) return false;
  for (const v of [open, close]) {
    if (v === undefined) continue;
    if (low !== undefined && low > v) return false;
    if (high !== undefined && high < v) return false;
  }
  return true;
};

const Price = object(
  [
    ['open', price, O],
    ['close', price, O],
    ['high', price, O],
    ['low', price, O],
    ['previousAllTimeHigh', price, O],
  ],
  priceRule,
);

const Asset = object([
  ['symbol', ticker],
  ['name', text(60), O],
  ['longUsd', money],
  ['shortUsd', money],
  ['price', Price, O],
]);

const Exchange = object([
  ['name', text(60)],
  ['longUsd', money],
  ['shortUsd', money],
]);

const LargestOrder = object([
  ['exchange', text(60)],
  ['symbol', text(40)],
  ['asset', ticker, O],
  ['side', oneOf(['long', 'short'])],
  ['usd', money],
]);

const Level = object(
  [
    ['asset', ticker],
    ['kind', oneOf(['support', 'resistance'])],
    ['low', price],
    ['high', price, O],
  ],
  (l) => l['high'] === undefined || (l['low'] as number) <= (l['high'] as number),
);

const SnapshotFast = object([
  ['schemaVersion', oneOf([1])],
  ['id', storyId, O],
  [
    'window',
    object([
      ['start', timestamp],
      ['end', timestamp],
    ]),
  ],
  [
    'source',
    object([
      ['name', text(80)],
      ['url', url(['https:']), O],
    ]),
    O,
  ],
  ['coverage', oneOf(['complete', 'partial']), O],
  [
    'totals',
    object([
      ['usd', money],
      ['longUsd', money],
      ['shortUsd', money],
      ['traders', ranged(0, 1e10, true), O],
    ]),
  ],
  ['assets', list(Asset, 500), O],
  ['exchanges', list(Exchange, 200), O],
  ['largestOrder', LargestOrder, O],
  [
    'market',
    object([
      [
        'sentiment',
        object([
          ['index', ranged(0, 100, true), O],
          ['label', oneOf(SENTIMENT_LABELS), O],
        ]),
        O,
      ],
      ['openInterestChangePct', ranged(-100, 1000, false), O],
      ['fundingRatePct', ranged(-10, 10, false), O],
    ]),
    O,
  ],
  ['levels', list(Level, 20), O],
  [
    'context',
    object([
      ['catalysts', list(text(280), 10), O],
      [
        'record',
        object([
          ['usd', money],
          ['date', calendarDate],
        ]),
        O,
      ],
      [
        'related',
        list(
          object([
            ['title', text(200)],
            ['url', url(['http:', 'https:'])],
          ]),
          10,
        ),
        O,
      ],
      ['tags', list(text(40), 10), O],
      // The history block has rules of its own across its windows: the schema reads it.
      ['history', never, O],
    ]),
    O,
  ],
]);

/** What `SnapshotSchema.safeParse(input).data` would be when `input` is plainly valid, or undefined when the schema must decide. */
export function plainlyValid(input: unknown): Snapshot | undefined {
  const r = SnapshotFast(input);
  return r === UNSURE ? undefined : (r as Snapshot);
}
