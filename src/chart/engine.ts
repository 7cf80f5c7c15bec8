/**
 * Vega and Vega-Lite, loaded on the first chart only, so the default batch
 * (md, html, json) never pays for them (test/chart.test.ts checks it in a
 * child process). They are ES modules with a top-level await (vega-canvas
 * tries `import('canvas')`, which is not installed: vega then estimates
 * text widths, which is what makes the output machine-independent), so
 * they cannot be required synchronously: `loadCharts()` imports them once,
 * and the command awaits it before rendering whenever the chart is asked
 * for (--format svg, --sections +chart). Library callers do the same.
 */
import { LiqnewsError } from '../errors.js';
import { sectionRequest, type SectionsOption } from '../plan/sections.js';

export interface ChartEngine {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
}

let engine: ChartEngine | null = null;
let loading: Promise<ChartEngine> | null = null;

/** Imports vega and vega-lite (once); resolves when charts can be drawn. */
export function loadCharts(): Promise<void> {
  loading ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => (engine = { vega, vegaLite }));
  return loading.then(() => undefined);
}

/** The loaded engine, or the error a chart drawn before `loadCharts()` gets. */
export function chartEngine(): ChartEngine {
  if (engine) return engine;
  throw new LiqnewsError('CHART_FAILED', 'the chart cannot be drawn: the chart engine (vega) is not loaded', {
    hint: 'library callers: `await loadCharts()` once before reading an article\'s svg file or a page with --sections chart',
  });
}

/** Whether `loadCharts()` has finished (tests; the command never needs to ask). */
export const chartsLoaded = (): boolean => engine !== null;

/**
 * Whether a run draws charts: the svg file, or a page with the chart section
 * (the Markdown only links it). Then the command loads vega before it
 * renders; otherwise vega is never imported.
 */
export function chartsWanted(formats: readonly string[], sections: SectionsOption | null | undefined): boolean {
  if (formats.includes('svg')) return true;
  if (!formats.includes('html')) return false;
  const req = sectionRequest(sections);
  return typeof req === 'object' && req !== null && req.chart === true;
}
