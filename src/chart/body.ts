/**
 * Where the chart sits in an article's Markdown body: the image line that
 * partials/chart.hbs writes, with a placeholder address. The Markdown file
 * gets the chart file's name there (or loses the line when the svg file is
 * not written: never a page pointing at a missing image); the page gets the
 * SVG inline in its place; the other formats (e-mail, text, posts) leave it
 * out. Snapshot text cannot make this line: `[`, `]`, `(` and `!` in it are
 * escaped (render/escape.ts), and the line must be the whole paragraph.
 */
export const CHART_HREF = 'liqnews-chart.svg';
const CHART_LINE = /^!\[[^\n]*\]\(liqnews-chart\.svg\)\n(?:\n|$)/m;

/** The chart file beside the article: `<date>-<slug>.chart.svg`. */
export const chartFileName = (basename: string): string => `${basename}.chart.svg`;

export interface ChartSplit {
  /** The body before the image paragraph and after it (each ending where a block ends). */
  before: string;
  after: string;
}

/** The body around the chart's image paragraph, or null when it has none. */
export function splitChart(body: string): ChartSplit | null {
  const m = CHART_LINE.exec(body);
  if (!m) return null;
  return { before: body.slice(0, m.index), after: body.slice(m.index + m[0].length) };
}

/** The body without the chart (e-mail, text, posts: formats that cannot show it). */
export function withoutChart(body: string): string {
  const s = splitChart(body);
  return s ? joinBlocks(s.before, s.after) : body;
}

/** The body with the chart's address set to `href` (the Markdown file, when the svg file is written with it). */
export const withChartAt = (body: string, href: string): string => body.replace(`](${CHART_HREF})`, `](${href})`);

/** Two runs of blocks as one body: a blank line between them, one final newline. */
export function joinBlocks(before: string, after: string): string {
  if (after === '') return before.replace(/\n+$/, '\n');
  if (before === '') return after;
  return `${before.replace(/\n+$/, '')}\n\n${after}`;
}
