/**
 * The chart SVG: the Vega-Lite spec (spec.ts) compiled to Vega and drawn by
 * vega's SVG string renderer, with no canvas and no DOM.
 *
 * Drawn synchronously, like every other file of an article (the formats and
 * the writer are synchronous): vega's `view.toSVG()` is async only because
 * it awaits the dataflow run and image loads; with inline data and no
 * images the run completes within `view.run()`, and the renderer is the one
 * `toSVG()` makes (renderModule('svg').headless, sized as vega-view sizes
 * it). test/chart.test.ts checks the bytes equal `await view.toSVG()`.
 *
 * Deterministic: the clip and gradient ids are reset before each drawing
 * (vega counts them per process), text widths come from the shipped DejaVu
 * Sans advance widths (card/measure.ts; never a canvas and the machine's
 * fonts), and nothing reads the clock, the locale or TZ.
 */
import { chartEngine } from './engine.js';
import { chartSpec } from './spec.js';
import type { ChartData } from './data.js';
import { textWidth } from '../card/measure.js';
import { TEMPLATE_OPENER } from '../render/escape.js';

/**
 * A snapshot name's `{{`, `{%` or `{#` as `&#123;…` (reads `{`): site generators and mail merges would run it
 * as template code in the file or the page that inlines it. vega's own markup never holds one.
 */
export const withoutTemplateOpeners = (svg: string): string => svg.replace(TEMPLATE_OPENER, '&#123;');

/** vega's text-width hook: the item's text (or the line given) at its size and weight, in the shipped font. */
function measure(item: { text?: unknown; fontSize?: number; fontWeight?: string | number }, text?: unknown): number {
  const t = text ?? item.text;
  const s = Array.isArray(t) ? t.join(' ') : t === undefined || t === null ? '' : String(t);
  const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
  return textWidth(s, item.fontSize ?? 11, bold ? 'bold' : 'regular');
}

/** What vega-view keeps about the size it drew (private fields toSVG reads through its own helpers). */
interface Sized {
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
}

/** The Vega specification (compiled from Vega-Lite): also what the tests compare toSVG() against. */
export function vegaSpec(d: ChartData, description: string): import('vega').Spec {
  const { vegaLite } = chartEngine();
  return vegaLite.compile(chartSpec(d, description) as unknown as import('vega-lite').TopLevelSpec).spec;
}

export function chartSvg(d: ChartData, description: string): string {
  const { vega } = chartEngine();
  // Text measured with the shipped DejaVu Sans (the card's metrics), never a canvas with the machine's fonts
  // nor vega's rough estimate (0.8 em a character, which left a third of the width empty).
  (vega as unknown as { textMetrics: { width: typeof measure } }).textMetrics.width = measure;
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(vegaSpec(d, description)), { renderer: 'none', logLevel: vega.Error });
  view.run();
  const sized = view as unknown as Sized;
  const pad = view.padding() as { top: number; bottom: number; left: number; right: number };
  const Renderer = (vega.renderModule as unknown as (t: string) => { headless: unknown })('svg').headless as new (loader: unknown) => {
    initialize(el: null, width: number, height: number, origin: [number, number], scale: number): { background(c: unknown): unknown };
    render(scene: unknown): void;
    svg(): string;
  };
  const r = new Renderer(view.loader());
  r.initialize(null, Math.max(0, sized._viewWidth + pad.left + pad.right), Math.max(0, sized._viewHeight + pad.top + pad.bottom), [pad.left + sized._origin[0], pad.top + sized._origin[1]], 1).background(view.background());
  r.render((view.scenegraph() as unknown as { root: unknown }).root);
  const svg = r.svg();
  view.finalize();
  if (!svg.startsWith('<svg')) throw new Error('vega drew no SVG');
  return withoutTemplateOpeners(svg) + '\n';
}
