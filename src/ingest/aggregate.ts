/**
 * The running totals of a liquidation stream over one window: a MERGEABLE
 * partial aggregate. Feed it events in stream order; to work in parallel,
 * aggregate consecutive pieces of a stream separately and `merge` them in
 * order — the result is the same as one pass (see the property test).
 *
 * Rules, each chosen so that totals are right and memory stays flat:
 *
 * - Window: an event counts when `start <= time < end`, by the event's OWN
 *   time (not when it was received). Others are counted, never summed.
 * - Money is summed in whole cents as integers (exact up to $90 trillion), so
 *   the order of additions, and therefore any split and merge, gives the same
 *   bytes. Each event is rounded to the cent once.
 * - Exact repeats (reconnect overlap, two recorders, two overlapping
 *   recordings concatenated in any order): an event whose repeat key (a
 *   53-bit hash of its identifying fields) and exact millisecond match an
 *   event already accepted IN THE WINDOW is a duplicate, counted and not
 *   summed, however far apart the two arrive. Every accepted event is
 *   remembered as a 64-bit fingerprint in one typed-array hash set
 *   (aggregate-dedupe.ts): 11–23 bytes per distinct event in the window, no
 *   object per event, and nothing for events outside the window.
 * - Merge: the later piece's accepted events within a short HEAD of its
 *   oldest event (15 minutes of event time) are kept with their figures, so
 *   that those repeating the earlier piece can be withdrawn. That covers any
 *   split of a stream whose repeats arrive within minutes of the original;
 *   `merge` counts the events both pieces accepted and returns `exact: false`
 *   when some of them could not be withdrawn.
 */
import type { IngestProblem, IngestWindow } from './types.js';
import type { LiquidationEvent, Side } from './streams/event.js';
import { FingerprintSet } from './aggregate-dedupe.js';

/** How much of a piece's start `merge` can take back (see the head below). */
export const DEFAULT_MERGE_HEAD_MS = 15 * 60_000;
/** Problems are all counted; this many are kept with their text and line, in stream order. */
export const KEPT_PROBLEMS = 100;
/** Kept problem messages are cut to this length. */
const MAX_MESSAGE = 1000;
/** The contract allows at most 500 assets; smaller ones beyond that still count in the totals. */
export const MAX_ASSETS = 500;

/** A problem with the input it came from. */
export interface LocatedProblem extends IngestProblem {
  /** File name as given, or `<stdin>`. */
  file: string;
}

export const COUNTERS = ['lines', 'blankLines', 'controlFrames', 'events', 'inWindow', 'accepted', 'duplicates', 'outOfWindow', 'zeroSize'] as const;
export type Counter = (typeof COUNTERS)[number];

/** The counters as plain fields (not a dictionary): they are bumped once or more per line. Order as COUNTERS. */
class Counts implements Record<Counter, number> {
  lines = 0;
  blankLines = 0;
  controlFrames = 0;
  events = 0;
  inWindow = 0;
  accepted = 0;
  duplicates = 0;
  outOfWindow = 0;
  zeroSize = 0;
}

interface SideSums {
  long: number; // cents
  short: number; // cents
  /** Accepted events behind these sums, so that an entry emptied by a merge disappears as if never seen. */
  n: number;
}

/** An accepted event's contribution, kept when it may turn out to repeat one of an earlier piece. */
interface HeadEntry {
  key: number;
  time: number;
  asset: string;
  venue: string;
  side: Side;
  cents: number;
}

interface Largest {
  venue: string;
  instrument: string;
  asset: string;
  side: Side;
  cents: number;
  time: number;
  key: number;
}

/** Bigger first; equal amounts by earlier time, then key: a total order, so any split picks the same order. */
function better(a: Largest, b: Largest | null): boolean {
  if (b === null) return true;
  if (a.cents !== b.cents) return a.cents > b.cents;
  if (a.time !== b.time) return a.time < b.time;
  return a.key < b.key;
}

export class StreamAggregate {
  readonly startMs: number;
  readonly endMs: number;
  readonly mergeHeadMs: number;

  private readonly counts = new Counts();
  private readonly problemCounts = new Map<IngestProblem['kind'], number>();
  private problemsKept: LocatedProblem[] = [];

  private longCents = 0;
  private shortCents = 0;
  private readonly assets = new Map<string, SideSums>();
  private readonly venues = new Map<string, SideSums>();
  private largest: Largest | null = null;

  /** Oldest and newest event time of ANY event, in the window or not: tells a user whose window missed the data where it is. */
  private anyMin = Infinity;
  private anyMax = -Infinity;
  /** Newest and oldest in-window event time seen. */
  private maxTime = -Infinity;
  private minTime = Infinity;
  /** Every accepted event of the window, as a fingerprint: what a repeat is checked against. */
  private readonly seen = new FingerprintSet();
  /** Accepted events within mergeHeadMs of minTime: what a merge with an earlier piece can take back. */
  private head: HeadEntry[] = [];
  /** Set by `absorb`: the repeat-check state no longer describes all the events. */
  private sealed = false;

