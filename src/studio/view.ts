/**
 * One story as the desk shows it: the article's HTML (the page's own
 * `<article>`, as `render --format html` writes it, the chart inline and the
 * table when those sections are on) with every figure marked, the claims
 * behind the marks, the variation choices, the state on disk and, for a
 * draft edited by hand, the diff against a fresh render. With `compare`, a
 * second rendering of the same snapshot in another style, marked the same
 * way, for the desk's side-by-side column.
 */
import { STYLE_NAMES, type StyleName } from '../plan/styles.js';
import { parseSections, resolveSections, type Sections } from '../plan/sections.js';
import type { Article } from '../generate.js';
import { markClaims } from './marks.js';
import { lineDiff, type DiffLine } from './diff.js';
import { markdownState, previewSnapshot, styleOnDisk, type RenderRequest, type StoryStatus, type StudioFolders } from './stories.js';

export interface ViewClaim {
  display: string;
  source: string;
  value: number;
  hedge: string;
  rounding: string;
}

/** One rendering: what a column of the desk shows. */
export interface StoryColumn {
  style: string;
  title: string;
  /** `<article>…</article>` with `<mark data-claim="N">` around each figure (never inside the chart's SVG). */
  html: string;
  claims: ViewClaim[];
  /** The optional sections this rendering carries (the desk's checkboxes). */
  sections: Sections;
}

export interface StoryView extends StoryColumn {
  file: string;
  styles: string[];
  /** The `--sections` text the story was rendered with: the page sends it back with regenerate and publish, so they write what it shows. */
  sectionsAsked: string | null;
  angle: string;
  date: string;
  basename: string;
  mdFile: string;
  status: StoryStatus;
  /** slot → alternative index, in slot order. */
  choices: { slot: string; index: number }[];
  /** Edited by hand: the generated Markdown (now, in the file's style) against the file, line by line. */
  diff: DiffLine[] | null;
  skipped: string | null;
  /** The same story in the style asked for with `compare` (same sections), or null. */
  compare: StoryColumn | null;
}

// The stamp line differs whenever anything else does: shown blanked so the diff holds only the editor's changes.
const unstamped = (md: string): string => md.replace(/^contentHash: "sha256:[0-9a-f]{64}"$/m, 'contentHash: …');

function column(article: Article, sections: string | undefined): StoryColumn {
  const asked = sections === undefined ? null : parseSections(sections);
  return {
    style: article.style,
    title: article.title,
    html: markClaims(article.htmlFragment, article.claims),
    claims: article.claims.map((c) => ({ display: c.display, source: c.source, value: c.value, hedge: c.hedge, rounding: c.rounding })),
    sections: resolveSections(article.style, typeof asked === 'string' ? null : asked),
  };
}

export function storyView(path: string, file: string, f: StudioFolders, req: RenderRequest & { compare?: StyleName | 'auto' | null }, skipped: string | null): StoryView {
  const article = previewSnapshot(path, f, req);
  const state = markdownState(f, article.basename);
  let diff: DiffLine[] | null = null;
  if (state.status === 'edited' && state.text !== null) {
    // Against what the desk would write now, in the file's style and with the sections shown (the checkboxes).
    const style = styleOnDisk(state.text) ?? article.style;
    const published = /^draft: false$/m.test(state.text);
    const fresh = style === article.style && !published ? article : previewSnapshot(path, f, { ...req, style, draft: !published });
    diff = lineDiff(unstamped(fresh.files.md as string), unstamped(state.text));
  }
  // The other column: the same sections, no seen alternatives (slots belong to a style).
  const compare = req.compare ? column(previewSnapshot(path, f, { style: req.compare, ...(req.sections === undefined ? {} : { sections: req.sections }) }), req.sections) : null;
  return {
    file,
    ...column(article, req.sections),
    styles: ['auto', ...STYLE_NAMES],
    sectionsAsked: req.sections ?? null,
    angle: article.angle,
    date: article.date,
    basename: article.basename,
    mdFile: `${article.basename}.md`,
    status: state.status,
    choices: Object.entries(article.choices)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([slot, index]) => ({ slot, index })),
    diff,
    skipped,
    compare,
  };
}
