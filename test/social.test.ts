// Social posts: `--format thread` (X/Threads) and `--format telegram` (MarkdownV2), for every fixture and every
// style: post lengths as X counts them, numbering, nothing split, escaping that holds against hostile strings,
// and no figure the article (its sidecar) does not state.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProblems, figuresIn } from '../src/check/figures.js';
import type { Claim } from '../src/facts/ledger.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { defang, socialLines } from '../src/formats/social.js';
import type { FormatContext } from '../src/formats/context.js';
import { POST_LIMIT, xLength } from '../src/formats/thread.js';
import { TELEGRAM_LIMIT } from '../src/formats/telegram.js';
import { FORMATS, generate, type Article } from '../src/index.js';
import { NOW, allCases, findCase, generateCase, runCli } from './helpers.js';

const BASE = 'https://example.com/news';
const URL_RE = /https?:\/\/\S+/g;

const sidecarClaims = (a: Article): Claim[] => (JSON.parse(a.files.json) as { claims: Claim[] }).claims;
const canonical = (a: Article): string => `${BASE}/${a.basename}/`;

/** The thread file's posts, numbers and all. */
const postsOf = (file: string): string[] => file.replace(/\n$/, '').split('\n\n');
const withoutNumber = (post: string): string => post.replace(/^\d+\/\d+ /, '');
/** The brief's simple count: code points, each link 23. */
const simpleLength = (post: string): number => [...post.replace(URL_RE, 'x'.repeat(23))].length;
const figureSet = (text: string): string[] => [...new Set(figuresIn(text.replace(URL_RE, ' ')).map((f) => f.figure.toLowerCase()))].sort();

const articles = allCases().flatMap((c) => STYLE_NAMES.map((style) => ({ label: `${c.id} ${style}`, article: generateCase(c, style, { baseUrl: BASE }) })));

describe('--format thread', () => {
  it.each(articles)('$label: numbered k/n, each post within 280 as X counts, nothing split, only stated figures', ({ article }) => {
    const file = article.files.thread;
    expect(file.endsWith('\n') && !file.endsWith('\n\n')).toBe(true);
    const posts = postsOf(file);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    posts.forEach((post, i) => {
      expect(post.startsWith(`${i + 1}/${posts.length} `), post).toBe(true);
      expect(xLength(post), post).toBeLessThanOrEqual(POST_LIMIT);
      expect(simpleLength(post), post).toBeLessThanOrEqual(POST_LIMIT);
      // Figures are whole (a cut "$1.08" would have no claim) and each is one the article states.
      expect(findProblems(withoutNumber(post).replace(URL_RE, ' '), sidecarClaims(article)), post).toEqual([]);
    });
    // The first post: the headline (and the total when it fits).
    expect(withoutNumber(posts[0]!).split('\n')[0]).toBe(defang(article.title));
    // The middle posts hold whole bullets and nothing else, so no bullet was split.
    for (const post of posts.slice(1, -1)) for (const line of withoutNumber(post).split('\n')) expect(line, post).toMatch(/^• \S/);
    // The last: the link, whole and once in the thread, then the source and the tags.
    const last = withoutNumber(posts.at(-1)!);
    expect(last.split('\n')[0]).toBe(`Full story: ${canonical(article)}`);
    expect(file.match(URL_RE)).toEqual([canonical(article)]);
    expect(last).toContain(article.facts.cashtags.join(' '));
  });

  it('has no link at all without a base URL (the source URL is data, not ours to post)', () => {
    const file = generateCase(findCase('golden/000-bulletin-long-flush')).files.thread;
    expect(file).not.toMatch(/https?:|www\./);
    expect(postsOf(file).at(-1)).toMatch(/^\d+\/\d+ Data: CoinGlass\n\$BTC/);
  });

  it('shows a real thread for the bulletin fixture', () => {
    const a = generateCase(findCase('golden/000-bulletin-long-flush'), 'bulletin', { baseUrl: BASE });
    const file = a.files.thread;
    // The headline is the template's; the rest is the thread's own wording of the facts.
    expect(postsOf(file)[0]).toBe(`1/4 ${a.title}\n$1.08 billion liquidated in the past 24 hours across about 182,000 traders.`);
    expect(file).toContain('\n• Bitcoin (BTC): $469 million liquidated\n');
  });
});

