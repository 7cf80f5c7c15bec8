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
import { renderPart, viewsOf, type Part, type RenderedText } from './render/markdown.js';
import { STYLE_NAMES } from './plan/styles.js';
import { checkClaimsIn } from './check/figures.js';
import { checkStatementsIn, type Statement } from './check/statements.js';
import { blankParts, quotesOf } from './check/quotes.js';
import { articleFragment, markdownToHtml, type HtmlPage } from './render/html.js';
import { applyStamp, STAMP_PLACEHOLDER } from './output/stamp.js';
import { DRAWN_FORMATS, FORMAT_WRITERS, FORMATS, type FileContents } from './formats/registry.js';
import { cardAlt, cardContent, CARD_HEIGHT, CARD_WIDTH } from './card/svg.js';
import type { ArticleChart, FormatContext } from './formats/context.js';
import { articleChart } from './chart/article.js';
import { splitChart, withChartAt, withoutChart } from './chart/body.js';
import { chartHtml } from './render/chart-html.js';
import { rfc3339, slugify, utcDate } from './output/filename.js';
import { RECENT_LIMIT, variationFor, type Choices, type Variation } from './render/variation.js';
import { deriveHistory } from './facts/history.js';
import { Ledger } from './facts/ledger.js';
import { contextFromBlock } from './history/context-schema.js';
import { decide } from './history/decide.js';
import type { HistoryContext } from './history/context-types.js';
import { historyVariation, uniqueSlug } from './history/session.js';
import type { History } from './history/store.js';
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from './options.js';

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
  /** The body converted from `body` by marked (no headline). Built on first read, like `files`. */
  readonly bodyHtml: string;
  /** `<article>` with the headline, the date and `bodyHtml`: for pages that bring their own `<head>`. Built on first read. */
  readonly htmlFragment: string;
  /**
   * Complete file contents by format, each stamped with its content hash.
   * Each is built on first read (and kept), so a caller asking only for
   * Markdown does not pay for the HTML page and the sidecar. `files.card`
   * (PNG bytes) and `files.svg` (the chart) are not enumerable: serialising
   * an article never draws them.
   */
  readonly files: Readonly<FileContents>;
  /**
   * The card's file name (`<basename>.card.png`) when the article was
   * generated with `card: true`: the page, the front matter and the feeds
   * point at it, so it is written with the article (writeArticle refuses a
   * page without it). Null otherwise.
   */
  cardFile: string | null;
  /**
   * The chart's file name (`<basename>.chart.svg`) when the Markdown links it (`sections` with the chart and
   * `chart: true`): it is written with the article (writeArticle refuses the Markdown without it). Null otherwise.
   */
  chartFile: string | null;
  facts: StoryFacts;
  /** The claims whose figures appear in the text. */
  claims: Claim[];
  /** The statement predicates the text relies on (check/statements.ts), sorted. */
  statements: Statement[];
  /** Which alternative each variation slot chose (slot → index): recorded in the sidecar and the history store. */
  choices: Choices;
  /** The validated snapshot the article was written from. */
  snapshot: Snapshot;
}

/** Snapshot (JSON text or a parsed value) in, a finished article out. Throws `LiqnewsError`. */
export function generate(input: string | unknown, options: GenerateOptions = {}): Article {
  return only(generateEach([input], options));
}

/** The same, for a snapshot already validated (e.g. by `validateSnapshot`). */
export function generateFromSnapshot(snap: Snapshot, options: GenerateOptions = {}): Article {
  return only(runStages([snap], resolveOptions(options), (s) => s as Snapshot));
}

/** What `generateEach` gives for each input: the article, or what `generate` would have thrown for it. */
export type Generated = { ok: true; article: Article } | { ok: false; error: unknown };

/**
 * Several snapshots at once, the same articles `generate` gives one by one,
 * one input's failure its own. The work goes stage by stage over the group:
 * every input is parsed, then every snapshot gets its facts, and so on. A
 * stage's code then stays in the processor's caches from one snapshot to
 * the next, where one snapshot at a time runs the whole pipeline's code
 * between two uses of any part of it; over a batch that was about a quarter
 * faster (bench/, docs/PERFORMANCE.md). Groups of a few dozen get all of it.
 */
export function generateEach(inputs: readonly unknown[], options: GenerateOptions = {}): Generated[] {
  const o = resolveOptions(options);
  return runStages(inputs, o, (input) => parseSnapshot(input, o.now));
}

/**
 * The stages that need nothing from the history store, over a group: each
 * input parsed, then given its own facts (before the store's context is
 * added). `generatePrepared` finishes them, one at a time when each must see
 * the articles recorded before it (a render with a history store).
 */
