/**
 * The real linters and validators, with the project's checked-in settings,
 * on every golden and edge fixture in every style:
 * - markdownlint-cli2 0.22.1 on the `.md` (settings: .markdownlint-cli2.jsonc);
 * - html-validate 10.9.0, `html-validate:recommended`, on the article page
 *   (settings: .htmlvalidate.json);
 * - html-validate with the email settings on the `.email.html`
 *   (test/htmlvalidate-email.json: recommended, plus the table layout
 *   attributes and inline styles mail needs, minus script, form and
 *   external CSS, and links only to absolute URLs).
 * Both run in-process, on strings: no files are written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { STYLE_NAMES, type Article } from '../src/index.js';
import { allCases, generateCase, ROOT } from './helpers.js';

const BASE = 'https://news.example.com/liquidations';

// One generated set for the whole file: every golden and edge fixture in every style.
const ALL: { name: string; a: Article }[] = allCases().flatMap((c) =>
  STYLE_NAMES.map((style) => ({ name: `${c.group}-${c.name}-${style}`, a: generateCase(c, style, { baseUrl: BASE }) })),
);

interface MarkdownlintParams {
  directory: string;
  argv: string[];
  nonFileContents: Record<string, string>;
  logMessage: (line: string) => void;
  logError: (line: string) => void;
}
// markdownlint-cli2 ships JavaScript without type declarations; its `main` is what its CLI runs.
const MARKDOWNLINT_CLI2: string = 'markdownlint-cli2';
const { main: markdownlint } = (await import(MARKDOWNLINT_CLI2)) as { main: (params: MarkdownlintParams) => Promise<number> };

const readJson = (path: string): ConfigData => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as ConfigData;

/** html-validate's messages for a set of documents, one line each ("<name>:<line>:<col> <rule> <message>"). */
function validate(config: ConfigData, docs: { name: string; html: string }[]): string[] {
  const hv = new HtmlValidate(config);
  return docs.flatMap(({ name, html }) =>
    hv.validateStringSync(html, name).results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
  );
}

describe('markdownlint-cli2 on the Markdown', () => {
  it('reports nothing for any fixture in any style', async () => {
    const files = Object.fromEntries(ALL.map(({ name, a }) => [join(ROOT, 'lint', `${name}.md`), a.files.md]));
    // A canary proves the run lints with our settings: its two H1s must be reported, its long line must not.
    const canary = join(ROOT, 'lint', 'canary.md');
    files[canary] = `# One\n\n# Two\n\n${'word '.repeat(60).trim()}\n`;
    const errors: string[] = [];
    const code = await markdownlint({
      // The repository root, so the checked-in .markdownlint-cli2.jsonc applies.
      directory: ROOT,
      argv: [],
      nonFileContents: files,
      logMessage: () => undefined,
      logError: (line: string) => errors.push(line),
    });
    const fromCanary = errors.filter((e) => e.includes('canary.md'));
    expect(fromCanary.map((e) => /MD\d+/.exec(e)?.[0])).toEqual(['MD025']);
    expect(code).toBe(1);
    const real = errors.filter((e) => !e.includes('canary.md'));
    expect(real).toEqual([]);
  });

  it('lints with every rule on except line length', () => {
    const settings = readFileSync(join(ROOT, '.markdownlint-cli2.jsonc'), 'utf8');
    const off = [...settings.matchAll(/^\s*"(MD\d+)":\s*false/gm)].map((m) => m[1]);
    expect(off).toEqual(['MD013']);
    expect(settings).toMatch(/"default":\s*true/);
  });
});

describe('html-validate', () => {
  it('finds no problem in any article page (html-validate:recommended)', () => {
    const config = readJson('.htmlvalidate.json');
    expect(config.extends).toEqual(['html-validate:recommended']);
    // The one change to `recommended`: OUTPUT.md writes the doctype in lower case; the rule still checks it is one style.
    expect(config.rules).toEqual({ 'doctype-style': ['error', { style: 'lowercase' }] });
    expect(validate(config, ALL.map(({ name, a }) => ({ name: `${name}.html`, html: a.files.html })))).toEqual([]);
  });

  it('finds no problem in any email (email settings)', () => {
    expect(validate(readJson('test/htmlvalidate-email.json'), ALL.map(({ name, a }) => ({ name: `${name}.email.html`, html: a.files.email })))).toEqual([]);
  });

  it('finds no problem in an email with the masthead, the footer slots and the card image', () => {
    const slots = { card: true, emailPublication: 'The Desk', emailAddress: '1 Market Street, London', emailUnsubscribe: 'https://news.example.com/unsubscribe' };
    const emails = allCases().map((c) => ({ name: `${c.group}-${c.name}-slots.email.html`, html: generateCase(c, undefined, { baseUrl: BASE, ...slots }).files.email }));
    expect(validate(readJson('test/htmlvalidate-email.json'), emails)).toEqual([]);
  });

  it('the email settings still reject what an email must not have', () => {
    const doc = (body: string, head = ''): string =>
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;
    const rules = (html: string): string[] => validate(readJson('test/htmlvalidate-email.json'), [{ name: 'x.html', html }]).map((l) => l.split(' ')[1]!);
    expect(rules(doc('<script>var a = 1;</script>'))).toContain('deprecated');
    expect(rules(doc('<form action="https://example.com/"><button type="submit">Go</button></form>'))).toContain('deprecated');
    expect(rules(doc('<p>x</p>', '<link rel="stylesheet" href="https://example.com/a.css">\n'))).toContain('deprecated');
    expect(rules(doc('<p>x</p>', '<style>p{color:red}</style>\n'))).toContain('no-style-tag');
    expect(rules(doc('<p><a href="/posts/x/">x</a></p>'))).toContain('allowed-links');
    expect(rules(doc('<p><a href="posts/x/">x</a></p>'))).toContain('allowed-links');
    expect(rules(doc('<p align="center">x</p>'))).toContain('no-deprecated-attr');
    expect(rules(doc('<p><a href="ftp://example.com/x">x</a></p>'))).toContain('allowed-links');
    // What a table layout needs passes.
    expect(rules(doc('<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff"><tbody><tr><td align="center" valign="top" style="padding: 0;">x</td></tr></tbody></table>'))).toEqual([]);
  });
});
