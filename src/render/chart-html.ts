/**
 * The chart inline in the page: vega's SVG as drawn (the svg file's bytes),
 * in a figure whose accessible name is the alt text, without the root's
 * fixed width and height: its viewBox then scales it to the column, so a
 * phone's width shows it whole (the page's stylesheet is left as it is). The SVG is
 * our own markup; the snapshot's strings in it (coin names) are text nodes
 * vega escapes, and the alt text is escaped here (test/chart.test.ts tries
 * `<script>`, `&` and quotes).
 */
import type { ArticleChart } from '../formats/context.js';
import { escapeHtml } from './escape.js';

export function chartHtml(c: ArticleChart): string {
  const svg = c.svg().replace(/^(<svg[^>]*?) width="[\d.]+" height="[\d.]+"/, '$1');
  return `<figure class="chart" role="img" aria-label="${escapeHtml(c.alt)}">\n${svg}</figure>\n`;
}
