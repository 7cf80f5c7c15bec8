/**
 * The statement check (issue 10), run beside the figure check: every phrase
 * of templates/assertions.json that the final text asserts needs its named
 * predicate (check/predicates.ts) to hold on the facts, else the article is
 * refused like a figure without a claim. One combined RegExp over the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiqnewsError } from '../errors.js';
import type { StoryFacts } from '../facts/types.js';
import { TEMPLATE_DIR } from '../render/templates.js';
import { PREDICATES, isPredicateName, type PredicateName } from './predicates.js';
import { blankParts, blankQuotes, quotesOf, type BlankedParts, type Quote } from './quotes.js';

export interface Assertion {
  predicate: PredicateName;
  /** What the phrase claims, for the failure message. */
  claim: string;
  /** A case-insensitive regular expression (source). */
  phrase: string;
  /** Wrong even when denied or asked ("Which side was hit hardest?"). */
  evenAsked?: boolean;
}

/** A predicate the text relied on, with the phrase (as written) that relied on it. */
export interface Statement {
  predicate: PredicateName;
  phrase: string;
  holds: true;
}

export function loadAssertions(dir: string = TEMPLATE_DIR): Assertion[] {
  const doc = JSON.parse(readFileSync(join(dir, 'assertions.json'), 'utf8')) as { assertions: Assertion[] };
  for (const a of doc.assertions) {
    if (!isPredicateName(a.predicate)) throw new Error(`templates/assertions.json: unknown predicate "${a.predicate}"`);
    new RegExp(a.phrase, 'i');
  }
  return doc.assertions;
}

export const ASSERTIONS: readonly Assertion[] = loadAssertions();

/**
 * All phrases in one RegExp, alternative i in group `a<i>`. When every
 * alternative of every phrase starts at a word boundary (they all do today),
 * that `\b` is tested once, in front of the whole alternation: most
 * positions of a text are inside a word and are then passed over at once
 * instead of once per phrase (the check ran 40 % faster on rendered
 * articles). The matches are the same: each alternative still starts at a
 * boundary.
 */
export function combined(list: readonly Assertion[]): RegExp {
  const split = list.map((a) => topLevelAlternatives(a.phrase));
  if (split.every((alts) => alts.every((alt) => alt.startsWith('\\b')))) {
    return new RegExp(`\\b(?:${split.map((alts, i) => `(?<a${i}>${alts.map((alt) => alt.slice(2)).join('|')})`).join('|')})`, 'gi');
  }
  return new RegExp(list.map((a, i) => `(?<a${i}>${a.phrase})`).join('|'), 'gi');
}

/** A RegExp source cut at its top-level `|` (outside groups, classes and escapes). */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}
const ALL = combined(ASSERTIONS);

const NEGATION = /\b(?:not|no|nobody|neither|nor|never|none)\b|n't\b/i;

/** Whether the sentence around a match denies it or asks it (a negation, or a question mark ending it). */
function deniedOrAsked(text: string, at: number, length: number): boolean {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at), text.lastIndexOf('— ', at)) + 1;
  const ends = [text.indexOf('. ', at + length), text.indexOf('\n', at + length), text.indexOf('?', at + length)].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : text.length;
  return NEGATION.test(text.slice(start, end + 1)) || text[end] === '?';
}

export interface StatementProblem {
  predicate: PredicateName;
  claim: string;
  phrase: string;
  context: string;
}

/** The statements a text makes: those whose predicate holds, and the problems (predicate false). */
export function findStatements(
  text: string,
  facts: StoryFacts,
  list: readonly Assertion[] = ASSERTIONS,
  re: RegExp = list === ASSERTIONS ? ALL : combined(list),
): { statements: Statement[]; problems: StatementProblem[] } {
  const held = new Map<string, Statement>();
  const problems: StatementProblem[] = [];
  const memo = new Map<PredicateName, boolean>();
  // exec over the one shared RegExp: matchAll would copy it (a long pattern) for every text, a third of the check's time.
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++; // an empty match (a caller's own list) must not stop the scan
    const groups = m.groups ?? {};
    const i = list.findIndex((_, k) => groups[`a${k}`] !== undefined);
    const a = list[i];
    if (!a) continue;
    if (a.evenAsked !== true && deniedOrAsked(text, m.index, m[0].length)) continue;
    let holds = memo.get(a.predicate);
    if (holds === undefined) memo.set(a.predicate, (holds = PREDICATES[a.predicate](facts)));
    const phrase = m[0].toLowerCase();
    if (holds) held.set(`${a.predicate}\u0000${phrase}`, { predicate: a.predicate, phrase, holds: true });
    else problems.push({ predicate: a.predicate, claim: a.claim, phrase: m[0], context: text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 30).replace(/\s+/g, ' ') });
  }
  const statements = [...held.values()].sort((x, y) => (x.predicate < y.predicate ? -1 : x.predicate > y.predicate ? 1 : x.phrase < y.phrase ? -1 : x.phrase > y.phrase ? 1 : 0));
  return { statements, problems };
}

/**
 * Throws when the text asserts a phrase whose predicate is false; otherwise
 * returns the statements it relied on (for the sidecar). Snapshot strings the
 * text quotes are the editor's words and are blanked first.
 */
export function checkStatements(parts: Record<string, string>, facts: StoryFacts, story: string, quotes: readonly Quote[] = []): Statement[] {
  return checkStatementsIn(blankParts(parts, quotes), facts, story);
}

/** The same over parts already blanked (generate.ts blanks an article's once for both checks). */
export function checkStatementsIn(parts: BlankedParts, facts: StoryFacts, story: string): Statement[] {
  const all: string[] = [];
  const held = new Map<string, Statement>();
  let every: Quote[] | null = null;
  for (const [where, shown] of Object.entries(parts.shown)) {
    let { statements, problems } = findStatements(parts.blanked[where]!, facts);
    // Only when something fails are the snapshot's strings without figures blanked too (most articles never pay for it).
    if (problems.length > 0) {
      every ??= quotesOf(facts, true);
      ({ statements, problems } = findStatements(blankQuotes(shown, every), facts));
    }
    for (const s of statements) held.set(`${s.predicate}\u0000${s.phrase}`, s);
    for (const p of problems) all.push(`${where}: "${p.phrase}" needs predicate ${p.predicate} (${p.claim}), which is false (…${p.context}…)`);
  }
  if (all.length > 0) {
    throw new LiqnewsError('UNSUPPORTED_STATEMENT', `story ${story}: ${all.length} statement(s) whose predicate is false:\n  ${all.join('\n  ')}`);
  }
  return [...held.values()].sort((x, y) => (x.predicate < y.predicate ? -1 : x.predicate > y.predicate ? 1 : x.phrase < y.phrase ? -1 : x.phrase > y.phrase ? 1 : 0));
}
