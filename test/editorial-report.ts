/**
 * The editorial measures of test/editorial-measures.ts over the varied set
 * of test/editorial-snapshots.ts, per style: what `npm run editorial` prints
 * and test/editorial.test.ts asserts. Run directly (tsx) it prints a table,
 * the seed articles' figures beside it when ../shared is there, and with
 * `--detail` the offending sentences.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, type Article } from '../src/generate.js';
import {
  atLeastCount,
  backToBackRepeats,
  closingSentence,
  closingShape,
  EVERGREEN_QUESTIONS,
  faqQuestions,
  headlineEcho,
  idioms,
  oneItemPluralLists,
  passiveCounts,
  proseLines,
  windowPhraseCount,
  wordCount,
} from './editorial-measures.js';
import { editorialSet } from './editorial-snapshots.js';

export const STYLES = ['bulletin', 'recap', 'tldr', 'analysis', 'explainer'] as const;
export type Style = (typeof STYLES)[number];
const NOW = new Date('2026-11-21T00:00:00Z');

export interface ArticleMeasures {
  id: string;
  title: string;
  atLeast: number;
  windowPhrases: number;
  repeats: ReturnType<typeof backToBackRepeats>;
  echo: string[];
  idioms: string[];
  oneItemLists: string[];
  passive: number;
  sentences: number;
  words: number;
  closing: string;
  closingShape: string;
  evergreen: string[];
}

export function measureArticle(a: Pick<Article, 'title' | 'body' | 'facts'> & { id: string }): ArticleMeasures {
  const p = passiveCounts(a.body);
  const names = [...a.facts.assets.flatMap((x) => [x.name, x.symbol]), ...a.facts.exchanges.map((e) => e.name)];
  const closing = closingSentence(a.body);
  return {
    id: a.id,
    title: a.title,
    atLeast: atLeastCount(a.body),
    windowPhrases: windowPhraseCount(a.body),
    repeats: backToBackRepeats(a.body),
    echo: headlineEcho(a.title, a.body),
    idioms: idioms(a.body, a.title),
    oneItemLists: oneItemPluralLists(a.body),
    passive: p.passive,
    sentences: p.sentences,
    words: wordCount(a.body),
    closing,
    closingShape: closingShape(closing, names),
    evergreen: faqQuestions(a.body).filter((q) => (EVERGREEN_QUESTIONS as readonly string[]).includes(q)),
  };
}

export function articlesFor(style: Style): Article[] {
  return editorialSet().map((s) => generate(s, { style, now: NOW }));
}

/** proselint alerts over the prose of these bodies, or null when proselint is not installed. */
export function proselintAlerts(bodies: readonly string[]): number | null {
  if (!hasProselint()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'liqnews-proselint-'));
  try {
    const files = bodies.map((b, k) => {
      const f = join(dir, `a${k}.txt`);
      writeFileSync(f, proseLines(b).join('\n\n') + '\n');
      return f;
    });
    let out = '';
    try {
      out = execFileSync('proselint', files, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? ''); // exit 1 means "alerts found"
    }
    return out.split('\n').filter((l) => /:\d+:\d+: /.test(l)).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function proselintLines(bodies: readonly string[]): string[] {
  if (!hasProselint()) return [];
  const dir = mkdtempSync(join(tmpdir(), 'liqnews-proselint-'));
  try {
    const files = bodies.map((b, k) => {
      const f = join(dir, `a${k}.txt`);
      writeFileSync(f, proseLines(b).join('\n\n') + '\n');
      return f;
    });
    try {
      return execFileSync('proselint', files, { encoding: 'utf8' }).split('\n');
    } catch (e) {
      return String((e as { stdout?: string }).stdout ?? '').split('\n').filter((l) => l.length > 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function hasProselint(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v proselint'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface StyleSummary {
  style: string;
  articles: number;
  words: number;
  atLeastMax: number;
  windowMax: number;
  repeats: number;
  echoes: number;
  idiomsMax: number;
  oneItemLists: number;
  passivePct: number;
  distinctClosings: number;
  proselintPer1000: number | null;
  evergreenMax: number;
  evergreenDistinct: number;
}

export function summarise(style: string, ms: readonly ArticleMeasures[], alerts: number | null): StyleSummary {
  const words = ms.reduce((t, m) => t + m.words, 0);
  const sentences = ms.reduce((t, m) => t + m.sentences, 0);
  const max = (f: (m: ArticleMeasures) => number): number => Math.max(0, ...ms.map(f));
  return {
    style,
    articles: ms.length,
    words,
    atLeastMax: max((m) => m.atLeast),
    windowMax: max((m) => m.windowPhrases),
    repeats: ms.reduce((t, m) => t + m.repeats.length, 0),
    echoes: ms.filter((m) => m.echo.length > 0).length,
    idiomsMax: max((m) => m.idioms.length),
    oneItemLists: ms.reduce((t, m) => t + m.oneItemLists.length, 0),
    passivePct: sentences === 0 ? 0 : (100 * ms.reduce((t, m) => t + m.passive, 0)) / sentences,
    distinctClosings: new Set(ms.map((m) => m.closingShape)).size,
    proselintPer1000: alerts === null || words === 0 ? null : (1000 * alerts) / words,
    evergreenMax: max((m) => m.evergreen.length),
    evergreenDistinct: new Set(ms.flatMap((m) => m.evergreen)).size,
  };
}

/** The seed articles as measured (plain text, one per style), when ../shared/seeds is there. */
export function seedSummaries(): StyleSummary[] {
  const dir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f, k) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const [title = '', ...rest] = text.split('\n');
      const body = rest.join('\n');
      const m = measureArticle({ id: f, title, body, facts: { assets: [], exchanges: [] } as unknown as Article['facts'] });
      return summarise(`seed ${STYLES[k] ?? f}`, [m], proselintAlerts([body]));
    });
}

const HEAD = ['style', 'n', 'words', '"at least" max', 'window max', 'b2b repeats', 'headline echoes', 'idioms max', '1-item lists', 'passive %', 'distinct closings', 'proselint /1k words', 'evergreen FAQ max/distinct'];

export function tableRow(s: StyleSummary): string[] {
  return [
    s.style,
    String(s.articles),
    String(s.words),
    String(s.atLeastMax),
    String(s.windowMax),
    String(s.repeats),
    String(s.echoes),
    String(s.idiomsMax),
    String(s.oneItemLists),
    s.passivePct.toFixed(1),
    String(s.distinctClosings),
    s.proselintPer1000 === null ? 'n/a' : s.proselintPer1000.toFixed(2),
    s.evergreenDistinct > 0 ? `${s.evergreenMax}/${s.evergreenDistinct}` : '–',
  ];
}

export function markdownTable(rows: readonly StyleSummary[]): string {
  const lines = [HEAD, HEAD.map(() => '---'), ...rows.map(tableRow)];
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

function main(): void {
  const detail = process.argv.includes('--detail');
  const rows: StyleSummary[] = [];
  for (const style of STYLES) {
    const arts = articlesFor(style);
    const ms = arts.map((a) => measureArticle(a));
    rows.push(summarise(style, ms, proselintAlerts(arts.map((a) => a.body))));
    if (detail) {
      console.log(`\n## ${style}`);
      for (const m of ms) {
        const probs = [
          m.atLeast > 2 ? `at least ×${m.atLeast}` : '',
          m.windowPhrases > 2 ? `window ×${m.windowPhrases}` : '',
          ...m.repeats.map((r) => `repeat "${r.phrase}": ${r.first} | ${r.second}`),
          m.echo.length > 0 ? `echo ${m.echo.join(',')}: ${m.title}` : '',
          m.idioms.length > 1 ? `idioms ${m.idioms.join(', ')}` : '',
          ...m.oneItemLists.map((l) => `one-item list under "${l}"`),
        ].filter((x) => x);
        for (const p of probs) console.log(`${m.id}: ${p}`);
      }
      const shapes = new Map<string, number>();
      for (const m of ms) shapes.set(m.closingShape, (shapes.get(m.closingShape) ?? 0) + 1);
      console.log('closings:', [...shapes.entries()].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${n}× ${s}`).join('\n  '));
      console.log(proselintLines(arts.map((a) => a.body)).map((l) => l.replace(/^.*?:\d+:\d+: /, '')).join('\n'));
    }
  }
  console.log(`Editorial measures over ${rows[0]?.articles ?? 0} generated snapshots per style (test/editorial-snapshots.ts)\n`);
  console.log(markdownTable(rows));
  const seeds = seedSummaries();
  if (seeds.length > 0) console.log(`\nThe seed articles (../shared/seeds), one each:\n\n${markdownTable(seeds)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
