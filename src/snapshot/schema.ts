/**
 * The snapshot contract, version 1 (see docs/SNAPSHOT.md).
 * One schema, one place: field rules live on the fields, cross-field rules in
 * `crossFieldRules` at the bottom, and every message is written for a person
 * ("expected a number of US dollars, got \"1.2B\""), not for a type checker.
 * fast.ts holds the same rules for the plainly valid case (a snapshot goes to
 * this schema whenever it is not sure): a rule changed here changes there too,
 * and test/snapshot-fast.test.ts compares the two.
 */
// zod's mini build: the same checks and messages as the classic API, as functions the bundler can
// pick from (40 KB instead of 750 KB), so a cold start loads a twentieth of the validator.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { describeValue } from './describe.js';
import { MAX_USD, MAX_WINDOW_DAYS, MIN_USD } from './limits.js';
import { HistoryBlockSchema } from '../history/context-schema.js';

export { MAX_USD, MAX_WINDOW_DAYS, MIN_USD };

// The mini build carries no messages of its own; the few not written here come from zod's English.
z.config(en());

const money = z
  .number({ error: (iss) => `expected a number of US dollars, got ${describeValue(iss.input)}` })
  .check(
    z.superRefine((n, ctx) => {
      if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: 'expected a finite number of US dollars' });
      else if (n < 0) ctx.addIssue({ code: 'custom', message: `must be 0 or more, got ${n}` });
      else if (n > MAX_USD) ctx.addIssue({ code: 'custom', message: 'is larger than $10 trillion; amounts are plain US dollars, not cents' });
      else if (n > 0 && n < MIN_USD) ctx.addIssue({ code: 'custom', message: `is ${n}, less than one cent; an amount is 0 or at least $0.01, as an article prints money to the cent at most` });
    }),
  );

const price = z
  .number({ error: (iss) => `expected a price in US dollars per coin, got ${describeValue(iss.input)}` })
  .check(
    z.superRefine((n, ctx) => {
      if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: 'expected a finite price' });
      else if (n <= 0) ctx.addIssue({ code: 'custom', message: `must be greater than 0, got ${n}` });
    }),
  );

/** A plain number with a range, and messages that say what was given. */
const rangedNumber = (what: string, min: number, max: number, integer = false) =>
  z
    .number({ error: (iss) => `expected ${what}, got ${describeValue(iss.input)}` })
    .check(
      z.superRefine((n, ctx) => {
        if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
          ctx.addIssue({ code: 'custom', message: `expected ${what} from ${min} to ${max}, got ${n}` });
        }
      }),
    );

export const OFFSET_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * Years a snapshot may speak of: none before bitcoin's first block (2009),
 * none past 9999 (a file name begins with the date, and a year of five
 * digits or below zero would begin it with a sign or sort it wrongly).
 */
export const FIRST_YEAR = 2009;
export const LAST_YEAR = 9999;
const YEAR_RULE = `years must be from ${FIRST_YEAR} (the first year of bitcoin) to ${LAST_YEAR}`;

const timestamp = z
  .string({ error: (iss) => `expected an ISO 8601 timestamp with an offset, got ${describeValue(iss.input)}` })
  .check(
    z.superRefine((s, ctx) => {
      if (!/(Z|[+-]\d{2}:\d{2})$/.test(s) && /^\d{4}-\d{2}-\d{2}(T|$)/.test(s)) {
        ctx.addIssue({ code: 'custom', message: `timestamp "${s}" has no time zone offset; add "Z" or "+hh:mm" (the product never guesses a zone)` });
      } else if (!OFFSET_TIMESTAMP.test(s) || !isRealTimestamp(s)) {
        ctx.addIssue({ code: 'custom', message: `expected an ISO 8601 timestamp such as "2026-02-05T00:00:00Z", got ${describeValue(s)}` });
      } else {
        const year = new Date(Date.parse(s)).getUTCFullYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) ctx.addIssue({ code: 'custom', message: `${describeValue(s)} is in the year ${year} (UTC); ${YEAR_RULE}` });
      }
    }),
  );

/**
 * C0 and C1 control characters other than tab and line breaks (which read as
 * spaces), and DEL. A NUL or an escape sequence in a name would reach every
 * output as it is: invalid in HTML, and able to restyle a terminal that
 * shows `--stdout`.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Characters that change how text around them is shown without showing
 * themselves: direction marks, embeddings, overrides and isolates, zero-width
 * spaces and joiners, and the byte-order mark. "CoinGlass" with U+202E in it
 * can read as another name; each would pass into every format.
 */
