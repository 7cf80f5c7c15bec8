/**
 * Sections on demand (issue 11 item 2): the optional sections any style can
 * carry, each style's default (its seed's format), and the one syntax the
 * command line and the library share:
 *
 *   "+table,-faq"       change the style's default: add the table, drop the FAQ
 *   "tldr,table,faq"    exactly these optional sections, whatever the style
 *   "none"              none of them (each style's required parts stay)
 *
 * Signed and bare names are not mixed in one list. `chart` (the long/short
 * chart, src/chart/) is on in no style's default: it is added by asking for
 * it, and its image link is written only beside the file it points at.
 */
import type { StyleName } from './styles.js';

export const SECTION_NAMES = ['tldr', 'table', 'chart', 'faq'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
export type Sections = Record<SectionName, boolean>;

export const isSectionName = (s: string): s is SectionName => (SECTION_NAMES as readonly string[]).includes(s);

/** What a caller asked for: each section on, off, or null for the style's default. */
export type SectionRequest = Record<SectionName, boolean | null>;

/** The library option: the CLI's string, a list of names (exactly these), or section → on/off (unnamed ones keep the default). */
export type SectionsOption = string | readonly SectionName[] | Partial<Record<SectionName, boolean>>;

/** Each style's default: the seed's format. No seed had a table or a chart, so no default has one. */
export function defaultSections(style: StyleName): Sections {
  return { tldr: style === 'tldr', table: false, chart: false, faq: style === 'explainer' };
}

export function resolveSections(style: StyleName, req: SectionRequest | null): Sections {
  const d = defaultSections(style);
  if (!req) return d;
  return { tldr: req.tldr ?? d.tldr, table: req.table ?? d.table, chart: req.chart ?? d.chart, faq: req.faq ?? d.faq };
}

/** The problem with a name, naming it and the known names. */
function badName(name: string): string {
  return `unknown section "${name}"; sections: ${SECTION_NAMES.join(', ')}`;
}

const ALL_OFF = (): Sections => ({ tldr: false, table: false, chart: false, faq: false });
const ALL_DEFAULT = (): SectionRequest => ({ tldr: null, table: null, chart: null, faq: null });

/** The CLI's syntax (above) → a request, or a one-line problem naming the bad value. */
export function parseSections(text: string): SectionRequest | string {
  const items = text.split(',').map((s) => s.trim().toLowerCase());
  if (items.length === 1 && items[0] === 'none') return ALL_OFF();
  if (items.some((s) => s === '' || s === '+' || s === '-')) return `--sections "${text}": an empty name; give names separated by commas, such as +table,-faq`;
  const signed = items.filter((s) => s.startsWith('+') || s.startsWith('-'));
  if (signed.length > 0 && signed.length < items.length) {
    return `--sections "${text}": mixes +/- changes with bare names; give either changes (+table,-faq) or the full list (tldr,table,faq)`;
  }
  const req: SectionRequest = signed.length > 0 ? ALL_DEFAULT() : ALL_OFF();
  for (const item of items) {
    const on = !item.startsWith('-');
    const name = item.replace(/^[+-]/, '');
    if (!isSectionName(name)) return badName(name);
    if (signed.length > 0 && req[name] !== null && req[name] !== on) return `--sections "${text}": "${name}" is both added and removed`;
    req[name] = on;
  }
  return req;
}

/** The library option → a request; a string with a problem, for the caller to throw. */
export function sectionRequest(o: SectionsOption | undefined | null): SectionRequest | string | null {
  if (o === undefined || o === null) return null;
  if (typeof o === 'string') return parseSections(o);
  if (Array.isArray(o)) {
    const list = o as readonly string[];
    for (const n of list) if (typeof n !== 'string' || !isSectionName(n)) return badName(String(n));
    return { tldr: list.includes('tldr'), table: list.includes('table'), chart: list.includes('chart'), faq: list.includes('faq') };
  }
  const req: SectionRequest = ALL_DEFAULT();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (!isSectionName(k)) return badName(k);
    if (typeof v !== 'boolean') return `section "${k}": expected true or false, got ${JSON.stringify(v)}`;
    req[k] = v;
  }
  return req;
}
