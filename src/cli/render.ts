/**
 * `liqnews render`: a group of inputs at a time — read, generate, write,
 * forget — so memory stays flat however long the batch. The inputs are
 * listed lazily (inputs.ts), once to count them and once to render them, and
 * what the batch remembers of each article (to refuse two that would write
 * the same files) is a few bytes (names-seen.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article } from '../generate.js';
import type { History } from '../history/store.js';
import { forgetPending } from '../history/session.js';
import { forTerminal, shownName } from '../util/terminal.js';
import { writeArticle, isDirectoryWideFailure, type WritableArticle, type WriteResult } from '../output/write.js';
import type { RunOptions } from './args.js';
import type { GenerateOptions } from '../options.js';
// The rendering stack (zod, Handlebars, marked, the templates) loads with this module, which main.ts
// imports only for `render`: parsing arguments and `--help` stay light.
import { generate } from '../generate.js';
import { sweepNow } from '../output/atomic.js';
import { InputGuard, countInputs, expandInputs, isOwnOutputReason, listInputs, nothingToRead, readInput, type InputItem, type ListedInput } from './inputs.js';
import { NamesSeen, sourceHash } from './names-seen.js';
import { jobsFor, runInOrder } from './pool.js';
import { GROUP, buildFiles, groupFill, runGroup, runGroupInTurn, type GroupJob, type ItemResult, type JobItem } from './render-job.js';
import { problemLines } from './problems.js';
import { JsonResults, type InputResult } from './json-results.js';
import { chartsWanted, loadCharts } from '../chart/engine.js';
import { PROGRESS_FROM, Reporter, SUMMARY_ABOVE, plural, type CommandIO } from './report.js';

export async function runRender(o: RunOptions, now: Date, io: CommandIO): Promise<number> {
  const opened = await openStore(o, io);
  if (opened === 'failed') return 1;
  const history = opened;
  try {
    // vega is imported only for a run that draws a chart (src/chart/engine.ts).
    if (chartsWanted(o.formats, o.sections)) await loadCharts();
    return o.stdout ? await renderToStdout(o, now, io, history) : await renderFiles(o, now, io, history);
  } finally {
    history?.close();
  }
}

/**
 * The history store for this run: `--history FILE`, else the default beside
 * the output folder; none with `--no-history`. For `--stdout` it is only read,
 * and only when it exists: printing an article records nothing.
 */
async function openStore(o: RunOptions, io: CommandIO): Promise<History | null | 'failed'> {
  if (o.history === false || o.history === undefined) return null;
  const { openHistory, defaultHistoryPath } = await import('../history/index.js');
  const path = o.history ?? defaultHistoryPath(o.out);
  if (o.stdout && !existsSync(path)) return null;
  try {
    return openHistory(path, { readonly: o.stdout, now: () => new Date() });
  } catch (e) {
    io.stderr.write(`liqnews: ${forTerminal(e instanceof Error ? e.message : String(e), 1000)}\nhint: --history FILE names another store, --no-history renders without one\n`);
    return 'failed';
  }
}

