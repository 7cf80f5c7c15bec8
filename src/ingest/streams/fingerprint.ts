/**
 * The repeat key of a liquidation as a 53-bit number instead of a string:
 * built without allocating, and kept in typed arrays, so that remembering a
 * quarter of an hour of keys costs no garbage collection. Two lanes of 32-bit
 * multiply-xor hashing over the identifying fields, finished with murmur3's
 * mixer; the aggregate pairs it with the event's exact millisecond, so two
 * different liquidations are mistaken for a repeat only if they happen in the
 * same millisecond AND share all 53 bits (about 1 in 10^13 even at a thousand
 * liquidations per millisecond).
 *
 *   fpStart(); fpText(symbol); fpText(side); … ; const key = fpEnd();
 *
 * On the hot path the instrument's name is hashed once (`fpSeed`) and each
 * event resumes from that state (`fpResume`), then adds its side as a small
 * integer and its size and price as the bits of the parsed numbers
 * (`fpInt`, `fpNumber`): no character loop per event. A repeated frame has
 * the same text, hence the same numbers and the same key.
 */
import { preview } from '../preview.js';

let a = 0;
let b = 0;

export function fpStart(): void {
  a = 0x811c9dc5;
  b = 0x9e3779b9;
}

/** Adds one field (and a separator, so "ab"+"c" differs from "a"+"bc"). */
export function fpText(s: string): void {
  let x = a;
  let y = b;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    x = Math.imul(x ^ c, 0x01000193);
    y = Math.imul(y ^ c, 0x5bd1e995);
    y ^= y >>> 15;
  }
  a = Math.imul(x ^ 0x1f, 0x01000193);
  b = Math.imul(y ^ 0x1f, 0x5bd1e995);
}

/** A field as the venue sent it: strings as they are, anything else by its JSON text. */
export function fpField(v: unknown): void {
  // A field that is not a string is hashed by a bounded rendering: a nested or huge value must not stop the run.
  fpText(typeof v === 'string' ? v : typeof v === 'number' ? String(v) : preview(v, 200));
}

/** The state after hashing one instrument name, to resume from for each of its events. */
export interface FpSeed {
  readonly a: number;
  readonly b: number;
}

export function fpSeed(name: string): FpSeed {
  fpStart();
  fpText(name);
  return { a, b };
}

export function fpResume(seed: FpSeed): void {
  a = seed.a;
  b = seed.b;
}

/** Adds a 32-bit integer (a side code). */
export function fpInt(v: number): void {
  a = Math.imul(a ^ v, 0x01000193);
  b = Math.imul(b ^ v, 0x5bd1e995);
  b ^= b >>> 15;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Adds a number by the 64 bits of its double: equal numbers, equal bits (NaN never reaches a key). */
export function fpNumber(n: number): void {
  f64[0] = n;
  fpInt(u32[0] as number);
  fpInt(u32[1] as number);
}

export function fpEnd(): number {
  const x = fmix(a ^ Math.imul(b, 0x85ebca6b)) >>> 0;
  const y = fmix(b ^ x) >>> 0;
  // 32 bits of x and 21 of y: an integer below 2^53, exact as a double.
  return x * 2097152 + (y & 0x1fffff);
}

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits. Also used by ../aggregate-dedupe.ts. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
