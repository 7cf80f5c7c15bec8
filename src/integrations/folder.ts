/**
 * What the site integrations share: every snapshot in a folder, generated as
 * articles, in a fixed order, with the drafts decision made once. A site
 * build should fail loudly on a bad snapshot (a page silently missing is
 * worse), so the first problem throws, naming the file.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generate, type Article } from '../generate.js';
import { LiqnewsError, formatIssues } from '../errors.js';
import type { GenerateOptions } from '../options.js';
import { listInputs, ownOutputReason } from '../cli/inputs.js';

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

/**
 * Snapshot files under `dir`, listed as `liqnews render dir` lists them (cli/inputs.ts: sorted in code-unit
 * order, `expected` and `node_modules` folders and `case.json` skipped, links to folders not followed); a
 * folder or file that cannot be read throws, naming it.
 */
export function snapshotFiles(dir: string): string[] {
  const out: string[] = [];
  for (const item of listInputs([dir], null)) {
    if (item.kind === 'error') throw new LiqnewsError('READ_FAILED', `${item.label}: ${item.message}`);
    if (item.kind === 'file') out.push(item.path);
  }
  return out;
}

/** The articles of a folder that should become pages: published ones, and drafts when asked. */
export function folderArticles(options: FolderOptions): { article: Article; draft: boolean; file: string }[] {
  const { snapshots, publish = false, drafts = false, ...rest } = options;
  const out: { article: Article; draft: boolean; file: string }[] = [];
  // Two snapshots that give one page name would replace each other on the site: refuse, naming both.
  const pageOf = new Map<string, string>();
  for (const file of snapshotFiles(snapshots)) {
    const text = readFileSync(file, 'utf8');
    // A folder that also holds rendered articles: their sidecars and feed.json are not snapshots (as for `render`).
    if (ownOutputReason(text) !== null) continue;
    let article: Article;
    try {
      // A function decides from the article, so that one is rendered as a draft first.
      article = generate(text, { ...rest, draft: publish !== true });
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
    if (published && typeof publish === 'function') article = generate(text, { ...rest, draft: false });
    out.push({ article, draft: !published, file });
  }
  return out;
}
