/**
 * mulberry32: a small, well-mixed seeded generator for the tests' random
 * inputs, so a failure names a seed that makes the same input again.
 * (bench/make-inputs.js carries the same one for the benchmark, which runs
 * as plain JavaScript.)
 */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
