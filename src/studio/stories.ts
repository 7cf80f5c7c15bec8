/**
 * The desk's list: one row per snapshot in the folder, with the article it
 * gives and the state of that article's Markdown on disk. Rendering goes
 * through the library (`generate`), so the desk shows exactly what `render`
 * would write; nothing here writes a file.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { generate, type Article } from '../generate.js';
import { LiqnewsError, formatIssues } from '../errors.js';
import { readStamp } from '../output/stamp.js';
import { onlyPublished } from '../output/published.js';
import { isStyleName, type StyleName } from '../plan/styles.js';
import type { Choices } from '../render/variation.js';
import { memoryVariation, type RecentArticle, type VariationMemory } from '../render/variation.js';
import { openHistory } from '../history/open.js';
import { decide } from '../history/decide.js';
import { contextFromBlock } from '../history/context-schema.js';
import type { History } from '../history/store.js';
import { clearPending, historyVariation } from '../history/session.js';

/**
 * Runs \`fn\` with the history store open (read-only unless \`write\`), or with
 * null when there is none; closed again after. The studio never creates a
 * store: without one the articles render as \`render --no-history\` does.
 */
export function withStore<T>(f: StudioFolders, write: boolean, fn: (store: History | null) => T): T {
  if (f.history === null || !existsSync(f.history)) return fn(null);
  const store = openHistory(f.history, { readonly: !write, now: () => new Date() });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export interface StudioFolders {
  /** The snapshots folder, resolved. */
  snapshots: string;
  /** The output folder, resolved (it may not exist yet). */
  out: string;
  /** "Now" for the future-window rule, read once by the CLI. */
  now: Date;
  /** The history store's file, used only when it exists; null: none. */
  history: string | null;
}

/** `new`: never rendered into the output folder · `edited`: changed by hand since generated · `unstamped`: not written by liquidation-news. */
export type StoryStatus = 'new' | 'draft' | 'published' | 'edited' | 'unstamped';

export interface StoryRow {
  /** Path relative to the snapshots folder, with `/`: the story's name in requests. */
  file: string;
  ok: boolean;
  /** Why the snapshot gives no article (a field named), when `ok` is false. */
  error?: string;
  date?: string;
  total?: string;
  angle?: string;
  style?: string;
  title?: string;
  basename?: string;
  status?: StoryStatus;
  /** Set when the editor skipped it in the studio (studio.json). */
  skipped?: string | null;
  /** What \`liqnews decide\` says of it with the default rules: publish or skip, and why. */
  decision?: { publish: boolean; reason: string; register: string };
}

/** Snapshot files under the folder (relative, `/`-separated, sorted), as `render` reads a folder: no hidden entries, expected/, node_modules/, case.json, sidecars or the output folder. */
export function snapshotNames(f: StudioFolders): string[] {
  const out: string[] = [];
  const outReal = realOrSelf(f.out);
  const walk = (d: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'expected') continue;
      const p = join(d, e.name);
      // Symlinks are not followed in the list: a link out of the folder must not show up as a story.
      if (e.isDirectory()) {
        if (realOrSelf(p) !== outReal) walk(p);
      } else if (e.isFile() && e.name.endsWith('.json') && e.name !== 'case.json' && !isSidecar(p)) out.push(relative(f.snapshots, p).split(sep).join('/'));
    }
  };
  walk(f.snapshots);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const realOrSelf = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