async function renderFiles(o: RunOptions, now: Date, io: CommandIO, history: History | null): Promise<number> {

  const total = countInputs(o.inputs, o.out);
  const summarise = total > SUMMARY_ABOVE;
  // --json: one line per input on stdout instead of the human lines (json-results.ts).
  const json = o.json ? new JsonResults(io.stdout) : null;
  const report = new Reporter(json ? json.silent : io.stdout, json ? json.tee(io.stderr) : io.stderr, io.isTTY && total >= PROGRESS_FROM && !o.quiet);
  const counts = { rendered: 0, failed: 0, skipped: 0, written: 0, unchanged: 0, kept: 0, keptPublished: 0 };
  // Inputs that were not snapshots to read (the product's own files, links to nothing, pipes): `skipped` also counts the not newsworthy.
  let passedOver = 0;
  // Which input each base name came from, so two snapshots that get the same name do not silently overwrite each other.
  const seen = new NamesSeen();
  const labels = new LabelLookup(o.inputs, o.out);
  // Outputs never replace an input of the run (a snapshot named like its own sidecar, an input folder used as --out).
  const guard = new InputGuard(o.inputs, o.out);
  // A killed run's temporary files go at the start, even from a run that finds every file unchanged and writes none.
  sweepNow(o.out);
  const refuse = (path: string): string | null => {
    const input = guard.inputAt(path);
    return input === null ? null : `not written: ${path} is an input of this run (${input}), and writing it would replace that snapshot`;
  };

  // The store is one connection on this thread: with history, the batch renders here, in order.
  const jobs = history ? 1 : jobsFor(o.jobs ?? null);
  const listed = listInputs(o.inputs, o.out);
  const outcomes = jobs > 1 && !o.inputs.includes('-') ? parallelOutcomes(listed, o, now, jobs) : sequentialOutcomes(listed, o, now, io, history);
  history?.beginBatch();
  let recordFailed = false;
  let index = 0;
  let stopped = false;
  /**
   * Articles named and (with a store) recorded, whose files are not written
   * yet. With a store each article is recorded as soon as it is rendered (the
   * next one compares with it), and a group's files are written together
   * after: writes between two articles slowed every stage of the next one
   * (docs/PERFORMANCE.md). An article whose write fails is then taken out of
   * the store again (the group's rows are undone and the written ones
   * recorded anew). Without a store each article is written at once.
   */
  let ready: { item: InputItem; article: WritableArticle; rec: InputResult | null }[] = [];
  const flush = (): void => {
    const group = ready;
    ready = [];
    const written: Article[] = [];
    let unwritten = 0;
    // With a store, the group's files were left to build here, stage by stage across the group (a failure shows where the file is written).
    if (history) buildFiles(group.map((g) => g.article as Article), o.formats);
    for (const [k, { item, article, rec }] of group.entries()) {
      let results: WriteResult[];
      json?.focus(rec);
      try {
        results = writeArticle(article, { outDir: o.out, formats: o.formats, force: o.force, refuse });
      } catch (e) {
        for (const line of problemLines(item.label, e, o.debug)) report.err(line);
        if (rec) json?.end(rec, 'failed');
        counts.failed++;
        unwritten++;
        if (isDirectoryWideFailure(e)) {
          report.err(`stopped: nothing more can be written to ${o.out}`);
          stopped = true;
          // The group's later articles were rendered (and recorded) but not attempted.
          index -= group.length - k - 1;
          unwritten += group.length - k - 1;
          break;
        }
        continue;
      }
      counts.rendered++;
      if (history) written.push(article as Article);
      if (rec) json?.end(rec, 'rendered', results);
      for (const r of results) {
        if (r.status === 'kept-edited') {
          counts.kept++;
          const why = r.found === 'unstamped' ? 'not generated by liqnews' : 'edited since generated';
          report.err(`kept ${shownName(r.path)} (${why}; use --force to overwrite)`);
        } else {
          counts[r.status]++;
          if (!summarise && !o.quiet) report.out(`${r.status === 'written' ? 'wrote' : 'unchanged'} ${shownName(r.path)}`);
          // Its own line, so `wrote <path>` stays one path a script can read.
          if (r.keptPublished) counts.keptPublished++;
          if (r.keptPublished && !summarise && !o.quiet) report.out(`  ${r.path} was published by an editor (draft: false) and not otherwise edited: kept published`);
        }
      }
    }
    if (!history) return;
    try {
      if (unwritten === 0) return history.keepGroup();
      // An article that is not written is not recorded: the group's rows again, without it (what was refused was told already).
      // undoGroup also ends the group (rollback to its savepoint, then release): the rows recorded again belong to the batch.
      history.undoGroup();
      if (written.length > 0) history.record(written, { skipBad: true });
    } catch (e) {
      report.err(`liqnews: ${forTerminal(e instanceof Error ? e.message : String(e), 1000)}`);
      recordFailed = true;
    }
  };
  for await (const outcome of outcomes) {
    const item = outcome.item;
    const at = index++;
    report.progress('rendering', at, total);
    const rec = json?.begin(item.label) ?? null;
    if (outcome.kind === 'skipped') {
      // A folder rendered into itself passes over its sidecars on every run: with --quiet that is not worth a line each.
      if (!(o.quiet && isOwnOutputReason(outcome.reason))) report.err(`skipped ${shownName(item.label)}: ${outcome.reason}`);
      if (rec) json?.end(rec, 'skipped');
      counts.skipped++;
      passedOver++;
      continue;
    }
    if (outcome.kind === 'failed') {
      for (const line of outcome.lines) report.err(line);
      if (rec) json?.end(rec, 'failed');
      counts.failed++;
      continue;
    }
    if (history && o.onlyNewsworthy) {
      const verdict = await newsworthiness(history, outcome.article as Article);
      if (!verdict.publish) {
        report.err(`skipped ${shownName(item.label)}: not newsworthy: ${verdict.reason}`);
        if (rec) json?.end(rec, 'skipped');
        counts.skipped++;
        continue;
      }
    }
    const article = outcome.article;
    try {
      if (item.kind === 'file' && item.link) guard.remember(item.path, item.label);
      const source = item.kind === 'file' ? resolve(item.path) : item.label;
      const earlier = seen.claim(article.basename, source);
      if (earlier !== null) {
        report.err(`${shownName(item.label)}: gives the same file name as ${shownName(labels.of(earlier))} (${article.basename}.*); not written, so that one is not overwritten`);
        report.err(`${shownName(item.label)}: hint: give the snapshots distinct "id"s`);
        if (rec) json?.end(rec, 'failed');
        counts.failed++;
        continue;
      }
    } catch (e) {
      for (const line of problemLines(item.label, e, o.debug)) report.err(line);
      if (rec) json?.end(rec, 'failed');
      counts.failed++;
      continue;
    }
    if (history) {
      if (ready.length === 0) history.beginGroup();
      // Recorded at once (a savepoint in the batch's transaction), so the next article compares with this one.
      if (!recordAll(history, [article as Article], report)) recordFailed = true;
    }
    json?.focus(null);
    ready.push({ item: outcome.item, article, rec });
    if (!history || ready.length >= GROUP) flush();
    if (stopped) break;
  }
  if (!stopped && ready.length > 0) flush();
  json?.finish();
  report.done();
  try {
    history?.endBatch(true);
  } catch (e) {
    report.err(`liqnews: ${forTerminal(e instanceof Error ? e.message : String(e), 1000)}`);
    recordFailed = true;
  }
  if (recordFailed) counts.failed++;

  // Every input is in exactly one of: rendered, failed, skipped, not attempted (after a stop); the line says each that is not zero.
  const notAttempted = Math.max(0, total - index);
  if ((summarise || notAttempted > 0) && !o.quiet) {
    const files = [plural(counts.written, 'file') + ' written', `${counts.unchanged} unchanged`];
    if (counts.kept > 0) files.push(`${counts.kept} kept`);
    // A long batch prints no line per file: the articles an editor published (and that stayed published) are counted here instead.
    if (counts.keptPublished > 0) files.push(`${plural(counts.keptPublished, 'article')} kept published by an editor`);
    const others = [
      counts.failed > 0 ? `${counts.failed} failed` : '',
      counts.skipped > 0 ? `${counts.skipped} skipped` : '',
      notAttempted > 0 ? `${notAttempted} not attempted` : '',
    ].filter(Boolean);
    const line = `rendered ${counts.rendered} of ${plural(total, 'input')}${others.map((x) => `, ${x}`).join('')}: ${files.join(', ')} in ${o.out}`;
    report.out(line);
  }
  // Every input passed over (sidecars, feed.json, links, pipes) and none rendered or refused: nothing was done, which is not a success.
  if (index > 0 && passedOver === index) {
    report.err(nothingToRead(index));
    return 1;
  }
  return counts.failed > 0 || (counts.kept > 0 && !o.keepEdited) ? 1 : 0;
}

