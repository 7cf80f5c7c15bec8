/**
 * What the site integrations share: every snapshot in a folder, generated as
 * articles, in a fixed order, with the drafts decision made once. A site
 * build should fail loudly on a bad snapshot (a page silently missing is
 * worse), so the first problem throws, naming the file.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { generate, type Article } from '../generate.js';
import { LiqnewsError, formatIssues } from '../errors.js';
import type { GenerateOptions } from '../options.js';

export interface FolderOptions extends Omit<GenerateOptions, 'draft'> {
  /** The folder of snapshot files (`*.json`, searched recursively, in code-unit order). */
  snapshots: string;
  /**
   * Which articles are published: true for all, false for none (every article a draft, the
   * library's default), or a function of the article. Default false.
   */
  publish?: boolean | ((article: Article) => boolean);
  /** Whether drafts become pages too (a preview build). Default false. */
  drafts?: boolean;
}

/** Snapshot files under `dir`, sorted by path in code-unit order (the same on every machine). */
export function snapshotFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new LiqnewsError('READ_FAILED', `cannot read the snapshots folder ${d}: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The articles of a folder that should become pages: published ones, and drafts when asked. */
export function folderArticles(options: FolderOptions): { article: Article; draft: boolean; file: string }[] {
  const { snapshots, publish = false, drafts = false, ...rest } = options;
  const out: { article: Article; draft: boolean; file: string }[] = [];
  // Two snapshots that give one page name would replace each other on the site: refuse, naming both.
  const pageOf = new Map<string, string>();
  for (const file of snapshotFiles(snapshots)) {
    let article: Article;
    try {
      // First as a draft: whether it is published may depend on the article itself.
      article = generate(readFileSync(file, 'utf8'), { ...rest, draft: true });
    } catch (e) {
      const where = relative(process.cwd(), file) || file;
      if (e instanceof LiqnewsError) throw new LiqnewsError(e.code, `${where}: ${e.issues.length > 0 ? formatIssues(e.issues).join('; ') : e.message}`);
      throw e;
    }
    const earlier = pageOf.get(article.basename);
    if (earlier !== undefined) {
      throw new LiqnewsError('WRITE_FAILED', `${file} gives the same page (${article.basename}) as ${earlier}`, { hint: 'give the snapshots distinct "id"s' });
    }
    pageOf.set(article.basename, file);
    const published = typeof publish === 'function' ? publish(article) : publish;
    if (!published && !drafts) continue;
    if (published) article = generate(readFileSync(file, 'utf8'), { ...rest, draft: false });
    out.push({ article, draft: !published, file });
  }
  return out;
}
