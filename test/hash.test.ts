import { describe, expect, it } from 'vitest';
import { fnv1a, canonicalJson } from '../src/util/hash.js';

// The seed and the derived id hash this text: equal content must give equal text, whatever the key order.
describe('canonicalJson', () => {
  it('orders keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('gives the same text for the same content written in another order', () => {
    const one = { window: { start: 's', end: 'e' }, totals: { usd: 1, longUsd: 1, shortUsd: 0 }, schemaVersion: 1 };
    const two = { schemaVersion: 1, totals: { shortUsd: 0, usd: 1, longUsd: 1 }, window: { end: 'e', start: 's' } };
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });
  it('sorts as the built-in sort does (code units: capitals before lower case, then other scripts)', () => {
    const keys = ['é', 'b', 'B', 'a', 'aa', 'A', '', 'a1'];
    const value = Object.fromEntries(keys.map((k, i) => [k, i]));
    const order = [...canonicalJson(value).matchAll(/"([^"]*)":/g)].map((m) => m[1]);
    expect(order).toEqual([...keys].sort());
    expect(order).toEqual(['', 'A', 'B', 'a', 'a1', 'aa', 'b', 'é']);
  });
  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
  });
});

describe('fnv1a', () => {
  it('continues a hash: the seed part of a pick is hashed once per article', () => {
    for (const [a, b] of [['123:', 'head-verb'], ['', 'x'], ['4294967295:', ''], ['7:', 'é — unicode']]) {
      expect(fnv1a(b!, fnv1a(a!))).toBe(fnv1a(a! + b!));
    }
    expect(fnv1a('')).toBe(0x811c9dc5);
  });
});
