/** Text helpers: capitalisation for sentence starts and headline case. */
import { listWords } from '../../facts/derive.js';

export const cap = (s: unknown): string => {
  const t = String(s);
  return t.charAt(0).toUpperCase() + t.slice(1);
};

export const lower = (s: unknown): string => String(s).toLowerCase();

/** "long" → "Long". Headline case for a single word. */
export const title = (s: unknown): string =>
  String(s)
    .split(' ')
    .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');

/** `(names list "name")` → "Bitcoin, Ethereum and Solana". */
export const names = (list: unknown, key: unknown): string => {
  if (!Array.isArray(list)) return '';
  const k = typeof key === 'string' ? key : 'name';
  return listWords(list.map((x) => String((x as Record<string, unknown>)[k])));
};

/** `(join list " ")` → items joined by a separator. */
export const join = (list: unknown, sep: unknown): string => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ' ') : '');

/**
 * `{{an figure}}` → "an 8.2%", "an $11.3 million", "a 3.4%": the article a
 * figure takes when read aloud (eight, eleven, eighteen, eighty… start with a vowel sound).
 */
export const an = (s: unknown): string => {
  const t = String(s);
  const digits = t.replace(/^\$/, '');
  const group = /^\d+/.exec(digits)?.[0] ?? '';
  const vowel = /^[aeiou]/i.test(t) || group.startsWith('8') || group === '11' || group === '18';
  return `${vowel ? 'an' : 'a'} ${t}`;
};

/** `(namesAfter assets 3 "the rest of the market")` → "XRP, Dogecoin and the rest of the market": names ranked below `n`, then an optional last item. */
export const namesAfter = (list: unknown, n: unknown, ...rest: unknown[]): string => {
  if (!Array.isArray(list) || typeof n !== 'number') return '';
  const items = list.filter((x) => (x as { rank: number }).rank > n).map((x) => String((x as { name: string }).name));
  const tail = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : null;
  return listWords(tail ? [...items, tail] : items);
};

/**
 * `(lineStart text)`: text that opens a Markdown line, with a leading `#` or
 * `>` escaped, so a hashtag line ("#CryptoLiquidations #BTC") stays a
 * paragraph for every renderer and linter instead of reading as a heading
 * without its space. The escape disappears in the HTML.
 */
export const lineStart = (s: unknown): string => String(s).replace(/^([#>])/, '\\$1');
