/**
 * The charts as Vega-Lite specifications (compiled to Vega by vega-lite,
 * drawn by vega: src/chart/svg.ts). Only the figures the text states are
 * printed: the bars' labels are the table's display strings and the
 * highlighted window's is the total's. The amount axes are left out: their
 * ticks ("200M") would be figures no claim stands for.
 *
 * Nothing here depends on the clock, the time zone or the machine: the
 * windows are an ordinal index (no temporal scale, which would read local
 * time), and the font is named, never measured from the system (vega
 * estimates text widths from the string without node-canvas).
 */
import type { ChartData } from './data.js';

/** The family the SVG names: the one the package ships for the card (assets/fonts/), with a generic fallback. */
export const CHART_FONT = 'DejaVu Sans, sans-serif';
export const LONG_COLOUR = '#c0392b';
export const SHORT_COLOUR = '#2471a3';
const PAST_COLOUR = '#aab2bd';
export const CHART_WIDTH = 360;

type Spec = Record<string, unknown>;

function coinChart(d: ChartData): Spec {
  const bars = d.coins.flatMap((c) => [
    { coin: c.coin, side: 'Longs', order: 0, usd: c.long },
    { coin: c.coin, side: 'Shorts', order: 1, usd: c.short },
  ]);
  const labels = d.coins.map((c) => ({
    coin: c.coin,
    end: c.long + c.short,
    label: [c.longText && `${c.longText} long`, c.shortText && `${c.shortText} short`].filter(Boolean).join(' · '),
  }));
  // The rows in the table's order (sort: null keeps the data's); each label is a table row's, one per coin.
  const y = { field: 'coin', type: 'nominal', title: null, sort: null, axis: { ticks: false, domain: false, labelLimit: 180, labelPadding: 6 } };
  return {
    title: { text: 'Long and short liquidations by coin', anchor: 'start' },
    width: CHART_WIDTH,
    height: { step: 26 },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'usd', type: 'quantitative', stack: 'zero', axis: null },
          color: { field: 'side', type: 'nominal', scale: { domain: ['Longs', 'Shorts'], range: [LONG_COLOUR, SHORT_COLOUR] }, legend: { title: null, orient: 'top', direction: 'horizontal' } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 11 },
        encoding: { y, x: { field: 'end', type: 'quantitative', axis: null }, text: { field: 'label', type: 'nominal' } },
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
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 11 },
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
    ...(charts.length === 1 ? charts[0] : { vconcat: charts, spacing: 28 }),
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
