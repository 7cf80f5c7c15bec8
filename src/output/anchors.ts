/**
 * Heading anchors for Eleventy (`--site eleventy`). The tldr style's table of
 * contents links to `#<heading id>`, as GitHub, Hugo, Jekyll and Astro name
 * their headings; Eleventy's stock markdown-it gives headings no id, so each
 * link would be dead. markdown-it passes inline HTML (Eleventy turns `html`
 * on), so a heading a link points at starts with an empty `<a id="…"></a>`.
 */
import { headingId } from '../render/html.js';

const HEADING = /^(#{1,6}) (.+)$/gm;
const LINK_TARGET = /\]\(#([^)\s]+)\)/g;

export function withHeadingAnchors(body: string): string {
  const targets = new Set([...body.matchAll(LINK_TARGET)].map((m) => m[1]!));
  if (targets.size === 0) return body;
  return body.replace(HEADING, (line, marks: string, text: string) => {
    const id = headingId(text);
    // Ids are [\p{L}\p{N}-] only (headingId), so they need no escaping in the attribute.
    return targets.has(id) ? `${marks} <a id="${id}"></a>${text}` : line;
  });
}