function isSidecar(path: string): boolean {
  try {
    const head = readFileSync(path, 'utf8').slice(0, 200);
    return /^\uFEFF?\{\s*"contentHash":\s*"sha256:[0-9a-f]{64}",\s*"generator":\s*"liquidation-news"/.test(head);
  } catch {
    return false;
  }
}

export interface RenderRequest {
  style?: StyleName | 'auto';
  /** The optional sections, in `--sections` syntax (checked by the caller); absent: each style's default. */
  sections?: string;
  draft?: boolean;
  /** Per slot, the alternatives the editor has already seen: the render takes one not among them (variation.ts leastRecent). */
  avoid?: Record<string, number[]>;
}

/**
 * The article for a snapshot. With `avoid`, a variation memory is built in
 * which earlier articles "used" those alternatives, so each such slot takes
 * the least recently used other one: deterministic (same request, same
 * text) and through the renderer's own rule, not a second one.
 */
export function renderSnapshot(path: string, f: StudioFolders, req: RenderRequest = {}, store?: History | null): Article {
  if (store === undefined) return withStore(f, false, (s) => renderSnapshot(path, f, req, s));
  const text = readFileSync(path, 'utf8');
  const avoid = req.avoid ?? {};
  const seen: RecentArticle[] = [];
  const depth = Math.max(0, ...Object.values(avoid).map((l) => l.length));
  for (let n = 0; n < depth; n++) {
    const choices: Choices = {};
    for (const [slot, list] of Object.entries(avoid)) if (list[n] !== undefined) choices[slot] = list[n]!;
    // Window ends before any real one: an older article, most recently seen first.
    seen.push({ id: `studio-seen-${n}`, style: '', end: `0000-01-01T00:00:${String(59 - Math.min(n, 59)).padStart(2, '0')}Z`, choices });
  }
  const style = req.style ?? 'auto';
  const draft = req.draft ?? true;
  const once = (variation: VariationMemory | null): Article => {
    try {
      // chart: true, so the Markdown links the chart file (written beside it, actions.ts) whenever the chart section is on.
      return generate(text, { style, now: f.now, draft, history: store, chart: true, sections: req.sections ?? null, ...(variation ? { variation } : {}) });
    } finally {
      // Each render stands alone: the store's in-process batch memory must not carry one story into the next.
      if (store) clearPending(store);
    }
  };
  const first = once(null);
  if (seen.length === 0) return first;
  // The seen alternatives count as the most recent uses of the article's style, before the store's own articles.
  for (const r of seen) r.style = first.style;
  const stored = store ? historyVariation(store) : null;
  const memory: VariationMemory = stored
    ? { recent: (st, end, id, limit) => [...seen.filter((a) => a.style === st), ...stored.recent(st, end, id, limit)].slice(0, limit), remember: () => undefined }
    : memoryVariation(seen);
  return once(memory);
}

/** The state of an article's Markdown in the output folder, and its text when there is one. */
export function markdownState(f: StudioFolders, basename: string): { status: StoryStatus; text: string | null; path: string } {
  const path = join(f.out, `${basename}.md`);
  if (!existsSync(path)) return { status: 'new', text: null, path };
  const text = readFileSync(path, 'utf8');
  const stamp = readStamp(text);
  if (stamp === 'unstamped') return { status: 'unstamped', text, path };
  if (stamp === 'edited') return { status: onlyPublished(text) ? 'published' : 'edited', text, path };
  return { status: /^draft: false$/m.test(frontMatter(text)) || /^published: true$/m.test(frontMatter(text)) ? 'published' : 'draft', text, path };
}

const frontMatter = (text: string): string => (text.startsWith('---\n') ? text.slice(0, Math.max(0, text.indexOf('\n---\n', 3))) : '');

/** The style an article on disk was written in (its front matter's `style:`), so a diff compares like with like. */
export function styleOnDisk(text: string): StyleName | null {
  const m = /^style: "([a-z]+)"$/m.exec(frontMatter(text));
  return m && isStyleName(m[1]!) ? m[1] : null;
}

/** When the store last changed (its file and its write-ahead log): a row rendered against an older store is rendered again. */
function storeStamp(f: StudioFolders): string {
  if (f.history === null) return '';
  return [f.history, `${f.history}-wal`].map((p) => (existsSync(p) ? String(statSync(p).mtimeMs) : '-')).join('/');
}

/**
 * The desk's previews, kept while the snapshot and the store stay the same: the page asks for the open story
 * again after every change in the folders (a publish, an editor's save) and when the comparison is opened or
 * closed, and a story with the chart costs tens of milliseconds to draw. The last few requests only; the
 * buttons always render afresh (actions.ts).
 */
const previews = new Map<string, Article>();
const PREVIEWS = 16;

export function previewSnapshot(path: string, f: StudioFolders, req: RenderRequest = {}): Article {
  let id: string;
  try {
    const st = statSync(path);
    id = JSON.stringify([path, st.size, st.mtimeMs, f.history, storeStamp(f), f.now.getTime(), req.style ?? 'auto', req.sections ?? null, req.draft ?? true, req.avoid ?? {}]);
  } catch {
    return renderSnapshot(path, f, req);
  }
  const hit = previews.get(id);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    previews.delete(id);
    previews.set(id, hit);
    return hit;
  }
  const article = renderSnapshot(path, f, req);
  previews.set(id, article);
  if (previews.size > PREVIEWS) previews.delete(previews.keys().next().value!);
  return article;
}

