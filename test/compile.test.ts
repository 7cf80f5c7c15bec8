/**
 * The template compiler (src/render/compile.ts) against Handlebars itself:
 * the same templates, run by both, must give the same text, construct by
 * construct and for whole articles; and what the compiler does not support
 * must fail at compile time with the template, the line and the reason.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compileSource, TemplateCompileError } from '../src/render/compile.js';
import * as runtime from '../src/render/runtime.js';
import { HELPERS, registry, TEMPLATE_DIR, type Registry } from '../src/render/templates.js';
import { parseSnapshot } from '../src/snapshot/parse.js';
import { deriveFacts } from '../src/facts/derive.js';
import { viewsOf } from '../src/render/markdown.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { seedOf } from '../src/plan/plan.js';
import { allCases, NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { COMPILE_OPTIONS, handlebarsRegistry, prepareTemplate } from './oracle/handlebars.js';
import { alt, pick } from './oracle/pick-helpers.js';

type Render = (ctx: unknown, seed?: number) => string;

/** One template and its partials, compiled by ours. */
function ours(source: string, partials: Record<string, string> = {}, extra: Record<string, (...a: never[]) => unknown> = {}): Render {
  const helpers = { ...HELPERS, ...extra };
  const scope = { helpers: new Set(Object.keys(helpers)), partials: new Map(Object.keys(partials).map((n, i) => [n, `p${i}`])) };
  const fns = Object.entries(partials).map(([n, s], i) => `function p${i}(c, d) {\n${compileSource(Handlebars, s, n, scope)}\n}`);
  const main = compileSource(Handlebars, source, 'test', scope);
  const names = Object.keys(runtime).join(', ');
  const build = new Function('rt', 'H', `const { ${names} } = rt;\n${fns.join('\n')}\nreturn function (c, d) {\n${main}\n};`) as (rt: unknown, h: unknown) => (c: unknown, d: unknown) => string;
  const fn = build(runtime, helpers);
  return (ctx, seed = 1) => fn(ctx, { seed, root: ctx });
}

/** The same, compiled and run by Handlebars. */
function theirs(source: string, partials: Record<string, string> = {}, extra: Record<string, (...a: never[]) => unknown> = {}): Render {
  const hb = Handlebars.create();
  hb.registerHelper({ pick, alt, ...(HELPERS as Record<string, Handlebars.HelperDelegate>), ...(extra as Record<string, Handlebars.HelperDelegate>) });
  for (const [n, s] of Object.entries(partials)) hb.registerPartial(n, hb.compile(prepareTemplate(s, n), COMPILE_OPTIONS));
  const t = hb.compile(prepareTemplate(source, 'test'), COMPILE_OPTIONS);
  return (ctx, seed = 1) => t(ctx, { data: { seed } });
}

const outcome = (r: Render, ctx: unknown, seed?: number): string => {
  try {
    return r(ctx, seed);
  } catch {
    return '(throws)';
  }
};

const CONTEXTS: unknown[] = [
  { a: { b: 'x', n: 0, list: [] }, flag: true, n: 3, s: 'text', list: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], none: null },
  { a: { b: '', n: 5, list: [1] }, flag: false, n: 0, s: '', list: [], none: null },
  { a: { b: 0, n: -1, list: [0, 0] }, flag: 0, n: 1.5, s: 'x', list: [{ name: '' }], none: undefined },
  { a: { b: false, n: 2, list: [[]] }, flag: [], n: -2, s: '0', list: [{ name: 0 }], none: 0 },
];

