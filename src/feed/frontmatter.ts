/**
 * Reads the front matter of an article's `.md` file: the keys the feeds need
 * (title, description, slug, draft, tags, lastmod). An editor may have
 * touched the file, so this accepts the YAML people write by hand for such
 * keys — double- or single-quoted or plain scalars, booleans, flow `[a, b]`
 * and block `- a` lists — not only what `render` writes. Anything else
 * (nested maps, multi-line strings) reads as null, and the caller says which
 * key it could not use. No YAML library at run time for six flat keys.
 */

export type FrontValue = string | boolean | string[] | null;

export interface MarkdownDoc {
  data: Map<string, FrontValue>;
  /** The Markdown after the closing `---`. */
  body: string;
}

/** The document, or a sentence saying why the front matter cannot be read. */
export function readMarkdownDoc(text: string): MarkdownDoc | string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trimEnd() !== '---') return 'does not start with front matter (a --- line)';
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (end < 0) return 'front matter has no closing --- line';
  return { data: readKeys(lines.slice(1, end)), body: lines.slice(end + 1).join('\n') };
}

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:[ \t]+(.*))?$/;

function readKeys(lines: string[]): Map<string, FrontValue> {
  const data = new Map<string, FrontValue>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = KEY_LINE.exec(line.trimEnd());
    if (!m) continue; // blank, comment, or the inside of a value we do not read
    const key = m[1]!;
    const raw = (m[2] ?? '').trim();
    if (raw !== '' && !raw.startsWith('#')) {
      data.set(key, scalarOrFlow(raw));
      continue;
    }
    // `key:` alone: a block list below it, or something nested we do not read.
    const items: string[] = [];
    let nested = false;
    while (i + 1 < lines.length && /^(\s|-\s|-$)/.test(lines[i + 1]!) && lines[i + 1]!.trim() !== '') {
      const item = /^\s*-(?:\s+(.*))?$/.exec(lines[++i]!.trimEnd());
      const value = item ? scalar(item[1] ?? '') : null;
      if (typeof value === 'string') items.push(value);
      else nested = true;
    }
    data.set(key, nested ? null : items.length > 0 ? items : null);
  }
  return data;
}

function scalarOrFlow(raw: string): FrontValue {
  if (!raw.startsWith('[')) return scalar(raw);
  const items: string[] = [];
  let rest = raw.slice(1).trim();
  while (!rest.startsWith(']')) {
    const read = readOne(rest, /[,\]]/);
    if (!read || typeof read.value !== 'string') return null;
    items.push(read.value);
    rest = read.rest.trim();
    if (rest.startsWith(',')) rest = rest.slice(1).trim();
    else if (!rest.startsWith(']')) return null;
  }
  return stripComment(rest.slice(1)) === '' ? items : null;
}

function scalar(raw: string): FrontValue {
  const read = readOne(raw.trim(), null);
  if (!read || stripComment(read.rest) !== '') return null;
  return read.value;
}

/** One scalar at the start of `s`; a plain one ends at `stop` (inside a flow list) or the end. */
function readOne(s: string, stop: RegExp | null): { value: string | boolean | null; rest: string } | null {
  if (s.startsWith('"')) return doubleQuoted(s);
  if (s.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'/.exec(s);
    return m ? { value: m[1]!.replace(/''/g, "'"), rest: s.slice(m[0].length) } : null;
  }
  const at = stop ? s.search(stop) : -1;
  const text = stripComment(at < 0 ? s : s.slice(0, at));
  const rest = at < 0 ? '' : s.slice(at);
  if (/^(true|True|TRUE)$/.test(text)) return { value: true, rest };
  if (/^(false|False|FALSE)$/.test(text)) return { value: false, rest };
  if (/^(null|Null|NULL|~)?$/.test(text)) return { value: null, rest };
  return { value: text, rest };
}

const stripComment = (s: string): string => s.replace(/(^|\s)#.*$/, '').trim();

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function doubleQuoted(s: string): { value: string; rest: string } | null {
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') return { value: out, rest: s.slice(i + 1) };
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = s[++i] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const length = HEX_LENGTH[next];
    const hex = length === undefined ? '' : s.slice(i + 1, i + 1 + length);
    if (!length || !new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) return null;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return null;
    out += String.fromCodePoint(code);
    i += length;
  }
  return null; // no closing quote on the line
}
