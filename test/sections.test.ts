/**
 * Sections on demand (issue 11 item 2): `--sections` and the library's
 * `sections` add or remove the key takeaways (`tldr`), the "By the numbers"
 * tables (`table`) and the FAQ (`faq`) in every style; each style's default
 * stays its seed's format, byte for byte; a bad value is a usage error that
 * names it. What a reader would notice: the section is there or not, in
 * the page as in the Markdown, its anchors work, the FAQ feeds
 * `--faq-jsonld`, the text still passes both checks and both linters.
 */
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { LiqnewsError, STYLE_NAMES, generate, type Article, type StyleName } from '../src/index.js';
import { defaultSections, parseSections } from '../src/plan/sections.js';
import { allCases, generateCase, listCases, runCli, ROOT, NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { adversarialSnapshot } from './adversarial-snapshots.js';
import { textDefects } from './text-defects.js';

const ALL_ON = '+tldr,+table,+faq';
const ALL_OFF = '-tldr,-table,-faq';

/** The markers a reader sees for each section in the Markdown body. */
const hasTldr = (body: string): boolean => /^## TL;DR$/m.test(body) || /^\*\*TL;DR:\*\*$/m.test(body);
const hasTable = (body: string): boolean => /^## By the numbers$/m.test(body);
const hasFaq = (body: string): boolean => /^## FAQs$/m.test(body);
/** The three key-takeaway bullets: the list right after the TL;DR heading or label. */
const tldrBullets = (body: string): string[] => {
  const m = /^(?:## TL;DR|\*\*TL;DR:\*\*)\n\n((?:- .*\n)+)/m.exec(body);
  return m ? m[1]!.trim().split('\n') : [];
};

const withData = allCases().filter((c) => JSON.parse(c.snapshotText).totals.usd > 0);

describe('each style keeps its seed format by default', () => {
  it('defaults: the TL;DR in tldr, the FAQ in explainer, no table or chart anywhere', () => {
    expect(Object.fromEntries(STYLE_NAMES.map((s) => [s, defaultSections(s)]))).toEqual({
      bulletin: { tldr: false, table: false, chart: false, faq: false },
      recap: { tldr: false, table: false, chart: false, faq: false },
      tldr: { tldr: true, table: false, chart: false, faq: false },
      analysis: { tldr: false, table: false, chart: false, faq: false },
      explainer: { tldr: false, table: false, chart: false, faq: true },
    });
  });

  it('asking for the default, in either syntax, gives the golden files byte for byte', () => {
    for (const c of listCases('golden')) {
      const style = c.spec.style as StyleName;
      const d = defaultSections(style);
      const exact = (Object.keys(d) as (keyof typeof d)[]).filter((k) => d[k]);
      for (const sections of [undefined, exact.join(',') || 'none', exact, { table: false }]) {
        const a = generateCase(c, style, sections === undefined ? {} : { sections });
        expect(a.files.md, `${c.id} ${JSON.stringify(sections)}`).toBe(readFileSync(join(c.dir, 'expected', 'article.md'), 'utf8'));
        expect(a.files.html, `${c.id} ${JSON.stringify(sections)}`).toBe(readFileSync(join(c.dir, 'expected', 'article.html'), 'utf8'));
      }
    }
  });
});

describe.each(STYLE_NAMES.map((s) => [s]))('the %s style', (style) => {
  const on = withData.map((c) => ({ c, a: generateCase(c, style, { sections: ALL_ON }) }));
  const off = withData.map((c) => ({ c, a: generateCase(c, style, { sections: ALL_OFF }) }));

  it('+tldr,+table,+faq: every section is there, in the page too, with three takeaways', () => {
    for (const { c, a } of on) {
      expect(hasTldr(a.body), c.id).toBe(true);
      expect(tldrBullets(a.body), c.id).toHaveLength(3);
      expect(hasFaq(a.body), c.id).toBe(true);
      expect(a.files.html, c.id).toMatch(/<h2 id="faqs">FAQs<\/h2>/);
      const tables = a.facts.tables.assets || a.facts.tables.venues;
      expect(hasTable(a.body), c.id).toBe(Boolean(tables));
      if (tables) expect(a.files.html, c.id).toMatch(/<h2 id="by-the-numbers">By the numbers<\/h2>\n<div class="table-scroll">\n<table>/);
    }
  });

  it('-tldr,-table,-faq: none of them is left', () => {
    for (const { c, a } of off) {
      expect(hasTldr(a.body), c.id).toBe(false);
      expect(hasTable(a.body), c.id).toBe(false);
      expect(hasFaq(a.body), c.id).toBe(false);
      expect(a.body).not.toContain('(#tldr)');
    }
  });

  it('each section alone adds only itself', () => {
    const c = withData[0]!;
    const base = generateCase(c, style, { sections: 'none' }).body;
    expect([hasTldr(base), hasTable(base), hasFaq(base)]).toEqual([false, false, false]);
    const only = (s: string): boolean[] => {
      const b = generateCase(c, style, { sections: s }).body;
      return [hasTldr(b), hasTable(b), hasFaq(b)];
    };
    expect(only('tldr')).toEqual([true, false, false]);
    expect(only('table')).toEqual([false, true, false]);
    expect(only('faq')).toEqual([false, false, true]);
  });

  it('the table of contents and every in-page link still land on a heading (GitHub heading ids)', () => {
    for (const { c, a } of on) {
      const ids = new Set([...a.files.html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((m) => m[1]));
      for (const [, anchor] of a.body.matchAll(/\]\(#([^)]+)\)/g)) expect(ids.has(anchor), `${c.id}: #${anchor}`).toBe(true);
    }
    if (style === 'tldr') {
      const body = on[0]!.a.body;
      expect(body).toContain('- [By the numbers](#by-the-numbers)');
      expect(body).toContain('- [FAQs](#faqs)');
    }
  });

  it('--faq-jsonld gives the page a FAQPage whose questions are the FAQ headings', () => {
    const a = generateCase(withData[0]!, style, { sections: '+faq', faqJsonLd: true });
    const ld = [...a.files.html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    const faq = ld.find((x) => x['@type'] === 'FAQPage') as { mainEntity: { name: string }[] } | undefined;
    expect(faq).toBeDefined();
    const questions = [...a.body.slice(a.body.indexOf('## FAQs')).matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(faq!.mainEntity.map((q) => q.name)).toEqual(questions.slice(0, faq!.mainEntity.length));
    expect(faq!.mainEntity.length).toBeGreaterThanOrEqual(3);
  });

  it('random snapshots with every section pass the claim and statement checks and read cleanly', () => {
    const problems: string[] = [];
    for (let i = 0; i < 120; i++) {
      // Random snapshots, and every third one adversarial: names with figures, Markdown, pipes and entities.
      const seed = 4200 + i;
      let a: Article;
      try {
        a = generate(i % 3 === 2 ? adversarialSnapshot(seed) : randomSnapshot(seed), { style, now: NOW, sections: ALL_ON });
      } catch (e) {
        problems.push(`seed ${seed}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      for (const p of textDefects(a.title, a.description, a.body)) problems.push(`seed ${seed}: ${p}`);
      if (a.facts.total.value > 0 && tldrBullets(a.body).length !== 3) problems.push(`seed ${seed}: not three takeaways`);
    }
    expect(problems).toEqual([]);
  });
});

describe('linters with every section on', () => {
  const docs = withData.flatMap((c) => STYLE_NAMES.map((style) => ({ name: `${c.group}-${c.name}-${style}`, a: generateCase(c, style, { sections: ALL_ON }) })));

  it('markdownlint-cli2 reports nothing (the project settings)', async () => {
    const { main } = (await import('markdownlint-cli2' as string)) as { main: (p: Record<string, unknown>) => Promise<number> };
    const errors: string[] = [];
    const code = await main({
      directory: ROOT,
      argv: [],
      nonFileContents: Object.fromEntries(docs.map(({ name, a }) => [join(ROOT, 'lint', `${name}.md`), a.files.md])),
      logMessage: () => undefined,
      logError: (line: string) => errors.push(line),
    });
    expect(errors).toEqual([]);
    expect(code).toBe(0);
  });

  it('html-validate reports nothing on the page (recommended) or the e-mail (mail settings)', () => {
    const read = (p: string): ConfigData => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as ConfigData;
    const page = new HtmlValidate(read('.htmlvalidate.json'));
    const mail = new HtmlValidate(read('test/htmlvalidate-email.json'));
    const messages = docs.flatMap(({ name, a }) => [
      ...page.validateStringSync(a.files.html, `${name}.html`).results.flatMap((r) => r.messages.map((m) => `${name}.html:${m.line} ${m.ruleId} ${m.message}`)),
      ...mail.validateStringSync(a.files.email, `${name}.email.html`).results.flatMap((r) => r.messages.map((m) => `${name}.email.html:${m.line} ${m.ruleId} ${m.message}`)),
    ]);
    expect(messages).toEqual([]);
  });
});

describe('mail shows each section once', () => {
  it('the body takeaways are the mail TL;DR, and the table is printed once, after it', () => {
    const c = withData[0]!;
    const a = generateCase(c, 'bulletin', { sections: ALL_ON });
    expect(a.files.txt.match(/^TL;DR$/gm)).toHaveLength(1);
    expect(a.files.txt.match(/^By the numbers$/gm)).toHaveLength(1);
    expect(a.files.txt.indexOf('TL;DR')).toBeLessThan(a.files.txt.indexOf('By the numbers'));
    expect(a.files.email.match(/>By the numbers<\/h2>/g)).toHaveLength(1);
    expect(a.files.email.match(/>TL;DR<\/h2>/g)).toHaveLength(1);
    // What follows the table in the body is still in the mail: bulletin's hashtags after the table, with no FAQ between.
    const b = generateCase(c, 'bulletin', { sections: '+table' });
    const tags = b.body.trim().split('\n').at(-1)!.replace(/^\\/, '');
    expect(b.files.txt).toContain(tags.split(' ')[1]!);
    expect(b.files.txt.match(/^By the numbers$/gm)).toHaveLength(1);
  });
});

describe('the sections syntax', () => {
  it('reads changes, exact lists and none', () => {
    expect(parseSections('+table,-faq')).toEqual({ tldr: null, table: true, chart: null, faq: false });
    expect(parseSections('tldr, TABLE')).toEqual({ tldr: true, table: true, chart: false, faq: false });
    expect(parseSections('+chart')).toEqual({ tldr: null, table: null, chart: true, faq: null });
    expect(parseSections('none')).toEqual({ tldr: false, table: false, chart: false, faq: false });
  });

  it('names the bad value', () => {
    expect(parseSections('+tabel')).toBe('unknown section "tabel"; sections: tldr, table, chart, faq');
    expect(parseSections('+charts')).toBe('unknown section "charts"; sections: tldr, table, chart, faq');
    expect(parseSections('+table,faq')).toMatch(/mixes \+\/- changes with bare names/);
    expect(parseSections('+faq,-faq')).toMatch(/"faq" is both added and removed/);
    expect(parseSections('table,,faq')).toMatch(/an empty name/);
  });

  it('the library refuses a bad option with INVALID_OPTION naming it', () => {
    const text = withData[0]!.snapshotText;
    for (const [sections, named] of [['+tabel', 'tabel'], [['tldr', 'charts'], 'charts'], [{ faqs: true }, 'faqs']] as const) {
      let err: unknown;
      try {
        generate(text, { now: NOW, sections: sections as never });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LiqnewsError);
      expect((err as LiqnewsError).code).toBe('INVALID_OPTION');
      expect((err as Error).message).toContain(`"${named}"`);
    }
  });

  it('the library takes a list or an object as well as the string', () => {
    const text = withData[0]!.snapshotText;
    const body = (sections: unknown): string => generate(text, { style: 'recap', now: NOW, sections: sections as never }).body;
    expect(body(['table'])).toBe(body('table'));
    expect(body({ faq: true })).toBe(body('+faq'));
  });
});

describe('liqnews render --sections', () => {
  const file = join(listCases('golden')[0]!.dir, 'snapshot.json');

  it('an invalid value is a usage error (exit 2) that names the value, and writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'liqnews-sections-'));
    try {
      for (const [value, named] of [['+tabel', '"tabel"'], ['charts', '"charts"'], ['+table,faq', '"+table,faq"']]) {
        const r = await runCli(['render', file, '--sections', value!, '--out', out, '--now', NOW.toISOString()]);
        expect(r.code, value).toBe(2);
        expect(r.err, value).toContain(named);
        expect(r.out).toBe('');
      }
      expect(readdirSafe(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('adds the sections to the article it writes, and says so in --help', async () => {
    const r = await runCli(['render', file, '--sections', '+table,+faq', '--stdout', '--format', 'md', '--now', NOW.toISOString(), '--no-history']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^## By the numbers$/m);
    expect(r.out).toMatch(/^## FAQs$/m);
    const help = await runCli(['render', '--help']);
    expect(help.out).toContain('--sections LIST');
    expect(help.out).toContain('+table,-faq');
  });
});

/** The files a run left in a folder (its hidden lock and history files aside). */
function readdirSafe(dir: string): string[] {
  return readdirSync(dir).filter((f) => !f.startsWith('.'));
}
