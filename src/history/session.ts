/**
 * What `generate()` asks of the history store while it renders: the context
 * facts for a snapshot, the variation choices of earlier articles, and a
 * slug no other story holds. A render records its articles only after they
 * are written (one transaction for the batch), so the stories rendered
 * earlier in the same batch are kept here, in the process, and answered
 * together with the stored ones.
 */
import type { History } from './store.js';
import type { RecentArticle, VariationMemory } from '../render/variation.js';
import { sha256 } from '../util/hash.js';

interface Pending {
  articles: Map<string, RecentArticle>;
  /** slug → story id, for the stories of this batch not yet in the store. */
  slugs: Map<string, string>;
}

const pending = new WeakMap<History, Pending>();

function pendingOf(history: History): Pending {
  let p = pending.get(history);
  if (!p) pending.set(history, (p = { articles: new Map(), slugs: new Map() }));
  return p;
}

/** A story rendered but not published (skipped as not newsworthy): later articles of the batch do not vary against it. */
export function forgetPending(history: History, id: string): void {
  const p = pending.get(history);
  if (!p) return;
  p.articles.delete(id);
  for (const [slug, holder] of p.slugs) if (holder === id) p.slugs.delete(slug);
}

/** The batch's articles are in the store now: forget the in-process copies. */
export function clearPending(history: History): void {
  pending.delete(history);
}

/**
 * The store as a variation memory: the stories of a style whose window ended
 * before this one's, other than this story, newest first, this batch's own
 * included.
 */
export function historyVariation(history: History): VariationMemory {
  return {
    recent(style, end, id, limit) {
      const mine = pendingOf(history).articles;
      const before = new Date(Date.parse(end) - 1).toISOString();
      const stored = history.recentArticles(style, limit, { before, exceptStoryId: id }).filter((a) => !mine.has(a.id));
      const batch = [...mine.values()].filter((a) => a.style === style && a.id !== id && a.end < end);
      return [...batch, ...stored].sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : a.id < b.id ? 1 : -1)).slice(0, limit);
    },
    remember(article) {
      pendingOf(history).articles.set(article.id, article);
    },
  };
}

/**
 * A slug for story `id` that no other story holds. A story the store knows
 * keeps the slug it was given, so a correction replaces its page; a new
 * story takes the readable slug, with the window's date added when another
 * story has it, then the window's end time, and last a short hash of the id.
 */
export function uniqueSlug(history: History, id: string, base: string, date: string, endTime: string): string {
  const p = pendingOf(history);
  const known = history.show(id)?.slug;
  const taken = (slug: string): boolean => {
    const holder = p.slugs.get(slug);
    return (holder !== undefined && holder !== id) || history.slugTaken(slug, id);
  };
  let slug: string;
  if (known && !taken(known)) slug = known;
  else {
    const candidates = [base, `${base}-${date}`, `${base}-${date}-${endTime}`];
    slug = candidates.find((c) => !taken(c)) ?? `${base}-${date}-${sha256(id).slice(0, 6)}`;
  }
  p.slugs.set(slug, id);
  return slug;
}
