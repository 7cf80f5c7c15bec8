/** `md`: front matter (OUTPUT.md's keys, in order, then the `--site` profile's) and the Markdown body. */
import type { FormatWriter } from './context.js';
import { frontMatter } from '../output/frontmatter.js';
import { withHeadingAnchors } from '../output/anchors.js';

export const markdownFormat: FormatWriter = {
  ext: 'md',
  description: 'Markdown with YAML front matter, for static sites and editors',
  build: ({ text, markdownBody, when, slug, tags, options, plan, facts, page }) =>
    frontMatter({
      title: text.headline,
      description: text.description,
      date: when,
      lastmod: when,
      draft: options.draft,
      slug,
      tags,
      categories: [options.category],
      style: plan.style,
      angle: facts.angle,
      snapshotId: facts.id,
      site: options.site,
      expiryDays: options.expiryDays,
      baseUrl: options.baseUrl,
      image: page.image?.url ?? null,
    }) + (options.site === 'eleventy' ? withHeadingAnchors(markdownBody) : markdownBody),
};
