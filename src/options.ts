/**
 * Options, resolved once: defaults live here and only resolved options travel
 * down the pipeline.
 */
import { LiqnewsError } from './errors.js';
import { isStyleName, type StyleName } from './plan/styles.js';
import { SITES, isSiteName, type SiteName } from './output/sites.js';
import type { VariationMemory } from './render/variation.js';
import type { History } from './history/store.js';
import { sectionRequest, type SectionRequest, type SectionsOption } from './plan/sections.js';

export { FORMATS, DEFAULT_FORMATS, isFormat, type Format } from './formats/registry.js';
export { SITES, isSiteName, type SiteName } from './output/sites.js';

export interface GenerateOptions {
  /** `auto` (default) or one of the five styles. */
  style?: StyleName | 'auto';
  /** What "now" is for the future-window rule; default: the clock, read by the caller. */
  now?: Date;
  /** IANA time zone for dates in the text; default "UTC". */
  timeZone?: string;
  /** Locale for dates in the text; default "en-US". */
  locale?: string;
  /** Front matter `draft`; default true (an editor publishes by flipping it). */
  draft?: boolean;
  /** Named in JSON-LD as author; default "liquidation-news". */
  author?: string;
  /** Named in JSON-LD as publisher; default "liquidation-news". */
  publisher?: string;
  /** When set, the canonical URL is `<baseUrl>/<date>-<slug>/` (the file name, which no other day shares). */
  baseUrl?: string | null;
  /** Front matter category; default "markets". */
  category?: string;
  /** Site profile: adds the front-matter keys that generator expects; default null (OUTPUT.md's portable set only). */
  site?: SiteName | null;
  /** Add a schema.org FAQPage JSON-LD block to the HTML page when the article has a FAQ section; default false. */
  faqJsonLd?: boolean;
  /**
   * The article has a social card (`<date>-<slug>.card.png`, format `card`):
   * the page gets `og:image`, `twitter:card` and, with a base URL, JSON-LD
   * `image`; the front matter gets `image`. Write the card with the article
   * (formats including 'card'). Default false: every file as without a card.
   */
  card?: boolean;
  /**
   * The chart file (`<date>-<slug>.chart.svg`, format `svg`) is written with
   * the article: the Markdown of an article with the chart section
   * (`sections: '+chart'`) links it, with alt text stating the figures.
   * Default false: the Markdown leaves the chart out (the page inlines it
   * either way). Charts need `await loadCharts()` first (vega is an ES
   * module loaded on demand).
   */
  chart?: boolean;
  /** The publisher's logo, an http(s) URL: JSON-LD `publisher.logo` (an ImageObject). Default none. */
  publisherLogo?: string | null;
  /** The publisher's home page, an http(s) URL: JSON-LD `publisher.url`. Default none. */
  publisherUrl?: string | null;
  /** The newsletter's masthead (`email`, `txt`): the publication's name, one line. Default none (no masthead). */
  emailPublication?: string | null;
  /** The newsletter's footer (`email`, `txt`): the sender's postal address, one line. Default none. */
  emailAddress?: string | null;
  /** The newsletter's footer (`email`, `txt`): the unsubscribe link, an http, https or mailto address. Default none. */
  emailUnsubscribe?: string | null;
  /**
   * Hugo's `expiryDate`: the window end plus this many whole days, after which
   * Hugo leaves the page out of a build. Only with `site: 'hugo'`; default
   * null (no expiry: a report of a past window stays true).
   */
  expiryDays?: number | null;
  /**
   * Earlier articles' variation choices, so a series does not repeat itself:
   * each slot takes the seed's pick among its least recently used
   * alternatives. Default none: the seed alone decides.
   */
  variation?: VariationMemory | null;
  /**
   * A history store (`openHistory`): the article then compares this window
   * with earlier ones of the same length, varies its wording against the
   * style's recent articles, and takes a slug no other story holds. The
   * caller records the article after writing it (`history.record(article)`).
   */
  history?: History | null;
  /**
   * Optional sections (`tldr`, `table`, `faq`): the CLI's string (`"+table,-faq"` changes the style's default,
   * `"tldr,table"` is the exact list, `"none"`), a list of names (exactly these), or `{ table: true }`
   * (unnamed sections keep the style's default). Default: each style's seed format.
   */
  sections?: SectionsOption | null;
}

export interface ResolvedOptions {
  style: StyleName | 'auto';
  now: Date;
  timeZone: string;
  locale: string;
  draft: boolean;
  author: string;
  publisher: string;
  baseUrl: string | null;
  category: string;
  site: SiteName | null;
  faqJsonLd: boolean;
  card: boolean;
  chart: boolean;
  publisherLogo: string | null;
  publisherUrl: string | null;
  emailPublication: string | null;
  emailAddress: string | null;
  emailUnsubscribe: string | null;
  expiryDays: number | null;
  variation: VariationMemory | null;
  history: History | null;
  /** Null: every section as the style's default. */
  sections: SectionRequest | null;
}

/** The locales whose dates the text writes correctly; others are refused rather than silently read as en-US. */
export const LOCALES = ['en-US', 'en-GB'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (s: unknown): s is Locale => (LOCALES as readonly unknown[]).includes(s);

/** Why a name (author, publisher, category) cannot be used, or null: it is printed in front matter, pages and feeds. */
export function nameProblem(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (value.trim() === '') return 'must not be empty';
  if (value.length > 200) return `is ${value.length} characters long; at most 200 are allowed`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) return 'must be one line without control characters';
  return null;
}