export type Prepared = { ok: true; snap: Snapshot; facts: StoryFacts } | { ok: false; error: unknown };

export function prepareEach(inputs: readonly unknown[], options: GenerateOptions = {}): Prepared[] {
  const o = resolveOptions(options);
  const out: Prepared[] = [];
  const snaps: (Snapshot | null)[] = inputs.map((input, i) => {
    try {
      return parseSnapshot(input, o.now);
    } catch (error) {
      out[i] = { ok: false, error };
      return null;
    }
  });
  for (const [i, snap] of snaps.entries()) {
    if (snap === null) continue;
    try {
      out[i] = { ok: true, snap, facts: deriveFacts(snap, { timeZone: o.timeZone, locale: o.locale }) };
    } catch (error) {
      out[i] = { ok: false, error };
    }
  }
  return out;
}

/** The rest of the stages for prepared inputs: the same articles (or errors) `generateEach` gives for them. */
export function generatePrepared(prepared: readonly Prepared[], options: GenerateOptions = {}): Generated[] {
  const ready = (p: Prepared): Extract<Prepared, { ok: true }> => {
    if (!p.ok) throw p.error;
    return p;
  };
  return runStages(prepared, resolveOptions(options), (p) => ready(p as Prepared).snap, (i) => ready(prepared[i]!).facts);
}

const only = (results: Generated[]): Article => {
  const [g] = results;
  if (!g!.ok) throw g!.error;
  return g!.article;
};

/** The stages, each over every input still standing: parse → facts → plan → render → check → assemble. */
function runStages(inputs: readonly unknown[], o: ResolvedOptions, parse: (input: unknown) => Snapshot, derived?: (i: number) => StoryFacts): Generated[] {
  const out: Generated[] = [];
  const failed: boolean[] = [];
  const all = inputs.map((_, i) => i);
  /** One stage, in `order`; a throw fails that input only. */
  const stage = <T>(fn: (i: number) => T, order: readonly number[] = all): T[] => {
    const results: T[] = [];
    for (const i of order) {
      if (failed[i]) continue;
      try {
        results[i] = fn(i);
      } catch (error) {
        failed[i] = true;
        out[i] = { ok: false, error };
      }
    }
    return results;
  };
  const snaps = stage((i) => parse(inputs[i]));
  const facts = stage((i) => withHistory(derived ? derived(i) : deriveFacts(snaps[i]!, { timeZone: o.timeZone, locale: o.locale }), snaps[i]!, o.history));
  const plans = stage((i) => planArticle(snaps[i]!, facts[i]!, o.style, o.sections));
  // Each part's template over the group, one style after another (the order of work only; the output keeps the input order).
  const byStyle = [...all].sort((a, b) => STYLE_NAMES.indexOf(plans[a]?.style ?? 'bulletin') - STYLE_NAMES.indexOf(plans[b]?.style ?? 'bulletin') || a - b);
  const views = stage((i) => viewsOf(facts[i]!, plans[i]!.sections));
  const memory = o.variation ?? (o.history ? historyVariation(o.history) : null);
  let texts: RenderedText[];
  let variations: Variation[];
  if (memory === null) {
    variations = stage(() => variationFor([]));
    const part = (p: Part): string[] => stage((i) => renderPart(p, facts[i]!, plans[i]!, views[i]!, variations[i]), byStyle);
    const headlines = part('headline');
    const descriptions = part('description');
    const bodies = part('body');
    texts = stage((i): RenderedText => ({ headline: headlines[i]!, description: descriptions[i]!, body: bodies[i]! }));
  } else {
    // With a memory, each article must see the choices of those before it: one whole article at a time, oldest window first.
    const byEnd = [...all].sort((a, b) => endOf(snaps[a]).localeCompare(endOf(snaps[b])) || a - b);
    variations = [];
    texts = stage((i): RenderedText => {
      const end = rfc3339(snaps[i]!.window.end);
      const v = variationFor(memory.recent(plans[i]!.style, end, facts[i]!.id, RECENT_LIMIT));
      variations[i] = v;
      const text = {
        headline: renderPart('headline', facts[i]!, plans[i]!, views[i]!, v),
        description: renderPart('description', facts[i]!, plans[i]!, views[i]!, v),
        body: renderPart('body', facts[i]!, plans[i]!, views[i]!, v),
      };
      memory.remember({ id: facts[i]!.id, style: plans[i]!.style, end, choices: v.chosen });
      return text;
    }, byEnd);
  }
  const claims = stage((i) => checkText(texts[i]!, facts[i]!, plans[i]!));
  stage((i) => (out[i] = { ok: true, article: assemble(snaps[i]!, facts[i]!, plans[i]!, texts[i]!, claims[i]!.claims, claims[i]!.statements, variations[i]!.chosen, o) }));
  return out;
}

