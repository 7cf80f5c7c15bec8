/**
 * `generateEach` (the stage-by-stage batch the command uses) must give what
 * `generate` gives input by input, failures included, whatever their mix.
 */
import { describe, expect, it } from 'vitest';
import { generate, generateEach, type Generated } from '../src/generate.js';
import { FORMATS } from '../src/options.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { NOW, allCases, listInvalid } from './helpers.js';

const one = (input: unknown, options: Parameters<typeof generate>[1]): Generated => {
  try {
    return { ok: true, article: generate(input, options) };
  } catch (error) {
    return { ok: false, error };
  }
};

/** What a user sees of an outcome: every file (the chart aside: vega, test/chart.test.ts), or the error's code, message and issues. */
function seen(g: Generated): unknown {
  if (g.ok) return { basename: g.article.basename, files: Object.fromEntries(FORMATS.filter((f) => f !== 'svg').map((f) => [f, g.article.files[f]])) };
  const e = g.error as { code?: string; message?: string; issues?: unknown };
  return { code: e.code, message: e.message, issues: e.issues };
}

describe('generateEach', () => {
  const inputs: unknown[] = [
    ...allCases().map((c) => c.snapshotText),
    ...listInvalid().map((c) => c.text),
    // Values as well as text, and a failure between two good ones.
    JSON.parse(allCases()[0]!.snapshotText),
    { schemaVersion: 1 },
    undefined,
    allCases()[1]!.snapshotText,
  ];

  for (const style of ['auto', ...STYLE_NAMES] as const) {
    it(`gives every input the files or the error generate gives it (${style})`, () => {
      const options = { style, now: NOW };
      const batch = generateEach(inputs, options);
      expect(batch).toHaveLength(inputs.length);
      expect(batch.map(seen)).toEqual(inputs.map((x) => seen(one(x, options))));
    });
  }

  it('keeps failures apart: bad inputs fail, and the good ones around them still render', () => {
    const batch = generateEach(inputs, { now: NOW });
    const bad = listInvalid().length + 2;
    expect(batch.filter((g) => !g.ok)).toHaveLength(bad);
    expect(batch.at(-1)!.ok).toBe(true);
    expect(batch.at(-4)!.ok).toBe(true);
  });

  it('refuses bad options for the whole call, as generate does', () => {
    expect(() => generateEach(inputs, { style: 'sonnet' as never, now: NOW })).toThrow(/unknown style "sonnet"/);
  });
});