  constructor(window: IngestWindow, mergeHeadMs = DEFAULT_MERGE_HEAD_MS) {
    this.startMs = window.start.getTime();
    this.endMs = window.end.getTime();
    this.mergeHeadMs = mergeHeadMs;
  }

  count(counter: Counter, n = 1): void {
    this.counts[counter] += n;
  }

  /** The hot path's counter: one call per line read. */
  countLine(): void {
    this.counts.lines++;
  }

  problem(file: string, line: number | null, kind: IngestProblem['kind'], message: string): void {
    this.problemCounts.set(kind, (this.problemCounts.get(kind) ?? 0) + 1);
    if (this.problemsKept.length < KEPT_PROBLEMS) {
      // A message quotes the line's values; a huge one is cut so that 100 kept problems stay small.
      const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}… (${message.length - MAX_MESSAGE} more characters)` : message;
      this.problemsKept.push({ file, line, kind, message: text });
    }
  }

  get problemTotal(): number {
    let n = 0;
    for (const v of this.problemCounts.values()) n += v;
    return n;
  }

  /** One decoded event, in stream order. */
  add(e: LiquidationEvent): void {
    if (this.sealed) throw new Error('an aggregate that absorbed another feed takes no more events');
    const t = e.time;
    this.counts.events++;
    if (t < this.anyMin) this.anyMin = t;
    if (t > this.anyMax) this.anyMax = t;
    if (t < this.startMs || t >= this.endMs) {
      this.counts.outOfWindow++;
      return;
    }
    this.counts.inWindow++;
    if (t < this.minTime) this.lowerMinTime(t);
    const key = e.dedupeKey;
    if (!this.seen.add(t, key)) {
      this.counts.duplicates++;
      return;
    }
    const cents = Math.round(e.usd * 100);
    this.accept(e, cents);
    if (t <= this.minTime + this.mergeHeadMs) this.head.push({ key, time: t, asset: e.asset, venue: e.venue, side: e.side, cents });
    if (t > this.maxTime) this.maxTime = t;
  }

  private accept(e: LiquidationEvent, cents: number): void {
    this.counts.accepted++;
    const long = e.side === 'long';
    if (long) this.longCents += cents;
    else this.shortCents += cents;
    addTo(this.assets, e.asset, long, cents, 1);
    addTo(this.venues, e.venue, long, cents, 1);
    const l = this.largest;
    if (l === null || cents > l.cents || (cents === l.cents && better({ venue: e.venue, instrument: e.instrument, asset: e.asset, side: e.side, cents, time: e.time, key: e.dedupeKey }, l))) {
      this.largest = { venue: e.venue, instrument: e.instrument, asset: e.asset, side: e.side, cents, time: e.time, key: e.dedupeKey };
    }
  }

  private lowerMinTime(t: number): void {
    this.minTime = t;
    const limit = t + this.mergeHeadMs;
    if (this.head.length > 0 && this.head.some((h) => h.time > limit)) this.head = this.head.filter((h) => h.time <= limit);
  }

  /**
   * Adds `later`, the aggregate of the piece of the stream that follows this
   * one. Events of `later`'s head that repeat one this piece accepted become
   * duplicates. Returns whether the result is exactly that of one pass: false
   * when the two pieces share events outside that head, which are then
   * counted twice.
   */
  merge(later: StreamAggregate): { exact: boolean } {
    if (this.sealed || later.sealed) throw new Error('an aggregate that absorbed another feed cannot be merged further');
    if (later.startMs !== this.startMs || later.endMs !== this.endMs || later.mergeHeadMs !== this.mergeHeadMs) {
      throw new Error('cannot merge aggregates of different windows or merge heads');
    }
    const keptHead: HeadEntry[] = [];
    let withdrawn = 0;
    for (const h of later.head) {
      if (this.seen.has(h.time, h.key)) {
        later.withdraw(h);
        withdrawn++;
      } else keptHead.push(h);
    }

    this.addFigures(later);
    const shared = this.seen.addAll(later.seen);
    const minTime = Math.min(this.minTime, later.minTime);
    this.head = this.head.concat(keptHead).filter((h) => h.time <= minTime + this.mergeHeadMs);
    this.minTime = minTime;
    if (later.maxTime > this.maxTime) this.maxTime = later.maxTime;
    return { exact: shared === withdrawn };
  }

  /**
   * Adds the aggregate of a DIFFERENT feed over the same window (another
   * venue, or a separate recording the user chose to add with --combine sum):
   * a plain sum, no repeat checks between the two.
   */
  absorb(other: StreamAggregate): void {
    if (other.startMs !== this.startMs || other.endMs !== this.endMs) throw new Error('cannot add aggregates of different windows');
    this.addFigures(other);
    // The feeds never repeat each other, so their keys stay apart: this aggregate is now for reading, not for more merges.
    this.sealed = true;
    this.minTime = Math.min(this.minTime, other.minTime);
    this.maxTime = Math.max(this.maxTime, other.maxTime);
  }

  /** Counters, problems, sums and the largest order of `other`, added. */
  private addFigures(other: StreamAggregate): void {
    for (const c of COUNTERS) this.counts[c] += other.counts[c];
    for (const [kind, n] of other.problemCounts) this.problemCounts.set(kind, (this.problemCounts.get(kind) ?? 0) + n);
    if (this.problemsKept.length < KEPT_PROBLEMS) this.problemsKept = this.problemsKept.concat(other.problemsKept.slice(0, KEPT_PROBLEMS - this.problemsKept.length));
    this.longCents += other.longCents;
    this.shortCents += other.shortCents;
    for (const [k, s] of other.assets) addSums(this.assets, k, s);
    for (const [k, s] of other.venues) addSums(this.venues, k, s);
    if (other.largest !== null && better(other.largest, this.largest)) this.largest = other.largest;
    this.anyMin = Math.min(this.anyMin, other.anyMin);
    this.anyMax = Math.max(this.anyMax, other.anyMax);
  }

  /** Takes back an accepted event found to repeat one of an earlier piece. */
  private withdraw(h: HeadEntry): void {
    const long = h.side === 'long';
    if (long) this.longCents -= h.cents;
    else this.shortCents -= h.cents;
    addTo(this.assets, h.asset, long, -h.cents, -1);
    addTo(this.venues, h.venue, long, -h.cents, -1);
    this.counts.accepted--;
    this.counts.duplicates++;
  }

  /** The figures so far, in US dollars, sorted for output (largest first, then by name). */
  figures(): StreamFigures {
    const rows = (m: Map<string, SideSums>) =>
      [...m]
        .filter(([, s]) => s.n > 0)
        .sort(([ka, a], [kb, b]) => b.long + b.short - (a.long + a.short) || (ka < kb ? -1 : ka > kb ? 1 : 0))
        .map(([name, s]) => ({ name, longUsd: s.long / 100, shortUsd: s.short / 100 }));
    const l = this.largest;
    return {
      longUsd: this.longCents / 100,
      shortUsd: this.shortCents / 100,
      assets: rows(this.assets),
      exchanges: rows(this.venues),
      largest: l === null ? null : { exchange: l.venue, symbol: l.instrument, asset: l.asset, side: l.side, usd: l.cents / 100 },
      firstTime: this.minTime === Infinity ? null : this.minTime,
      lastTime: this.maxTime === -Infinity ? null : this.maxTime,
      span: this.anyMin === Infinity ? null : { first: this.anyMin, last: this.anyMax },
    };
  }

  stats(): Record<string, number> {
    const out: Record<string, number> = { ...this.counts };
    for (const [kind, n] of [...this.problemCounts].sort(([a], [b]) => (a < b ? -1 : 1))) out[`problems.${kind}`] = n;
    out['problems'] = this.problemTotal;
    return out;
  }

  problems(): LocatedProblem[] {
    return [...this.problemsKept];
  }

  /** Fingerprints held for repeat checks (one per distinct accepted event) and head entries (for tests and the benchmark). */
  get heldKeys(): number {
    return this.seen.size + this.head.length;
  }

  /** Bytes of the fingerprint table: what remembering the window's events costs. */
  get fingerprintBytes(): number {
    return this.seen.bytes;
  }
}

export interface FigureRow {
  name: string;
  longUsd: number;
  shortUsd: number;
}

export interface StreamFigures {
  longUsd: number;
  shortUsd: number;
  assets: FigureRow[];
  exchanges: FigureRow[];
  largest: { exchange: string; symbol: string; asset: string; side: Side; usd: number } | null;
  /** Oldest and newest in-window event. */
  firstTime: number | null;
  lastTime: number | null;
  /** Oldest and newest event of the input, in the window or not. */
  span: { first: number; last: number } | null;
}

function addTo(m: Map<string, SideSums>, k: string, long: boolean, cents: number, n: number): void {
  let s = m.get(k);
  if (s === undefined) {
    s = { long: 0, short: 0, n: 0 };
    m.set(k, s);
  }
  if (long) s.long += cents;
  else s.short += cents;
  s.n += n;
}

function addSums(m: Map<string, SideSums>, k: string, add: SideSums): void {
  const s = m.get(k);
  if (s === undefined) m.set(k, { ...add });
  else {
    s.long += add.long;
    s.short += add.short;
    s.n += add.n;
  }
}
