/**
 * The posts collection: liqnews Markdown (`--site astro`) checked against a
 * zod schema, so a missing or mistyped key fails the build instead of a page.
 */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const posts = defineCollection({
  // Ids are file names (<date>-<slug>): the glob loader would otherwise use the
  // front-matter slug, which repeats when two days round to the same figures.
  loader: glob({ pattern: '*.md', base: './src/content/posts', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: z.object({
    title: z.string().min(1).max(110),
    description: z.string().min(1).max(160),
    pubDate: z.coerce.date(),
    updatedDate: z.coerce.date().optional(),
    draft: z.boolean(),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    tags: z.array(z.string()).min(1).max(8),
    categories: z.array(z.string()).length(1),
    style: z.string(),
    angle: z.string(),
    snapshotId: z.string(),
    contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  }),
});

/**
 * Articles made for the other generators (and the portable base set), which
 * carry no pubDate: the same keys read by OUTPUT.md's `date`, to show that
 * Hugo's, Eleventy's and Jekyll's extra keys do not upset Astro's Markdown.
 * Ids are `<profile>/<file name>`.
 */
const cross = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/content/cross', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: z.object({
    title: z.string().min(1).max(110),
    description: z.string().min(1).max(160),
    date: z.coerce.date(),
    lastmod: z.coerce.date(),
    draft: z.boolean(),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    tags: z.array(z.string()).min(1).max(8),
    contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  }),
});

export const collections = { posts, cross };
