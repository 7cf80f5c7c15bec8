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
