/**
 * The page and the newsletter in a real browser: Debian's Chromium
 * (`/usr/bin/chromium`, installed by .ci/run) driven by playwright-core,
 * which downloads no browser of its own. Each golden fixture is rendered by
 * the command line with `--format md,html,json,email,card` (one of them with
 * `--sections +table` too) into a temporary folder, then the article page
 * and the e-mail are opened from disk at a desktop width (1200 px) and a
 * phone's (375 px), and measured as a reader would notice:
 *
 * - nothing makes the page scroll sideways on the phone;
 * - a table, when the article has one, is on screen, and when it is wider
 *   than the column it scrolls inside its own box, not the page;
 * - no paragraph, heading or list item runs out of its column;
 * - body text is at least 16 px, with a margin on both sides;
 * - the e-mail is 600 px wide on the desktop and the screen's width on the phone;
 * - the social card loads (1200 px wide): in the e-mail as its image, on the
 *   page through og:image (the page shows no <img> of it, so the test puts
 *   one in and loads the og:image address).
 *
 * The articles are published under a made-up base URL, so the browser's
 * requests for it are answered from the temporary folder (page.route): the
 * test reads no network. Full-page screenshots are kept as PNGs in
 * output/screenshots/ (ignored by git, kept by CI as artefacts) for a person
 * to look at: `npx vitest run test/browser.test.ts`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { listCases, ROOT, runCli } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const BASE = 'https://news.example.com/liquidations';
const SHOTS = join(ROOT, 'output', 'screenshots');
const WIDTHS = [1200, 375] as const;

interface Rendered {
  name: string;
  dir: string;
  basename: string;
  /** Rendered with --sections +table: the page and the e-mail must show a table. */
  table: boolean;
}

const tmp = mkdtempSync(join(tmpdir(), 'liqnews-browser-'));
let browser: Browser;
const rendered: Rendered[] = [];

const jobs = [
  ...listCases('golden').map((c) => ({ c, table: false, name: c.name })),
  { c: listCases('golden').find((c) => c.name.startsWith('003'))!, table: true, name: '003-analysis-weekly-flush-table' },
  // Long unbroken snapshot strings: they must wrap inside the column, not widen it.
  { c: listCases('edge').find((c) => c.name === 'hostile-strings')!, table: true, name: 'edge-hostile-strings-table' },
];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does it)`);
  mkdirSync(SHOTS, { recursive: true });
  for (const j of jobs) {
    const dir = join(tmp, j.name);
    const argv = ['render', join(j.c.dir, 'snapshot.json'), '--out', dir, '--format', 'md,html,json,email,card', '--base-url', BASE, '--now', '2026-11-21T00:00:00Z', '--no-history', '--quiet'];
    if (j.c.spec.style) argv.push('--style', j.c.spec.style);
    if (j.table) argv.push('--sections', '+table');
    argv.push('--email-publication', 'The Liquidation Desk', '--email-address', 'Example Media Ltd, 1 Market Street, London EC1A 1AA', '--email-unsubscribe', 'https://news.example.com/unsubscribe');
    const run = await runCli(argv);
    expect(run.code, run.err).toBe(0);
    const html = readdirSync(dir).find((f) => f.endsWith('.html') && !f.endsWith('.email.html'))!;
    rendered.push({ name: j.name, dir, basename: html.replace(/\.html$/, ''), table: j.table });
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A page at a width, with requests under the base URL answered from the article's folder and every other request refused. */
async function open(r: Rendered, file: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    if (url.startsWith(`${BASE}/`)) {
      const path = join(r.dir, new URL(url).pathname.slice(new URL(BASE).pathname.length + 1));
      return existsSync(path) ? route.fulfill({ path }) : route.fulfill({ status: 404, body: '' });
    }
    return route.abort();
  });
  await page.goto(`file://${join(r.dir, file)}`, { waitUntil: 'load' });
  return page;
}

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  /** Text blocks outside the scroll boxes that run past their column or their own box. */
  overflowing: string[];
  /** Tables: their size, and their scroll box's right edge and width. */
  tables: { width: number; height: number; boxRight: number; boxWidth: number }[];
  /** The smallest computed font size of a body paragraph, in px. */
  minFont: number;
  /** The smallest distance of a paragraph from the window's left and right edges. */
  minMargin: number;
  columnWidth: number;
}