/** A snapshot's window end as RFC 3339 UTC, or "" for one that failed to parse (sorted first, skipped by the stage). */
const endOf = (snap: Snapshot | undefined): string => (snap ? rfc3339(snap.window.end) : '');

/** Every claim a format of this article may print: the story's, and the tables' own (facts/table.ts). */
export const allClaims = (facts: StoryFacts): Claim[] => (facts.tables.claims.length > 0 ? [...facts.claims, ...facts.tables.claims] : facts.claims);

const checkText = (text: RenderedText, facts: StoryFacts, plan: Plan): { claims: Claim[]; statements: Statement[] } => {
  const parts = { headline: text.headline, description: text.description, body: text.body };
  // The snapshot's own strings, blanked once for both checks.
  const blanked = blankParts(parts, quotesOf(facts));
  // The tables' own figures are claims only where the body prints the table, or the chart's alt text states them.
  const claims = checkClaimsIn(blanked, plan.sections.table || plan.sections.chart ? allClaims(facts) : facts.claims, facts.id);
  return { claims, statements: checkStatementsIn(blanked, facts, facts.id) };
};

/** The article from its checked parts: names, the HTML page's inputs, and files built on first read. */
function assemble(snap: Snapshot, facts: StoryFacts, plan: Plan, text: RenderedText, claims: Claim[], statements: Statement[], choices: Choices, o: ResolvedOptions): Article {
  const date = utcDate(snap.window.end);
  const base = snap.id ? slugify(snap.id) : defaultSlug(snap, facts);
  // With a history, the slug is one no other story of the series holds (a site's URL is often the slug alone).
  const slug = o.history ? uniqueSlug(o.history, facts.id, base, date, rfc3339(snap.window.end).slice(11, 16).replace(':', '')) : base;
  const when = rfc3339(snap.window.end);
  const tags = articleTags(facts);
  const basename = `${date}-${slug}`;
  // The body's chart paragraph (--sections +chart): linked in the Markdown only beside its file, inline in the page, left out elsewhere.
  const split = splitChart(text.body);
  // Made at once for a body that carries it, otherwise only when a format asks (ctx.chart): its data reads the tables, which are built lazily.
  const chart = split ? articleChart(facts, basename) : null;
  let asked: ArticleChart | null | undefined = split ? chart : undefined;
  const markdownBody = split && chart && o.chart ? withChartAt(text.body, o.baseUrl ? `${o.baseUrl}/${chart.file}` : chart.file) : withoutChart(text.body);
  const bare = split ? withoutChart(text.body) : text.body;
  const toHtml = (): string => (split && chart ? markdownToHtml(split.before) + chartHtml(chart) + markdownToHtml(split.after) : markdownToHtml(bare));
  // The HTML body is converted on first read: `--format md` never runs marked.
  let bodyHtml: string | undefined;
  const page: HtmlPage = {
    title: text.headline,
    description: text.description,
    published: when,
    modified: when,
    dateText: facts.window.endDate,
    get bodyHtml() {
      return (bodyHtml ??= toHtml());
    },
    author: o.author,
    publisher: o.publisher,
    tags,
    // `<date>-<slug>`, the file name: slugs come from rounded figures and repeat on another day.
    canonicalUrl: o.baseUrl ? `${o.baseUrl}/${date}-${slug}/` : null,
    draft: o.draft,
    image: o.card ? cardImage(`${date}-${slug}`, text.headline, facts, o) : null,
    publisherLogo: o.publisherLogo,
    publisherUrl: o.publisherUrl,
  };
  const chartFile = chart && o.chart && split ? chart.file : null;
  const ctx: FormatContext = {
    snap,
    facts,
    plan,
    text: bare === text.body ? text : { ...text, body: bare },
    claims,
    statements,
    choices,
    options: o,
    slug,
    date,
    when,
    tags,
    page,
    markdownBody,
    get chart() {
      return asked === undefined ? (asked = articleChart(facts, basename)) : asked;
    },
    chartFile,
  };
  let fragment: string | undefined;
  return {
    id: facts.id,
    style: plan.style,
    angle: facts.angle,
    seed: plan.seed,
    title: text.headline,
    description: text.description,
    date,
    slug,
    basename,
    body: markdownBody,
    get bodyHtml() {
      return page.bodyHtml;
    },
    get htmlFragment() {
      return (fragment ??= articleFragment(page));
    },
    files: lazyFiles(ctx),
    cardFile: page.image ? `${date}-${slug}.card.png` : null,
    chartFile,
    facts,
    claims,
    statements,
    choices,
    snapshot: snap,
  };
}