export const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- U+034F and U+180B-180F are combining marks listed one code unit each on purpose: each alone is what is refused
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;
const INVISIBLE_NAMES: Readonly<Record<number, string>> = {
  0x061c: 'an Arabic letter mark',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x200e: 'a left-to-right mark',
  0x200f: 'a right-to-left mark',
  0x202a: 'a left-to-right embedding',
  0x202b: 'a right-to-left embedding',
  0x202c: 'a pop-directional-formatting character',
  0x202d: 'a left-to-right override',
  0x202e: 'a right-to-left override',
  0x2066: 'a left-to-right isolate',
  0x2067: 'a right-to-left isolate',
  0x2068: 'a first-strong isolate',
  0x2069: 'a pop-directional-isolate character',
  0xfeff: 'a byte-order mark (zero-width no-break space)',
  0x00ad: 'a soft hyphen',
  0x034f: 'a combining grapheme joiner',
  0x2028: 'a line separator',
  0x2029: 'a paragraph separator',
  0x2060: 'a word joiner',
  0x3164: 'a Hangul filler',
  0xdb40: 'a tag character',
};

/**
 * Half of a character: a `\ud800` escape with no partner. JSON can write
 * it, but no UTF-8 text can hold it, and every output would print U+FFFD in
 * its place ("Bit\ufffdcoin").
 */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const text = (max: number, what = 'text') =>
  z
    .string({ error: (iss) => `expected ${what}, got ${describeValue(iss.input)}` })
    .check(
      // One check for the four rules (each adds its own issue): the fields are many, and each check costs.
      z.superRefine((s, ctx) => {
        if (s.trim().length === 0) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
        if (s.length > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
        const at = CONTROL.exec(s);
        if (at) {
          const code = at[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
          ctx.addIssue({ code: 'custom', message: `holds a control character (U+${code}) at position ${at.index + 1}; snapshot text is plain text` });
        }
        const hidden = INVISIBLE.exec(s);
        if (hidden) {
          const cp = hidden[0].codePointAt(0)!;
          const code = cp.toString(16).toUpperCase().padStart(4, '0');
          const name = INVISIBLE_NAMES[cp] ?? INVISIBLE_NAMES[hidden[0].charCodeAt(0)] ?? 'an invisible formatting character';
          ctx.addIssue({
            code: 'custom',
            message: `holds ${name} (U+${code}) at position ${hidden.index + 1}; snapshot text is plain text, and an invisible direction or width character can make it read as something else`,
          });
        }
        const half = LONE_SURROGATE.exec(s);
        if (half) {
          const code = half[0].charCodeAt(0).toString(16).toUpperCase();
          ctx.addIssue({
            code: 'custom',
            message: `holds half of a character (a lone surrogate, \\u${code.toLowerCase()}) at position ${half.index + 1}; no UTF-8 text can hold it, and every output would print U+FFFD, the replacement character, in its place`,
          });
        }
      }),
    );

const httpsUrl = z
  .string({ error: (iss) => `expected an https URL, got ${describeValue(iss.input)}` })
  .check(
    z.superRefine((s, ctx) => {
      const problem = urlProblem(s, ['https:']);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    z.overwrite(withoutBraces),
  );

const httpUrl = z
  .string({ error: (iss) => `expected an http(s) URL, got ${describeValue(iss.input)}` })
  .check(
    z.superRefine((s, ctx) => {
      const problem = urlProblem(s, ['http:', 'https:']);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    z.overwrite(withoutBraces),
  );

/**
 * The one normalisation a URL gets: `{` and `}` percent-encoded, and a `%`
 * that starts no escape written `%25`, so that no site generator or merge-tag
 * engine ever reads `{{`, `{%` or `{#` in a link (servers read `%7B` as `{`).
 * The rest of the URL stays as written.
 */
export function withoutBraces(url: string): string {
  return /[{}%]/.test(url) ? url.replace(/[{}]|%(?![0-9A-Fa-f]{2})/g, (c) => (c === '%' ? '%25' : c === '{' ? '%7B' : '%7D')) : url;
}

/** Every field in range and the calendar date real (no February 30, no 25:00, no +15:00 offset). */
export function isRealTimestamp(s: string): boolean {
  const [, date, hh, mm, ss, oh, om] = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?.*?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(s) ?? [];
  if (date === undefined || !isCalendarDate(date)) return false;
  const within = (v: string | undefined, max: number): boolean => v === undefined || Number(v) <= max;
  return within(hh, 23) && within(mm, 59) && within(ss, 59) && within(oh, 14) && within(om, 59) && !Number.isNaN(Date.parse(s));
}

/** A `YYYY-MM-DD` that names a real day: no February 30, no month 13 (leap years by the Gregorian rule). */
export function isCalendarDate(d: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);
}

/** Why `s` is not a URL the contract takes, or null. Credentials are refused: a footer or a feed would print them. */
/** A host as the URL parser leaves it: a domain name (international ones in punycode), an IPv4 address or a bracketed IPv6 one. */
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/i;

export function urlProblem(s: string, protocols: string[]): string | null {
  const schemes = protocols.map((p) => `${p}//`).join(' or ');
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return `expected an ${schemes} URL, got ${describeValue(s)}`;
  }
  if (!protocols.includes(url.protocol) || /\s/.test(s)) return `expected an ${schemes} URL, got ${describeValue(s)}`;
  if (url.username !== '' || url.password !== '') return 'holds a user name or password ("user:pass@"); a snapshot URL is printed in articles and e-mails, so it must not carry credentials';
  // The URL parser keeps "{" and "}" in a host (and decodes "%7B" there back to "{"), so no encoding can keep a
  // host from reading as a template tag in a site generator: a host is a domain name or an address, nothing else.
  if (!HOST.test(url.hostname)) return `has a host name (${describeValue(url.hostname)}) that is not a domain name or an IP address: letters, digits, "-", "_" and "." only`;
  return null;
}

const ticker = z
  .string({ error: (iss) => `expected a ticker such as "BTC", got ${describeValue(iss.input)}` })
  .check(
    z.superRefine((t, ctx) => {
      if (!/^[A-Z0-9]{1,15}$/.test(t)) ctx.addIssue({ code: 'custom', message: `expected 1 to 15 capital letters or digits, such as "BTC", got ${describeValue(t)}` });
    }),
  );

/**
 * A story id names the article's files (its slug is the id itself), so two
 * ids must never give one name: hyphens only between letters or digits, one
 * at a time. `btc-day-` or `btc--day` would otherwise be cut to `btc-day`
 * and replace that story's files.
 */
export const STORY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const storyId = z
  .string({ error: (iss) => `expected a story id, got ${describeValue(iss.input)}` })
  .check(
    z.superRefine((id, ctx) => {
      if (id.length < 1 || id.length > 80 || !/^[a-z0-9-]*$/.test(id)) {
        ctx.addIssue({ code: 'custom', message: `expected 1 to 80 lowercase letters, digits or hyphens, got ${describeValue(id)}` });
      } else if (!STORY_ID.test(id)) {
        ctx.addIssue({
          code: 'custom',
          message: `${describeValue(id)} starts or ends with a hyphen or has two in a row; the id is the article's file name, and "a-b-", "-a-b" and "a--b" would all be written as "a-b"`,
        });
      }
    }),
  );

const side = z.enum(['long', 'short'], { error: (iss) => `expected "long" or "short", got ${describeValue(iss.input)}` });

export const SENTIMENT_LABELS = ['Extreme Fear', 'Fear', 'Neutral', 'Greed', 'Extreme Greed'] as const;

const opt = z.optional;
/** A list of at most `max`, said in words. */
const list = <T extends z.core.SomeType>(of: T, max: number, what: string) => z.array(of).check(z.maxLength(max, `at most ${max} ${what}`));

const PriceSchema = z
  .strictObject({
    open: opt(price),
    close: opt(price),
    high: opt(price),
    low: opt(price),
    previousAllTimeHigh: opt(price),
  })
  .check(
    z.superRefine((p, ctx) => {
      if ((p.open === undefined) !== (p.close === undefined)) {
        ctx.addIssue({ code: 'custom', path: [p.open === undefined ? 'open' : 'close'], message: 'open and close come together: give both or neither' });
      }
      if (p.high !== undefined && p.low !== undefined && p.low > p.high) {
        ctx.addIssue({ code: 'custom', path: ['low'], message: `low (${p.low}) is above high (${p.high})` });
      }
      for (const k of ['open', 'close'] as const) {
        const v = p[k];
        if (v === undefined) continue;
        if (p.low !== undefined && p.low > v) ctx.addIssue({ code: 'custom', path: ['low'], message: `low (${p.low}) is above ${k} (${v})` });
        if (p.high !== undefined && p.high < v) ctx.addIssue({ code: 'custom', path: ['high'], message: `high (${p.high}) is below ${k} (${v})` });
      }
    }),
  );

const AssetSchema = z.strictObject({
  symbol: ticker,
  name: opt(text(60, 'a display name')),
  longUsd: money,
  shortUsd: money,
  price: opt(PriceSchema),
});

const ExchangeSchema = z.strictObject({
  name: text(60, 'an exchange name'),
  longUsd: money,
  shortUsd: money,
});

const LargestOrderSchema = z.strictObject({
  exchange: text(60, 'an exchange name'),
  symbol: text(40, 'an instrument name such as "BTCUSDT"'),
  asset: opt(ticker),
  side,
  usd: money,
});

const LevelSchema = z
  .strictObject({
    asset: ticker,
    kind: z.enum(['support', 'resistance'], { error: (iss) => `expected "support" or "resistance", got ${describeValue(iss.input)}` }),
    low: price,
    high: opt(price),
  })
  .check(z.refine((l) => l.high === undefined || l.low <= l.high, { path: ['high'], message: 'high must be at least low' }));

/** What a catalyst is about: a technical one (a chart level, a pattern) is never called news. */
export const CATALYST_KINDS = ['macro', 'regulatory', 'flows', 'technical', 'on-chain', 'exchange', 'other'] as const;
const catalystText = text(280, 'a sentence of plain text');
/** A catalyst: a sentence, or the sentence with its kind (`{ "text": …, "kind": "macro" }`). */
const CatalystSchema = z.union([
  catalystText,
  z.strictObject({
    text: catalystText,
    kind: opt(z.enum(CATALYST_KINDS, { error: (iss) => `expected one of ${CATALYST_KINDS.map((k) => `"${k}"`).join(', ')}, got ${describeValue(iss.input)}` })),
  }),
]);

export const SnapshotSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: (iss) => `expected 1 (the only contract version), got ${describeValue(iss.input)}` }),
  id: opt(storyId),
  window: z.strictObject({ start: timestamp, end: timestamp }),
  source: opt(z.strictObject({ name: text(80, 'a provider name such as "CoinGlass"'), url: opt(httpsUrl) })),
  coverage: opt(z.enum(['complete', 'partial'], { error: (iss) => `expected "complete" or "partial", got ${describeValue(iss.input)}` })),
  totals: z.strictObject({
    usd: money,
    longUsd: money,
    shortUsd: money,
    traders: opt(rangedNumber('a whole number of traders', 0, 1e10, true)),
  }),
  assets: opt(list(AssetSchema, 500, 'assets')),
  exchanges: opt(list(ExchangeSchema, 200, 'exchanges')),
  largestOrder: opt(LargestOrderSchema),
  market: opt(
    z.strictObject({
      sentiment: opt(
        z.strictObject({
          index: opt(rangedNumber('a whole number (the Fear & Greed index)', 0, 100, true)),
          label: opt(z.enum(SENTIMENT_LABELS, { error: (iss) => `expected one of ${SENTIMENT_LABELS.map((l) => `"${l}"`).join(', ')}, got ${describeValue(iss.input)}` })),
        }),
      ),
      openInterestChangePct: opt(rangedNumber('a change in percent', -100, 1000)),
      fundingRatePct: opt(rangedNumber('a funding rate in percent per 8 hours', -10, 10)),
    }),
  ),
  levels: opt(list(LevelSchema, 20, 'levels')),
  context: opt(
    z.strictObject({
      catalysts: opt(list(CatalystSchema, 10, 'catalysts')),
      /**
       * The largest total on record for a window of `windowHours` (default 24: the record day). It is
       * compared only with a snapshot whose window has that length: a week is never set against a day.
       */
      record: opt(
        z.strictObject({
          usd: money,
          windowHours: opt(rangedNumber('a window length in whole hours', 1, MAX_WINDOW_DAYS * 24, true)),
          date: z.string().check(
            z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
            z.refine((d) => isCalendarDate(d), 'is not a real calendar date'),
          ),
        }),
      ),
      related: opt(list(z.strictObject({ title: text(200, 'a title'), url: httpUrl }), 10, 'related links')),
      tags: opt(list(text(40, 'a tag'), 10, 'tags')),
      /** Earlier windows of the same length, for a pipeline without a history store (src/history/context-schema.ts). */
      history: opt(HistoryBlockSchema),
    }),
  ),
});

/** The validated snapshot: what every later stage trusts. */
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Asset = z.infer<typeof AssetSchema>;
export type Exchange = z.infer<typeof ExchangeSchema>;
