/**
 * Number formatting: each figure is formatted here once, in a body form and a
 * headline form, and registered as a claim. Templates never format numbers.
 *
 * Rounding rules (see docs/CHECKS.md "How figures are checked"):
 * - body money: 3 significant figures ("$1.08 billion"), always within 0.5 %;
 * - headline money: 2 significant figures ("$1.1B"), always within 5 %;
 * - "Over $1 Billion" style headlines round down, so "over" is always true;
 * - partial coverage rounds down and says "at least".
 */
import type { Hedge, Ledger } from './ledger.js';

export interface Money {
  value: number;
  /** Body form with any hedge the data requires: "$1.08 billion", "at least $1.08 billion". */
  text: string;
  /** Compact headline form: "$1.1B" (or "At Least $1B" for partial coverage). */
  head: string;
  /** Headline form in words, rounded down: "Over $1 Billion", "$750 Million". */
  headWords: string;
}

export interface Figure {
  value: number;
  text: string;
}

const SCALES = [
  { n: 1e12, word: 'trillion', Word: 'Trillion', abbr: 'T' },
  { n: 1e9, word: 'billion', Word: 'Billion', abbr: 'B' },
  { n: 1e6, word: 'million', Word: 'Million', abbr: 'M' },
  { n: 1e3, word: 'thousand', Word: 'Thousand', abbr: 'K' },
] as const;

type Mode = 'nearest' | 'floor';

/** Rounds to `sf` significant figures. */
export function roundSig(v: number, sf: number, mode: Mode = 'nearest'): number {
  if (v === 0) return 0;
  const k = Math.floor(Math.log10(Math.abs(v))) - sf + 1;
  // Scale by an exact power of ten (multiply for k >= 0, divide for k < 0) so the result is the double nearest the decimal.
  const q = k >= 0 ? v / pow10(k) : v * pow10(-k);
  // Guard against 0.99999 artefacts of binary floating point before flooring.
  const r = mode === 'floor' ? Math.floor(q + 1e-9) : Math.round(q);
  const out = k >= 0 ? r * pow10(k) : r / pow10(-k);
  // A floor is a lower bound, and "at least" must hold: where the guard above lifted a value just below a step onto it, step back.
  if (mode === 'floor' && out > v) return k >= 0 ? (r - 1) * pow10(k) : (r - 1) / pow10(-k);
  return out;
}

/** 10^0 … 10^22, every one exact as a double: a table read is a third of the cost of `10 ** k` here, which runs for every figure. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const pow10 = (n: number): number => POW10[n] ?? 10 ** n;

/**
 * 182000 → "182,000". Whole numbers only; cheaper than toLocaleString, which
 * builds a formatter per call. A run of digits gets its commas by slicing
 * (every three from the right, as the pattern below puts them); anything
 * else String() can give (a sign, an exponent) takes the pattern.
 */