/**
 * Every format's file, built on first read and kept; enumerable, so the
 * object still serialises. A file that can carry a stamp gets its hash.
 */
function lazyFiles(ctx: FormatContext): FileContents {
  const out = {} as FileContents;
  for (const key of FORMATS) {
    let value: string | Uint8Array | undefined;
    const make = (): string | Uint8Array => {
      const built = FORMAT_WRITERS[key].build(ctx);
      return typeof built === 'string' && built.includes(STAMP_PLACEHOLDER) ? applyStamp(built) : built;
    };
    // The card and the chart cost tens of milliseconds: only a reader who names one draws it.
    Object.defineProperty(out, key, { enumerable: !DRAWN_FORMATS.includes(key), get: () => (value ??= make()) });
  }
  return out;
}

/**
 * Where the page says its card is: `<baseUrl>/<basename>.card.png` with a
 * base URL (the card sits beside the page's files), else the bare file name,
 * which resolves beside the `.html` when the page is opened from its folder.
 */
function cardImage(basename: string, headline: string, facts: StoryFacts, o: ResolvedOptions): NonNullable<HtmlPage['image']> {
  const file = `${basename}.card.png`;
  return {
    url: o.baseUrl ? `${o.baseUrl}/${file}` : file,
    absolute: o.baseUrl !== null,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: cardAlt(cardContent({ headline, facts, publisher: o.publisher })),
  };
}

/**
 * The slug when the snapshot has no id: the rounded total and the angle, plus
 * the window's length when it is not a day and its end time when it is not
 * midnight UTC, so windows ending on the same date get different names.
 * Built from figures, not wording, so it is stable across template changes.
 */
function defaultSlug(snap: Snapshot, f: StoryFacts): string {
  const parts = ['crypto-liquidations', f.total.head.replace(/^at least /i, ''), f.angle];
  const ms = Date.parse(snap.window.end) - Date.parse(snap.window.start);
  // A window that is not a whole number of minutes is named by its seconds, and an end off the minute to the second:
  // rounded to minutes, 20 s was "0d", and 60 s windows ending at 12:00:20 and 12:00:40 (or 120 s and 125 s ones) shared
  // one name, so the later article replaced the earlier. Whole minutes ending on the minute keep the names they had.
  const minutes = Math.round(ms / 60_000);
  if (ms % 60_000 !== 0) parts.push(`${Math.max(1, Math.round(ms / 1000))}s`);
  else if (minutes !== 1440) parts.push(minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`);
  const end = new Date(snap.window.end);
  if (end.getUTCSeconds() !== 0 || end.getUTCMilliseconds() !== 0) parts.push(`${rfc3339(snap.window.end).slice(11, 19).replaceAll(':', '')}utc`);
  else if (end.getUTCHours() !== 0 || end.getUTCMinutes() !== 0) parts.push(`${rfc3339(snap.window.end).slice(11, 16).replace(':', '')}utc`);
  return slugify(parts.join('-'));
}

/** 1–8 lowercase tags: the basics, the leading coins, the angle, then the snapshot's own. */
function articleTags(f: StoryFacts): string[] {
  const t = ['crypto', 'liquidations', ...f.topAssets.slice(0, 2).map((a) => a.symbol.toLowerCase()), f.angle, ...f.tags];
  return [...new Set(t)].slice(0, 8);
}

/**
 * The context facts, from the store when there is one, else from the
 * snapshot's own `context.history` block; their claims join the ledger.
 */
/**
 * With earlier windows to measure by, the size register is relative, as
 * `decide` measures it: a record, three times the median or the top of 90
 * days is a major story and may use strong words; under three quarters of
 * the median is a brief one and may not, whatever the absolute pace.
 */
function sizeAgainstHistory(facts: StoryFacts, snap: Snapshot, ctx: HistoryContext): void {
  const d = decide(snap, ctx);
  const m = d.measures;
  if (!m.history || (m.medianMultiple === null && m.rank === null && !m.record)) return;
  facts.register = d.register;
  if (d.register === 'major') facts.big = true;
  else if (d.register === 'brief') {
    facts.big = false;
    facts.huge = false;
  } else facts.huge = false;
}

function withHistory(facts: StoryFacts, snap: Snapshot, history: History | null): StoryFacts {
  const block = snap.context?.history;
  if (!history && !block) return facts;
  const ctx = history ? history.contextFor(snap) : contextFromBlock(block!, snap);
  const ledger = new Ledger();
  facts.history = deriveHistory(ledger, ctx, snap.totals.usd, new Date(snap.window.end).getUTCFullYear());
  facts.claims.push(...ledger.list());
  facts.series = ctx.series;
  sizeAgainstHistory(facts, snap, ctx);
  return facts;
}
