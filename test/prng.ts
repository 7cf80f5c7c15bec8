/**
 * mulberry32, the small seeded generator the benchmark's inputs come from
 * (bench/make-inputs.js), typed for the tests' random inputs: a failure
 * names a seed that makes the same input again.
 */
// @ts-expect-error: the benchmark's input generator is plain JavaScript without types.
import { prng as mulberry32 } from '../bench/make-inputs.js';

export const prng = mulberry32 as (seed: number) => () => number;