/**
 * The label of the earlier input whose path has a given `sourceHash`, for the
 * rare message that names it: found by listing the inputs again rather than
 * by holding every label for the whole run.
 */
class LabelLookup {
  private readonly found = new Map<number, string>();
  constructor(
    private readonly args: readonly string[],
    private readonly skip: string,
  ) {}

  of(hash: number): string {
    const known = this.found.get(hash);
    if (known !== undefined) return known;
    for (const item of listInputs(this.args, this.skip)) {
      if (sourceHash(item.kind === 'file' ? resolve(item.path) : item.label) !== hash) continue;
      this.found.set(hash, item.label);
      return item.label;
    }
    return 'an earlier input'; // the folder changed under the run
  }
}

type Outcome =
  | { kind: 'article'; item: InputItem; article: WritableArticle }
  | { kind: 'failed'; item: ListedInput; lines: string[] }
  | { kind: 'skipped'; item: ListedInput; reason: string };

/** The inputs on this thread, a group at a time (render-job.ts), handed over in input order. */
async function* sequentialOutcomes(listed: Iterator<ListedInput>, o: RunOptions, now: Date, io: CommandIO, history: History | null): AsyncGenerator<Outcome> {
  const options = articleOptions(o, now, history);
  const fill = groupFill();
  for (;;) {
    const group: ListedInput[] = [];
    fill.reset();
    for (let next = listed.next(); !next.done; next = listed.next()) {
      group.push(next.value);
      if (fill.add(next.value.kind === 'file' ? next.value.size : 0)) break;
    }
    if (group.length === 0) return;
    const files = group.filter(isFile);
    const job = { seq: 0, items: files.map(jobItem), options, formats: o.formats, debug: o.debug };
    // With a history, each article is finished only when its turn comes: it must see the one before it recorded (its context, slug and wording).
    const results = history ? runGroupInTurn(job) : runGroup(job).results.values();
    for (const item of group) {
      if (item.kind === 'stdin') yield await stdinOutcome(item, o, options, io);
      else if (item.kind === 'file') yield outcomeOf(item, results.next().value as ItemResult);
      else yield notAFile(item);
    }
  }
}

