/**
 * An editor's most common edit is publishing: flipping `draft: true` to
 * `draft: false` (Jekyll: `published: false` to `published: true`). That
 * edit alone must not freeze the article: a re-render should still correct
 * its figures. So a Markdown file whose only change since generation is that
 * flag counts as "published, otherwise untouched", and the new render is
 * written with the editor's flag kept. Any other edit still keeps the file.
 */
import { readStamp } from './stamp.js';

/** The front matter block (`---` … `---`) and what follows, or null for a file without one. */
function split(text: string): { head: string; rest: string } | null {
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---\n', 3);
  return end < 0 ? null : { head: text.slice(0, end + 1), rest: text.slice(end + 1) };
}

/** The publish flags of a front matter block set one way or the other; null when it has none to set. */
function withFlags(text: string, publish: boolean): string | null {
  const parts = split(text);
  if (!parts) return null;
  let changed = false;
  const head = parts.head.replace(/^(draft|published): (true|false)$/gm, (line, key: string, value: string) => {
    const want = key === 'draft' ? String(!publish) : String(publish);
    if (value !== want) changed = true;
    return `${key}: ${want}`;
  });
  return changed ? head + parts.rest : null;
}

/** Whether an edited Markdown file differs from what liquidation-news wrote only by being published. */
export function onlyPublished(existing: string): boolean {
  const asDraft = withFlags(existing, false);
  return asDraft !== null && readStamp(asDraft) === 'intact';
}

/**
 * Generated Markdown as the editor published it: the flags set to published.
 * The stamp stays that of the draft, as in the editor's file, so the next
 * render again sees "only published" and again keeps it so.
 */
export function asPublished(content: string): string {
  return withFlags(content, true) ?? content;
}
