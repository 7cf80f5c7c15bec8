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
 * - Repeated frames (reconnect overlap, two recorders): an event whose repeat
 *   key (a 53-bit fingerprint of its identifying fields, with its exact
 *   millisecond) was already accepted is a duplicate, counted and not summed. Keys are
 *   kept for a sliding HORIZON of event time (15 minutes by default) behind
 *   the newest event seen, in one-minute buckets: memory depends on the event
 *   rate, never on the file size. An event older than the newest one minus
 *   the horizon ("late") cannot be checked against forgotten keys: it is
 *   summed and counted as `lateUnchecked`, so the report can say so. Give
 *   overlapping recordings in time order and their overlaps are caught.
 * - Merge is exact when the later piece holds no event older than the earlier
 *   piece's newest minus the horizon — true of any split of a stream with no
 *   late events; `merge` returns whether it held.
 */
import type { IngestProblem, IngestWindow } from './types.js';
import type { LiquidationEvent, Side } from './streams/event.js';
import { KeySet } from './aggregate-dedupe.js';

export const DEFAULT_HORIZON_MS = 15 * 60_000;
/** Problems are all counted; this many are kept with their text and line, in stream order. */
export const KEPT_PROBLEMS = 100;
/** Kept problem messages are cut to this length. */
const MAX_MESSAGE = 1000;
/** The contract allows at most 500 assets; smaller ones beyond that still count in the totals. */
export const MAX_ASSETS = 500;

const BUCKET_MS = 60_000;

/** A problem with the input it came from. */
export interface LocatedProblem extends IngestProblem {
  /** File name as given, or `<stdin>`. */
  file: string;
}

export const COUNTERS = ['lines', 'blankLines', 'controlFrames', 'events', 'inWindow', 'accepted', 'duplicates', 'outOfWindow', 'lateUnchecked', 'zeroSize'] as const;
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
  lateUnchecked = 0;
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
  readonly horizonMs: number;

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
  /** Repeat keys by minute of event time, for the horizon behind maxTime. */
  private readonly buckets = new Map<number, KeySet>();
  private pruneBelow = -Infinity; // buckets below this minute are gone
  private lastBucket = NaN;
  private lastSet: KeySet | undefined;
  /** Accepted events within the horizon of minTime: what a merge with an earlier piece must re-check. */
  private head: HeadEntry[] = [];
  /** Set by `absorb`: the repeat-check state no longer describes all the events. */
  private sealed = false;

  constructor(window: IngestWindow, horizonMs = DEFAULT_HORIZON_MS) {
    this.startMs = window.start.getTime();
    this.endMs = window.end.getTime();
    this.horizonMs = horizonMs;
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
    const cents = Math.round(e.usd * 100);
    if (t < this.maxTime - this.horizonMs) {
      this.counts.lateUnchecked++;
      this.accept(e, cents);
      return;
    }
    const bucket = Math.floor(t / BUCKET_MS);
    let set = bucket === this.lastBucket ? this.lastSet : this.buckets.get(bucket);
    if (set === undefined) {
      // Sized like the minute before: a steady stream never grows a table.
      set = new KeySet(this.lastSet?.size ?? 64);
      this.buckets.set(bucket, set);
    }
    this.lastBucket = bucket;
    this.lastSet = set;
    const key = e.dedupeKey;
    if (!set.add(t, key)) {
      this.counts.duplicates++;
      return;
    }
    this.accept(e, cents);
    if (t <= this.minTime + this.horizonMs) this.head.push({ key, time: t, asset: e.asset, venue: e.venue, side: e.side, cents });
    if (t > this.maxTime) this.raiseMaxTime(t);
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

  private raiseMaxTime(t: number): void {
    this.maxTime = t;
    const below = Math.floor((t - this.horizonMs) / BUCKET_MS);
    if (below > this.pruneBelow) this.prune(below);
  }

  /** Forgets the keys of every minute wholly older than the horizon: no on-time event can repeat them. */
  private prune(below: number): void {
    this.pruneBelow = below;
    for (const b of this.buckets.keys()) if (b < below) this.buckets.delete(b);
    if (this.lastBucket < below) {
      this.lastBucket = NaN;
      this.lastSet = undefined;
    }
  }

  private lowerMinTime(t: number): void {
    this.minTime = t;
    const limit = t + this.horizonMs;
    if (this.head.length > 0 && this.head.some((h) => h.time > limit)) this.head = this.head.filter((h) => h.time <= limit);
  }

  /**
   * Adds `later`, the aggregate of the piece of the stream that follows this
   * one. Events of `later` that repeat a key this piece still holds become
   * duplicates. Returns whether the result is exactly that of one pass.
   */
  merge(later: StreamAggregate): { exact: boolean } {
    if (this.sealed || later.sealed) throw new Error('an aggregate that absorbed another feed cannot be merged further');
    if (later.startMs !== this.startMs || later.endMs !== this.endMs || later.horizonMs !== this.horizonMs) {
      throw new Error('cannot merge aggregates of different windows or horizons');
    }
    const exact = later.minTime === Infinity || this.maxTime === -Infinity || later.minTime >= this.maxTime - this.horizonMs;

    const keptHead: HeadEntry[] = [];
    for (const h of later.head) {
      if (this.buckets.get(Math.floor(h.time / BUCKET_MS))?.has(h.time, h.key)) later.withdraw(h);
      else keptHead.push(h);
    }

    this.addFigures(later);

    for (const [b, keys] of later.buckets) {
      let mine = this.buckets.get(b);
      if (mine === undefined) {
        mine = new KeySet(keys.size);
        this.buckets.set(b, mine);
      }
      const into = mine;
      keys.forEach((t, k) => into.add(t, k));
    }
    this.lastBucket = NaN;
    this.lastSet = undefined;
    const minTime = Math.min(this.minTime, later.minTime);
    this.head = this.head.concat(keptHead).filter((h) => h.time <= minTime + this.horizonMs);
    this.minTime = minTime;
    if (later.maxTime > this.maxTime) this.maxTime = later.maxTime;
    const below = Math.floor((this.maxTime - this.horizonMs) / BUCKET_MS);
    if (below > this.pruneBelow) this.prune(below);
    return { exact };
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

  /** Keys held for repeat checks and head entries: what the memory bound is about (for tests and the benchmark). */
  get heldKeys(): number {
    let n = this.head.length;
    for (const s of this.buckets.values()) n += s.size;
    return n;
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