describe('compiled templates render as Handlebars does', () => {
  const cases: [string, string, Record<string, string>?][] = [
    ['text', 'plain text, "quoted", back\\slash and\nnew lines'],
    ['a printed path', '{{a.b}}|{{n}}|{{s}}|{{none}}|{{a.list}}|{{this.n}}'],
    ['data paths', '{{@root.n}}{{#with a}}{{@root.s}}:{{b}}{{/with}}'],
    ['if, else if and else', '{{#if flag}}F{{else if n}}N{{else if a.list}}L{{else}}none{{/if}}'],
    ['if on lists and zero', '{{#if a.list}}L{{/if}}{{#if a.n}}N{{/if}}{{#if list}}l{{/if}}{{#if none}}x{{/if}}'],
    ['unless', '{{#unless flag}}not{{else}}so{{/unless}}'],
    ['with, with else and zero', '{{#with a}}[{{b}}]{{else}}empty{{/with}}{{#with a.n}}({{this}}){{else}}no n{{/with}}{{#with none}}x{{else}}-{{/with}}'],
    // `{{@index}}:{{name}}`, not `{{@index}}{{name}}`: Handlebars adds two numbers printed side by side (see compile.ts).
    ['each with its data', '{{#each list}}{{@index}}:{{name}}{{#if @first}}^{{/if}}{{#if @last}}${{/if}}{{@root.n}},{{else}}nothing{{/each}}'],
    ['each over a list of lists', '{{#each a.list}}<{{this}}>{{/each}}'],
    ['helpers and subexpressions', '{{cap s}} {{#if (eq n 3)}}three{{/if}}{{#if (any flag (gt n 1) (not a.b))}}any{{/if}}{{#if (all flag n)}}all{{/if}} {{names list "name"}}'],
    ['helpers with literals', '{{join a.list "+"}}{{#if (ne s "x")}}not x{{/if}}{{#if (has list)}}has{{/if}}{{an "8.2%"}}'],
    [
      'standalone lines and whitespace control',
      'start\n{{#if flag}}\n  yes\n{{else}}\n  no\n{{/if}}\n  {{~ s ~}}  \n{{! a comment }}\nend {{#each list}}\n- {{name}}\n{{/each}}\n',
    ],
    ['partials, standalone and inline', 'a\n  {{> p}}\nb {{> p}} c{{#with a}}{{> q}}{{/with}}\n', { p: 'P{{n}}\nline two\n', q: '[{{b}}]' }],
    ['picks, nested', '{{#pick "one"}}A{{#pick "in"}}1{{else alt}}2{{/pick}}{{else alt}}B{{s}}{{else alt}}C{{/pick}}|{{#pick "two"}}x{{else alt}}y{{/pick}}'],
  ];
  for (const [what, source, partials] of cases) {
    it(what, () => {
      const a = ours(source, partials);
      const b = theirs(source, partials);
      for (const [i, ctx] of CONTEXTS.entries()) {
        for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) expect(outcome(a, ctx, seed), `context ${i}, seed ${seed}`).toBe(outcome(b, ctx, seed));
      }
    });
  }

  it('throws where Handlebars throws: a printed field the view lacks, a step through null', () => {
    expect(() => ours('{{a.missing}}')({ a: {} })).toThrow('test, line 1: "missing" not defined in {}');
    expect(() => ours('{{missing}}')({ a: {} })).toThrow('"missing" not defined in {a}');
    expect(() => theirs('{{a.missing}}')({ a: {} })).toThrow(/"missing" not defined/);
    expect(() => ours('{{#if none.x}}{{/if}}')({ none: null })).toThrow('"x" not defined in null');
    expect(() => theirs('{{#if none.x}}{{/if}}')({ none: null })).toThrow(TypeError);
  });

  it('is stricter than Handlebars: a misspelt field tested by a block or passed to a helper is an error too', () => {
    // Handlebars' strict mode lets these through as undefined: "Undefined", a silently false #if, an empty #each.
    expect(theirs('{{cap a.nmae}}')({ a: {} })).toBe('Undefined');
    expect(theirs('{{#if a.nmae}}x{{else}}no{{/if}}')({ a: {} })).toBe('no');
    for (const source of ['{{cap a.nmae}}', '{{#if a.nmae}}x{{/if}}', '{{#each a.nmae}}x{{/each}}', '{{#with a.nmae}}x{{/with}}', '{{#if (eq a.nmae 1)}}x{{/if}}']) {
      expect(() => ours(source)({ a: {} }), source).toThrow('test, line 1: "nmae" not defined in {}');
    }
    // A field that exists and holds nothing is fine, and a list index may run past the end.
    expect(ours('{{#if a.none}}x{{else}}none{{/if}}|{{#if a.list.[3]}}x{{else}}no 4th{{/if}}')({ a: { none: null, list: [1] } })).toBe('none|no 4th');
  });

  it('prints two numbers side by side as text, where Handlebars adds them', () => {
    expect(ours('{{#each list}}{{a}}{{b}}|{{/each}}')({ list: [{ a: 1, b: 2 }] })).toBe('12|');
    expect(theirs('{{#each list}}{{a}}{{b}}|{{/each}}')({ list: [{ a: 1, b: 2 }] })).toBe('3|');
  });

  it('reads field names that are not identifiers', () => {
    expect(ours('{{a.[x-y]}}|{{#if a.[x-y]}}yes{{/if}}')({ a: { 'x-y': 'dash' } })).toBe('dash|yes');
  });
});

describe('{{#pick}}', () => {
  const three = ours('{{#pick "s"}}one{{else alt}}two{{else alt}}three{{/pick}}');

  it('renders exactly one alternative, the same one for the same seed, and reaches each across seeds', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      expect(['one', 'two', 'three']).toContain(three({}, seed));
      expect(three({}, seed)).toBe(three({}, seed));
      seen.add(three({}, seed));
    }
    expect([...seen].sort()).toEqual(['one', 'three', 'two']);
  });

  it('renders the chosen alternative only: helpers in the others never run', () => {
    let calls = 0;
    const mark = (): string => String(++calls);
    for (const seed of [1, 7, 12, 40]) {
      calls = 0;
      expect(ours('{{#pick "s"}}{{mark 0}}{{else alt}}{{mark 0}}{{else alt}}{{mark 0}}{{/pick}}-{{mark 0}}', {}, { mark })({}, seed)).toBe('1-2');
    }
  });

  it('lets slots inside a chosen alternative choose for themselves', () => {
    const t = ours('{{#pick "outer"}}A{{#pick "inner"}}x{{else alt}}y{{/pick}}{{else alt}}B{{#pick "inner"}}x{{else alt}}y{{/pick}}{{/pick}}');
    const seen = new Set(Array.from({ length: 200 }, (_, seed) => t({}, seed)));
    expect([...seen].sort()).toEqual(['Ax', 'Ay', 'Bx', 'By']);
  });

  it('refuses to render without a seed', () => {
    expect(() => ours('{{#pick "s"}}a{{else alt}}b{{/pick}}')({}, 'none' as unknown as number)).toThrow(/no seed/);
  });
});

