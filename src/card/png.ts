/**
 * SVG to PNG with resvg (@resvg/resvg-js: a Rust rasteriser whose platform
 * binary is an npm optional dependency, so nothing is downloaded at install
 * or run time). It is required on the first card only, so the default
 * batch (md, html, json) never loads it.
 *
 * Deterministic: system fonts are never loaded (only the shipped DejaVu
 * files, with DejaVu Sans as the default family), the size is the SVG's own,
 * and nothing about the clock, the locale or TZ enters the image.
 */
import { createRequire } from 'node:module';
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js';
import { CARD_FONTS, CARD_FONT_FAMILY } from './font.js';

let Resvg: typeof ResvgClass | undefined;

const OPTIONS: ResvgRenderOptions = {
  fitTo: { mode: 'original' },
  font: { loadSystemFonts: false, fontFiles: [CARD_FONTS.regular, CARD_FONTS.bold], defaultFontFamily: CARD_FONT_FAMILY },
  logLevel: 'off',
};

/** The PNG bytes of an SVG document. Throws resvg's error as it came (the caller names the article). */
export function svgToPng(svg: string): Uint8Array {
  Resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg;
  const png = new Resvg(svg, OPTIONS).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
