/**
 * Same input, same bytes — whatever the machine's time zone or the wall
 * clock — and different inputs that read differently, not the same text
 * with the numbers swapped.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { STYLE_NAMES, generate } from '../src/index.js';
import { ROOT, NOW, allCases, listCases, generateCase, withoutFigures, type FixtureCase } from './helpers.js';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Hashes of the three files of every fixture, as generated in this process;
 * a fixture that fails to render records its error code, so one broken
 * fixture does not hide the others (the golden tests report the failure).
 */
function fingerprints(cases: FixtureCase[]): Record<string, string[]> {
  return Object.fromEntries(
    cases.map((c) => {
      try {
        return [c.id, Object.values(generateCase(c).files).map((f) => hash(f as string))];
      } catch (e) {
        return [c.id, [`error: ${(e as { code?: string }).code ?? String(e)}`]];
      }
    }),
  );
}

describe('same snapshot, same bytes', () => {
  it.each(allCases().map((c) => [c.id, c] as const))('twice in a row, all three files: %s', (_id, c) => {
    const a = generateCase(c).files;
    const b = generateCase(c).files;
    expect(b.md).toBe(a.md);
    expect(b.html).toBe(a.html);
    expect(b.json).toBe(a.json);
  });

  it('JSON text or the parsed value, any key order, any amount of whitespace', () => {
    for (const c of listCases('golden')) {
      const text = generateCase(c).files;
      const value = JSON.parse(c.snapshotText) as Record<string, unknown>;
      const reordered = Object.fromEntries(Object.entries(value).reverse());
      for (const input of [value, reordered, JSON.stringify(value), JSON.stringify(value, null, 8)]) {
        expect(generate(input, { style: c.spec.style ?? 'auto', now: NOW }).files, c.id).toEqual(text);
      }
    }
  });

  it('"now" only decides what counts as the future; it never reaches the output', () => {
    for (const c of listCases('golden')) {
      const a = generate(c.snapshotText, { now: NOW }).files;
      const b = generate(c.snapshotText, { now: new Date('2031-01-01T00:00:00Z') }).files;
      expect(b, c.id).toEqual(a);
    }
  });

  it('the process time zone and locale do not change a byte', () => {
    const cases = allCases();
    const expected = fingerprints(cases);
    const script = `
      import { generate } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/index.ts')).href)};
      import { createHash } from 'node:crypto';
      const cases = JSON.parse(process.env.LIQ_CASES);
      const out = {};
      for (const c of cases) {
        try {
          const a = generate(c.text, { style: c.style, now: new Date(${JSON.stringify(NOW.toISOString())}), timeZone: c.timeZone });
          out[c.id] = Object.values(a.files).map((f) => createHash('sha256').update(f).digest('hex'));
        } catch (e) {
          out[c.id] = ['error: ' + (e.code ?? String(e))];
        }
      }
      process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, out }));
    `;
    const payload = JSON.stringify(cases.map((c) => ({ id: c.id, text: c.snapshotText, style: c.spec.style ?? 'auto', timeZone: c.spec.timeZone ?? 'UTC' })));
    for (const [tz, lang] of [['America/Los_Angeles', 'en_US.UTF-8'], ['Asia/Kathmandu', 'de_DE.UTF-8'], ['Pacific/Kiritimati', 'C']] as const) {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
        env: { ...process.env, TZ: tz, LANG: lang, LC_ALL: lang, LIQ_CASES: payload },
        encoding: 'utf8',
      });
      const result = JSON.parse(stdout) as { tz: string; out: Record<string, string[]> };
      // ICU may report an alias (Asia/Katmandu), so only check that the zone is not UTC.
      expect(result.tz, 'the child really ran in another zone').not.toBe('UTC');
      expect(result.out, `TZ=${tz}`).toEqual(expected);
    }
  }, 60_000);

  it('the reader\u2019s time zone option does change the dates on the page (so the check above can fail)', () => {
    const c = allCases().find((x) => x.id === 'edge/non-utc-window')!;
    expect(generateCase(c).files.html).toContain('>April 3, 2026</time>');
    expect(generateCase(c, undefined, { timeZone: 'UTC' }).files.html).toContain('>April 2, 2026</time>');
  });
});

describe('different snapshots read differently', () => {
  const golden = listCases('golden');
  /** The first prose paragraph of the body (not a heading, list or table). */
  const lead = (body: string): string => body.split('\n\n').find((b) => !/^(#|[-*+] |\d+[.)] |\|)/.test(b)) ?? '';

  describe.each(STYLE_NAMES.map((s) => [s]))('%s', (style) => {
    const articles = golden.map((c) => ({ id: c.id, a: generateCase(c, style) }));

    it('headlines differ in more than their numbers for some pairs', () => {
      const stripped = new Set(articles.map(({ a }) => withoutFigures(a.title)));
      expect(stripped.size, [...stripped].join('\n')).toBeGreaterThan(1);
    });

    it('leads differ in more than their numbers for some pairs', () => {
      const stripped = new Set(articles.map(({ a }) => withoutFigures(lead(a.body))));
      expect(stripped.size, [...stripped].join('\n')).toBeGreaterThan(1);
    });

    it('no two bodies are the same text with the numbers swapped', () => {
      for (let i = 0; i < articles.length; i++) {
        for (let j = i + 1; j < articles.length; j++) {
          const [x, y] = [articles[i]!, articles[j]!];
          expect(withoutFigures(x.a.body), `${x.id} vs ${y.id}`).not.toBe(withoutFigures(y.a.body));
        }
      }
    });

    it('the variation seed differs between snapshots', () => {
      expect(new Set(articles.map(({ a }) => a.seed)).size).toBe(articles.length);
    });
  });
});
