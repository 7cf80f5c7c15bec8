/**
 * YAML front matter in the order OUTPUT.md fixes. Every string is
 * double-quoted; dates are the window end, never the wall clock. A site
 * profile's keys (output/sites.ts) follow the base keys; without one the
 * file is the portable base set, byte for byte.
 */
import { yamlString } from '../render/escape.js';
import { STAMP_PLACEHOLDER } from './stamp.js';
import { siteKeys, siteSlug, type SiteName } from './sites.js';

export interface FrontMatter {
  title: string;
  description: string;
  date: string;
  lastmod: string;
  draft: boolean;
  slug: string;
  tags: string[];
  categories: string[];
  style: string;
  angle: string;
  snapshotId: string;
  /** Null: the portable base set only. */
  site: SiteName | null;
  /** Hugo's expiryDate as days after the window end; null: none. */
  expiryDays: number | null;
  /** `--base-url`: the site path's folder (output/sites.ts `sitePath`); null: none given. */
  baseUrl: string | null;
  /** The social card's address (absolute with a base URL, else its file name); null: no card, no key. */
  image?: string | null;
}

export function frontMatter(fm: FrontMatter): string {
  const list = (xs: string[]): string => `[${xs.map(yamlString).join(', ')}]`;
  return [
    '---',
    `title: ${yamlString(fm.title)}`,
    `description: ${yamlString(fm.description)}`,
    `date: ${fm.date}`,
    `lastmod: ${fm.lastmod}`,
    `draft: ${fm.draft}`,
    `slug: ${yamlString(siteSlug(fm.site, fm.date, fm.slug))}`,
    `tags: ${list(fm.tags)}`,
    `categories: ${list(fm.categories)}`,
    `style: ${yamlString(fm.style)}`,
    `angle: ${yamlString(fm.angle)}`,
    `snapshotId: ${yamlString(fm.snapshotId)}`,
    // The name Jekyll's SEO tag and most themes read for a page's share image; the other generators keep it as a param.
    ...(fm.image ? [`image: ${yamlString(fm.image)}`] : []),
    `contentHash: "${STAMP_PLACEHOLDER}"`,
    ...siteKeys(fm.site, fm),
    '---',
    '',
  ].join('\n');
}
