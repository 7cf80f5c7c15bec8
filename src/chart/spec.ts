/**
 * The charts as Vega-Lite specifications (compiled to Vega by vega-lite,
 * drawn by vega: src/chart/svg.ts). Only the figures the text states are
 * printed: the bars' labels are the table's display strings and the
 * highlighted window's is the total's. The amount axes are left out: their
 * ticks ("200M") would be figures no claim stands for.
 *
 * Nothing here depends on the clock, the time zone or the machine: the
 * windows are an ordinal index (no temporal scale, which would read local
 * time), and text is measured in the shipped font, never the system's
 * (svg.ts).
 */
import type { ChartData } from './data.js';

/** The family the SVG names: the one the package ships for the card (assets/fonts/), with a generic fallback. */
export const CHART_FONT = 'DejaVu Sans, sans-serif';
export const LONG_COLOUR = '#c0392b';
export const SHORT_COLOUR = '#2471a3';
const PAST_COLOUR = '#aab2bd';
export const CHART_WIDTH = 340;

type Spec = Record<string, unknown>;

function coinChart(d: ChartData): Spec {
  const bars = d.coins.flatMap((c) => [
    { coin: c.coin, side: 'Longs', order: 0, usd: c.long },
    { coin: c.coin, side: 'Shorts', order: 1, usd: c.short },
  ]);
  // Each row: the coin and its two figures on a line, the bar under it across the full width, so the chart
  // stays narrow enough for a phone's column (a label column beside the bars would not).
  const labels = d.coins.map((c) => ({
    coin: c.coin,
    zero: 0,
    label: `${c.coin}: ${[c.longText && `${c.longText} long`, c.shortText && `${c.shortText} short`].filter(Boolean).join(' · ')}`,
  }));
  // The rows in the table's order (sort: null keeps the data's), one per table row.
  const y = { field: 'coin', type: 'nominal', title: null, sort: null, axis: null };
  return {
    title: { text: 'Long and short liquidations by coin', anchor: 'start' },
    width: CHART_WIDTH,
    height: { step: 38 },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', height: 12, yOffset: 8 },
        encoding: {
          y,
          x: { field: 'usd', type: 'quantitative', stack: 'zero', axis: null },
          color: { field: 'side', type: 'nominal', scale: { domain: ['Longs', 'Shorts'], range: [LONG_COLOUR, SHORT_COLOUR] }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'left', baseline: 'bottom', yOffset: 0, fontSize: 12 },
        encoding: { y, x: { field: 'zero', type: 'quantitative', axis: null }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

function historyChart(d: ChartData, windows: NonNullable<ChartData['windows']>): Spec {
  const values = windows.map((w, i) => ({ i, usd: w.usd, current: w.current, label: w.current ? d.totalText : '' }));
  const x = { field: 'i', type: 'ordinal', axis: null };
  return {
    title: { text: `Earlier ${d.windowAdjective} windows on record, this one highlighted`, anchor: 'start' },
    width: CHART_WIDTH,
    height: 120,
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'usd', type: 'quantitative', axis: null },
          color: { condition: { test: 'datum.current', value: LONG_COLOUR }, value: PAST_COLOUR },
        },
      },
      {
        transform: [{ filter: 'datum.current' }],
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 12 },
        encoding: { x, y: { field: 'usd', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/** One Vega-Lite document: the coin chart, then (with history) the windows chart below it. */
export function chartSpec(d: ChartData, description: string): Spec {
  const charts = [...(d.coins.length > 0 ? [coinChart(d)] : []), ...(d.windows ? [historyChart(d, d.windows)] : [])];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    background: '#ffffff',
    padding: 12,
    // Each panel keeps its own colours and legend (the legend under the coin chart, not under both).
    ...(charts.length === 1 ? charts[0] : { vconcat: charts, spacing: 28, resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } }),
    config: {
      font: CHART_FONT,
      view: { stroke: null },
      // No per-mark aria labels: they would print raw amounts ("usd: 427600000"); the description says it all.
      aria: false,
      title: { fontSize: 13, fontWeight: 'bold', color: '#222222' },
      axis: { labelFontSize: 11, labelColor: '#333333' },
      legend: { labelFontSize: 11, symbolType: 'square' },
    },
  };
}
