/**
 * An editor's most common edit is publishing: flipping `draft: true` to
 * `draft: false` (Jekyll: `published: false` to `published: true`;
 * Eleventy's profile also gives a draft `permalink: false` and
 * `eleventyExcludeFromCollections: true`, which the editor sets too). That
 * edit alone must not freeze the article: a re-render should still correct
 * its figures. So a Markdown file whose only change since generation is its
 * publish keys counts as "published, otherwise untouched", and the new
 * render is written with the editor's keys kept. Any other edit still keeps
 * the file.
 */
import { readStamp } from './stamp.js';

/** The front matter block (`---` … `---`) and what follows, or null for a file without one. */
function split(text: string): { head: string; rest: string } | null {
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---\n', 3);
  return end < 0 ? null : { head: text.slice(0, end + 1), rest: text.slice(end + 1) };
}

const ELEVENTY = /^eleventyExcludeFromCollections: (?:true|false)$/m;
const PERMALINK = /^permalink: .*$/m;

/**
 * The front matter with its publish keys set one way or the other; null when
 * nothing changed. Publishing an Eleventy draft needs its page's permalink,
 * which only the editor's file holds: `permalink` gives that line.
 */
function withPublishKeys(text: string, publish: boolean, permalink: string | null = null): string | null {
  const parts = split(text);
  if (!parts) return null;
  let head = parts.head.replace(/^(draft|published|eleventyExcludeFromCollections): (true|false)$/gm, (_line, key: string) => {
    const on = key === 'published' ? publish : !publish;
    return `${key}: ${on}`;
  });
  // Only Eleventy's profile ties `permalink` to the draft state (Jekyll's is always there).
  if (ELEVENTY.test(head)) {
    if (!publish) head = head.replace(PERMALINK, 'permalink: false');
    else if (permalink !== null && /^permalink: false$/m.test(head)) head = head.replace(PERMALINK, permalink);
  }
  return head === parts.head ? null : head + parts.rest;
}

/** Whether an edited Markdown file differs from what liquidation-news wrote only by being published. */
export function onlyPublished(existing: string): boolean {
  const asDraft = withPublishKeys(existing, false);
  return asDraft !== null && readStamp(asDraft) === 'intact';
}

/**
 * Generated Markdown as the editor published it: the publish keys set as in
 * the editor's file (its Eleventy permalink included). The stamp stays that
 * of the draft, as in the editor's file, so the next render again sees "only
 * published" and again keeps it so.
 */
export function asPublished(content: string, existing: string): string {
  const permalink = ELEVENTY.test(existing) ? (PERMALINK.exec(split(existing)?.head ?? '')?.[0] ?? null) : null;
  return withPublishKeys(content, true, permalink) ?? content;
}
