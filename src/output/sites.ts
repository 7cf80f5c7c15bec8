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
}

/**
 * The page's path on a site: `/posts/<date>-<slug>/`. The date is in it
 * because slugs come from rounded figures and repeat across days (two
 * "$1.2 billion long flush" days get the same slug), while `<date>-<slug>`
 * is the file name, which the CLI already keeps unique.
 */
export function sitePath(date: string, slug: string): string {
  return `/posts/${date.slice(0, 10)}-${slug}/`;
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
  hugo: (a) => [`aliases: [${yamlString(idPath(a.snapshotId))}]`, ...(a.expiryDays === null ? [] : [`expiryDate: ${addDays(a.date, a.expiryDays)}`])],
  // Without the override Eleventy runs Liquid over the body first; the body
  // holds no template syntax by contract, and this makes that hold for good.
  eleventy: (a) => [`permalink: ${yamlString(sitePath(a.date, a.slug))}`, 'templateEngineOverride: "md"'],
  astro: (a) => [`pubDate: ${a.date}`, `updatedDate: ${a.lastmod}`],
  // Jekyll has no `draft` key for posts: `published: false` is what keeps one out.
  // render_with_liquid (Jekyll 4+; older versions ignore it) does for Jekyll what
  // templateEngineOverride does for Eleventy, so an editor's `{{` stays text.
  jekyll: (a) => ['layout: "post"', `published: ${!a.draft}`, 'render_with_liquid: false'],
};

/** An RFC 3339 UTC date-time plus whole days, in the same form (`…Z`, no fraction). */
export function addDays(rfc3339: string, days: number): string {
  return new Date(Date.parse(rfc3339) + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The profile's YAML lines (each `key: value`), or none for the portable base set. */
export function siteKeys(site: SiteName | null, a: SiteKeyInput): string[] {
  return site === null ? [] : PROFILES[site](a);
}
