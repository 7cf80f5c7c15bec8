/**
 * Issue 13, item 4: template braces from any snapshot field, URLs included,
 * never reach any output as `{{`, `{%` or `{#`: Jekyll, Eleventy, Hugo and
 * newsletter merge-tag engines would run them as template code.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMATS, STYLE_NAMES, generate, loadCharts, writeArticle, type StyleName } from '../src/index.js';
import { buildFeeds, readArticleFolder, selectForFeed } from '../src/feed/index.js';
import { NOW } from './helpers.js';
import { safeJson } from '../src/render/escape.js';

const T = '{{7*7}} {%x%} {#y#}';
const U = '?q={{7*7}}&r={%25x%25}&s={#y#}';

/** Every string field of the contract carries the three openers (ids and tickers are patterns without braces). */
export const BRACES_SNAPSHOT = JSON.stringify({
  schemaVersion: 1,
  window: { start: '2026-02-17T00:00:00Z', end: '2026-02-18T00:00:00Z' },
  source: { name: `Coin ${T}`, url: `https://example.com/data/{{a}}/${U}` },
  totals: { usd: 640000000, longUsd: 452000000, shortUsd: 188000000, traders: 88000 },
  assets: [
    { symbol: 'ETH', name: `Ether ${T}`, longUsd: 171000000, shortUsd: 52000000, price: { open: 3150, close: 2980, high: 3190, low: 2940 } },
    { symbol: 'BTC', name: `Bit ${T}`, longUsd: 128000000, shortUsd: 46000000, price: { open: 98400, close: 95100 } },
  ],
  exchanges: [
    { name: `Ex ${T}`, longUsd: 190000000, shortUsd: 80000000 },
    { name: `Why ${T}`, longUsd: 150000000, shortUsd: 60000000 },
  ],
  largestOrder: { exchange: `Ord ${T}`, symbol: `ETH${T}`, asset: 'ETH', side: 'long', usd: 21000000 },
  market: { sentiment: { index: 35 }, openInterestChangePct: -5.2 },
  levels: [{ asset: 'ETH', kind: 'support', low: 3000, high: 3050 }],
  context: {
    catalysts: [`A catalyst ${T}`, `Another ${T}`],
    related: [
      { title: `Read ${T}`, url: `https://example.com/news/{{b}}${U}` },
      { title: `More ${T}`, url: `https://example.com/${U}` },
    ],
    tags: [`tag ${T}`, '{{t}}'],
  },
});

const OPENERS = /\{[{%#]/;

// The chart (svg) is drawn by vega, imported on demand: loaded here so its file is read like the others.
await loadCharts();

describe.each(STYLE_NAMES.map((s) => [s] as [StyleName]))('template braces in %s', (style) => {
  const article = generate(BRACES_SNAPSHOT, { style, now: NOW, baseUrl: 'https://news.example.com' });
  // The card is a PNG (its SVG's text is escaped: test/card.test.ts); every text format is read here.
  it.each(FORMATS.filter((f) => f !== 'card').map((f) => [f]))('the %s file holds no {{, {% or {#', (format) => {
    const file = article.files[format] as string;
    expect(file.match(OPENERS)?.[0] ?? null).toBeNull();
  });
});

describe('template braces in the feeds', () => {
  it('feed.xml, atom.xml and feed.json hold no {{, {% or {#', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-braces-'));
    for (const style of STYLE_NAMES) {
      const a = generate(BRACES_SNAPSHOT.replace('"schemaVersion":1', `"schemaVersion":1,"id":"braces-${style}"`), { style, now: NOW });
      writeArticle(a, { outDir: dir, formats: ['md', 'json'] });
    }
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    const { articles, problems } = readArticleFolder(dir);
    expect(problems).toEqual([]);
    const feeds = buildFeeds(selectForFeed(articles, { drafts: true }).articles, { siteUrl: 'https://news.example.com' });
    for (const [name, text] of Object.entries(feeds)) expect([name, text.match(OPENERS)?.[0] ?? null]).toEqual([name, null]);
    // The front matter the feed read back still says what the snapshot said.
    expect(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.md'))!), 'utf8')).toContain('Coin');
  });
});

describe('JSON written into pages and sidecars', () => {
  it('escapes <, >, &, the line separators and a brace that opens template code, in one pass, as the six passes did', () => {
    const sixPasses = (v: unknown): string =>
      JSON.stringify(v, null, 2)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\{(?=[{%#])/g, '\\u007b')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
    const alphabet = ['{', '}', '%', '#', '<', '>', '&', '\u2028', '\u2029', 'a', '"', '\\', ' ', '{{', '{%', '{#'];
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let k = Math.floor(next() * 12); k > 0; k--) s += alphabet[Math.floor(next() * alphabet.length)];
      const v = { [s]: s, list: [s, { s }] };
      const out = safeJson(v, 2);
      expect(out).toBe(sixPasses(v));
      expect(out).not.toMatch(/[<>&\u2028\u2029]|\{[{%#]/);
      expect(JSON.parse(out)).toEqual(v);
    }
  });
});
