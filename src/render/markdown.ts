/**
 * Stage 4: facts + plan → headline, description and Markdown body.
 * Templates may leave blank lines where a section was left out; `tidy` makes
 * the result regular (single blank lines, no trailing spaces, one final LF).
 */
import type { StoryFacts } from '../facts/types.js';
import type { Plan } from '../plan/plan.js';
import { LiqnewsError } from '../errors.js';
import { escapeMarkdown, plainText } from './escape.js';
import { registry, type Compiled } from './templates.js';
import { viewOf, type View } from './view.js';
import type { Variation } from './variation.js';
import type { SectionRequest, Sections } from '../plan/sections.js';
import { keepFirstLowerBound } from './lower-bound.js';

export interface RenderedText {
  headline: string;
  description: string;
  body: string;
}

export type Part = keyof RenderedText;

/** What the templates see: the facts escaped for plain text (headline, description) and for Markdown (body). */
export interface Views {
  plain: View;
  md: View;
}

/**
 * `sections`: the optional sections the article carries (plan.sections). Omitted, each is null, which the
 * templates read as the style's default (a style whose seed has the section tests `(ne show.x false)`, the
 * others `show.x`), so a view made without a plan renders each style's default format.
 */
export function viewsOf(facts: StoryFacts, sections: Sections | SectionRequest = { tldr: null, table: null, chart: null, faq: null }): Views {
  return { plain: viewOf(facts, plainText, sections), md: viewOf(facts, escapeMarkdown, sections) };
}

/** One part of the article from its template, made regular (one line, or tidy Markdown). */
/** `variation`: the article's memory of recent choices, and where its own are recorded (one object for all its parts). */
export function renderPart(part: Part, facts: StoryFacts, plan: Plan, views: Views, variation?: Variation): string {
  const reg = registry();
  const fn: Compiled = part === 'description' ? reg.description : reg.styles[plan.style][part];
  let out: string;
  try {
    out = fn(part === 'body' ? views.md : views.plain, variation ? { seed: plan.seed, variation } : { seed: plan.seed });
  } catch (e) {
    throw new LiqnewsError('TEMPLATE_ERROR', `could not render the ${part} of style "${plan.style}" for story ${facts.id}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (part !== 'body') return oneLine(out);
  return tidy(oneStop(facts.partial ? keepFirstLowerBound(out) : out));
}

export function renderMarkdown(facts: StoryFacts, plan: Plan): RenderedText {
  const views = viewsOf(facts, plan.sections);
  return {
    headline: renderPart('headline', facts, plan, views),
    description: renderPart('description', facts, plan, views),
    body: renderPart('body', facts, plan, views),
  };
}

/**
 * A sentence that ends on a name that ends in its own full stop ("credited to
 * Mt.", "Co. Ltd.") gets one full stop, not two: a template writes
 * `{{name}}.` and cannot know ("Web 3." too: a digit before the dot counts). A
 * run of three (an ellipsis) is left alone, and only a dot after a letter or
 * digit at the end of a word is taken (never `../` in a link).
 */
const DOUBLED_STOP = /(?<=[\p{L}\p{N}])\.\.(?=\s|$)/gu;
const oneStop = (s: string): string => (s.includes('..') ? s.replace(DOUBLED_STOP, '.') : s);

const oneLine = (s: string): string => oneStop(s.replace(/\s+/g, ' ').trim());

export function tidy(md: string): string {
  // One pass over the lines instead of four regex passes over the text (the `[ \t]+$`/m one
  // alone cost more than the rest of this function): trailing blanks go, runs of blank lines become one.
  const lines = (md.includes('\r') ? md.replace(/\r\n?/g, '\n') : md).split('\n');
  let out = '';
  let gap = false;
  for (let line of lines) {
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
    if (end === 0) {
      gap = out !== '';
      continue;
    }
    if (end !== line.length) line = line.slice(0, end);
    out += out === '' ? line : gap ? `\n\n${line}` : `\n${line}`;
    gap = false;
  }
  return `${out.trimEnd()}\n`;
}
