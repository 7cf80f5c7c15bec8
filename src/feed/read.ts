/**
 * Reads the articles in a folder that `render` wrote. An article is a pair:
 * `<base>.json` (the facts sidecar: id and window end) and `<base>.md` (title,
 * description, slug, draft, tags and the body, as the editor left them). The
 * `.html` file is not read: the feed converts the same Markdown with the same
 * converter, so the two never disagree. A `<base>.card.png` beside them is
 * the article's social card: the feeds carry it as the entry's image. Other JSON files (snapshots, feed.json
 * itself) are not sidecars and are passed over without a word.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { LiqnewsError } from '../errors.js';
import { describeFsError } from '../output/write.js';
import { rfc3339 } from '../output/filename.js';
import { markdownToHtml } from '../render/html.js';
import type { FeedArticle } from './article.js';
import { readMarkdownDoc, type FrontValue } from './frontmatter.js';

export interface FolderProblem {
  /** The file the problem is about, joined from the folder as given. */
  file: string;
  message: string;
}

export interface FolderArticles {
  /** In file-name order; `selectForFeed` puts them in feed order. */
  articles: FeedArticle[];
  problems: FolderProblem[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Throws `LiqnewsError` (`READ_FAILED`) only when the folder itself cannot be listed. */
export function readArticleFolder(dir: string): FolderArticles {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new LiqnewsError('READ_FAILED', `cannot read ${dir}: ${describeFsError(e)}`);
  }
  // Code-unit order, not the locale's: the same folder reads the same way on every machine.
  const names = entries.filter((e) => e.isFile()).map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const present = new Set(names);
  const articles: FeedArticle[] = [];
  const problems: FolderProblem[] = [];
  for (const name of names) {
    // feed.json is the feed's own output in the same folder, whatever state it is in (empty, edited, from a BOM-adding editor).
    if (!name.endsWith('.json') || name.startsWith('.') || name === 'feed.json') continue;
    const base = name.slice(0, -'.json'.length);
    const result = readArticle(dir, base, present.has(`${base}.md`), present.has(`${base}.card.png`));
    if (result === null) continue;
    if ('message' in result) problems.push(result);
    else articles.push(result);
  }
  return { articles, problems };
}

interface SidecarPart {
  id: string;
  end: string;
}

function readArticle(dir: string, base: string, hasMarkdown: boolean, hasCard: boolean): FeedArticle | FolderProblem | null {
  const jsonFile = join(dir, `${base}.json`);
  const sidecar = readSidecar(jsonFile);
  if (sidecar === null) return null;
  if (typeof sidecar === 'string') return { file: jsonFile, message: sidecar };
  const mdFile = join(dir, `${base}.md`);
  if (!hasMarkdown) return { file: jsonFile, message: `no ${base}.md beside it; render with --format md,json (the default writes both)` };
  let text: string;
  try {
    text = readFileSync(mdFile, 'utf8');
  } catch (e) {
    return { file: mdFile, message: `cannot read: ${describeFsError(e)}` };
  }
  const doc = readMarkdownDoc(text);
  if (typeof doc === 'string') return { file: mdFile, message: doc };
  const fm = doc.data;

  const title = fm.get('title');
  if (typeof title !== 'string' || title.trim() === '') return { file: mdFile, message: 'front matter needs a title (a one-line string)' };
  const slug = fm.get('slug');
  if (typeof slug !== 'string' || !SLUG.test(slug) || slug.length > 80) {
    return { file: mdFile, message: 'front matter needs a slug of lowercase letters, digits and hyphens (it names the article\'s URL)' };
  }
  const draft = draftOf(fm.get('draft'), fm.get('published'));
  if (draft === null) return { file: mdFile, message: 'front matter "draft" must be true or false' };
  const description = fm.get('description');
  const published = sidecar.end;
  return {
    id: sidecar.id,
    basename: base,
    slug,
    title: title.trim(),
    description: typeof description === 'string' ? description.trim() : '',
    published,
    updated: laterDate(fm.get('lastmod'), published),
    draft,
    tags: tagsOf(fm.get('tags')),
    contentHtml: markdownToHtml(doc.body),
    card: hasCard ? cardOf(dir, `${base}.card.png`) : null,
  };
}

/** The card's name and size (RSS enclosures state the length); null when it cannot be read, so no entry points at it. */
function cardOf(dir: string, file: string): { file: string; bytes: number } | null {
  try {
    const st = statSync(join(dir, file));
    return st.isFile() && st.size > 0 ? { file, bytes: st.size } : null;
  } catch {
    return null;
  }
}

/** The sidecar's id and window end; null for JSON that is not a sidecar; a sentence for a broken one. */
function readSidecar(file: string): SidecarPart | string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return e instanceof SyntaxError ? `not valid JSON (${e.message})` : `cannot read: ${describeFsError(e)}`;
  }
  if (!isRecord(doc) || doc.generator !== 'liquidation-news') return null;
  const window = isRecord(doc.snapshot) && isRecord(doc.snapshot.window) ? doc.snapshot.window : null;
  const end = window && typeof window.end === 'string' ? window.end : '';
  if (typeof doc.id !== 'string' || doc.id === '') return 'sidecar without an "id"';
  if (!end || Number.isNaN(Date.parse(end))) return 'sidecar without a readable snapshot.window.end';
  return { id: doc.id, end: rfc3339(end) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `draft: true` (Hugo, Eleventy, Astro) or Jekyll's `published: false` keep an article out; both absent: published. */
function draftOf(draft: FrontValue | undefined, published: FrontValue | undefined): boolean | null {
  if (draft !== undefined && draft !== null && typeof draft !== 'boolean') return null;
  return draft === true || published === false;
}

/** `lastmod` when it is a date-time with an offset and not before the window end; otherwise the window end. */
function laterDate(lastmod: FrontValue | undefined, published: string): string {
  if (typeof lastmod !== 'string' || !/(Z|[+-]\d{2}:\d{2})$/i.test(lastmod)) return published;
  const t = Date.parse(lastmod);
  return Number.isNaN(t) || t <= Date.parse(published) ? published : rfc3339(lastmod);
}

function tagsOf(tags: FrontValue | undefined): string[] {
  if (typeof tags === 'string') return tags.trim() ? [tags.trim()] : [];
  return Array.isArray(tags) ? [...new Set(tags.map((t) => t.trim()).filter(Boolean))] : [];
}
