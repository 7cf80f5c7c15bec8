/**
 * What every output format is built from: the stages' results for one
 * article, already checked. A format only arranges these; it never computes
 * a figure of its own (figures come from `facts`, each formatted once).
 */
import type { Claim } from '../facts/ledger.js';
import type { StoryFacts } from '../facts/types.js';
import type { Plan } from '../plan/plan.js';
import type { ResolvedOptions } from '../options.js';
import type { RenderedText } from '../render/markdown.js';
import type { HtmlPage } from '../render/html.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { Choices } from '../render/variation.js';
import type { Statement } from '../check/statements.js';

export interface FormatContext {
  snap: Snapshot;
  facts: StoryFacts;
  plan: Plan;
  /** Headline, description and the Markdown body (no front matter). */
  text: RenderedText;
  /** The claims whose figures the text states. */
  claims: Claim[];
  /** The statement predicates the text relies on. */
  statements: Statement[];
  /** Which alternative each variation slot chose. */
  choices: Choices;
  options: ResolvedOptions;
  slug: string;
  /** UTC date of the window end, `YYYY-MM-DD`. */
  date: string;
  /** RFC 3339 UTC of the window end: the article's date everywhere. */
  when: string;
  tags: string[];
  /** The HTML page's parts, body converted from the same Markdown. */
  page: HtmlPage;
  /** The Markdown file's body: `text.body` with the chart linked (when its file is written) or left out. */
  markdownBody: string;
  /** The article's chart when its body carries one (--sections +chart) or there is one to draw; null when there is nothing to chart. */
  chart: ArticleChart | null;
  /** The chart's file name when it is written beside the article and the Markdown links it (Article.chartFile); null otherwise. */
  chartFile: string | null;
}

/** An article's chart: drawn on first use and kept (the svg file and the page's inline copy are the same bytes). */
export interface ArticleChart {
  /** The alt text, plain (the page's aria-label). */
  alt: string;
  /** `<basename>.chart.svg`. */
  file: string;
  /** The SVG document; throws `CHART_FAILED`. */
  svg(): string;
}

/** A file's content: text for every format but the card, whose PNG is bytes. */
export type FileContent = string | Uint8Array;

export interface FormatWriter<C extends FileContent = string> {
  /** File extension without the dot; may be compound (`email.html`). */
  ext: string;
  /** One line for `--help` and the README. */
  description: string;
  /** The whole file. Text formats that can carry a stamp embed `STAMP_PLACEHOLDER` once; see output/stamp.ts. */
  build(ctx: FormatContext): C;
}
