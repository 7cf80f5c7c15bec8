/**
 * `--format txt`: the newsletter as plain text. What a reader of the
 * text/plain part would notice: the same content as the article (headline,
 * TL;DR, the "By the numbers" table, every section of the body, disclaimer,
 * source), lines of at most 78 columns, no figure or URL broken across
 * lines, and no Markdown syntax left over.
 */
import { describe, it, expect } from 'vitest';
import { STYLE_NAMES, type Article, type StyleName } from '../src/index.js';
import { allClaims } from '../src/generate.js';
import { figuresIn, findProblems } from '../src/check/figures.js';
import { columns, wrapText } from '../src/formats/text/wrap.js';
import { markdownToTextBlocks } from '../src/formats/text/plain.js';
import { allCases, generateCase, whitespaceProblems, LEAKS, type FixtureCase } from './helpers.js';

const BASE = 'https://news.example.com/liquidations';

interface Rendered {
  c: FixtureCase;
  style: StyleName;
  a: Article;
  txt: string;
}

// One generated set for the whole file: every golden and edge fixture in every style.
const ALL: Rendered[] = allCases().flatMap((c) =>
  STYLE_NAMES.map((style) => {
    const a = generateCase(c, style, { baseUrl: BASE });
    return { c, style, a, txt: a.files.txt };
  }),
);
const cases = ALL.map((r) => [`${r.c.id} ${r.style}`, r] as const);

/** A URL between angle brackets, the only thing allowed to run past column 78 (on a line of its own). */
const URL_TOKEN = /<https?:\/\/[^\s>]+>/g;

/** Lines of the table under "By the numbers", from its header row to the "All coins" row. */
function breakdownTable(txt: string): string[] {
  const lines = txt.split('\n');
  const start = lines.findIndex((l) => /^Coin\s+(Longs\s+)?(Shorts\s+)?Total\s+Share(\s+Price change)?$/.test(l));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('All coins'));
  return lines.slice(start, end + 1);
}

/** The related links the article's body makes (not every style lists them). */
const linked = (a: Article): { title: string; url: string }[] => a.facts.related.filter((r) => a.body.includes(`](${r.url})`));

