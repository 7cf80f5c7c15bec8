/**
 * Golden files and the per-article contract.
 *
 * Each fixtures/golden/<case> and fixtures/edge/<case> is generated with the
 * style and time zone of its case.json (defaults: auto, UTC) and "now"
 * 2026-11-21T00:00:00Z, and compared byte for byte with
 * fixtures/<group>/<case>/expected/{facts.json,article.md,article.html}.
 *
 * To (re)write the expected files instead of comparing, run
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
 *
 * and review the diff before committing it: the comparison then passes by
 * construction. The expected.txt files of fixtures/invalid are never written
 * by this switch; they are reviewed by hand (each line is a message a user reads).
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { STYLE_NAMES, validateSnapshot, parseSnapshot, formatIssues, LiqnewsError, type Article } from '../src/index.js';
import { allCases, generateCase, listInvalid, splitFrontMatter, FRONT_MATTER_KEYS, whitespaceProblems, LEAKS, NOW } from './helpers.js';

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const outputsOf = (a: Article): Record<string, string> => ({ 'facts.json': a.files.json, 'article.md': a.files.md, 'article.html': a.files.html });

describe('golden files', () => {
  for (const c of allCases()) {
    it(`${c.id} matches expected/ byte for byte`, () => {
      const outputs = outputsOf(generateCase(c));
      const dir = join(c.dir, 'expected');
      if (UPDATE) {
        mkdirSync(dir, { recursive: true });
        for (const [file, text] of Object.entries(outputs)) writeFileSync(join(dir, file), text);
        return;
      }
      for (const [file, text] of Object.entries(outputs)) {
        const path = join(dir, file);
        expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`).toBe(true);
        expect(text, `${c.id}/expected/${file}`).toBe(readFileSync(path, 'utf8'));
      }
    });
  }
});

/** The figures that state the total (body, headline and words forms), from the claims of `totals.usd`. */
function totalDisplays(a: Article): string[] {
  return [...new Set(a.facts.claims.filter((cl) => cl.source === 'totals.usd').map((cl) => cl.display))];
}

describe.each(allCases().map((c) => [c.id, c] as const))('%s in every style', (_id, c) => {
  it.each(STYLE_NAMES.map((s) => [s]))('%s', (style) => {
    // Render succeeds: the claim check inside generate() passed.
    const a = generateCase(c, style);
    const { files } = a;
    const fm = splitFrontMatter(files.md);
    const texts = { title: a.title, description: a.description, body: a.body };

    for (const [name, text] of Object.entries({ md: files.md, html: files.html })) {
      expect(LEAKS.exec(text)?.[0], `${name} leaks a missing value`).toBeUndefined();
    }
    for (const [name, text] of Object.entries(texts)) {
      expect(text, `${name} states a $0 amount`).not.toMatch(/\$0(?![.\d])/);
      expect(text, `${name} says "0 traders"`).not.toMatch(/(?<![\d.,])0 traders/);
    }
    for (const token of ['{{', '{%', '<!--']) expect(fm.body.includes(token), `md body contains ${token}`).toBe(false);
    expect(fm.body.startsWith('# '), 'the body repeats the headline as an H1').toBe(false);

    expect(fm.keys).toEqual(FRONT_MATTER_KEYS);
    expect(fm.data['title']).toBe(a.title);
    expect(a.title.length, a.title).toBeLessThanOrEqual(110);
    expect(a.description.length, a.description).toBeLessThanOrEqual(160);
    const tags = fm.data['tags'] as string[];
    expect(tags.length).toBeGreaterThanOrEqual(1);
    expect(tags.length).toBeLessThanOrEqual(8);
    for (const t of tags) expect(t).toBe(t.toLowerCase());
    expect(fm.data['categories']).toHaveLength(1);
    expect(fm.data['draft']).toBe(true);
    // Dates are the window end in UTC, never the wall clock.
    const end = new Date(JSON.parse(c.snapshotText).window.end).toISOString().replace('.000Z', 'Z');
    expect(fm.yaml).toContain(`\ndate: ${end}\n`);
    expect(fm.yaml).toContain(`\nlastmod: ${end}\n`);
    expect(fm.data['style']).toBe(style);

    for (const [name, text] of Object.entries(files)) expect(whitespaceProblems(text as string), name).toEqual([]);

    if (a.facts.window.kind === 'hour') {
      for (const [name, text] of Object.entries(texts)) expect(text, `${name} of a one-hour window`).not.toMatch(/24[ -]hours?/i);
    }
    if (a.facts.window.hours < 24) {
      // "Rough Day for Crypto Longs" over a one-hour window misstates the time frame.
      expect(a.title, 'headline of a window shorter than a day').not.toMatch(/\bday\b/i);
    }
    if (a.facts.partial) {
      const all = `${a.title}\n${a.description}\n${a.body}`;
      expect(all).toMatch(/at least/i);
      // Issue 10 item 7: "at least" on every figure read as a stammer (9-15 times in one article). The total's
      // first mention in each part carries it; in the body a sentence after the lead (partials/lower-bound.hbs)
      // says every figure is a floor, and later mentions may be bare (src/render/lower-bound.ts).
      for (const d of totalDisplays(a)) {
        for (const [name, text] of Object.entries(texts)) {
          const at = text.indexOf(d);
          if (at < 0) continue;
          const hedged = text.slice(0, at).match(/at least $/i) !== null;
          const earlierHedge = /\bat least [$\d]/i.test(text.slice(0, at));
          expect(hedged || earlierHedge, `${name}: first total "${d}" in a partial-coverage article without "at least" before it`).toBe(true);
        }
        expect(a.body, 'the body says its figures are floors').toMatch(/floor|minimum|lower bound|can only be higher/i);
      }
    }
  });
});

describe('invalid fixtures', () => {
  for (const inv of listInvalid()) {
    it(`${inv.name}: every problem, as "path: message"`, () => {
      let lines: string[];
      if (inv.file === 'snapshot.json') {
        const result = validateSnapshot(JSON.parse(inv.text), NOW);
        expect(result.ok).toBe(false);
        lines = result.ok ? [] : formatIssues(result.issues);
      } else {
        // Not JSON at all: only parseSnapshot sees the text.
        const error = (() => {
          try {
            parseSnapshot(inv.text, NOW);
          } catch (e) {
            return e;
          }
          return undefined;
        })();
        expect(error).toBeInstanceOf(LiqnewsError);
        expect((error as LiqnewsError).code).toBe('INVALID_JSON');
        lines = formatIssues((error as LiqnewsError).issues);
      }
      expect(lines).toEqual(inv.expected);
    });
  }
});
