/**
 * `{{#pick "slot"}}first{{alt}}second{{alt}}third{{/pick}}` renders one of
 * the alternatives, chosen by the article's seed and the slot name. The same
 * snapshot always gets the same choice; slots vary independently.
 */
import type { HelperOptions } from 'handlebars';
import { fnv1a, mix32 } from '../../util/hash.js';

/** Private-use character: cannot occur in escaped snapshot text or our own figures. */
export const ALT_MARK = '\uE000';

export function alt(): string {
  return ALT_MARK;
}

export function pick(this: unknown, slot: unknown, options: HelperOptions): string {
  if (typeof slot !== 'string' || !options || typeof options.fn !== 'function') {
    throw new Error('pick needs a slot name and a block: {{#pick "slot"}}a{{alt}}b{{/pick}}');
  }
  const seed = (options.data as { seed?: unknown } | undefined)?.seed;
  if (typeof seed !== 'number') throw new Error('pick: no seed in the render data');
  const parts = options.fn(this).split(ALT_MARK);
  // FNV-1a's low bit is a parity of the input, so `% 2` alone would make every two-way slot flip together: mix first.
  return parts[mix32(fnv1a(`${seed}:${slot}`)) % parts.length]!;
}
