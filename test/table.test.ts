/**
 * The "By the numbers" tables (issue 11 item 1), as a reader checks them:
 * the rows add up to the total the article states (or a note says why not),
 * a column with nothing in it is not there, the rest of the market has its
 * row, venues get a table of their own, every format prints the same
 * figures, and a figure in the table that the data does not hold is refused
 * like any other.
 */
import { describe, expect, it } from 'vitest';
import { LiqnewsError, generate, type Article } from '../src/index.js';
import { allClaims } from '../src/generate.js';
import { checkClaims, figuresIn } from '../src/check/figures.js';
import { quotesOf } from '../src/check/quotes.js';
import { cellValue, LOWER_BOUND_NOTE, ROUNDED_NOTE, NONE, type FactTable } from '../src/facts/table.js';
import { decodeEntities } from '../src/render/html.js';
import { NOW, allCases, generateCase } from './helpers.js';

const DAY = { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' };
const snapshot = (extra: Record<string, unknown>): Record<string, unknown> => ({ schemaVersion: 1, window: DAY, source: { name: 'CoinGlass' }, ...extra });
const render = (snap: unknown, style: 'bulletin' | 'recap' | 'tldr' | 'analysis' | 'explainer' = 'bulletin'): Article =>
  generate(snap, { style, now: NOW, sections: '+table' });

/** The Markdown tables of a body: each as rows of cells (header first, the rule left out). */
function markdownTables(body: string): string[][][] {
  const out: string[][][] = [];
  let cur: string[][] | null = null;
  for (const line of body.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line.slice(1, -1).split(/(?<!\\) \| /).map((c) => c.trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
      (cur ??= []).push(cells);
    } else if (cur) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The page's tables as rows of cell texts. */
function htmlTables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decodeEntities(c[1]!.replace(/<[^>]*>/g, '')))),
  );
}

const figuresOf = (rows: string[][]): string[] => rows.flatMap((r) => r.slice(1)).filter((c) => c !== NONE && /\d/.test(c));

describe('the rows add up to the stated total', () => {
  it('every fixture: the total row is the total the prose states, and each money column adds up or the note says it is rounded', () => {
    for (const c of allCases()) {
      const a = generateCase(c, 'bulletin', { sections: '+table' });
      for (const t of [a.facts.tables.assets, a.facts.tables.venues]) {
        if (!t) continue;
        const total = t.rows.at(-1)!;
        expect(total.kind).toBe('total');
        expect(total.cells.total, c.id).toBe(a.facts.total.text.replace(/^at least /, ''));
        expect(total.cells.share).toBe('100%');
        // What the reader sees is what the prose says: the total's display appears in the body outside the table too.
        expect(a.body.split('\n').some((l) => !l.startsWith('|') && l.includes(total.cells.total!)), c.id).toBe(true);
        for (const key of ['long', 'short', 'total'] as const) {
          const sum = t.rows.slice(0, -1).reduce((s, r) => s + cellValue(r.cells[key] ?? ''), 0);
          const shown = cellValue(total.cells[key] ?? '');
          const unit = shown < 100 ? 0.01 : 10 ** (Math.floor(Math.log10(shown || 1)) - 2);
          if (Math.abs(sum - shown) > unit / 2 + 1e-6) expect(t.notes, `${c.id} ${key}: ${sum} vs ${shown}`).toContain(ROUNDED_NOTE);
        }
      }
    }
  });

  it('figures that add up exactly need no note; the rest of the market makes up the difference', () => {
    const a = render(
      snapshot({
        totals: { usd: 1_000_000_000, longUsd: 700_000_000, shortUsd: 300_000_000 },
        assets: [
          { symbol: 'BTC', name: 'Bitcoin', longUsd: 400_000_000, shortUsd: 200_000_000 },
          { symbol: 'ETH', name: 'Ethereum', longUsd: 200_000_000, shortUsd: 50_000_000 },
        ],
      }),
    );
    const [coins] = markdownTables(a.body);
    expect(coins).toEqual([
      ['Coin', 'Longs', 'Shorts', 'Total', 'Share'],
      ['Bitcoin (BTC)', '$400 million', '$200 million', '$600 million', '60%'],
      ['Ethereum (ETH)', '$200 million', '$50 million', '$250 million', '25%'],
      ['Other coins', '$100 million', '$50 million', '$150 million', '15%'],
      ['All coins', '$700 million', '$300 million', '$1 billion', '100%'],
    ]);
    expect(a.facts.tables.assets!.notes).toEqual([]);
    expect(a.body).not.toContain(ROUNDED_NOTE);
  });

  it('when rounding keeps the rows from adding up, the table says so under it', () => {
    const a = render(
      snapshot({
        totals: { usd: 3_000_000, longUsd: 2_000_000, shortUsd: 1_000_000 },
        assets: [
          { symbol: 'AAA', longUsd: 666_666, shortUsd: 333_333 },
          { symbol: 'BBB', longUsd: 666_666, shortUsd: 333_333 },
          { symbol: 'CCC', longUsd: 666_668, shortUsd: 333_334 },
        ],
      }),
    );
    // $1 million + $1 million + $1 million is $3 million; but the shares are 33% three times.
    expect(a.facts.tables.assets!.rounded).toBe(true);
    expect(a.body).toContain(`|\n\n${ROUNDED_NOTE}`);
  });
});

