/**
 * `telegram`: one Telegram message in MarkdownV2 (parse_mode "MarkdownV2"):
 * the headline in bold, the total, the key facts as bullets, a link to the
 * article when a base URL is set, the source and the tags. Every character
 * Telegram reserves is escaped outside entities, and `)` and `\` inside the
 * link's URL, so no text can open an entity. Under 4,096 characters, with
 * room to spare. Sent out verbatim, so no stamp inside.
 */
import type { FormatWriter } from './context.js';
import { socialLines } from './social.js';

export const TELEGRAM_LIMIT = 4096;

export const telegramFormat: FormatWriter = {
  ext: 'telegram.txt',
  description: 'a Telegram message in MarkdownV2: bold headline, bullets, link and tags',
  build(ctx) {
    const s = socialLines(ctx);
    const blocks = (facts: string[]): string[] =>
      [
        `*${escapeMarkdownV2(s.headline)}*`,
        s.total && escapeMarkdownV2(s.total),
        facts.map((f) => `• ${escapeMarkdownV2(f)}`).join('\n'),
        [s.link && `[Read the full story](${escapeLinkUrl(s.link)})`, s.source && escapeMarkdownV2(s.source), escapeMarkdownV2(s.tags.join(' '))].filter(Boolean).join('\n'),
      ].filter((b): b is string => Boolean(b));
    // Facts go from the end if the message would not fit (it always has, by a wide margin). Counted in
    // UTF-16 units, as Telegram's clients do, which is never less than the count of characters.
    const facts = [...s.facts];
    let text = blocks(facts).join('\n\n');
    while (text.length >= TELEGRAM_LIMIT && facts.length > 0) {
      facts.pop();
      text = blocks(facts).join('\n\n');
    }
    return `${text}\n`;
  },
};

/** Telegram's MarkdownV2 reserved characters, escaped with a backslash (and the backslash itself). */
export function escapeMarkdownV2(s: string): string {
  return s.replace(/[_*[\]()~`>#+\-=|{}.!\\]/g, (c) => `\\${c}`);
}

/** Inside `(…)` of an inline link only `)` and `\` are escaped. */
export function escapeLinkUrl(url: string): string {
  return url.replace(/[)\\]/g, (c) => `\\${c}`);
}
