/**
 * Site profiles (`--site`): the front-matter keys one static-site generator
 * expects beyond OUTPUT.md's portable set. They come after the base keys, in
 * a fixed order per profile, and each is inert or harmless in the other
 * generators (see test/sites/ for the real builds that hold us to that).
 */
import { yamlString } from '../render/escape.js';
import { slugify } from './filename.js';

export const SITES = ['hugo', 'eleventy', 'astro', 'jekyll'] as const;
export type SiteName = (typeof SITES)[number];

export const isSiteName = (s: string): s is SiteName => (SITES as readonly string[]).includes(s);

/** What a profile may draw on: the base keys' values, never anything new. */
export interface SiteKeyInput {
  /** RFC 3339 UTC (`Z`): the window end. */
  date: string;
  lastmod: string;
  draft: boolean;
  slug: string;
  snapshotId: string;
  /** Hugo only: expiryDate is the window end plus this many days; null: no expiryDate. */
  expiryDays: number | null;
  /** `--base-url` (no trailing slash): its path is the folder the pages go in; null: `/posts`. */
  baseUrl: string | null;
}

/**
 * The page's path on a site: `<folder>/<date>-<slug>/`, where the folder is
 * the path of `--base-url` (`https://example.org/news` → `/news`,
 * `https://example.org` → none) so that the canonical URL
 * `<base>/<date>-<slug>/` is the page, and `/posts` without a base URL. The
 * date is in it because slugs come from rounded figures and repeat across
 * days (two "$1.2 billion long flush" days get the same slug), while
 * `<date>-<slug>` is the file name, which the CLI already keeps unique.
 */
export function sitePath(date: string, slug: string, baseUrl: string | null = null): string {
  return `${siteFolder(baseUrl)}/${date.slice(0, 10)}-${slug}/`;
}

/** The base URL's path without its trailing slash (`""` for a site root); `/posts` without one. */
function siteFolder(baseUrl: string | null): string {
  if (baseUrl === null) return '/posts';
  return new URL(baseUrl).pathname.replace(/\/+$/, '');
}

/**
 * The front matter's `slug` value. Astro's glob loader takes a page's id from
 * `slug` when there is one, and a stock loader would drop every page but one
 * of two days whose figures round to the same slug ("Duplicate id"): under
 * `--site astro` the slug is `<date>-<slug>`, the file name, which is unique.
 */
export function siteSlug(site: SiteName | null, date: string, slug: string): string {
  return site === 'astro' ? `${date.slice(0, 10)}-${slug}` : slug;
}

/**
 * A permanent path by snapshot id, under `/id/` so that no id (they are
 * user data) can land on a section page. It survives a corrected snapshot
 * whose new total changes the slug.
 */
export function idPath(snapshotId: string): string {
  return `/id/${slugify(snapshotId)}/`;
}

const PROFILES: Record<SiteName, (a: SiteKeyInput) => string[]> = {
  // expiryDate only when asked for (expiryDays, CLI --expire-after): Hugo
  // leaves a page out of every build after that date, and a report of a past
  // window has no natural date after which it stops being true. A desk that
  // keeps market notes up for a month says so; the date is counted from the
  // window end, never the clock, so a rebuild gives the same bytes.
  // `url` because Hugo's default scheme is `/<section>/<slug>/`, which two
  // days with one slug share; `url` wins over any [permalinks] a site has.
  hugo: (a) => [
    `url: ${yamlString(sitePath(a.date, a.slug, a.baseUrl))}`,
    `aliases: [${yamlString(idPath(a.snapshotId))}]`,
    ...(a.expiryDays === null ? [] : [`expiryDate: ${addDays(a.date, a.expiryDays)}`]),
  ],
  // Without the override Eleventy runs Liquid over the body first; the body
  // holds no template syntax by contract, and this makes that hold for good.
  // Eleventy has no drafts: `permalink: false` writes no page and the
  // exclusion keeps a draft off every collection (home page, feeds).
  eleventy: (a) => [
    `permalink: ${a.draft ? 'false' : yamlString(sitePath(a.date, a.slug, a.baseUrl))}`,
    'templateEngineOverride: "md"',
    `eleventyExcludeFromCollections: ${a.draft}`,
  ],
  astro: (a) => [`pubDate: ${a.date}`, `updatedDate: ${a.lastmod}`],
  // Jekyll has no `draft` key for posts: `published: false` is what keeps one out.
  // render_with_liquid (Jekyll 4+; older versions ignore it) does for Jekyll what
  // templateEngineOverride does for Eleventy, so an editor's `{{` stays text.
  // A literal permalink: Jekyll's default and `:day` use the date in the build
  // machine's zone (TZ=America/Los_Angeles files a 00:00Z window the day before).
  jekyll: (a) => ['layout: "post"', `published: ${!a.draft}`, 'render_with_liquid: false', `permalink: ${yamlString(sitePath(a.date, a.slug, a.baseUrl))}`],
};

/** An RFC 3339 UTC date-time plus whole days, in the same form (`…Z`, no fraction). */
export function addDays(rfc3339: string, days: number): string {
  return new Date(Date.parse(rfc3339) + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The profile's YAML lines (each `key: value`), or none for the portable base set. */
export function siteKeys(site: SiteName | null, a: SiteKeyInput): string[] {
  return site === null ? [] : PROFILES[site](a);
}
