/**
 * `liquidation-news/astro`: an Astro 5 content loader. A folder of snapshots
 * in, one collection entry per article, with its rendered body, so a site
 * needs no glue code:
 *
 *   // src/content.config.ts
 *   import { defineCollection } from 'astro:content';
 *   import { liqnewsLoader } from 'liquidation-news/astro';
 *   export const collections = {
 *     liquidations: defineCollection({ loader: liqnewsLoader({ snapshots: 'data/snapshots', publish: true }) }),
 *   };
 *
 * The entry id is `<date>-<slug>`, unique per window (two days whose rounded
 * figures give the same slug keep their own ids), so Astro never reports a
 * duplicate id and drops a page. `render(entry)` gives the body as the
 * product renders it (heading ids, tables with header cells). Drafts stay
 * out unless `drafts: true` (say, `drafts: import.meta.env.DEV`). The data
 * is plain (strings, a Date, string lists); give the collection a schema to
 * check it, or use the entries as they are.
 */
import type { Article } from '../generate.js';
import { htmlToText } from '../render/html.js';
import { folderArticles, type FolderOptions } from './folder.js';

/** What the loader uses of Astro's loader context (astro/loaders LoaderContext), typed here so the package does not depend on Astro. */
export interface AstroLoaderContext {
  store: {
    clear(): void;
    set(entry: { id: string; data: Record<string, unknown>; body?: string; digest?: string; rendered?: { html: string; metadata?: Record<string, unknown> } }): boolean;
  };
  parseData<T extends Record<string, unknown>>(props: { id: string; data: T }): Promise<T>;
  generateDigest(data: Record<string, unknown> | string): string;
  logger?: { info(message: string): void };
}

export interface AstroLoader {
  name: string;
  load(context: AstroLoaderContext): Promise<void>;
}

/** An entry's data: the front matter a page needs, and where the article came from. */
export function entryData(article: Article, draft: boolean): Record<string, unknown> {
  return {
    title: article.title,
    description: article.description,
    date: new Date(article.snapshot.window.end),
    slug: article.slug,
    tags: article.facts.tags,
    draft,
    style: article.style,
    angle: article.angle,
    snapshotId: article.id,
  };
}

/** Headings for Astro's `render(entry).headings`: depth, text and the id the body's heading carries. */
function headingsOf(html: string): { depth: number; slug: string; text: string }[] {
  const out: { depth: number; slug: string; text: string }[] = [];
  for (const m of html.matchAll(/<h([2-6]) id="([^"]*)">(.*?)<\/h\1>/g)) {
    out.push({ depth: Number(m[1]), slug: m[2]!, text: htmlToText(m[3]!) });
  }
  return out;
}

export function liqnewsLoader(options: FolderOptions): AstroLoader {
  if (!options || typeof options.snapshots !== 'string') throw new TypeError('liquidation-news/astro: give the snapshots folder, e.g. liqnewsLoader({ snapshots: "data/snapshots" })');
  return {
    name: 'liquidation-news',
    async load({ store, parseData, generateDigest, logger }) {
      const articles = folderArticles(options);
      store.clear();
      for (const { article, draft } of articles) {
        const data = await parseData({ id: article.basename, data: entryData(article, draft) });
        const html = article.bodyHtml;
        store.set({ id: article.basename, data, body: article.body, digest: generateDigest(article.files.md), rendered: { html, metadata: { headings: headingsOf(html), frontmatter: data } } });
      }
      logger?.info(`${articles.length} article${articles.length === 1 ? '' : 's'} from ${options.snapshots}`);
    },
  };
}
