/**
 * `svg`: the chart, `<date>-<slug>.chart.svg` (src/chart/): long and short by
 * coin, and with a history store the last 30 windows of this length, in one
 * SVG document. Drawn by vega (loaded on demand: `loadCharts()`), so only
 * asked-for. Exactly the bytes vega draws, so its stamp sits beside it
 * (`.<file>.sha256`, as for the text posts), and the page inlines the same.
 */
import type { FormatWriter } from './context.js';
import { LiqnewsError } from '../errors.js';

export const svgFormat: FormatWriter = {
  ext: 'chart.svg',
  description: 'the chart: long and short by coin (and, with a history store, the last 30 windows) as SVG',
  build(ctx) {
    if (!ctx.chart) {
      throw new LiqnewsError('CHART_FAILED', `no chart to draw for story ${ctx.facts.id}: nothing was liquidated (totals.usd is 0)`, {
        hint: 'leave svg out of --format for this snapshot; the article\'s other files are not written either',
      });
    }
    return ctx.chart.svg();
  },
};
