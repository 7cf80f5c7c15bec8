/**
 * The generation stamp: each generated file carries a SHA-256 of its own
 * content (with the stamp's value blanked), so a later render can tell an
 * untouched file from one an editor changed.
 *
 * Markdown: front matter line `contentHash: "sha256:…"`.
 * HTML: `<meta name="liqnews-content-hash" content="sha256:…">`.
 * JSON: top-level `"contentHash": "sha256:…"` (the JSON Feed's under `_liqnews`, its extension key).
 * XML (the RSS and Atom feeds): `<!-- liqnews-content-hash: sha256:… -->` on the line after the declaration.
 */
import { sha256 } from '../util/hash.js';

const PLACEHOLDER = 'sha256:' + '0'.repeat(64);
const STAMP = /sha256:[0-9a-f]{64}/;
const MARKERS = ['contentHash: "', 'name="liqnews-content-hash" content="', '"contentHash": "', '<!-- liqnews-content-hash: '];
const HTML_FIRST = [MARKERS[1]!, MARKERS[0]!, MARKERS[2]!];
const JSON_FIRST = [MARKERS[2]!, MARKERS[0]!, MARKERS[1]!];
// Only an XML feed is looked at for the comment: in a feed every `<` of article text is `&lt;`, so none can forge it.
const XML_FIRST = [MARKERS[3]!];
const TEXT_FIRST = MARKERS.slice(0, 3);

/**
 * The markers in the order to look for them: a page's is in its <head> and a
 * facts file's on its second line, so each is looked for first and a text of
 * tens of kilobytes is not scanned end to end for the markers it cannot hold.
 */
function markersFor(text: string): readonly string[] {
  // Past a byte-order mark or blank lines an editor may have added: the file is still the format it was.
  let at = 0;
  for (let c = text.charCodeAt(0); c === 0xfeff || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++at));
  const first = text.charCodeAt(at);
  if (first === 0x3c) return text.startsWith('<?xml', at) ? XML_FIRST : HTML_FIRST;
  return first === 0x7b ? JSON_FIRST : TEXT_FIRST;
}

/** Text with the placeholder stamp in it becomes text with its real stamp. */
export function applyStamp(textWithPlaceholder: string): string {
  if (!textWithPlaceholder.includes(PLACEHOLDER)) throw new Error('applyStamp: no placeholder in the text');
  return textWithPlaceholder.replace(PLACEHOLDER, `sha256:${sha256(textWithPlaceholder)}`);
}

export const STAMP_PLACEHOLDER = PLACEHOLDER;

export type StampState = 'intact' | 'edited' | 'unstamped';

/** Whether the text has a place for a stamp (a format that carries its own), without hashing it. */
export function carriesStamp(text: string): boolean {
  for (const marker of markersFor(text)) {
    const at = text.indexOf(marker);
    if (at >= 0 && STAMP.exec(text.slice(at + marker.length, at + marker.length + 71))?.index === 0) return true;
  }
  return false;
}

/** Whether a file on disk is exactly as liquidation-news generated it. */
export function readStamp(text: string): StampState {
  for (const marker of markersFor(text)) {
    const at = text.indexOf(marker);
    if (at < 0) continue;
    const start = at + marker.length;
    const found = STAMP.exec(text.slice(start, start + 71));
    if (!found || found.index !== 0) continue;
    const blanked = text.slice(0, start) + PLACEHOLDER + text.slice(start + 71);
    return sha256(blanked) === found[0].slice(7) ? 'intact' : 'edited';
  }
  return 'unstamped';
}