describe.each(cases)('txt of %s', (_name, { c, a, txt }) => {
  it('is clean plain text: LF, one final newline, no trailing spaces, no missing values', () => {
    expect(whitespaceProblems(txt)).toEqual([]);
    expect(LEAKS.exec(txt)?.[0]).toBeUndefined();
    expect(txt).not.toMatch(/&(?:[a-z]+|#\d+);/);
  });

  it('wraps at 78 columns without breaking a figure or a URL', () => {
    for (const line of txt.split('\n')) {
      if (columns(line) > 78) expect(line.trim().replace(URL_TOKEN, ''), `line over 78 columns: ${line}`).toMatch(/^[-.]?$/);
    }
    // A figure with a space in it ("$1.08 billion") is found as often with the line breaks in place as without them.
    const flat = txt.replace(/\s+/g, ' ');
    for (const { figure } of figuresIn(a.body).filter((f) => f.figure.includes(' '))) {
      expect(txt.split(figure).length, `"${figure}" is split across lines`).toBe(flat.split(figure).length);
    }
    for (const r of linked(a)) expect(txt).toContain(`<${r.url}>`);
  });

  it('states only figures the facts hold', () => {
    expect(findProblems(txt.replace(URL_TOKEN, ' '), allClaims(a.facts))).toEqual([]);
  });

  it('opens with the headline, underlined, and the date', () => {
    const [first, ...rest] = txt.split('\n');
    const headline = [first!, ...rest.slice(0, rest.findIndex((l) => /^=+$/.test(l)))].join(' ');
    expect(headline).toBe(a.title.replace(/:\/\//g, '[:]//'));
    expect(txt).toContain(`\n${a.facts.window.endDate}\n`);
  });

  it('has a TL;DR, the table by coin with its figures right-aligned, a disclaimer and the source', () => {
    if (a.facts.total.value > 0) expect(txt).toMatch(/^TL;DR\n-----\n/m);
    expect(txt).toMatch(/^Disclaimer: /m);
    expect(txt).toMatch(/^Source: /m);
    expect(txt).toContain(`Read it on the web:`);
    expect(txt.replace(/\s+/g, ' ')).toContain(`<${BASE}/${a.basename}/>`);
    if (a.facts.assets.length === 0 || a.facts.total.value === 0) return;
    const table = breakdownTable(txt);
    if (table.length === 0) {
      // Too wide for 78 columns: one line per row, each figure named by its column.
      for (const asset of a.facts.assets.slice(0, 10)) expect(txt).toContain(`\n- ${asset.symbol}: `);
      expect(txt.replace(/\s+/g, ' ')).toContain(`- All coins: `);
      expect(txt.replace(/\s+/g, ' ')).toContain(`total ${a.facts.total.text.replace(/^at least /, '')}, share 100%`);
      return;
    }
    // Header, rule, one row per coin (at most ten), the rest of the market when they do not cover it, the total.
    const rest = a.facts.tables.assets!.rows.some((r) => r.kind === 'rest') ? 1 : 0;
    expect(table.length, 'the table by coin').toBe(Math.min(a.facts.assets.length, 10) + rest + 3);
    const header = table[0]!;
    const rightEdge = (label: string): number => header.indexOf(label) + label.length;
    const hasChange = header.endsWith('Price change');
    for (const [i, asset] of a.facts.assets.slice(0, 10).entries()) {
      const row = table[i + 2]!;
      expect(row.startsWith(`${asset.symbol} `)).toBe(true);
      // Each figure ends where its column's header ends.
      const total = asset.total.text.replace(/^at least /, '');
      expect(row.lastIndexOf(total) + total.length, row).toBe(rightEdge('Total'));
      if (!hasChange) {
        expect(row.length, row).toBe(rightEdge('Share'));
        expect(row.endsWith(asset.share.text)).toBe(true);
      } else expect(row.endsWith(asset.price ? asset.price.change.text : '–'), row).toBe(true);
    }
    expect(table.at(-1)!.lastIndexOf(a.facts.total.text.replace(/^at least /, '')) + a.facts.total.text.replace(/^at least /, '').length).toBe(rightEdge('Total'));
  });

  it('keeps every section of the article and drops only the table of contents', () => {
    const headings = [...a.body.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!).filter((h) => h !== 'Table of Contents');
    for (const h of headings) expect(txt, h).toMatch(new RegExp(`^${h.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`, 'm'));
    expect(txt).not.toContain('Table of Contents');
  });

  it.runIf(c.name !== 'hostile-strings')('leaves no Markdown syntax behind', () => {
    expect(txt).not.toContain('**');
    expect(txt).not.toMatch(/\\[^\n]/);
    expect(txt).not.toMatch(/\]\(|^#{1,6} |^\s*\*\s/m);
    // A link is "title <url>".
    for (const r of linked(a)) expect(txt.replace(/\s+/g, ' ')).toContain(`${r.title} <${r.url}>`);
  });
});

describe('txt and hostile snapshot strings', () => {
  const hostile = ALL.filter((r) => r.c.name === 'hostile-strings');

  it('prints snapshot text as it is, with no web address a mail client would link and no merge tag', () => {
    for (const { txt } of hostile) {
      expect(txt).toContain('<script>alert(1)</script>');
      expect(txt).not.toMatch(/&lt;|&#/);
      // "://" only inside the <url> of a link the article makes.
      expect(txt.replace(URL_TOKEN, '')).not.toContain('://');
      expect(txt).not.toMatch(/\{\{|\{%|\{#/);
    }
  });
});

describe('txt is stable', () => {
  it('gives the same bytes for the same input', () => {
    const { c, style, txt } = ALL[0]!;
    expect(generateCase(c, style, { baseUrl: BASE }).files.txt).toBe(txt);
  });

  it('has no stamp (it is sent out verbatim)', () => {
    for (const { txt } of ALL) expect(txt).not.toMatch(/sha256:/);
  });
});

describe('Markdown to plain text', () => {
  it('turns a GFM table into aligned columns, a link into "title <url>", and drops escapes and emphasis', () => {
    const md = '## The \\*Numbers\\*\n\n| Asset | Total |\n| --- | ---: |\n| BTC | $469 million |\n| SOL | $71.5 million |\n\n**Also Read:** [A \\[guide\\]](https://example.com/g) and *more* &lt;here&gt;\n\n1. one\n2. two\n';
    expect(markdownToTextBlocks(md)).toEqual([
      ['The *Numbers*', '-------------'],
      ['Asset          Total', 'BTC     $469 million', 'SOL    $71.5 million'],
      ['Also Read: A [guide] <https://example.com/g> and more <here>'],
      ['1. one', '2. two'],
    ]);
  });

  it('never breaks a figure and gives an overlong URL its own line', () => {
    const url = `https://example.com/${'x'.repeat(80)}`;
    expect(wrapText(`${'word '.repeat(14)}worth $1.08 billion, see <${url}>`, 78)).toEqual([
      `${'word '.repeat(14)}worth`,
      '$1.08 billion, see',
      `<${url}>`,
    ]);
  });
});
