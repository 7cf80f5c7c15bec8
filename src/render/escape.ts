/**
 * Escaping policy (chosen on purpose, see docs/CHECKS.md "Safety"):
 * - Markdown: every snapshot string passes `escapeMarkdown` before a template
 *   sees it, so `*`, `_`, `[`, `<`, `{{` and friends stay text. `<` and `&`
 *   become entities (a backslash would leave `<!--` intact for Jekyll).
 * - HTML: `escapeHtml` for attributes and text we build ourselves; the body
 *   comes from marked with raw HTML turned back into text.
 * - YAML: double-quoted scalars with `<`, `>`, `{`, `}` as \u escapes, so
 *   front matter never holds markup or template code, yet parses to the text.
 * - Template tags: no output holds `{{`, `{%` or `{#` (see TEMPLATE_OPENER);
 *   URLs have their braces percent-encoded when the snapshot is read.
 */

const DANGEROUS_SCHEME = /\b(javascript|vbscript|data)\s*:/gi;

const MD_INLINE = /[\\`*_[\]{}()#+!|~^$%]/g;

/**
 * Words of letters and digits with single spaces, apostrophes, commas and
 * inner hyphens: nothing in it that any escaping below would change. Most
 * snapshot strings (asset and venue names) are like this; they skip the work.
 */
const PLAIN_WORDS = /^[A-Za-z0-9][A-Za-z0-9',-]*(?: [A-Za-z0-9',-]+)*$/;

/**
 * A dot that joins two names the way a domain does (a letter, digit, `_` or
 * `-` before it, a letter after it): `EVIL.COM`, `desk@example.com`, `x.io`.
 * GFM renderers link e-mail addresses, and mail clients link bare domains in
 * text and HTML alike; snapshot text must not become a link, so in every
 * format such a dot is U+2024 ONE DOT LEADER, which reads the same and which
 * no linkifier takes for a dot. Decimals ("2.5%") and sentence ends (". ")
 * are left alone. The social formats have done the same from the start.
 */
const DOMAIN_DOT = /([\p{L}\p{N}_-])\.(?=\p{L})/gu;

export function defangDomains(s: string): string {
  return s.includes('.') ? s.replace(DOMAIN_DOT, '$1\u2024') : s;
}

export function escapeMarkdown(s: string): string {
  if (PLAIN_WORDS.test(s)) return s;
  const oneLine = defangDomains(s.replace(/\s+/g, ' ').trim());
  let out = oneLine
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MD_INLINE, (c) => `\\${c}`);
  // Characters that start a block only matter at the start of a line or item.
  out = out.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-=])/, '\\$1');
  // URLs would be auto-linked by some renderers; break the scheme separator.
  out = out.replace(/:\/\//g, ':&#47;/').replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}&#46;`);
  // A script scheme stays visible text but never reads as one, in any output.
  out = out.replace(DANGEROUS_SCHEME, '$1&#58;');
  return out;
}

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '{': '&#123;' };

/** Also the `{` of `{{`, `{%` and `{#`, which a site generator would run as template code. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']|\{(?=[{%#])/g, (c) => HTML_ESC[c]!);
}

/**
 * The opening brace of a template tag (`{{`, `{%`, `{#`): Jekyll, Eleventy
 * and Hugo run such tags in the files they build, newsletter services in the
 * mails they send. Every format replaces that brace with something its
 * readers show as `{` (an entity, an escape, a percent-escape).
 */
export const TEMPLATE_OPENER = /\{(?=[{%#])/g;

/** What a double-quoted YAML scalar has to escape: see yamlString. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const YAML_SPECIAL = /["\\\x00-\x1f\x7f<>{}]/;

export function yamlString(s: string): string {
  // Most values (slugs, tags, most titles) have nothing to escape: they skip the walk over every character.
  if (!YAML_SPECIAL.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ('<>{}'.includes(ch)) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** JSON safe to embed in `<script>` and to show anywhere: no `<`, `>`, `&` literally. */
export function safeJson(value: unknown, indent?: number): string {
  // One pass over the text (a sidecar is tens of kilobytes); each character is replaced on its own, by a `\u` escape.
  // `{{`, `{%` and `{#` can only come from inside a string (JSON's own braces are followed by `"`, `}` or a line break).
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => JSON_SAFE[c]!);
}
// The template opener is TEMPLATE_OPENER's own pattern, so every output refuses the same openers.
const JSON_UNSAFE = new RegExp(`[<>&\u2028\u2029]|${TEMPLATE_OPENER.source}`, 'g');
const JSON_SAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '{': '\\u007b', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * A headline or description is plain text shown by site generators and in
 * `<title>`: snapshot strings in it lose characters that could read as
 * markup or template code anywhere (`<`, `>`, `{`, `}`, backticks).
 */
export function plainText(s: string): string {
  if (PLAIN_WORDS.test(s)) return s;
  return defangDomains(s.replace(/\s+/g, ' ').replace(/[<>{}`]/g, '').replace(DANGEROUS_SCHEME, '$1 ').trim());
}

/** The schemes a link may have: the web, and mail where a reader expects to write one. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
export const IMAGE_SCHEMES = ['http', 'https'] as const;

const NAMED_REFS: Readonly<Record<string, string>> = { colon: ':', tab: '\t', newline: '\n', amp: '&', sol: '/', num: '#', quest: '?', period: '.', lpar: '(', rpar: ')' };

/**
 * Whether a link target, as a browser or a feed reader would read it, has one
 * of `schemes` or none (a relative link such as `#section` or `/posts/x/`).
 * The target is read the way they read it: character references decoded
 * (`javascript&#58;` is `javascript:` inside an `href`), percent-escapes
 * decoded, whitespace and control characters dropped (`java\tscript:` is
 * `javascript:` to a URL parser). What cannot be read for certain — an
 * unknown named reference, a colon before any `/`, `?` or `#` without an
 * allowed scheme — is refused: a refused link is shown as its text.
 */
export function isAllowedLink(href: string, schemes: readonly string[] = LINK_SCHEMES): boolean {
  let s = href;
  // Twice: `&amp;#58;` in a Markdown source decodes to `&#58;` in the attribute, which the browser decodes again.
  for (let round = 0; round < 3; round++) {
    const before = s;
    s = s.replace(/&#(?:[xX]([0-9a-fA-F]+)|(\d+));?/g, (m, hex?: string, dec?: string) => {
      const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    });
    s = s.replace(/&([a-zA-Z]+);?/g, (m, name: string) => NAMED_REFS[name.toLowerCase()] ?? m);
    s = s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (s === before) break;
  }
  // eslint-disable-next-line no-control-regex -- what a URL parser drops (controls, spaces) or a reader cannot see
  s = s.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(s);
  if (scheme) return schemes.includes(scheme[1]!);
  if (/&[a-z0-9]+;?/.test(s)) return false;
  const colon = s.indexOf(':');
  return colon < 0 || /[/?#]/.test(s.slice(0, colon));
}
