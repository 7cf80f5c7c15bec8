/**
 * XML text for the feeds. Article strings are data: `&`, `<` and `>` become
 * entities (quotes too, in attributes), and characters XML 1.0 cannot hold at
 * all (most control characters, lone surrogates) are dropped rather than let
 * them make the whole feed unreadable.
 */

// Everything outside XML 1.0's Char production.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '{': '&#123;' };

/** Element content: a title, a description, or a whole HTML body as escaped text. The `{` of `{{`, `{%`, `{#` too (see TEMPLATE_OPENER). */
export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>]|\{(?=[{%#])/g, (c) => TEXT_ESC[c]!);
}

/** A double-quoted attribute value. */
export function xmlAttr(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"]|\{(?=[{%#])/g, (c) => TEXT_ESC[c]!);
}

/** `<name>text</name>`, on one line at the given indent. */
export const element = (indent: string, name: string, text: string): string => `${indent}<${name}>${xmlText(text)}</${name}>`;

/** RFC 822 date as RSS 2.0 wants it: `Thu, 05 Feb 2026 00:00:00 GMT`. */
export const rfc822 = (rfc3339: string): string => new Date(rfc3339).toUTCString();
