/**
 * The fonts the card is drawn and measured with, shipped in the package
 * (assets/fonts/, DejaVu Sans, licence beside them), so the same headline
 * wraps the same way and gives the same pixels on every machine: the
 * rasteriser never looks at the system's fonts.
 *
 * Paths are resolved from this module's own URL: src/card/ (tests, tsx),
 * dist/card/ and the bundle's dist/bin/ are all two folders below the
 * package root, in a checkout as in an installed package.
 */
import { fileURLToPath } from 'node:url';

const FONT_DIR = new URL('../../assets/fonts/', import.meta.url);

/** The family name both files declare: what the SVG's `font-family` names. */
export const CARD_FONT_FAMILY = 'DejaVu Sans';

export const CARD_FONTS = {
  regular: fileURLToPath(new URL('DejaVuSans.ttf', FONT_DIR)),
  bold: fileURLToPath(new URL('DejaVuSans-Bold.ttf', FONT_DIR)),
} as const;

export type CardWeight = keyof typeof CARD_FONTS;