/** What a reader would notice of the layout; `column` is the element the text sits in, `box` a table's scroll box. */
function measure(page: Page, column: string, box: string, paragraphs: string): Promise<Layout> {
  return page.evaluate(
    ([column, box, paragraphs]) => {
      const col = document.querySelector(column)!.getBoundingClientRect();
      const overflowing: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(`${column} :is(p, li, h1, h2, h3, blockquote)`))) {
        if (el.closest(box) || el.offsetParent === null) continue;
        const r = el.getBoundingClientRect();
        if (r.left < col.left - 1 || r.right > col.right + 1 || el.scrollWidth > el.clientWidth + 1) overflowing.push(`${el.tagName}: ${el.textContent!.slice(0, 60)}`);
      }
      const tables = Array.from(document.querySelectorAll<HTMLElement>(`${box} table`)).map((t) => {
        const r = t.getBoundingClientRect();
        const b = t.closest(box)!.getBoundingClientRect();
        return { width: r.width, height: r.height, boxRight: b.right, boxWidth: b.width };
      });
      const ps = Array.from(document.querySelectorAll<HTMLElement>(paragraphs));
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        overflowing,
        tables,
        minFont: Math.min(...ps.map((p) => parseFloat(getComputedStyle(p).fontSize))),
        minMargin: Math.min(...ps.map((p) => Math.min(p.getBoundingClientRect().left, window.innerWidth - p.getBoundingClientRect().right))),
        columnWidth: col.width,
      };
    },
    [column, box, paragraphs] as const,
  );
}

/** An image's natural width once it has loaded (0 when it failed). */
const naturalWidth = (page: Page, selector: string): Promise<number> =>
  page.$eval(selector, (img: HTMLImageElement) => (img.complete ? Promise.resolve(img) : new Promise<HTMLImageElement>((ok) => ((img.onload = img.onerror = () => ok(img)))))).then(() => page.$eval(selector, (img: HTMLImageElement) => img.naturalWidth));

function expectReadable(l: Layout, width: number): void {
  // The page never scrolls sideways, at either width.
  expect(l.scrollWidth, 'document scroll width').toBeLessThanOrEqual(l.innerWidth);
  expect(l.overflowing, 'text blocks running out of their column').toEqual([]);
  expect(l.minFont, 'body text size').toBeGreaterThanOrEqual(16);
  // A margin on each side: text never touches the screen's edge.
  expect(l.minMargin, 'paragraph margin from the window edge').toBeGreaterThanOrEqual(width < 600 ? 12 : 24);
  for (const t of l.tables) {
    expect(t.width).toBeGreaterThan(0);
    expect(t.height).toBeGreaterThan(0);
    expect(t.boxRight, 'a table scrolls inside its own box, within the window').toBeLessThanOrEqual(l.innerWidth);
  }
}

describe.each(jobs.map((j) => [j.name] as const))('%s in Chromium', (name) => {
  const r = (): Rendered => rendered.find((x) => x.name === name)!;

  it.each(WIDTHS.map((w) => [w] as const))('the article page at %i px: fits, readable, table in its box, og:image card loads', async (width) => {
    const page = await open(r(), `${r().basename}.html`, width);
    try {
      await page.screenshot({ path: join(SHOTS, `${name}.page.${width}.png`), fullPage: true });
      const l = await measure(page, 'article', '.table-scroll', 'article > p:not([class]):not(.table-scroll + p)');
      expectReadable(l, width);
      expect(l.tables.length > 0, 'a table on the page').toBe(r().table);
      if (width === 1200) expect(l.columnWidth, 'a reading column, not the whole window').toBeLessThanOrEqual(760);
      const og = await page.$eval('meta[property="og:image"]', (m) => m.getAttribute('content')!);
      expect(og).toBe(`${BASE}/${r().basename}.card.png`);
      expect(existsSync(join(r().dir, `${r().basename}.card.png`))).toBe(true);
      await page.evaluate((src) => {
        const img = document.createElement('img');
        img.id = 'og-card';
        img.src = src;
        document.body.append(img);
      }, og);
      expect(await naturalWidth(page, '#og-card')).toBe(1200);
    } finally {
      await page.close();
    }
  });

  it.each(WIDTHS.map((w) => [w] as const))('the e-mail at %i px: 600 px or the screen, fits, readable, card image loads', async (width) => {
    const page = await open(r(), `${r().basename}.email.html`, width);
    try {
      await page.screenshot({ path: join(SHOTS, `${name}.email.${width}.png`), fullPage: true });
      const l = await measure(page, '.container', '.scroll', '.content > p:not([class])');
      expectReadable(l, width);
      expect(l.columnWidth).toBe(Math.min(600, width));
      // Every article has the coin table in the e-mail (the bulletin too): it must be on screen.
      expect(l.tables.length).toBeGreaterThan(0);
      expect(await naturalWidth(page, '.hero img')).toBe(1200);
      expect(await page.$eval('.hero img', (img) => img.getAttribute('alt'))).toMatch(/\$[\d.]+ (billion|million)/);
      expect(await page.$eval('.masthead', (m) => m.textContent)).toBe('The Liquidation Desk');
      expect(await page.$eval('.unsubscribe a', (a) => a.getAttribute('href'))).toBe('https://news.example.com/unsubscribe');
    } finally {
      await page.close();
    }
  });
});
