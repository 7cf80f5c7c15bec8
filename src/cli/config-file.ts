/**
 * The config file's schema and reader (see config.ts): zod, strict, every
 * problem at once as `key.path: message`.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { formatPath } from '../errors.js';
import { forTerminal } from '../util/terminal.js';

// The English messages, as the snapshot schema uses (zod mini ships none by default).
z.config(en());

const text = z.string().check(z.minLength(1));
const positive = z.number().check(z.positive());

export const ConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  publisher: z.optional(z.strictObject({ name: z.optional(text), url: z.optional(text), logo: z.optional(text) })),
  author: z.optional(text),
  site: z.optional(text),
  baseUrl: z.optional(text),
  timeZone: z.optional(text),
  locale: z.optional(text),
  style: z.optional(text),
  formats: z.optional(z.array(text).check(z.minLength(1))),
  sections: z.optional(z.union([text, z.array(text)])),
  category: z.optional(text),
  email: z.optional(z.strictObject({ publication: z.optional(text), address: z.optional(text), unsubscribe: z.optional(text) })),
  publish: z.optional(z.boolean()),
  out: z.optional(text),
  history: z.optional(z.union([text, z.literal(false)])),
  newsworthiness: z.optional(
    z.strictObject({
      floor: z.optional(z.number().check(z.nonnegative())),
      floorPerHour: z.optional(z.number().check(z.nonnegative())),
      medianMultiple: z.optional(positive),
      maxRank: z.optional(z.int().check(z.positive())),
      rankDays: z.optional(z.int()),
      priceMove: z.optional(positive),
    }),
  ),
});
export type Config = z.infer<typeof ConfigSchema>;

/** A config that was read, or why it could not be (every problem, one per line). */
export type LoadedConfig = { file: string; config: Config } | { file: string; problems: string[] };

export function loadConfig(file: string): LoadedConfig {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { file, problems: [e instanceof SyntaxError ? `not valid JSON (${e.message})` : `cannot read: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const parsed = ConfigSchema.safeParse(doc);
  if (parsed.success) return { file, config: parsed.data };
  return { file, problems: parsed.error.issues.map((i) => `${formatPath(i.path) || '(top level)'}: ${forTerminal(i.message, 300)}`) };
}

