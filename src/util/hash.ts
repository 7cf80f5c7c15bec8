import { hash } from 'node:crypto';

const canonicalCache = new WeakMap<object, string>();

/**
 * JSON with object keys sorted at every level, so equal content gives equal
 * text. Both the seed and the derived id hash it, so it is kept per object.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text = canonicalCache.get(value);
  if (text === undefined) {
    // An array replacer is both an allow-list and an order for the keys of every object in the
    // value: given every key that occurs, sorted, JSON.stringify writes each object's keys sorted,
    // at native speed and without building a sorted copy.
    const keys = new Set<string>();
    collectKeys(value, keys);
    text = JSON.stringify(value, [...keys].sort());
    canonicalCache.set(value, text);
  }
  return text;
}

function collectKeys(v: unknown, keys: Set<string>): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collectKeys(x, keys);
    return;
  }
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    keys.add(k);
    collectKeys((v as Record<string, unknown>)[k], keys);
  }
}

/** Hex SHA-256 of the text's UTF-8 (one-shot `crypto.hash`: no Hash object per call). */
export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** 32-bit FNV-1a: a cheap, stable hash for choosing among phrasings. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The murmur3 finaliser: spreads every input bit over the whole word, so `% n` depends on all of them. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