export function resolveOptions(o: GenerateOptions = {}): ResolvedOptions {
  const style = o.style ?? 'auto';
  if (style !== 'auto' && !isStyleName(style)) throw new LiqnewsError('UNKNOWN_STYLE', `unknown style "${String(style)}"`, { hint: 'run `liqnews styles` for the list' });
  const timeZone = o.timeZone ?? 'UTC';
  if (!isValidZone(timeZone)) throw new LiqnewsError('INVALID_OPTION', `unknown time zone "${timeZone}"`, { hint: 'use an IANA name such as "Europe/London"' });
  const locale = o.locale ?? 'en-US';
  if (!isLocale(locale)) throw new LiqnewsError('INVALID_OPTION', `unsupported locale "${String(locale)}"`, { hint: `locales: ${LOCALES.join(', ')}` });
  for (const key of ['author', 'publisher', 'category', 'emailPublication', 'emailAddress'] as const) {
    const problem = nameProblem(o[key]);
    if (problem) throw new LiqnewsError('INVALID_OPTION', `${key} ${problem}`);
  }
  return {
    style,
    now: o.now ?? new Date(),
    timeZone,
    locale,
    draft: o.draft ?? true,
    author: o.author ?? 'liquidation-news',
    publisher: o.publisher ?? 'liquidation-news',
    baseUrl: o.baseUrl ? o.baseUrl.replace(/\/+$/, '') : null,
    category: (o.category ?? 'markets').toLowerCase(),
    site: resolveSite(o.site),
    faqJsonLd: o.faqJsonLd ?? false,
    card: o.card ?? false,
    chart: o.chart ?? false,
    publisherLogo: resolveUrl(o.publisherLogo, 'publisherLogo', WEB_SCHEMES, 'give the logo as an absolute address, such as https://example.com/logo.png'),
    publisherUrl: resolveUrl(o.publisherUrl, 'publisherUrl', WEB_SCHEMES, "give the publisher's home page as an absolute address, such as https://example.com/"),
    emailPublication: o.emailPublication ?? null,
    emailAddress: o.emailAddress ?? null,
    emailUnsubscribe: resolveUrl(o.emailUnsubscribe, 'emailUnsubscribe', UNSUBSCRIBE_SCHEMES, 'give an absolute address, such as https://example.com/unsubscribe or mailto:leave@example.com'),
    expiryDays: resolveExpiry(o.expiryDays, o.site),
    variation: o.variation ?? null,
    history: o.history ?? null,
    sections: resolveSectionOption(o.sections),
  };
}

function resolveSectionOption(o: SectionsOption | null | undefined): SectionRequest | null {
  const req = sectionRequest(o);
  if (typeof req === 'string') throw new LiqnewsError('INVALID_OPTION', req.replace(/^--sections /, 'sections '), { hint: 'for example "+table,-faq" or ["tldr", "table"]' });
  return req;
}

function resolveExpiry(days: number | null | undefined, site: SiteName | null | undefined): number | null {
  if (days === undefined || days === null) return null;
  if (!Number.isInteger(days) || days < 1 || days > 36_500) throw new LiqnewsError('INVALID_OPTION', `expiryDays must be a whole number of days from 1 to 36500, got ${String(days)}`);
  if (site !== 'hugo') throw new LiqnewsError('INVALID_OPTION', 'expiryDays sets Hugo\'s expiryDate', { hint: "use it with site: 'hugo'" });
  return days;
}

/** An optional absolute URL option, checked (`urlProblem`) and with braces percent-encoded like the snapshot's URLs: no output holds a template opener. */
function resolveUrl(value: string | null | undefined, option: string, schemes: readonly string[], hint: string): string | null {
  if (value === undefined || value === null) return null;
  const problem = urlProblem(value, option, schemes);
  if (problem) throw new LiqnewsError('INVALID_OPTION', problem, { hint });
  return new URL(value).href.replace(/[{}]/g, (c) => encodeURIComponent(c));
}

/** The schemes a web address may use (a logo, a home page), and an unsubscribe link (List-Unsubscribe takes these). */
export const WEB_SCHEMES = ['http:', 'https:'] as const;
export const UNSUBSCRIBE_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/**
 * What is wrong with a URL option, or null: absolute, one of `schemes`, and
 * without a user name or password (it is printed in pages and mail).
 */
export function urlProblem(value: string, option: string, schemes: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${option} "${value}" is not an absolute URL`;
  }
  if (!schemes.includes(url.protocol)) return `${option} must be ${schemeWords(schemes)} address, got "${value}"`;
  if (url.username || url.password) return `${option} "${value}" must not carry a user name or password`;
  return null;
}

/** `an http or https`, `an http, https or mailto`. */
const schemeWords = (schemes: readonly string[]): string => {
  const names = schemes.map((s) => s.slice(0, -1));
  return `an ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`}`;
};

function resolveSite(site: SiteName | null | undefined): SiteName | null {
  if (site === undefined || site === null) return null;
  // Library callers in plain JS can pass any string; say which names exist.
  if (!isSiteName(site)) throw new LiqnewsError('INVALID_OPTION', `unknown site profile "${String(site)}"`, { hint: `site profiles: ${SITES.join(', ')}` });
  return site;
}

// Creating an Intl formatter costs far more than a render step; ask once per zone.
const zoneChecks = new Map<string, boolean>();

export function isValidZone(zone: string): boolean {
  // The default needs no check: building the first Intl formatter loads ICU's zone data, a fifth of a cold start.
  if (zone === 'UTC') return true;
  let ok = zoneChecks.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    zoneChecks.set(zone, ok);
  }
  return ok;
}
