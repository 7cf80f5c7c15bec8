/** One article as the feeds see it, read back from the files `render` wrote. */
export interface FeedArticle {
  /** The snapshot id, from the sidecar: the tie-breaker when two articles share a date. */
  id: string;
  /** `<date>-<slug>`: the file name without extension. */
  basename: string;
  /** From the front matter (an editor may have changed it; the feed follows the page). */
  slug: string;
  title: string;
  description: string;
  /** RFC 3339 UTC: the window end, from the sidecar. */
  published: string;
  /** RFC 3339 UTC: the front matter's `lastmod` when it is a later date, else `published`. */
  updated: string;
  draft: boolean;
  tags: string[];
  /** The Markdown body converted to HTML by the same converter as the `.html` page. */
  contentHtml: string;
  /** The social card `render --format card` wrote beside the article (`<basename>.card.png`), with its size in bytes; null: none. */
  card?: { file: string; bytes: number } | null;
}
