/**
 * The reference for compiled picks (src/render/compile.ts): the same choice
 * (runtime.ts, P) made by Handlebars helpers, run by Handlebars' own runtime.
 *
 * `{{#pick "slot"}}first{{else alt}}second{{else alt}}third{{/pick}}` renders
 * one of the alternatives, chosen by the article's seed and the slot name.
 * The same snapshot always gets the same choice; slots vary independently.
 *
 * Only the chosen alternative is rendered, and only the alternatives before
 * it are stepped through: the compiler step (prepareTemplate in
 * handlebars.ts) gives each pick its number of alternatives as a second
 * parameter, so the choice is made first. Each `{{else alt}}` is a block in
 * the previous one's inverse; stepping to the k-th means k inverse calls.
 */
import type { HelperOptions } from 'handlebars';
import { P } from '../../src/render/runtime.js';

/**
 * Alternatives still to skip before the chosen one, while a pick steps
 * through its chain; -1 outside one. Rendering is synchronous, so one
 * counter serves: a nested pick runs only inside the chosen block, after
 * the counter is reset.
 */
let toSkip = -1;

export function pick(this: unknown, slot: unknown, count: unknown, options: HelperOptions): string {
  // Uncounted, Handlebars passes the block's options where the count would be.
  if (options === undefined && typeof count === 'object' && count !== null && 'fn' in count) {
    throw new Error('pick: the template was compiled without prepareTemplate (test/oracle/handlebars.ts), which counts its alternatives');
  }
  if (typeof slot !== 'string' || typeof count !== 'number' || !options || typeof options.fn !== 'function') {
    throw new Error('pick needs a slot name and a block: {{#pick "slot"}}a{{else alt}}b{{/pick}}');
  }
  const chosen = P((options.data ?? {}) as Record<string, unknown>, slot, count);
  if (chosen === 0) return options.fn(this, { data: options.data });
  toSkip = chosen - 1;
  try {
    return options.inverse(this, { data: options.data });
  } finally {
    toSkip = -1;
  }
}

export function alt(this: unknown, options: HelperOptions): string {
  if (toSkip < 0 || typeof options?.fn !== 'function') throw new Error('{{else alt}} belongs directly inside {{#pick "slot"}}…{{/pick}}');
  if (toSkip > 0) {
    toSkip--;
    return options.inverse(this, { data: options.data });
  }
  toSkip = -1;
  return options.fn(this, { data: options.data });
}
