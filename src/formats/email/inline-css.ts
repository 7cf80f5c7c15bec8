/**
 * CSS inlining with juice. Loading juice (and the HTML parser under it)
 * takes about a quarter of a second, so it is required on the first email
 * built, not when the registry loads: `render --format md` never pays for it.
 */
import { createRequire } from 'node:module';
import type juiceType from 'juice';

let juice: typeof juiceType | undefined;

/** Every rule of the `<style>` element moved onto the elements it matches; the element itself removed. */
export function inlineCss(html: string): string {
  juice ??= createRequire(import.meta.url)('juice') as typeof juiceType;
  const inlined = juice(html, {
    removeStyleTags: true,
    // Kept only if a rule cannot be inlined; the layout has none (see layout.ts).
    preserveMediaQueries: true,
    preserveFontFaces: false,
    preserveKeyFrames: false,
    // Table width and alignment also as attributes, for Outlook's Word engine.
    applyWidthAttributes: true,
    // Not height: the card's CSS `height:auto` (so it keeps its shape on a phone) would become the invalid
    // attribute height="auto" over the 290 px it is given for Outlook.
    applyHeightAttributes: false,
    applyAttributesTableElements: true,
    insertPreservedExtraCss: false,
  });
  // The removed `<style>` leaves an empty line behind, and juice drops the final newline.
  return `${inlined.replace(/\n\s*\n(?=<\/head>)/, '\n').trimEnd()}\n`;
}