describe('what the compiler does not support fails at compile time, saying where and why', () => {
  const refusals: [string, RegExp][] = [
    ['{{#if x}}a{{else alt}}b{{/if}}', /test, line 1: \{\{else alt\}\} belongs directly inside \{\{#pick "slot"\}\}/],
    ['line\n{{#each list}}{{../n}}{{/each}}', /test, line 2: "..\/n": paths into an enclosing context/],
    ['{{cap s upper=true}}', /hash arguments/],
    ['{{shout s}}', /"shout" is not a helper/],
    ['{{#if (shout s)}}{{/if}}', /"shout" is not a helper/],
    ['{{> nowhere}}', /no partial named "nowhere"/],
    ['{{#each list as |item|}}{{item}}{{/each}}', /block parameters/],
    ['{{#custom x}}{{/custom}}', /#custom is not a block the templates can use/],
    ['{{#pick slot}}a{{/pick}}', /#pick takes one slot name in quotes/],
    ['{{#pick "s"}}a{{else}}b{{/pick}}', /only \{\{else alt\}\} branches/],
    ['{{#if a b}}{{/if}}', /#if takes exactly one argument/],
    ['{{cap}}', /names a helper without arguments/],
  ];
  for (const [source, message] of refusals) {
    it(source.replace(/\n/g, '⏎'), () => {
      expect(() => ours(source)).toThrow(TemplateCompileError);
      expect(() => ours(source)).toThrow(message);
    });
  }
});

describe('every template, for every fixture and random snapshots, in every style', () => {
  const mine = registry();
  const reference = handlebarsRegistry(TEMPLATE_DIR);
  const inputs = [
    ...allCases().map((c) => ({ label: c.id, text: c.snapshotText as unknown, seeds: 6 })),
    ...Array.from({ length: 120 }, (_, i) => ({ label: `random ${2000 + i}`, text: randomSnapshot(2000 + i) as unknown, seeds: 2 })),
  ];
  const parts = (reg: Registry, style: (typeof STYLE_NAMES)[number], views: ReturnType<typeof viewsOf>, seed: number): string[] => [
    reg.styles[style].headline(views.plain, { seed }),
    reg.description(views.plain, { seed }),
    reg.styles[style].body(views.md, { seed }),
  ];
  for (const style of STYLE_NAMES) {
    it(`${style}: the same text as Handlebars`, () => {
      let compared = 0;
      for (const { label, text, seeds } of inputs) {
        const snap = parseSnapshot(text, NOW);
        const views = viewsOf(deriveFacts(snap, { timeZone: 'UTC' }));
        for (let k = 0; k < seeds; k++) {
          const seed = (seedOf(snap) + k * 7919) >>> 0;
          expect(parts(mine, style, views, seed), `${label}, seed ${seed}`).toEqual(parts(reference, style, views, seed));
          compared++;
        }
        // The optional sections (--sections), every one on and every one off: the shared partials and their places.
        for (const on of [true, false]) {
          const sv = viewsOf(deriveFacts(snap, { timeZone: 'UTC' }), { tldr: on, table: on, chart: on, faq: on });
          expect(parts(mine, style, sv, seedOf(snap)), `${label}, sections ${on ? 'on' : 'off'}`).toEqual(parts(reference, style, sv, seedOf(snap)));
        }
      }
      expect(compared).toBe(inputs.reduce((n, i) => n + i.seeds, 0));
    });
  }
});

describe('a misspelt field in a real template', () => {
  it('fails the render with the template, the line and the fields the value has', async () => {
    const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-templates-'));
    try {
      cpSync(TEMPLATE_DIR, dir, { recursive: true });
      const file = join(dir, 'recap', 'leader.hbs');
      writeFileSync(file, `\n${readFileSync(file, 'utf8').replace('{{#with leader}}{{name}}', '{{#with leader}}{{nmae}}')}`);
      const snap = parseSnapshot(allCases()[0]!.snapshotText, NOW);
      const views = viewsOf(deriveFacts(snap, { timeZone: 'UTC' }));
      expect(() => registry(dir).styles.recap.body(views.md, { seed: 1 })).toThrow(/^recap\/leader, line 2: "nmae" not defined in \{symbol, name, label, /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
