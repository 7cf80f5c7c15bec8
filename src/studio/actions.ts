/**
 * What the desk's buttons do. Every write goes through `writeArticle`, the
 * product's edit-safe writer: a file an editor changed is never replaced
 * unless the request says `force` and names the file the page asked about.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeArticle, type WriteResult } from '../output/write.js';
import { writeAtomic } from '../output/atomic.js';
import { markdownState, renderSnapshot, studioStatePath, withStore, type RenderRequest, type StudioFolders } from './stories.js';
import type { History } from '../history/store.js';
import type { Format } from '../formats/registry.js';

export const STUDIO_FORMATS = ['md', 'html', 'json'] as const;

/** With the chart section on, the Markdown links `<basename>.chart.svg`: written in the same unit, so the link never points at a missing file. */
export const formatsFor = (article: { chartFile: string | null }): readonly Format[] => (article.chartFile ? [...STUDIO_FORMATS, 'svg'] : STUDIO_FORMATS);

export interface ActionResult {
  ok: boolean;
  /** One line for the editor. */
  message: string;
  files?: { file: string; status: WriteResult['status'] }[];
  /** Set when nothing was written because the Markdown was edited by hand: the page may ask to confirm `force` for this file. */
  edited?: string;
}

/**
 * Regenerate (`draft` true) or approve and publish (`draft` false). An
 * edited or foreign Markdown file stops the whole article before any file is
 * written, so the page, the sidecar and the Markdown never disagree.
 */
export function writeStory(path: string, f: StudioFolders, req: RenderRequest & { force?: boolean; confirm?: string | undefined }): ActionResult {
  return withStore(f, true, (store) => writeWithStore(path, f, req, store));
}

function writeWithStore(path: string, f: StudioFolders, req: RenderRequest & { force?: boolean; confirm?: string | undefined }, store: History | null): ActionResult {
  const article = renderSnapshot(path, f, req, store);
  const mdName = `${article.basename}.md`;
  const state = markdownState(f, article.basename);
  const force = req.force === true && req.confirm === mdName;
  if (req.force === true && !force) return { ok: false, message: `force needs the confirmation naming ${mdName}` };
  if ((state.status === 'edited' || state.status === 'unstamped') && !force) {
    return { ok: false, edited: mdName, message: `${mdName} was ${state.status === 'edited' ? 'edited by hand since it was generated' : 'not written by liquidation-news'}: nothing written` };
  }
  const results = writeArticle(article, { outDir: f.out, formats: formatsFor(article), force });
  const files = results.map((r) => ({ file: r.path.slice(f.out.length + 1), status: r.status }));
  const kept = results.filter((r) => r.status === 'kept-edited');
  const verb = req.draft === false ? 'published' : 'regenerated';
  if (kept.length > 0) return { ok: false, files, message: `${kept.map((r) => r.path.slice(f.out.length + 1)).join(', ')} kept: edited by hand` };
  const written = results.some((r) => r.status === 'written');
  // As render does after writing: the store learns the article (its figures, slug and choices) for the next ones.
  if (store) store.record(article, { skipBad: true });
  return { ok: true, files, message: written ? `${mdName} ${verb}` : `${mdName} already up to date` };
}

/** The studio's own record (`.liqnews/studio.json`): which snapshots the editor skipped, and why. */
export interface StudioState {
  skipped: Record<string, string>;
}

export function readState(out: string): StudioState {
  const path = studioStatePath(out);
  if (!existsSync(path)) return { skipped: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const skipped = typeof parsed === 'object' && parsed !== null && 'skipped' in parsed ? (parsed as { skipped: unknown }).skipped : null;
    if (typeof skipped !== 'object' || skipped === null) return { skipped: {} };
    return { skipped: Object.fromEntries(Object.entries(skipped).filter((e): e is [string, string] => typeof e[1] === 'string')) };
  } catch {
    return { skipped: {} };
  }
}

/** Skip (a reason) or un-skip (null) a snapshot; written whole, keys sorted, so the file is the same for the same state. */
export function recordSkip(out: string, file: string, reason: string | null): StudioState {
  const state = readState(out);
  if (reason === null) delete state.skipped[file];
  else state.skipped[file] = reason.slice(0, 200);
  const sorted = Object.fromEntries(Object.entries(state.skipped).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const path = studioStatePath(out);
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, `${JSON.stringify({ skipped: sorted }, null, 2)}\n`);
  return { skipped: sorted };
}
