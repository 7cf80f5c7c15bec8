import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { alt, pick } from '../src/render/helpers/pick.js';
import { prepareTemplate, COMPILE_OPTIONS } from '../src/render/templates.js';

function compile(source: string, strip = false): (seed: number, ctx?: object) => string {
  const hb = Handlebars.create();
  let rendered = 0;
  hb.registerHelper({ pick, alt, mark: () => String(++rendered) });
  const t = hb.compile(prepareTemplate(Handlebars, source, 'test', strip), COMPILE_OPTIONS);
  return (seed, ctx = {}) => t(ctx, { data: { seed } });
}

describe('{{#pick}}', () => {
  const three = compile('{{#pick "s"}}one{{else alt}}two{{else alt}}three{{/pick}}');

  it('renders exactly one alternative, the same one for the same seed', () => {
    for (let seed = 0; seed < 50; seed++) {
      expect(['one', 'two', 'three']).toContain(three(seed));
      expect(three(seed)).toBe(three(seed));
    }
  });

  it('reaches every alternative, first, middle and last, across seeds', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, seed) => three(seed)));
    expect([...seen].sort()).toEqual(['one', 'three', 'two']);
  });

  it('renders the chosen alternative only: helpers in the others never run', () => {
    // {{mark}} counts its calls: the one after the pick is the second, whichever alternative was chosen.
    for (const seed of [1, 7, 12, 40]) {
      const out = compile('{{#pick "s"}}{{mark}}{{else alt}}{{mark}}{{else alt}}{{mark}}{{/pick}}-{{mark}}')(seed);
      expect(out).toBe('1-2');
    }
  });

  it('lets slots inside a chosen alternative choose for themselves', () => {
    const t = compile('{{#pick "outer"}}A{{#pick "inner"}}x{{else alt}}y{{/pick}}{{else alt}}B{{#pick "inner"}}x{{else alt}}y{{/pick}}{{/pick}}');
    const seen = new Set(Array.from({ length: 200 }, (_, seed) => t(seed)));
    expect([...seen].sort()).toEqual(['Ax', 'Ay', 'Bx', 'By']);
  });

  it('chooses the same with or without source positions (tests compile with them, the build without)', () => {
    const stripped = compile('{{#pick "s"}}one{{else alt}}two{{else alt}}three{{/pick}}', true);
    for (let seed = 0; seed < 50; seed++) expect(stripped(seed)).toBe(three(seed));
  });

  it('refuses an {{else alt}} that does not continue a pick', () => {
    expect(() => compile('{{#if x}}a{{else alt}}b{{/if}}')).toThrow(/\{\{else alt\}\} follows \{\{#if\}\}, not \{\{#pick\}\}/);
  });

  it('says how to compile a template whose picks were not counted', () => {
    const hb = Handlebars.create();
    hb.registerHelper({ pick, alt });
    const t = hb.compile('{{#pick "s"}}a{{else alt}}b{{/pick}}', COMPILE_OPTIONS);
    expect(() => t({}, { data: { seed: 1 } })).toThrow(/compiled without prepareTemplate/);
  });

  it('refuses to render without a seed', () => {
    const hb = Handlebars.create();
    hb.registerHelper({ pick, alt });
    const t = hb.compile(prepareTemplate(Handlebars, '{{#pick "s"}}a{{else alt}}b{{/pick}}', 'test'), COMPILE_OPTIONS);
    expect(() => t({})).toThrow(/no seed/);
  });
});
