/**
 * Sections on demand (issue 11 item 2): the optional sections any style can
 * carry, each style's default (its seed's format), and the one syntax the
 * command line and the library share:
 *
 *   "+table,-faq"       change the style's default: add the table, drop the FAQ
 *   "tldr,table,faq"    exactly these optional sections, whatever the style
 *   "none"              none of them (each style's required parts stay)
 *
 * Signed and bare names are not mixed in one list. `chart` is not a section
 * yet (issue 11 item 3): it is refused with a message saying so, rather
 * than accepted and silently ignored.
 */
import type { StyleName } from './styles.js';

export const SECTION_NAMES = ['tldr', 'table', 'faq'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
export type Sections = Record<SectionName, boolean>;

export const isSectionName = (s: string): s is SectionName => (SECTION_NAMES as readonly string[]).includes(s);

/** What a caller asked for: each section on, off, or null for the style's default. */
export type SectionRequest = Record<SectionName, boolean | null>;

/** The library option: the CLI's string, a list of names (exactly these), or section → on/off (unnamed ones keep the default). */
export type SectionsOption = string | readonly SectionName[] | Partial<Record<SectionName, boolean>>;

/** Each style's default: the seed's format. No seed had a table, so no default has one. */
export function defaultSections(style: StyleName): Sections {
  return { tldr: style === 'tldr', table: false, faq: style === 'explainer' };
}

export function resolveSections(style: StyleName, req: SectionRequest | null): Sections {
  const d = defaultSections(style);
  if (!req) return d;
  return { tldr: req.tldr ?? d.tldr, table: req.table ?? d.table, faq: req.faq ?? d.faq };
}

const NOT_YET: Record<string, string> = { chart: 'is not available yet (charts come in a later change, issue 11 item 3)' };

/** The problem with a name, naming it and the known names. */
function badName(name: string): string {
  const why = NOT_YET[name];
  return why ? `section "${name}" ${why}; sections: ${SECTION_NAMES.join(', ')}` : `unknown section "${name}"; sections: ${SECTION_NAMES.join(', ')}`;
}

/** The CLI's syntax (above) → a request, or a one-line problem naming the bad value. */
export function parseSections(text: string): SectionRequest | string {
  const items = text.split(',').map((s) => s.trim().toLowerCase());
  if (items.length === 1 && items[0] === 'none') return { tldr: false, table: false, faq: false };
  if (items.some((s) => s === '' || s === '+' || s === '-')) return `--sections "${text}": an empty name; give names separated by commas, such as +table,-faq`;
  const signed = items.filter((s) => s.startsWith('+') || s.startsWith('-'));
  if (signed.length > 0 && signed.length < items.length) {
    return `--sections "${text}": mixes +/- changes with bare names; give either changes (+table,-faq) or the full list (tldr,table,faq)`;
  }
  const req: SectionRequest = signed.length > 0 ? { tldr: null, table: null, faq: null } : { tldr: false, table: false, faq: false };
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
    return { tldr: list.includes('tldr'), table: list.includes('table'), faq: list.includes('faq') };
  }
  const req: SectionRequest = { tldr: null, table: null, faq: null };
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (!isSectionName(k)) return badName(k);
    if (typeof v !== 'boolean') return `section "${k}": expected true or false, got ${JSON.stringify(v)}`;
    req[k] = v;
  }
  return req;
}
