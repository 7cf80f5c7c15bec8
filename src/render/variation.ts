/**
 * Variation that remembers. A `{{#pick}}` slot's alternative is chosen by the
 * content seed among the alternatives least recently used in the recent
 * articles of the same style, so a daily series does not repeat yesterday's
 * sentences. Without a memory (or with an empty one) the seed alone decides,
 * exactly as before.
 *
 * The rule is kept reproducible: an article looks only at articles whose
 * window ended before its own (never at itself or at later stories), so a
 * series rebuilt in date order from the same history gives the same bytes.
 */

/** Which alternative each slot chose: slot name → index (0-based, in template order). */
export type Choices = Record<string, number>;

/** What an article remembers of earlier ones. */
export interface RecentArticle {
  id: string;
  style: string;
  /** Window end, ISO 8601 UTC (as the snapshot's `window.end`, normalised). */
  end: string;
  choices: Readonly<Choices>;
}

/** Where recent choices come from: the history store, or an in-memory list for a pipeline without one. */
export interface VariationMemory {
  /** The articles of `style` whose window ended before `end`, other than story `id`, most recent first, at most `limit`. */
  recent(style: string, end: string, id: string, limit: number): readonly RecentArticle[];
  /** An article just rendered, so the next article of the same batch sees its choices. */
  remember(article: RecentArticle): void;
}

/** How many earlier articles of a style the choice looks back over. */
export const RECENT_LIMIT = 30;

/** Per article: the slots' recent uses, and what this article chose. */
export interface Variation {
  /** slot → alternatives used by the recent articles, most recent first (one entry per article that used the slot). */
  recent: ReadonlyMap<string, readonly number[]> | null;
  chosen: Choices;
}

export function variationFor(recent: readonly RecentArticle[]): Variation {
  if (recent.length === 0) return { recent: null, chosen: {} };
  const bySlot = new Map<string, number[]>();
  for (const article of recent) {
    for (const [slot, k] of Object.entries(article.choices)) {
      const list = bySlot.get(slot);
      if (list) list.push(k);
      else bySlot.set(slot, [k]);
    }
  }
  return { recent: bySlot, chosen: {} };
}

/**
 * Among `count` alternatives, the one to use: those unused for longest (never
 * used in the window counts as longest), then the seed's `hash` among them.
 */
export function leastRecent(used: readonly number[] | undefined, count: number, hash: number): number {
  if (!used || used.length === 0) return hash % count;
  const age: number[] = new Array<number>(count).fill(Infinity);
  for (let n = 0; n < used.length; n++) {
    const k = used[n]!;
    if (k < count && age[k] === Infinity) age[k] = n;
  }
  let oldest = -1;
  for (const a of age) if (a > oldest) oldest = a;
  const candidates: number[] = [];
  for (let k = 0; k < count; k++) if (age[k] === oldest) candidates.push(k);
  return candidates[hash % candidates.length]!;
}

/** A memory held in the process: for a library caller without a history store, and for the variation bench. */
export function memoryVariation(initial: readonly RecentArticle[] = []): VariationMemory {
  const articles: RecentArticle[] = [...initial];
  return {
    recent(style, end, id, limit) {
      return articles
        .filter((a) => a.style === style && a.id !== id && a.end < end)
        .sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : 0))
        .slice(0, limit);
    },
    remember(article) {
      const at = articles.findIndex((a) => a.id === article.id);
      if (at >= 0) articles.splice(at, 1);
      articles.push(article);
    },
  };
}
