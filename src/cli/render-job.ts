/**
 * A group of snapshot files of a batch in, the files each gives (or its
 * problem lines) out: the unit of work of `liqnews render`, the same on the
 * main thread and on a worker (render-worker.ts), so both produce identical
 * results. A group goes through the stages together (generateEach), and its
 * files are built format by format, so each stage's code stays warm.
 */
import { generateEach, generatePrepared, prepareEach, type Article } from '../generate.js';
import type { Format } from '../formats/registry.js';
import type { FileContent } from '../formats/context.js';
import type { GenerateOptions } from '../options.js';
import { describeFsError } from '../output/write.js';
import { problemLines } from './problems.js';
import { LiqnewsError } from '../errors.js';
import { readSnapshotFile } from '../snapshot/read-file.js';
import { forTerminal } from '../util/terminal.js';
import { namedOwnOutput, ownOutputReason } from './inputs.js';

/** How many inputs go through the stages together: enough to keep each stage warm, few enough to hold. */
export const GROUP = 32;

/**
 * A group also ends once its inputs reach this many bytes (as the listing
 * saw them). A snapshot with hundreds of coins is twenty times the usual
 * size and holds that much more while its group is in hand; with a count
 * alone, the peak memory of a batch was set by its unluckiest group, and a
 * longer batch has unluckier ones (200,000 snapshots peaked 28 % above
 * 10,000). At 64 KB, six runs of 10,000 peaked at 223–228 MB against
 * 236–257 MB by count alone, in the same time. Common snapshots (1–3 KB)
 * still go 32 at a time.
 */
export const GROUP_BYTES = 64 * 1024;

/** Collects a group: call `add` with each input's size until it says the group is full. */
export function groupFill(): { add: (size: number | undefined) => boolean; reset: () => void } {
  let n = 0;
  let bytes = 0;
  return {
    add(size) {
      n++;
      bytes += size ?? 0;
      return n >= GROUP || bytes >= GROUP_BYTES;
    },
    reset() {
      n = 0;
      bytes = 0;
    },
  };
}

/** One input of a group: `named` when it was given on the command line (not found in a folder). */
export interface JobItem {
  path: string;
  label: string;
  named?: true;
}

export interface GroupJob {
  seq: number;
  items: JobItem[];
  /** The same for every group of a batch; a Date survives the trip to a worker (structured clone). */
  options: GenerateOptions;
  formats: Format[];
  debug: boolean;
}

/** `skipped`: the file is not a snapshot to render but one the product wrote (a sidecar), with the reason to print. */
export type ItemResult = { ok: true; basename: string; files: Partial<Record<Format, FileContent>>; cardFile: string | null; chartFile: string | null; /** The whole article, for the history store (on this thread only: it does not cross to a worker). */ article?: Article } | { ok: false; lines: string[]; skipped?: string };

export interface GroupResult {
  seq: number;
  /** One per item, in the group's order. */
  results: ItemResult[];
}

export function runGroup(job: GroupJob): GroupResult {
  const { results, texts, readAt } = readGroup(job);
  const generated = generateEach(texts, job.options);
  const articles: { i: number; article: Article }[] = [];
  for (const [k, g] of generated.entries()) {
    const i = readAt[k]!;
    if (g.ok) articles.push({ i, article: g.article });
    else results[i] = { ok: false, lines: problemLines(job.items[i]!.label, g.error, job.debug) };
  }
  buildFiles(
    articles.map((a) => a.article),
    job.formats,
  );
  for (const { i, article } of articles) results[i] = resultOf(job, i, article);
  return { seq: job.seq, results };
}

/** The group's files read, sidecars set aside: `results` holds what failed already, `texts[k]` is item `readAt[k]`'s. */
function readGroup(job: GroupJob): { results: ItemResult[]; texts: string[]; readAt: number[] } {
  const results: ItemResult[] = [];
  const texts: string[] = [];
  const readAt: number[] = [];
  for (const [i, item] of job.items.entries()) {
    try {
      texts.push(readSnapshotFile(item.path));
      readAt.push(i);
    } catch (e) {
      // Too large or not UTF-8 is a LiqnewsError, told like any other problem of the input.
      results[i] = { ok: false, lines: e instanceof LiqnewsError ? problemLines(item.label, e, job.debug) : [`${forTerminal(item.label)}: cannot read: ${describeFsError(e)}`] };
    }
  }
  // A sidecar (the facts .json render writes) or feed.json in an input folder is the product's own output, not bad input.
  for (let k = texts.length - 1; k >= 0; k--) {
    const own = ownOutputReason(texts[k]!);
    if (own === null) continue;
    const item = job.items[readAt[k]!]!;
    results[readAt[k]!] = item.named ? { ok: false, lines: [forTerminal(namedOwnOutput(item.label, own))] } : { ok: false, lines: [], skipped: own };
    texts.splice(k, 1);
    readAt.splice(k, 1);
  }
  return { results, texts, readAt };
}

/**
 * The same results one at a time, for a batch with a history store, where
 * each article must see the ones before it recorded (its context, variation
 * and slug). What needs nothing from the store (parsing and the snapshot's
 * own facts) is done for the whole group first, so those stages stay warm;
 * the rest of an article is generated only when the caller asks for its
 * result, that is once the article before it has been recorded. Its files
 * are left to build on first read (buildFiles over the group, before the
 * group is written).
 */
export function* runGroupInTurn(job: GroupJob): Generator<ItemResult> {
  const { results, texts, readAt } = readGroup(job);
  const prepared = prepareEach(texts, job.options);
  const at = new Map(readAt.map((i, k) => [i, k]));
  for (let i = 0; i < job.items.length; i++) {
    const k = at.get(i);
    if (k === undefined) {
      yield results[i]!;
      continue;
    }
    const [g] = generatePrepared([prepared[k]!], job.options);
    if (!g!.ok) {
      yield { ok: false, lines: problemLines(job.items[i]!.label, g!.error, job.debug) };
      continue;
    }
    // Its files are built later, with the rest of its group's, just before they are written (render.ts): they need nothing from the store.
    yield { ok: true, basename: g!.article.basename, files: g!.article.files, cardFile: g!.article.cardFile, chartFile: g!.article.chartFile, article: g!.article };
  }
}

function resultOf(job: GroupJob, i: number, article: Article): ItemResult {
  try {
    const files: Partial<Record<Format, FileContent>> = {};
    for (const f of job.formats) files[f] = article.files[f];
    const { basename, cardFile, chartFile } = article;
    return job.options.history ? { ok: true, basename, files, cardFile, chartFile, article } : { ok: true, basename, files, cardFile, chartFile };
  } catch (e) {
    return { ok: false, lines: problemLines(job.items[i]!.label, e, job.debug) };
  }
}

/**
 * Builds each article's files (they are built on first read and kept),
 * format by format across the group: the page bodies through marked first,
 * then each format. A file that fails to build is left for whoever reads it
 * next, which gets the same error in its place.
 */
export function buildFiles(articles: readonly Article[], formats: readonly Format[]): void {
  const each = (get: (a: Article) => unknown): void => {
    for (const a of articles) {
      try {
        get(a);
      } catch {
        // reported where the file is read
      }
    }
  };
  if (formats.includes('html')) each((a) => a.bodyHtml);
  for (const format of formats) each((a) => a.files[format]);
}