describe('--format telegram', () => {
  it.each(articles)('$label: valid MarkdownV2, under 4,096 characters, bold headline, one link, only stated figures', ({ article }) => {
    const file = article.files.telegram;
    const parsed = parseMarkdownV2(file.replace(/\n$/, ''));
    expect([...file].length).toBeLessThan(TELEGRAM_LIMIT);
    expect(file.length, 'UTF-16 units').toBeLessThan(TELEGRAM_LIMIT);
    expect([...parsed.text].length).toBeLessThan(TELEGRAM_LIMIT);
    expect(parsed.bold).toEqual([defang(article.title)]);
    expect(parsed.links).toEqual([{ text: 'Read the full story', url: canonical(article) }]);
    expect(findProblems(parsed.text, sidecarClaims(article))).toEqual([]);
    // The same figures as the thread (both come from the same stated facts).
    expect(figureSet(parsed.text)).toEqual(figureSet(postsOf(article.files.thread).map(withoutNumber).join('\n')));
  });
});

describe('the side split when only its share is stated', () => {
  // The barest wording of the split: the article states the share but neither side's amount. Liquidated is not
  // lost (test/wording-truth.test.ts): the post says "of the liquidations", never "of the losses".
  it('says the dominant side took its share of the liquidations', () => {
    const a = generateCase(findCase('golden/000-bulletin-long-flush'), 'bulletin');
    const amounts = new Set([a.facts.long.usd.text, a.facts.short.usd.text]);
    const ctx = { facts: a.facts, claims: a.claims.filter((c) => !amounts.has(c.display)), text: { headline: a.title }, page: { canonicalUrl: null } } as unknown as FormatContext;
    const split = socialLines(ctx).facts[0];
    expect(split).toBe(`Longs took ${a.facts.long.share.text} of the liquidations`);
    expect(split).not.toMatch(/loss/i);
  });
});

