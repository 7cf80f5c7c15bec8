/**
 * The HTML body writes plain paragraphs and headings itself and hands the
 * rest to marked (src/render/html.ts). A reader must not be able to tell:
 * the page is byte for byte what marked alone gives, for every article the
 * product writes and for the Markdown shapes around the plain-block rule.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { markdownToHtml, markdownToHtmlByMarked } from '../src/render/html.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { prng } from './prng.js';
// @ts-expect-error: the benchmark's snapshot generator is plain JavaScript without types.
import { snapshot as benchSnapshot } from '../bench/make-inputs.js';

const bench = (i: number): unknown => (benchSnapshot as (i: number, rnd: () => number) => unknown)(i, prng(500 + i));

describe('Markdown to HTML, plain blocks written directly', () => {
  it('gives what marked gives for generated articles in every style', () => {
    const inputs = [...Array.from({ length: 120 }, (_, i) => randomSnapshot(7000 + i)), ...Array.from({ length: 120 }, (_, i) => bench(i))];
    let plainBlocks = 0;
    for (const snap of inputs) {
      for (const style of STYLE_NAMES) {
        const { body } = generate(snap, { now: NOW, style });
        expect(markdownToHtml(body)).toBe(markdownToHtmlByMarked(body));
        plainBlocks += body.split('\n\n').filter((b) => /^[A-Za-z]/.test(b)).length;
      }
    }
    expect(plainBlocks).toBeGreaterThan(1000); // the direct path was exercised, not bypassed
  });

  const cases = [
    'He said "hi" and it\'s fine — really',
    '## A "quoted" heading it\'s\n\nText',
    '## Closing hashes ##\n\nText',
    '### Deep heading\n\n#### Deeper\n\n####### seven is text',
    '#NoSpace is a paragraph',
    '\u00a0starts with a no-break space',
    '\ufeffa byte-order mark',
    'Ends with two spaces  \n\nnext',
    'Line one\nline two\n\nPara',
    '- a\n- b\n\nPara after a list\n\n- c',
    '1. one\n2. two\n\nPara\n\n3. three',
    '2025 was a year\n\n1) item',
    '> quoted\n\nPara',
    'Para\n\n    indented code\n\nPara',
    'Para\n\n```\nfenced\n\nstill fenced\n```\n\nPara',
    'Para\n\n<!-- a comment\n\nthat spans -->\n\nPara',
    '[ref] used before\n\nPara\n\n[ref]: https://example.com',
    'Title\n===\n\nSub\n---\n\nPara',
    'Para\n\n---\n\nPara',
    '| a | b |\n| - | - |\n| 1 | 2 |\n\nPara',
    'Text with **bold** and _em_ and `code`\n\nplain',
    'A link [here](https://example.com) and www.example.com and https://example.com',
    'javascript: is text\n\njavascript&#58; too',
    'Amp & ersand, &amp; and &#38;',
    '(Parenthesis) and $100 and “curly quotes”\n\n🔹 emoji start',
    'Para\n\n\n\nafter extra blank lines\n\n\n',
    'Para\n   \nafter a blank line of spaces',
    'Tab\tinside\n\nnext',
    'Line\u2028separator',
    // Spans, escapes, links and lists the direct path writes (and near misses it leaves to marked).
    '**The tally** — plain words after a bold lead-in',
    '**Disclaimer:** a lead-in ending in a colon',
    '*A whole line in italics.*',
    '**Bold**, then a comma and **bold**. Then a stop',
    '**Bold**x glued to a letter, *em*y too',
    'Text **bold** mid-line and *em* mid-line',
    'Text** not bold** and **not bold **',
    '**a*b** and *a**b* and ***triple***',
    '** spaced ** and * spaced *',
    '**Disclaimer:**glued after punctuation',
    '*em*: after a span, a colon; **b**) a parenthesis; *c*? a question',
    '🔹 **Emoji lead:** then text\n🔸 second line of the same paragraph',
    'First line\n**Second line** in bold',
    '\\#CryptoLiquidations #BTC \\#ETH',
    '\\* not a list, \\_ not emphasis, \\& and \\< and \\> and \\" and \\\' escaped',
    'A backslash \\ before a space, and one at the end \\',
    'Fear & Greed, R&D, &amp; and & at the end &',
    '- [TL;DR](#tldr)\n- [How the Losses Stacked Up](#how-the-losses-stacked-up)',
    '**Also Read:** [One](http://example.com/news/1-0?ref=liqnews&page=0) · [Two](https://example.com/a/b)',
    '[Lead link](#top) at the start, [another](https://example.com) mid-line',
    '[Bad](javascript:alert(1)) and [spaced](https://example.com/a b) and [](#empty)',
    '[Text with *em*](#x) and [a](#x)(b)',
    '- A plain item.\n- **Bold:** item\n- *em* item',
    '- item\n  continued',
    '- item\n-not an item',
    '- \n- empty item',
    '- # heading in an item\n- - nested',
    '-  two spaces',
    'Para\n- list right after a line',
    '"Quoted" and \'single\' with **"quoted bold"**',
    '',
    '\n\n',
  ];
  it.each(cases.map((c) => [JSON.stringify(c).slice(0, 60), c]))('gives what marked gives: %s', (_label, md) => {
    expect(markdownToHtml(md)).toBe(markdownToHtmlByMarked(md));
  });
});