describe('columns and rows', () => {
  it('a column with nothing in any row is left out whole: no prices, no longs', () => {
    const a = render(
      snapshot({
        totals: { usd: 200_000_000, longUsd: 0, shortUsd: 200_000_000 },
        assets: [
          { symbol: 'BTC', name: 'Bitcoin', longUsd: 0, shortUsd: 150_000_000 },
          { symbol: 'ETH', name: 'Ethereum', longUsd: 0, shortUsd: 50_000_000 },
        ],
      }),
    );
    const [coins] = markdownTables(a.body);
    expect(coins![0]).toEqual(['Coin', 'Shorts', 'Total', 'Share']);
    expect(a.files.txt).not.toMatch(/Longs|Price change/);
    // With one price the column comes back, a dash where a coin has none.
    const b = render(
      snapshot({
        totals: { usd: 200_000_000, longUsd: 0, shortUsd: 200_000_000 },
        assets: [
          { symbol: 'BTC', name: 'Bitcoin', longUsd: 0, shortUsd: 150_000_000, price: { open: 100_000, close: 104_000 } },
          { symbol: 'ETH', name: 'Ethereum', longUsd: 0, shortUsd: 50_000_000 },
        ],
      }),
    );
    const [withPrice] = markdownTables(b.body);
    expect(withPrice![0]).toEqual(['Coin', 'Shorts', 'Total', 'Share', 'Price change']);
    expect(withPrice![1]).toEqual(['Bitcoin (BTC)', '$150 million', '$150 million', '75%', '+4.0%']);
    expect(withPrice![2]!.at(-1)).toBe(NONE);
  });

  it('the rest of the market is a row of its own, and only when the named coins do not cover the total', () => {
    const covered = render(
      snapshot({ totals: { usd: 300_000_000, longUsd: 200_000_000, shortUsd: 100_000_000 }, assets: [{ symbol: 'BTC', longUsd: 200_000_000, shortUsd: 100_000_000 }] }),
    );
    expect(covered.facts.tables.assets!.rows.map((r) => r.kind)).toEqual(['item', 'total']);
    // Twelve coins: ten are named, the last two join the rest of the market.
    const many = render(
      snapshot({
        totals: { usd: 78_000_000, longUsd: 78_000_000, shortUsd: 0 },
        assets: Array.from({ length: 12 }, (_, i) => ({ symbol: `C${String.fromCharCode(65 + i)}`, longUsd: (12 - i) * 1_000_000, shortUsd: 0 })),
      }),
    );
    const rows = many.facts.tables.assets!.rows;
    expect(rows.filter((r) => r.kind === 'item')).toHaveLength(10);
    expect(rows.at(-2)).toMatchObject({ kind: 'rest', label: 'Other coins', cells: { total: '$3 million', share: '4%' } });
  });

  it('a venue table comes with exchanges[], none without', () => {
    const a = generateCase(allCases()[0]!, 'recap', { sections: '+table' });
    const [, venues] = markdownTables(a.body);
    expect(a.body).toMatch(/^### By exchange$/m);
    expect(venues![0]).toEqual(['Exchange', 'Longs', 'Shorts', 'Total', 'Share']);
    expect(venues!.map((r) => r[0])).toEqual(['Exchange', 'Hyperliquid', 'Bybit', 'Binance', 'Other exchanges', 'All exchanges']);
    expect(venues![1]).toEqual(['Hyperliquid', '$352 million', '$28 million', '$380 million', '35%']);
    const none = render(snapshot({ totals: { usd: 300_000_000, longUsd: 200_000_000, shortUsd: 100_000_000 }, assets: [{ symbol: 'BTC', longUsd: 200_000_000, shortUsd: 100_000_000 }] }));
    expect(none.facts.tables.venues).toBeNull();
    expect(none.body).not.toContain('By exchange');
  });

  it('partial coverage: bare lower bounds in the cells and one note saying so', () => {
    const c = allCases().find((x) => x.name === 'partial-coverage')!;
    const a = generateCase(c, 'tldr', { sections: '+table' });
    const [coins] = markdownTables(a.body);
    expect(coins!.flat().some((cell) => cell.includes('at least'))).toBe(false);
    expect(a.body).toContain(LOWER_BOUND_NOTE);
    // A lower bound never rounds up: the total row is the prose's "at least" figure.
    expect(a.body).toContain(`at least ${coins!.at(-1)![3]}`);
  });
});

describe('every format carries the same figures', () => {
  const c = allCases()[0]!;
  const a = generateCase(c, 'tldr', { sections: '+table' });
  const md = markdownTables(a.body);
  const t = a.facts.tables;

  it('the page: the same rows, with column and row headers and no align attribute', () => {
    expect(htmlTables(a.files.html)).toEqual(md);
    expect(a.files.html).toContain('<th scope="col">Coin</th>');
    expect(a.files.html).toContain('<th scope="row">Bitcoin (BTC)</th>');
    expect(a.files.html).not.toMatch(/<t[hd][^>]* align=/);
    // A heading names each table (a screen reader's table list reads it).
    // Each table in its own scroll box: on a phone the table scrolls sideways, not the page (test/browser.test.ts).
    expect(a.files.html).toMatch(/<h2 id="by-the-numbers">By the numbers<\/h2>\n<div class="table-scroll">\n<table>/);
    expect(a.files.html).toMatch(/<h3 id="by-exchange">By exchange<\/h3>\n<div class="table-scroll">\n<table>/);
  });

  it('the sidecar: a table entry with the same rows', () => {
    const side = JSON.parse(a.files.json) as { table: { assets: { columns: string[]; rows: string[][] }; venues: { columns: string[]; rows: string[][] } }; facts: Record<string, unknown> };
    expect([side.table.assets.columns, ...side.table.assets.rows]).toEqual(md[0]);
    expect([side.table.venues.columns, ...side.table.venues.rows]).toEqual(md[1]);
    expect(side.facts['tables']).toBeUndefined();
  });

  it('the text part and the e-mail: every figure of every row, in order, in aligned columns', () => {
    const txtLines = a.files.txt.split('\n');
    for (const table of md) {
      for (const row of table.slice(1)) {
        const figures = row.slice(1);
        const line = txtLines.find((l) => figures.every((f) => l.includes(f)) && (l.startsWith(row[0]!) || l.startsWith(t.assets!.rows.find((r) => r.label === row[0])?.symbol ?? '\u0000')));
        expect(line, row.join(' | ')).toBeDefined();
        let at = 0;
        for (const f of figures) {
          const i = line!.indexOf(f, at);
          expect(i, `${f} in ${line}`).toBeGreaterThanOrEqual(at);
          at = i + f.length;
        }
      }
    }
    // The header's right edges line the figures up.
    const header = txtLines.find((l) => l.startsWith('Coin '))!;
    const btc = txtLines.find((l) => l.startsWith('BTC '))!;
    expect(btc.indexOf('$469 million') + '$469 million'.length).toBe(header.indexOf('Total') + 'Total'.length);
    const mailCells = htmlTables(a.files.email.replace(/<table class="breakdown"[^>]*>/g, '<table>').replace(/<tr class="all">/g, '<tr>'));
    const ours = mailCells.filter((tb) => tb[0]?.[0] === 'Coin' || tb[0]?.[0] === 'Exchange');
    expect(ours.map(figuresOf)).toEqual(md.map(figuresOf));
  });

  it('the body table is printed once in mail, where the mail puts its tables', () => {
    expect(a.files.txt.match(/^By the numbers$/gm)).toHaveLength(1);
    expect(a.files.email.match(/>By the numbers</g)).toHaveLength(1);
  });
});

describe('the claim check covers the table', () => {
  const c = allCases()[0]!;
  const a = generateCase(c, 'bulletin', { sections: '+table' });
  const parts = (body: string): Record<string, string> => ({ headline: a.title, description: a.description, body });
  const check = (body: string, claims = allClaims(a.facts)): unknown => {
    try {
      checkClaims(parts(body), claims, a.id, quotesOf(a.facts));
      return null;
    } catch (e) {
      return e;
    }
  };

  it('every figure in the table is found in the ledger', () => {
    expect(check(a.body)).toBeNull();
    const tableText = a.body.split('\n').filter((l) => l.startsWith('|')).join('\n');
    const keys = new Set(allClaims(a.facts).map((cl) => cl.display.toLowerCase()));
    for (const { figure } of figuresIn(tableText)) expect(keys.has(figure.toLowerCase()), figure).toBe(true);
  });

  it('a tampered figure in the table is refused (UNCLAIMED_FIGURE), naming it', () => {
    const row = a.body.split('\n').find((l) => l.startsWith('| Solana'))!;
    const tampered = a.body.replace(row, row.replace('$71.5 million', '$71.6 million'));
    expect(tampered).not.toBe(a.body);
    const e = check(tampered);
    expect(e).toBeInstanceOf(LiqnewsError);
    expect((e as LiqnewsError).code).toBe('UNCLAIMED_FIGURE');
    expect((e as Error).message).toContain('$71.6 million');
  });

  it('the figures only the table states are claims only where the table is printed', () => {
    // "Other coins" after four named coins is not a figure the prose states: without the table's claims it is refused.
    const rest = a.facts.tables.assets!.rows.find((r) => r.kind === 'rest')!.cells.total!;
    expect(a.facts.claims.some((cl) => cl.display === rest)).toBe(false);
    expect(check(a.body, a.facts.claims)).toBeInstanceOf(LiqnewsError);
    // And an article without the table lists none of them among its claims.
    const plain = generateCase(c, 'bulletin');
    expect(plain.claims.some((cl) => cl.source.includes('in the table'))).toBe(false);
    expect(a.claims.some((cl) => cl.source === 'derive: totals.usd - sum of the assets in the table')).toBe(true);
  });
});

describe('snapshot text in a table stays text', () => {
  it('a name with a pipe or Markdown does not break the table, and reads as written on the page', () => {
    const a = render(
      snapshot({
        totals: { usd: 10_000_000, longUsd: 6_000_000, shortUsd: 4_000_000 },
        assets: [{ symbol: 'PIPE', name: 'A|B *coin*', longUsd: 6_000_000, shortUsd: 4_000_000 }],
      }),
    );
    const [coins] = markdownTables(a.body);
    expect(coins!.every((r) => r.length === coins![0]!.length)).toBe(true);
    expect(htmlTables(a.files.html)[0]![1]![0]).toBe('A|B *coin* (PIPE)');
    const t: FactTable = a.facts.tables.assets!;
    expect(t.rows[0]!.label).toBe('A|B *coin* (PIPE)');
  });
});
