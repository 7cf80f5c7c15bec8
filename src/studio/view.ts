/**
 * One story as the desk shows it: the article's HTML (the page's own
 * `<article>`, as `render --format html` writes it) with every figure
 * marked, the claims behind the marks, the variation choices, the state on
 * disk and, for a draft edited by hand, the diff against a fresh render.
 */
import { STYLE_NAMES } from '../plan/styles.js';
import { markClaims } from './marks.js';
import { lineDiff, type DiffLine } from './diff.js';
import { markdownState, renderSnapshot, styleOnDisk, type RenderRequest, type StoryStatus, type StudioFolders } from './stories.js';

export interface StoryView {
  file: string;
  style: string;
  styles: string[];
  angle: string;
  date: string;
  title: string;
  basename: string;
  mdFile: string;
  status: StoryStatus;
  /** `<article>…</article>` with `<mark data-claim="N">` around each figure. */
  html: string;
  claims: { display: string; source: string; value: number; hedge: string; rounding: string }[];
  /** slot → alternative index, in slot order. */
  choices: { slot: string; index: number }[];
  /** Edited by hand: the generated Markdown (now, in the file's style) against the file, line by line. */
  diff: DiffLine[] | null;
  skipped: string | null;
}

// The stamp line differs whenever anything else does: shown blanked so the diff holds only the editor's changes.
const unstamped = (md: string): string => md.replace(/^contentHash: "sha256:[0-9a-f]{64}"$/m, 'contentHash: …');

export function storyView(path: string, file: string, f: StudioFolders, req: RenderRequest, skipped: string | null): StoryView {
  const article = renderSnapshot(path, f, req);
  const state = markdownState(f, article.basename);
  let diff: DiffLine[] | null = null;
  if (state.status === 'edited' && state.text !== null) {
    const style = styleOnDisk(state.text) ?? article.style;
    const published = /^draft: false$/m.test(state.text);
    const fresh = style === article.style && !published ? article : renderSnapshot(path, f, { ...req, style, draft: !published });
    diff = lineDiff(unstamped(fresh.files.md as string), unstamped(state.text));
  }
  return {
    file,
    style: article.style,
    styles: ['auto', ...STYLE_NAMES],
    angle: article.angle,
    date: article.date,
    title: article.title,
    basename: article.basename,
    mdFile: `${article.basename}.md`,
    status: state.status,
    html: markClaims(article.htmlFragment, article.claims),
    claims: article.claims.map((c) => ({ display: c.display, source: c.source, value: c.value, hedge: c.hedge, rounding: c.rounding })),
    choices: Object.entries(article.choices)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([slot, index]) => ({ slot, index })),
    diff,
    skipped,
  };
}