export function grouped(n: number): string {
  const s = String(Math.round(n));
  const len = s.length;
  if (len <= 3) return s;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  const head = len % 3 || 3;
  let out = s.slice(0, head);
  for (let i = head; i < len; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}

/**
 * `n.toFixed(2)` without trailing zeros: "1.08", "1.1", "2". This runs three
 * times for every figure, and `toFixed` is slow: when n is clearly nearer one
 * hundredth than any other (always, for the rounded figures it is given),
 * the digits come from that whole number of hundredths, which is what
 * `toFixed` rounds to. Near a tie, or out of range, `toFixed` decides.
 */
export function fixed2(n: number): string {
  const hundredths = Math.round(n * 100);
  if (n >= 0 && hundredths < 1e15 && Math.abs(n * 100 - hundredths) < 0.49) {
    const whole = Math.floor(hundredths / 100);
    const cents = hundredths - whole * 100;
    if (cents === 0) return String(whole);
    return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${cents < 10 ? '0' : ''}${cents}`;
  }
  const s = n.toFixed(2);
  if (s.endsWith('.00')) return s.slice(0, -3);
  return s.endsWith('0') ? s.slice(0, -1) : s;
}

/**
 * Below $100 an amount keeps its cents ("$19.60", "$0.37"): rounded to whole
 * dollars, $19.60 would read "$20" (worse, "at least $20" for partial
 * coverage) and $0.37 would read "$0", an amount said as nothing.
 */
const CENTS_BELOW = 100;
const centsText = (v: number): string => `$${cents2(v)}`;

/**
 * `n.toFixed(2)` for 0 ≤ n < 100,000, from the whole number of hundredths
 * when n is clearly nearer one hundredth than any other (as in `fixed2`);
 * near a tie, `toFixed` decides.
 */
function cents2(n: number): string {
  const hundredths = Math.round(n * 100);
  if (n >= 0 && n < 1e5 && Math.abs(n * 100 - hundredths) < 0.49) {
    const whole = Math.floor(hundredths / 100);
    const cents = hundredths - whole * 100;
    return `${whole}.${cents < 10 ? '0' : ''}${cents}`;
  }
  return n.toFixed(2);
}

/** "$1.08 billion" / "$427 million" / "$512,000" / "$845" / "$19.60". */
function moneyWords(v: number, capital = false): string {
  if (v < CENTS_BELOW && v > 0) return centsText(v);
  for (const s of SCALES) {
    if (s.n >= 1e6 && v >= s.n) {
      return `$${fixed2(v / s.n)} ${capital ? s.Word : s.word}`;
    }
  }
  return `$${grouped(Math.round(v))}`;
}

/** "$1.1B" / "$750M" / "$980K" / "$845". */
function moneyAbbr(v: number): string {
  if (v < CENTS_BELOW && v > 0) return centsText(v);
  for (const s of SCALES) if (v >= s.n) return `$${fixed2(v / s.n)}${s.abbr}`;
  return `$${Math.round(v)}`;
}

/** To whole cents, nearest or down (a lower bound never rounds up). */
function toCents(v: number, mode: Mode): number {
  const c = v * 100;
  if (mode === 'nearest') return Math.round(c) / 100;
  // As in roundSig: the guard takes 406.99999… to 407, but a lower bound never shows more than the value.
  const r = Math.floor(c + 1e-9);
  return r / 100 > v ? (r - 1) / 100 : r / 100;
}

function hedgeFor(display: number, value: number): Hedge {
  if (display === value) return 'exact';
  return 'about';
}

export interface MoneyOptions {
  source: string;
  /** A lower bound (partial coverage): round down and say "at least". */
  lowerBound?: boolean;
  /**
   * Round down without saying "at least": an exact amount printed beside
   * lower bounds (the largest order under partial coverage), so that it never
   * reads larger than a total it is part of ("a $48,300 long, 100% of at
   * least $48,200").
   */
  roundDown?: boolean;
}

/** The roundings a money claim names, as constants: three per figure, for every coin of a snapshot. */
const RULES = {
  cents: { body: 'cents', head: 'cents', bodyDown: 'cents, rounded down', headDown: 'cents, rounded down' },
  sig: { body: '3 significant figures', head: '2 significant figures', bodyDown: '3 significant figures, rounded down', headDown: '2 significant figures, rounded down' },
} as const;

/**
 * The amount the body form of `money(value)` displays ("$1.08 billion" is
 * 1.08e9), without formatting it or making a claim: what a coin that no
 * template prints needs to know whether its sides add up (derive.ts).
 * test/format-oracle.test.ts holds it to the text money() prints.
 */
export function bodyValue(value: number, lowerBound = false): number {
  const mode: Mode = lowerBound ? 'floor' : 'nearest';
  return value < CENTS_BELOW ? toCents(value, mode) : roundSig(value, 3, mode);
}

export function money(ledger: Ledger, value: number, opts: MoneyOptions): Money {
  const lb = opts.lowerBound === true;
  const down = lb || opts.roundDown === true;
  const small = value < CENTS_BELOW;
  const mode: Mode = down ? 'floor' : 'nearest';
  // A lower bound rounds the headline and word forms down alike: one rounding serves both.
  const bodyV = small ? toCents(value, mode) : roundSig(value, 3, mode);
  const headV = small ? bodyV : roundSig(value, 2, mode);
  const wordsV = down ? headV : small ? toCents(value, 'floor') : roundSig(value, 2, 'floor');
  const body = moneyWords(bodyV);
  const head = moneyAbbr(headV);
  // Below a million the word form would be all digits ("$120,000") beside a body figure that is
  // also all digits ("$128,000"): two values at what reads as one precision. "$120K" reads as rounded.
  const wordsCore = wordsV >= 1e6 ? moneyWords(wordsV, true) : wordsV === headV ? head : moneyAbbr(wordsV);
  const over = wordsV < value;
  const text = lb ? `at least ${body}` : body;
  const headText = lb ? `At Least ${head}` : head;
  const headWords = lb ? `At Least ${wordsCore}` : over ? `Over ${wordsCore}` : wordsCore;
  const rules = small ? RULES.cents : RULES.sig;
  ledger.add({ display: body, value, source: opts.source, hedge: lb ? 'at least' : hedgeFor(bodyV, value), rounding: down ? rules.bodyDown : rules.body });
  ledger.add({ display: head, value, source: opts.source, hedge: lb ? 'at least' : hedgeFor(headV, value), rounding: down ? rules.headDown : rules.head });
  ledger.add({ display: wordsCore, value, source: opts.source, hedge: lb ? 'at least' : over ? 'over' : 'exact', rounding: rules.headDown });
  return { value, text, head: headText, headWords };
}

/**
 * The same figure, formatted (and its claims registered in the ledger) only
 * when something reads its text: a wide snapshot's coins past the first few
 * are printed by no template, and formatting three money forms and three
 * claims for each of hundreds of them was a fifth of a batch. Classes, not
 * closures, so that making one costs what a plain object costs; `toJSON`
 * gives the plain object's keys in its order, so the sidecar is unchanged.
 * A figure the text prints has registered its claims before the claim check
 * reads the ledger.
 */
export class LazyMoney implements Money {
  readonly value: number;
  #made: Money | null = null;
  readonly #ledger: Ledger;
  readonly #opts: MoneyOptions;

  constructor(ledger: Ledger, value: number, opts: MoneyOptions) {
    this.value = value;
    this.#ledger = ledger;
    this.#opts = opts;
  }

  #get(): Money {
    return (this.#made ??= money(this.#ledger, this.value, this.#opts));
  }

  get text(): string {
    return this.#get().text;
  }

  get head(): string {
    return this.#get().head;
  }

  get headWords(): string {
    return this.#get().headWords;
  }

  toJSON(): Money {
    return this.#get();
  }
}

/** `percent` or `price`. */
type FigureMaker = (ledger: Ledger, value: number, source: string, decimals?: number, kind?: 'share' | 'change') => Figure;

/** A share or change (`percent`) or a price (`price`) made on first read of its text, as {@link LazyMoney}. */
export class LazyFigure implements Figure {
  readonly value: number;
  #made: Figure | null = null;
  readonly #make: FigureMaker;
  readonly #ledger: Ledger;
  readonly #source: string;
  readonly #decimals: number;
  readonly #kind: 'share' | 'change';

  constructor(make: FigureMaker, ledger: Ledger, value: number, source: string, decimals = 0, kind: 'share' | 'change' = 'share') {
    this.value = value;
    this.#make = make;
    this.#ledger = ledger;
    this.#source = source;
    this.#decimals = decimals;
    this.#kind = kind;
  }

  get text(): string {
    return (this.#made ??= this.#make(this.#ledger, this.value, this.#source, this.#decimals, this.#kind)).text;
  }

  toJSON(): Figure {
    return { value: this.value, text: this.text };
  }
}

/**
 * A coin price: whole dollars with commas from $100, cents from $1, four
 * significant figures below, always in plain decimals ("$0.00000001491",
 * never "$1.491e-8", which no reader of a news article should meet).
 */
export function price(ledger: Ledger, value: number, source: string): Figure {
  let text: string;
  let shown: number;
  if (value >= 100) {
    text = `$${grouped(Math.round(value))}`;
    // The whole dollars shown; past 2^53 (or written with an exponent) read back from the text.
    shown = value < 2 ** 53 ? Math.round(value) : Number(text.replace(/[$,]/g, ''));
  } else {
    const digits = value >= 1 ? cents2(value) : decimalText(value, 4);
    text = `$${digits}`;
    shown = Number(digits);
  }
  ledger.add({ display: text, value, source, hedge: hedgeFor(shown, value), rounding: value >= 100 ? 'whole dollars' : value >= 1 ? 'cents' : '4 significant figures' });
  return { value, text };
}

/**
 * A share or change in percent, as a magnitude: "84%", "4.2%". A share too
 * small to show is "under 1%" (never "0%"); a change too small to show is
 * "0.0%", and the caller reads that as flat.
 */
export function percent(ledger: Ledger, value: number, source: string, decimals = 0, kind: 'share' | 'change' = 'share'): Figure {
  const mag = Math.abs(value);
  // Whole percents: Math.round picks the integer toFixed(0) does (the nearest, a tie going up), without formatting twice.
  const digits = decimals === 0 && mag < 1e21 ? String(Math.round(mag)) : mag.toFixed(decimals);
  const shown = Number(digits);
  if (kind === 'share' && shown === 0 && mag > 0) {
    const floor = (1 / 10 ** decimals).toFixed(decimals);
    ledger.add({ display: `${floor}%`, value: mag, source, hedge: 'under', rounding: 'below the smallest shown value' });
    return { value, text: `under ${floor}%` };
  }
  const text = `${digits}%`;
  ledger.add({ display: text, value: mag, source, hedge: hedgeFor(shown, mag), rounding: PLACES[decimals] ?? `${decimals} decimal place(s)` });
  return { value, text };
}

const PLACES = ['whole percent', '1 decimal place(s)', '2 decimal place(s)', '3 decimal place(s)'];

/** A count of people or things: exact below 10,000, 3 significant figures above ("about 182,000"). */
export function count(ledger: Ledger, value: number, source: string, lowerBound = false): Figure {
  const shownV = value < 10_000 ? value : roundSig(value, 3, lowerBound ? 'floor' : 'nearest');
  // A million or more reads as words, as a newsroom writes it: "about 1.64 million traders".
  const core = shownV >= 1e6 ? `${fixed2(shownV / 1e6)} million` : grouped(shownV);
  const hedge: Hedge = lowerBound ? 'at least' : hedgeFor(shownV, value);
  const text = lowerBound ? `at least ${core}` : hedge === 'about' ? `about ${core}` : core;
  ledger.add({ display: core, value, source, hedge, rounding: value < 10_000 ? 'exact' : '3 significant figures' });
  return { value, text };
}

/** `v` (0 < v < 1) to `sf` significant figures in plain decimals, trailing zeros dropped: 0.00000001491. */
export function decimalText(v: number, sf: number): string {
  const decimals = Math.min(100, Math.max(0, sf - 1 - Math.floor(Math.log10(v))));
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A plain number stated as it is (an index value, a number of hours). */
export function plain(ledger: Ledger, value: number, source: string, text = String(value)): Figure {
  ledger.add({ display: text, value, source, hedge: 'exact', rounding: 'exact' });
  return { value, text };
}
