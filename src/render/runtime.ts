/**
 * What compiled templates call (compile.ts writes the calls): the last step
 * of a path, printing a value, the tests of `#if`, `#with` and `#each`, and
 * the choice of a `{{#pick}}`. Each gives what Handlebars gives for the same
 * template, except that S refuses a missing field wherever the path is used.
 */
import { fnv1a, mix32 } from '../util/hash.js';
import { leastRecent, type Variation } from './variation.js';

/** A data frame: `@root`, `@index`, `@first`, `@last`, `@key`, and the article's seed. */
export interface Frame {
  seed?: unknown;
  root?: unknown;
  /** The article's variation: recent uses per slot, and the choices made (recorded here). */
  variation?: Variation;
  [key: string]: unknown;
}

/** The last step of a path: the property must exist, or the template names a field the view lacks. */
export function S(o: unknown, k: string, where: string): unknown {
  if (!o || !(k in (o as object))) throw new Error(`${where}: "${k}" not defined in ${describe(o)}`);
  return (o as Record<string, unknown>)[k];
}

const describe = (o: unknown): string => (o && typeof o === 'object' ? `{${Object.keys(o).slice(0, 8).join(', ')}${Object.keys(o).length > 8 ? ', …' : ''}}` : String(o));

/** A printed value that is a function is called, as Handlebars does. */
export const V = (v: unknown, c: unknown): unknown => (typeof v === 'function' ? (v as (this: unknown) => unknown).call(c) : v);

/** Printed text: null and undefined print as nothing. */
export const T = (v: unknown): unknown => (v == null ? '' : v);

/** `#if`: false for a falsy value (0 included) and for an empty list. */
export function F(v: unknown, c: unknown): boolean {
  const x = V(v, c);
  return Boolean(x) && !(Array.isArray(x) && x.length === 0);
}

/** What `#with` and `#each` see as nothing to render: their `{{else}}` runs instead. */
export const E: unique symbol = Symbol('empty');

/** `#with`: the value, or E when it is empty (a falsy value other than 0, or an empty list). */
export function W(v: unknown, c: unknown): unknown {
  const x = V(v, c);
  return (!x && x !== 0) || (Array.isArray(x) && x.length === 0) ? E : x;
}

/** `#each`: the list, or E when there is nothing to iterate. */
export function A(v: unknown, c: unknown, where: string): readonly unknown[] | typeof E {
  const x = V(v, c);
  if (Array.isArray(x)) return x.length > 0 ? x : E;
  if (x && typeof x === 'object') throw new Error(`${where}: #each is for lists; this value is an object`);
  return E;
}

/** The frame of an `#each`: the enclosing one's entries, and the loop's own. */
export const R = (d: Frame): Frame => ({ ...d, _parent: d });

/**
 * Which alternative of a `{{#pick "slot"}}` renders: fixed by the seed and
 * the slot name, so the same snapshot always reads the same and slots vary
 * independently. FNV-1a's low bit is a parity of the input, so `% 2` alone
 * would make every two-way slot flip together: the hash is mixed first.
 */
export function P(d: Frame, slot: string, count: number): number {
  const seed = d.seed;
  if (seed !== lastSeed) {
    if (typeof seed !== 'number') throw new Error('pick: no seed in the render data');
    lastSeed = seed;
    seedHash = fnv1a(`${seed}:`);
  }
  // The hash of `${seed}:${slot}`, continued from the seed's part: an article's picks share it.
  const hash = mix32(fnv1a(slot, seedHash));
  const v = d.variation;
  if (v === undefined) return hash % count;
  if (v.recent === null) {
    // No memory: the seed alone, as without a variation; the first use of a slot is what the article records.
    const k = hash % count;
    if (v.chosen[slot] === undefined) v.chosen[slot] = k;
    return k;
  }
  // A slot used twice in one article (in a loop, or in the headline and the body) keeps its first choice.
  const done = v.chosen[slot];
  if (done !== undefined && done < count) return done;
  const k = leastRecent(v.recent.get(slot), count, hash);
  v.chosen[slot] = k;
  return k;
}
let lastSeed: unknown = null;
let seedHash = 0;

/** The options argument a helper receives last. No helper reads it; `any` and `all` rely on its place. */
export const O: Readonly<Record<string, never>> = Object.freeze({});
