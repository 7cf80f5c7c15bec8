/**
 * Shared test utilities: fixture discovery, one way to generate a case, and
 * small readers for the generated files (front matter, HTML tags, figures).
 * Tests use these so that every suite reads fixtures and files the same way.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { generate, type Article, type GenerateOptions, type StyleName } from '../src/index.js';
import { figuresIn } from '../src/check/figures.js';
import { main } from '../src/cli/main.js';
import { Readable } from 'node:stream';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');

/** The "now" every fixture is generated against: all windows end before it. */
export const NOW = new Date('2026-11-21T00:00:00Z');

export interface CaseSpec {
  description: string;
  style?: StyleName | 'auto';
  timeZone?: string;
}

export interface FixtureCase {
  group: 'golden' | 'edge';
  name: string;
  /** `golden/000-bulletin-long-flush`. */
  id: string;
  dir: string;
  snapshotText: string;
  spec: CaseSpec;
}

/** The cases of a fixture group, sorted by folder name. */
export function listCases(group: 'golden' | 'edge'): FixtureCase[] {
  const base = join(FIXTURES, group);
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(base, name);
      return {
        group,
        name,
        id: `${group}/${name}`,
        dir,
        snapshotText: readFileSync(join(dir, 'snapshot.json'), 'utf8'),
        spec: JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseSpec,
      };
    });
}

export const allCases = (): FixtureCase[] => [...listCases('golden'), ...listCases('edge')];

export function findCase(id: string): FixtureCase {
  const c = allCases().find((x) => x.id === id);
  if (!c) throw new Error(`no fixture ${id}`);
  return c;
}

/** Generates a fixture the way the golden files are made: case.json style (default auto) and time zone (default UTC). */
export function generateCase(c: FixtureCase, style?: StyleName | 'auto', extra: GenerateOptions = {}): Article {
  return generate(c.snapshotText, { style: style ?? c.spec.style ?? 'auto', now: NOW, timeZone: c.spec.timeZone ?? 'UTC', ...extra });
}

export interface InvalidCase {
  name: string;
  dir: string;
  /** `snapshot.json` or `snapshot.txt` (for input that is not JSON). */
  file: string;
  text: string;
  expected: string[];
}

export function listInvalid(): InvalidCase[] {
  const base = join(FIXTURES, 'invalid');
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(base, name);
      const file = existsSync(join(dir, 'snapshot.json')) ? 'snapshot.json' : 'snapshot.txt';
      const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter((l) => l.length > 0);
      return { name, dir, file, text: readFileSync(join(dir, file), 'utf8'), expected };
    });
}

export interface FrontMatterDoc {
  /** Top-level keys in the order they appear. */
  keys: string[];
  data: Record<string, unknown>;
  /** The YAML text between the `---` lines. */
  yaml: string;
  body: string;
}

/** Splits a generated `.md` into parsed front matter and body; throws when the front matter is not valid YAML. */
export function splitFrontMatter(md: string): FrontMatterDoc {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
  if (!m) throw new Error('no front matter between --- lines');
  const doc = parseDocument(m[1]!, { strict: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`front matter is not valid YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
  const data = doc.toJS() as Record<string, unknown>;
  return { keys: Object.keys(data), data, yaml: m[1]!, body: m[2]! };
}

/** The front matter keys OUTPUT.md fixes, in its order (the product's own keys last). */
export const FRONT_MATTER_KEYS = ['title', 'description', 'date', 'lastmod', 'draft', 'slug', 'tags', 'categories', 'style', 'angle', 'snapshotId', 'contentHash'];

/** Every opening tag in an HTML text, e.g. `<a href="…">`. */
export function htmlTags(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
export const decodeEntities = (s: string): string => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** `href` values of an HTML text, entity-decoded. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((m) => decodeEntities(m[1]!));
}

/** Text with every figure (and any stray digit) removed: what is left when the numbers are ignored. */
export function withoutFigures(text: string): string {
  let out = text;
  for (const { figure } of figuresIn(text).sort((a, b) => b.figure.length - a.figure.length)) out = out.split(figure).join('');
  return out.replace(/\d/g, '').replace(/\s+/g, ' ').trim();
}

/** Problems with a file's bytes: CR, trailing spaces, and anything but exactly one final newline. */
export function whitespaceProblems(text: string): string[] {
  const out: string[] = [];
  if (text.includes('\r')) out.push('contains CR (not LF only)');
  if (!text.endsWith('\n')) out.push('no final newline');
  if (text.endsWith('\n\n')) out.push('more than one final newline');
  text.split('\n').forEach((line, i) => {
    if (/[ \t]+$/.test(line)) out.push(`trailing whitespace on line ${i + 1}: ${JSON.stringify(line.slice(-40))}`);
  });
  return out;
}

/** The words a missing value leaves behind when it reaches the text. */
// Any case: a helper that capitalises prints a missing value as "Undefined".
export const LEAKS = /\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/i;

/** What a command run in-process printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `liqnews <argv>` in-process through main(), with fake streams: what a user would see. */
export async function runCli(argv: string[], opts: { stdin?: string; isTTY?: boolean } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main({
    argv,
    stdout: { write: (s: string) => void (out += s) },
    stderr: { write: (s: string) => void (err += s) },
    // The suite runs with LIQNEWS_HISTORY=off (vitest.config.ts): a command's own history test names its store.
    env: { LIQNEWS_HISTORY: process.env['LIQNEWS_HISTORY'] },
    isTTY: opts.isTTY ?? false,
    ...(opts.stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(opts.stdin)]) }),
  });
  return { code, out, err };
}
