/**
 * `liquidation-news/eleventy`: an Eleventy (3.x) plugin. A folder of
 * snapshots in, one page per article out, with no glue code in the site:
 *
 *   import liqnews from 'liquidation-news/eleventy';
 *   export default (eleventyConfig) => {
 *     eleventyConfig.addPlugin(liqnews, { snapshots: 'data/snapshots', layout: 'article.njk', publish: true });
 *   };
 *
 * Each article becomes a virtual template (Eleventy's addTemplate) at
 * `<dir>/<date>-<slug>.html`, whose content is the body as the product
 * renders it (heading ids for the table of contents, the tables' header
 * cells), so a stock Eleventy site needs no Markdown plugin for the anchors.
 * Its URL is `/<date>-<slug>/` (option `urlPrefix` puts a path before it).
 * Snapshot text is already escaped HTML and is never run through a template
 * language. Drafts stay out unless `drafts: true` (say, only in `--serve`).
 */
import type { Article } from '../generate.js';
import { folderArticles, type FolderOptions } from './folder.js';

export interface EleventyPluginOptions extends FolderOptions {
  /** The layout the pages use (a file in the site's _includes), if any. */
  layout?: string;
  /** Where the pages sit: their URL is `<urlPrefix>/<date>-<slug>/`. Default: none. */
  urlPrefix?: string;
  /** The collection tag the pages get, besides the article's own tags. Default: "liquidations". */
  tag?: string;
  /** The virtual folder the templates are added under (inside the input folder). Default: "liqnews". */
  dir?: string;
}

/** What the plugin uses of Eleventy's config object (Eleventy 3's UserConfig). */
export interface EleventyConfigLike {
  addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
}

/** The data each page gets: front matter a layout can use. */
export function pageData(article: Article, draft: boolean, options: EleventyPluginOptions): Record<string, unknown> {
  const prefix = (options.urlPrefix ?? '').replace(/^\/*/, '/').replace(/\/+$/, '');
  return {
    title: article.title,
    description: article.description,
    date: new Date(article.snapshot.window.end),
    permalink: `${prefix === '/' ? '' : prefix}/${article.basename}/`,
    tags: [options.tag ?? 'liquidations', ...article.facts.tags],
    draft,
    // The content is finished HTML: no Liquid or Nunjucks pass over it.
    templateEngineOverride: 'html',
    ...(options.layout ? { layout: options.layout } : {}),
    liqnews: { id: article.id, style: article.style, angle: article.angle, slug: article.slug, basename: article.basename },
  };
}

export default function liquidationNews(eleventyConfig: EleventyConfigLike, options: EleventyPluginOptions): void {
  if (!options || typeof options.snapshots !== 'string') throw new TypeError('liquidation-news/eleventy: give the snapshots folder, e.g. addPlugin(liqnews, { snapshots: "data/snapshots" })');
  const dir = (options.dir ?? 'liqnews').replace(/^\/+|\/+$/g, '');
  for (const { article, draft } of folderArticles(options)) {
    eleventyConfig.addTemplate(`${dir}/${article.basename}.html`, article.bodyHtml, pageData(article, draft, options));
  }
}
