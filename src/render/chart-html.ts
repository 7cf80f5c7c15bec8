/**
 * The chart inline in the page: vega's SVG as drawn (the same bytes as the
 * svg file), in a figure whose accessible name is the alt text. The SVG is
 * our own markup; the snapshot's strings in it (coin names) are text nodes
 * vega escapes, and the alt text is escaped here (test/chart.test.ts tries
 * `<script>`, `&` and quotes).
 */
import type { ArticleChart } from '../formats/context.js';
import { escapeHtml } from './escape.js';

export function chartHtml(c: ArticleChart): string {
  return `<figure class="chart" role="img" aria-label="${escapeHtml(c.alt)}">\n${c.svg()}</figure>\n`;
}