const notAFile = (item: Exclude<ListedInput, FileItem>): Outcome =>
  item.kind === 'skipped' ? { kind: 'skipped', item, reason: item.reason } : { kind: 'failed', item, lines: [`${shownName(item.label)}: ${item.kind === 'error' ? item.message : 'cannot read'}`] };

/** Standard input (`-`), read and generated on its own. */
async function stdinOutcome(item: Extract<InputItem, { kind: 'stdin' }>, o: RunOptions, options: GenerateOptions, io: CommandIO): Promise<Outcome> {
  try {
    const article = generate(await readInput(item, io.stdin), options);
    buildFiles([article], o.formats);
    return { kind: 'article', item, article };
  } catch (e) {
    return { kind: 'failed', item, lines: problemLines(item.label, e, o.debug) };
  }
}

/**
 * The same outcomes, generated on worker threads (see pool.ts) a group at a
 * time, in input order. The listing is read only as far as the groups in
 * flight need: `pending` holds the inputs listed but not yet handed over.
 */
async function* parallelOutcomes(listed: Iterator<ListedInput>, o: RunOptions, now: Date, jobs: number): AsyncGenerator<Outcome> {
  const options = articleOptions(o, now);
  const pending: ListedInput[] = [];
  let listingDone = false;
  function* groups(): Generator<Omit<GroupJob, 'seq'>> {
    let files: JobItem[] = [];
    const fill = groupFill();
    for (let next = listed.next(); !next.done; next = listed.next()) {
      pending.push(next.value);
      if (next.value.kind !== 'file') continue;
      files.push(jobItem(next.value));
      if (fill.add(next.value.size)) {
        yield { items: files, options, formats: o.formats, debug: o.debug };
        files = [];
        fill.reset();
      }
    }
    listingDone = true;
    if (files.length > 0) yield { items: files, options, formats: o.formats, debug: o.debug };
  }
  const results = runInOrder(groups(), jobs);
  let held: ItemResult[] = [];
  let resultsDone = false;
  const more = async (): Promise<void> => {
    const next = await results.next();
    if (next.done) resultsDone = true;
    else held = held.concat(next.value.results);
  };
  try {
    for (;;) {
      const item = pending[0];
      if (item === undefined) {
        if (listingDone && resultsDone) return;
        if (resultsDone) throw new Error('render workers stopped early');
        await more(); // lets the pool read further into the listing
        continue;
      }
      if (!isFile(item)) {
        pending.shift();
        yield notAFile(item);
        continue;
      }
      if (held.length === 0) {
        if (resultsDone) throw new Error('render workers stopped early');
        await more();
        continue;
      }
      pending.shift();
      yield outcomeOf(item, held.shift()!);
    }
  } finally {
    // Ends the pool (and its threads) whether the batch finished or the caller stopped early.
    await results.return(undefined);
  }
}

