/**
 * `generate()` composes the stages: parse → facts → plan → render → check →
 * emit. It touches no file and reads no process state; `writeArticle` (in
 * output/write.ts) is the only stage that writes.
 */
import { parseSnapshot } from './snapshot/parse.js';
import type { Snapshot } from './snapshot/schema.js';
import { deriveFacts } from './facts/derive.js';
import type { StoryFacts } from './facts/types.js';
import type { Claim } from './facts/ledger.js';
import { planArticle, type Plan } from './plan/plan.js';
import { renderMarkdown } from './render/markdown.js';
import { checkClaims } from './check/figures.js';
import { articleFragment, markdownToHtml, htmlDocument } from './render/html.js';
import { frontMatter } from './output/frontmatter.js';
import { sidecarJson } from './output/sidecar.js';
import { applyStamp } from './output/stamp.js';
import { rfc3339, slugify, utcDate } from './output/filename.js';
import { resolveOptions, type Format, type GenerateOptions } from './options.js';

export interface Article {
  id: string;
  style: Plan['style'];
  angle: StoryFacts['angle'];
  seed: number;
  title: string;
  description: string;
  /** UTC date of the window end, `YYYY-MM-DD`. */
  date: string;
  slug: string;
  /** `<date>-<slug>`: the file name without extension. */
  basename: string;
  /** The Markdown body alone (no front matter). */
  body: string;
  /** The body converted from `body` by marked (no headline). */
  bodyHtml: string;
  /** `<article>` with the headline, the date and `bodyHtml`: for pages that bring their own `<head>`. */
  htmlFragment: string;
  /**
   * Complete file contents by format, each stamped with its content hash.
   * Each is built on first read (and kept), so a caller asking only for
   * Markdown does not pay for the HTML page and the sidecar.
   */
  readonly files: Readonly<Record<Format, string>>;
  facts: StoryFacts;
  /** The claims whose figures appear in the text. */
  claims: Claim[];
}

/** Snapshot (JSON text or a parsed value) in, a finished article out. Throws `LiqnewsError`. */
export function generate(input: string | unknown, options: GenerateOptions = {}): Article {
  const o = resolveOptions(options);
  const snap = parseSnapshot(input, o.now);
  return generateFromSnapshot(snap, options);
}

/** The same, for a snapshot already validated (e.g. by `validateSnapshot`). */
export function generateFromSnapshot(snap: Snapshot, options: GenerateOptions = {}): Article {
  const o = resolveOptions(options);
  const facts = deriveFacts(snap, { timeZone: o.timeZone, locale: o.locale });
  const plan = planArticle(snap, facts, o.style);
  const text = renderMarkdown(facts, plan);
  const claims = checkClaims({ headline: text.headline, description: text.description, body: text.body }, facts.claims, facts.id);

  const date = utcDate(snap.window.end);
  const slug = snap.id ? slugify(snap.id) : defaultSlug(snap, facts);
  const when = rfc3339(snap.window.end);
  const tags = articleTags(facts);
  const md = frontMatter({
    title: text.headline,
    description: text.description,
    date: when,
    lastmod: when,
    draft: o.draft,
    slug,
    tags,
    categories: [o.category],
    style: plan.style,
    angle: facts.angle,
    snapshotId: facts.id,
  }) + text.body;
  const bodyHtml = markdownToHtml(text.body);
  const page = {
    title: text.headline,
    description: text.description,
    published: when,
    modified: when,
    dateText: facts.window.endDate,
    bodyHtml,
    author: o.author,
    publisher: o.publisher,
    tags,
    canonicalUrl: o.baseUrl ? `${o.baseUrl}/${slug}/` : null,
    draft: o.draft,
  };
  return {
    id: facts.id,
    style: plan.style,
    angle: facts.angle,
    seed: plan.seed,
    title: text.headline,
    description: text.description,
    date,
    slug,
    basename: `${date}-${slug}`,
    body: text.body,
    bodyHtml,
    htmlFragment: articleFragment(page),
    files: lazyFiles({
      md: () => applyStamp(md),
      html: () => applyStamp(htmlDocument(page)),
      json: () => applyStamp(sidecarJson(snap, facts, plan, claims, o.timeZone)),
    }),
    facts,
    claims,
  };
}

/** An object whose properties are computed once, on first read; enumerable, so it still serialises. */
function lazyFiles(make: Record<Format, () => string>): Record<Format, string> {
  const out = {} as Record<Format, string>;
  for (const key of Object.keys(make) as Format[]) {
    let value: string | undefined;
    Object.defineProperty(out, key, { enumerable: true, get: () => (value ??= make[key]()) });
  }
  return out;
}

/**
 * The slug when the snapshot has no id: the rounded total and the angle, plus
 * the window's length when it is not a day and its end time when it is not
 * midnight UTC, so windows ending on the same date get different names.
 * Built from figures, not wording, so it is stable across template changes.
 */
function defaultSlug(snap: Snapshot, f: StoryFacts): string {
  const parts = ['crypto-liquidations', f.total.head.replace(/^at least /i, ''), f.angle];
  const minutes = Math.round((Date.parse(snap.window.end) - Date.parse(snap.window.start)) / 60_000);
  if (minutes !== 1440) parts.push(minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`);
  const end = new Date(snap.window.end);
  if (end.getUTCHours() !== 0 || end.getUTCMinutes() !== 0) parts.push(`${rfc3339(snap.window.end).slice(11, 16).replace(':', '')}utc`);
  return slugify(parts.join('-'));
}

/** 1–8 lowercase tags: the basics, the leading coins, the angle, then the snapshot's own. */
function articleTags(f: StoryFacts): string[] {
  const t = ['crypto', 'liquidations', ...f.topAssets.slice(0, 2).map((a) => a.symbol.toLowerCase()), f.angle, ...f.tags];
  return [...new Set(t)].slice(0, 8);
}