describe('a quiet window (nothing liquidated)', () => {
  const quiet = JSON.stringify({ schemaVersion: 1, window: { start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z' }, totals: { usd: 0, longUsd: 0, shortUsd: 0 } });

  it.each(STYLE_NAMES)('%s: says nothing was liquidated, and claims no side was hit', (style) => {
    const a = generate(quiet, { style, now: NOW, baseUrl: BASE });
    const posts = postsOf(a.files.thread);
    expect(posts).toEqual([`1/2 ${defang(a.title)}\nNo liquidations were recorded in the past 24 hours.`, `2/2 Full story: ${canonical(a)}\n${[...a.facts.cashtags, ...a.facts.hashtags].join(' ')}`]);
    const telegram = parseMarkdownV2(a.files.telegram.replace(/\n$/, '')).text;
    expect(telegram).toContain('No liquidations were recorded in the past 24 hours.');
    for (const text of [a.files.thread, telegram]) expect(text).not.toMatch(/\$0\b|hit about evenly|Longs|Shorts/);
  });
});

describe('hostile snapshot strings', () => {
  const hostile = findCase('edge/hostile-strings');

  it.each(STYLE_NAMES)('%s: escaping holds in Telegram, and the thread keeps them as plain text', (style) => {
    const a = generateCase(hostile, style, { baseUrl: BASE });
    const parsed = parseMarkdownV2(a.files.telegram.replace(/\n$/, ''));
    expect(parsed.links.map((l) => l.url)).toEqual([canonical(a)]);
    expect(parsed.bold).toHaveLength(1);
    // The strings arrive as the text they are, markup characters and all.
    expect(parsed.text).toContain('Data: <b>Coin</b>Glass **x** {\u200B{y}} [s](javascript:alert(1))');
    expect(a.files.thread).toContain('Data: <b>Coin</b>Glass **x** {\u200B{y}} [s](javascript:alert(1))');
  });

  it('never lets a snapshot string become a link, mention, hashtag or cashtag on X or Telegram', () => {
    const snap = JSON.parse(hostile.snapshotText) as { largestOrder: { exchange: string; symbol: string }; source: { name: string } };
    snap.largestOrder.exchange = 'evil.com @admin #pwn $SCAM';
    snap.largestOrder.symbol = 'x.io';
    snap.source.name = 'www.evil.example';
    const a = generate(JSON.stringify(snap), { style: 'bulletin', now: NOW, baseUrl: BASE });
    const thread = a.files.thread;
    const telegram = parseMarkdownV2(a.files.telegram.replace(/\n$/, '')).text;
    const ours = [...a.facts.cashtags, ...a.facts.hashtags].sort();
    for (const text of [thread, telegram]) {
      expect(text).toContain('admin'); // still said…
      const outside = text.replace(URL_RE, ' ');
      expect(outside).not.toMatch(/[\w-]\.(com|io|example)\b/); // …but no domain
      expect(outside).not.toMatch(/[@＠][A-Za-z0-9_]/); // no mention
      expect([...new Set(outside.match(/[#$＃＄][A-Za-z_]\w*/g))].sort()).toEqual([...new Set(ours)].sort()); // only our own tags
    }
  });
});

describe('render --format thread,telegram', () => {
  it('writes <date>-<slug>.thread.txt and .telegram.txt, with no stamp inside (they are sent as they are)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-social-'));
    try {
      const { code, out } = await runCli(['render', findCase('golden/000-bulletin-long-flush').dir, '--format', 'thread,telegram', '--out', dir, '--now', NOW.toISOString()]);
      expect(code).toBe(0);
      const files = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
      expect(files).toEqual(['2026-02-05-crypto-liquidations-1-1b-long-flush.telegram.txt', '2026-02-05-crypto-liquidations-1-1b-long-flush.thread.txt']);
      for (const f of files) expect(readFileSync(join(dir, f), 'utf8')).not.toContain('sha256:');
      expect(out).toContain('.thread.txt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the publishing formats on the command line', () => {
  const bulletin = findCase('golden/000-bulletin-long-flush');
  const cli = runCli;

  it.each(['email', 'txt', 'thread', 'telegram'] as const)('--stdout --format %s prints what the library makes, --base-url included', async (format) => {
    const r = await cli(['render', join(bulletin.dir, 'snapshot.json'), '--stdout', '--format', format, '--style', 'bulletin', '--base-url', `${BASE}/`, '--now', NOW.toISOString()]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = generateCase(bulletin, undefined, { baseUrl: BASE });
    expect(r.out).toBe(a.files[format]);
    expect(r.out).toContain(canonical(a));
  });

  it('--base-url must be an absolute http(s) address', async () => {
    const r = await cli(['render', join(bulletin.dir, 'snapshot.json'), '--stdout', '--format', 'thread', '--base-url', 'example.com/news']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--base-url "example.com/news" is not an absolute URL');
  });

  it('render --help and --help name every format and the publishing options', async () => {
    const render = (await cli(['render', '--help'])).out;
    const general = (await cli(['--help'])).out;
    expect(FORMATS).toEqual(['md', 'html', 'json', 'thread', 'telegram', 'txt', 'email', 'svg', 'card']);
    for (const f of FORMATS) expect(render).toMatch(new RegExp(`^ {19}${f} +\\S`, 'm'));
    for (const option of ['--site NAME', '--base-url URL', '--expire-after DAYS', '--faq-jsonld', '--publisher-logo URL']) expect(render).toContain(option);
    expect(general).toContain(`Formats (render --format):\n  ${FORMATS.join(', ')}.`);
    for (const option of ['--site hugo|eleventy|astro|jekyll', '--base-url', '--faq-jsonld']) expect(general).toContain(option);
    expect(general).toContain('liqnews feed <dir> --site-url URL');
  });
});

interface MarkdownV2 {
  /** The message as Telegram shows it. */
  text: string;
  bold: string[];
  links: { text: string; url: string }[];
}

const RESERVED = '_*[]()~`>#+-=|{}.!\\';

/**
 * Telegram MarkdownV2 as the Bot API reads it, for the entities these messages use (bold, inline links): any
 * reserved character outside them must be escaped, or Telegram refuses the message ("can't parse entities").
 */
function parseMarkdownV2(src: string): MarkdownV2 {
  const out: MarkdownV2 = { text: '', bold: [], links: [] };
  let boldFrom: number | null = null;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      const next = src[++i];
      if (next === undefined || next.charCodeAt(0) > 126) throw new Error(`bad escape at ${i}`);
      out.text += next;
    } else if (ch === '*') {
      if (boldFrom === null) boldFrom = out.text.length;
      else {
        out.bold.push(out.text.slice(boldFrom));
        boldFrom = null;
      }
    } else if (ch === '[') {
      const start = out.text.length;
      let j = i + 1;
      for (; j < src.length && src[j] !== ']'; j++) {
        if (src[j] === '\\') j++;
        else if (RESERVED.includes(src[j]!)) throw new Error(`unescaped ${src[j]} in link text at ${j}`);
      }
      out.text += src.slice(i + 1, j).replace(/\\(.)/g, '$1');
      if (src[j + 1] !== '(') throw new Error(`[ without a link at ${i}`);
      let url = '';
      let k = j + 2;
      for (; k < src.length && src[k] !== ')'; k++) url += src[k] === '\\' ? src[++k] : src[k];
      if (k >= src.length) throw new Error(`unclosed link at ${i}`);
      out.links.push({ text: out.text.slice(start), url });
      i = k;
    } else if (RESERVED.includes(ch)) {
      throw new Error(`unescaped ${ch} at ${i}: …${src.slice(Math.max(0, i - 30), i + 10)}…`);
    } else {
      out.text += ch;
    }
  }
  if (boldFrom !== null) throw new Error('unclosed bold');
  return out;
}