type FileItem = Extract<InputItem, { kind: 'file' }>;
const isFile = (i: ListedInput): i is FileItem => i.kind === 'file';
const jobItem = (i: FileItem): JobItem => (i.named ? { path: i.path, label: i.label, named: true } : { path: i.path, label: i.label });
const outcomeOf = (item: FileItem, r: ItemResult): Outcome =>
  r.ok
    ? { kind: 'article', item, article: r.article ?? { basename: r.basename, files: r.files, cardFile: r.cardFile, chartFile: r.chartFile } }
    : r.skipped !== undefined
      ? { kind: 'skipped', item, reason: r.skipped }
      : { kind: 'failed', item, lines: r.lines };

async function renderToStdout(o: RunOptions, now: Date, io: CommandIO, history: History | null): Promise<number> {
  const items = expandInputs(o.inputs, null);
  const item = items[0];
  const format = o.formats[0];
  // The parser guarantees one input and one format; a directory may still hold several snapshots.
  if (items.length !== 1 || !item || !format) {
    io.stderr.write(`liqnews: --stdout needs exactly one snapshot, but ${o.inputs[0]} holds ${items.length}\nsee liqnews render --help\n`);
    return 2;
  }
  const report = new Reporter(io.stdout, io.stderr, false);
  if (item.kind === 'error') {
    report.err(`${shownName(item.label)}: ${item.message}`);
    return 1;
  }
  try {
    const article = generate(await readInput(item, io.stdin), articleOptions(o, now, history));
    // Never the card: the parser refuses --stdout with it (PNG bytes on a terminal).
    io.stdout.write(article.files[format] as string);
    return 0;
  } catch (e) {
    for (const line of problemLines(item.label, e, o.debug)) report.err(line);
    return 1;
  }
}

/** What the command line asks of every article, as the library takes it. */
function articleOptions(o: RunOptions, now: Date, history: History | null = null): GenerateOptions {
  return {
    style: o.style,
    now,
    timeZone: o.timeZone,
    locale: o.locale ?? 'en-US',
    draft: !(o.publish ?? false),
    ...(o.author ? { author: o.author } : {}),
    ...(o.publisher ? { publisher: o.publisher } : {}),
    ...(o.category ? { category: o.category } : {}),
    site: o.site ?? null,
    faqJsonLd: o.faqJsonLd ?? false,
    card: o.formats.includes('card'),
    chart: o.formats.includes('svg'),
    publisherLogo: o.publisherLogo ?? null,
    publisherUrl: o.publisherUrl ?? null,
    emailPublication: o.emailPublication ?? null,
    emailAddress: o.emailAddress ?? null,
    emailUnsubscribe: o.emailUnsubscribe ?? null,
    sections: o.sections ?? null,
    baseUrl: o.baseUrl ?? null,
    expiryDays: o.expiryDays ?? null,
    history,
  };
}

/** `decide` over the store's context for the article's snapshot; a skipped story is forgotten by the batch's variation memory. */
async function newsworthiness(history: History, article: Article): Promise<{ publish: boolean; reason: string }> {
  const { decide } = await import('../history/index.js');
  const verdict = decide(article.snapshot, history.contextFor(article.snapshot));
  if (!verdict.publish) forgetPending(history, article.id);
  return verdict;
}

/**
 * The batch's written articles, in one transaction. A row the store refuses
 * (a window overlapping another story's of the same length) is reported and
 * left out; the articles are written either way.
 */
function recordAll(history: History, articles: Article[], report: Reporter): boolean {
  try {
    const result = history.record(articles, { skipBad: true });
    for (const p of result.skipped) report.err(`not recorded in ${history.file}: ${forTerminal(p.message, 1000)}`);
    return true;
  } catch (e) {
    report.err(`liqnews: ${forTerminal(e instanceof Error ? e.message : String(e), 1000)}`);
    return false;
  }
}
