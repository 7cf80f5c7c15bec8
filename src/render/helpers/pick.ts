/**
 * `{{#pick "slot"}}first{{else alt}}second{{else alt}}third{{/pick}}` renders
 * one of the alternatives, chosen by the article's seed and the slot name.
 * The same snapshot always gets the same choice; slots vary independently.
 *
 * Only the chosen alternative is rendered: `pick` walks the `{{else alt}}`
 * chain first (each `alt` just hands back its block), then renders one.
 */
import type { HelperOptions } from 'handlebars';
import { fnv1a, mix32 } from '../../util/hash.js';

type Block = HelperOptions['fn'];
interface Chain {
  blocks: Block[];
}

export function pick(this: unknown, slot: unknown, options: HelperOptions): string {
  if (typeof slot !== 'string' || !options || typeof options.fn !== 'function') {
    throw new Error('pick needs a slot name and a block: {{#pick "slot"}}a{{else alt}}b{{/pick}}');
  }
  const data = options.data as Record<string, unknown> | undefined;
  const seed = data?.['seed'];
  if (typeof seed !== 'number') throw new Error('pick: no seed in the render data');
  const chain: Chain = { blocks: [options.fn] };
  // A child frame (as Handlebars' own createFrame makes) is cheaper than copying the data object.
  const frame = Object.create(data ?? null) as Record<string, unknown>;
  frame['pickChain'] = chain;
  options.inverse(this, { data: frame });
  // FNV-1a's low bit is a parity of the input, so `% 2` alone would make every two-way slot flip together: mix first.
  const block = chain.blocks[mix32(fnv1a(`${seed}:${slot}`)) % chain.blocks.length]!;
  return block(this, { data });
}

export function alt(this: unknown, options: HelperOptions): string {
  const chain = (options?.data as { pickChain?: Chain } | undefined)?.pickChain;
  if (!chain || typeof options.fn !== 'function') throw new Error('{{else alt}} belongs directly inside {{#pick "slot"}}…{{/pick}}');
  chain.blocks.push(options.fn);
  options.inverse(this, { data: options.data });
  return '';
}