/** List rows by file and style, kept while the snapshot's size and time stay the same. */
const cache = new Map<string, { key: string; row: Omit<StoryRow, 'status' | 'skipped'> }>();

function cached(path: string, file: string, f: StudioFolders, key: string, style: StyleName | 'auto'): Omit<StoryRow, 'status' | 'skipped'> {
  const id = `${style}\0${path}`;
  let hit = cache.get(id);
  if (!hit || hit.key !== key) {
    hit = { key, row: describe(path, file, f, style) };
    cache.set(id, hit);
  }
  return hit.row;
}

export function storyRows(f: StudioFolders, skipped: Readonly<Record<string, string>>): StoryRow[] {
  return snapshotNames(f).map((file) => {
    const path = join(f.snapshots, file);
    let key = '';
    try {
      const s = statSync(path);
      key = `${s.size}:${s.mtimeMs}:${storeStamp(f)}`;
    } catch {
      return { file, ok: false, error: 'the file went away' };
    }
    const auto = cached(path, file, f, key, 'auto');
    let row: StoryRow = { ...auto, skipped: skipped[file] ?? null };
    if (row.ok && row.basename) {
      const state = markdownState(f, row.basename);
      // A story already written is listed in the style it was written in (title and all).
      const onDisk = state.text === null ? null : styleOnDisk(state.text);
      if (onDisk && onDisk !== row.style) row = { ...cached(path, file, f, key, onDisk), skipped: skipped[file] ?? null };
      row.status = state.status;
    }
    return row;
  });
}

function describe(path: string, file: string, f: StudioFolders, style: StyleName | 'auto'): Omit<StoryRow, 'status' | 'skipped'> {
  try {
    return withStore(f, false, (store) => {
      // The style's default sections: a row needs the title and the figures, never the table or the chart (no vega here).
      const a = renderSnapshot(path, f, { style }, store);
      // As \`liqnews decide\` measures it: the store's earlier windows, else the snapshot's context.history block, else size alone.
      const stored = store ? store.contextFor(a.snapshot) : null;
      const block = a.snapshot.context?.history;
      const context = stored && !stored.empty ? stored : block ? contextFromBlock(block, a.snapshot) : stored;
      const d = decide(a.snapshot, context);
      const decision = { publish: d.publish, reason: d.reason, register: d.register };
      return { file, ok: true, date: a.date, total: a.facts.total.text, angle: a.angle, style: a.style, title: a.title, basename: a.basename, decision };
    });
  } catch (e) {
    return { file, ok: false, error: problemText(e) };
  }
}

/** A failure as one line for a person, naming the field when the snapshot is at fault. */
export function problemText(e: unknown): string {
  if (e instanceof LiqnewsError) return [e.message, ...formatIssues(e.issues)].join('; ');
  return e instanceof Error ? e.message : String(e);
}

/** `.liqnews/` beside the output folder (where the history store lives too). */
export const studioStatePath = (out: string): string => join(dirname(resolve(out)), '.liqnews', 'studio.json');
