/**
 * Reads the front matter of an article's `.md` file: the keys the feeds need
 * (title, description, slug, draft, tags, lastmod). An editor may have
 * touched the file, so it is read with a real YAML parser (`yaml`, YAML 1.2
 * core schema): folded and literal titles, titles over two lines, flow lists
 * over several lines all read as YAML says. A hand-written reader misread
 * those and published the result; now a file the parser refuses is an error
 * naming the line, never a feed entry.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

export type FrontValue = string | boolean | string[] | null;

export interface MarkdownDoc {
  data: Map<string, FrontValue>;
  /** The Markdown after the closing `---`. */
  body: string;
}

/** The document, or a sentence saying why the front matter cannot be read (with its line in the file). */
export function readMarkdownDoc(text: string): MarkdownDoc | string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trimEnd() !== '---') return 'does not start with front matter (a --- line)';
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (end < 0) return 'front matter has no closing --- line';
  // core: YAML 1.2's types only (no `yes`/`no` booleans, no timestamps: `lastmod` stays the text written).
  const yaml = lines.slice(1, end).join('\n');
  const doc = parseDocument(yaml, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    // The line in the file: lines of YAML before the error, +1 as lines count from 1, +1 for the opening `---`.
    const line = yaml.slice(0, error.pos[0]).split('\n').length + 1;
    return `front matter line ${line}: ${firstLine(error.message)}`;
  }
  const data = new Map<string, FrontValue>();
  if (doc.contents === null) return { data, body: lines.slice(end + 1).join('\n') };
  if (!isMap(doc.contents)) return 'front matter is not a set of `key: value` lines';
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key !== 'string') continue; // a number or a complex key is nothing the feeds read
    data.set(key, valueOf(pair.value as Node | null));
  }
  return { data, body: lines.slice(end + 1).join('\n') };
}

/** A scalar as text (numbers too: `title: 2024` is a title), a list of scalars, or null for what the feeds cannot use. */
function valueOf(node: Node | null): FrontValue {
  if (node === null) return null;
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'bigint') return String(node.source ?? v);
    return null;
  }
  if (isSeq(node)) {
    const items: string[] = [];
    for (const item of node.items) {
      const v = valueOf(item as Node | null);
      if (typeof v !== 'string') return null;
      items.push(v);
    }
    return items;
  }
  return null;
}

const firstLine = (s: string): string => s.split('\n')[0]!.trim();
