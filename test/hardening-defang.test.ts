/**
 * Issue 13, item 10: snapshot strings never become links, mentions,
 * hashtags or bot commands. On X and Telegram `@2pac`, `#1st`,
 * `http://127.0.0.1/16` and `/start@bot` are live by their look; in GFM
 * renderers and mail clients an e-mail address or a bare domain such as
 * `EVIL.COM` is.
 */
import { describe, it, expect } from 'vitest';
import { Marked } from 'marked';
import { STYLE_NAMES, generate, type StyleName } from '../src/index.js';
import { findCase, splitFrontMatter, NOW } from './helpers.js';

const BASE = 'https://news.example.com';
const SOCIAL = '@2pac #1st http://127.0.0.1/16 /start@bot';
const MAIL = 'EVIL.COM desk@example.com x.io';

function snapshot(name: string): string {
  const s = JSON.parse(findCase('golden/000-bulletin-long-flush').snapshotText) as Record<string, unknown> & { largestOrder?: Record<string, unknown> };
  s['source'] = { name: `Src ${name}` };
  s['largestOrder'] = { exchange: `Ex ${name}`, symbol: name.slice(0, 40), side: 'long', usd: 1_000_000 };
  s['exchanges'] = [{ name: `Venue ${name}`, longUsd: 1_000_000, shortUsd: 0 }];
  s['context'] = { catalysts: [`Catalyst ${name}`] };
  return JSON.stringify(s);
}

/** What X or Telegram would make live in a post, outside our own link. */
const liveInPost = (text: string): string[] =>
  text
    .replaceAll(BASE, ' ')
    .match(/(?:^|[^\w\u200B])[@#][\p{L}\p{N}_]+|https?:\/\/\S+|\d+\.\d+\.\d+\.\d+|(?:^|\s)\/[a-z]\w*/gmu)
    ?.filter((m) => !/#(CryptoLiquidations|BTC|ETH|SOL|Bitcoin|Ethereum|Derivatives)\b/.test(m)) ?? [];

describe.each(STYLE_NAMES.map((s) => [s] as [StyleName]))('%s', (style) => {
  it('thread and telegram keep @2pac, #1st, http://127.0.0.1/16 and /start@bot dead', () => {
    const a = generate(snapshot(SOCIAL), { style, now: NOW, baseUrl: BASE });
    expect(a.files.thread).toContain('2pac');
    for (const f of ['thread', 'telegram'] as const) expect([f, liveInPost(a.files[f].replace(/\\(.)/g, '$1'))]).toEqual([f, []]);
  });

  it('md, html, email and txt hold no e-mail address or bare domain from the snapshot', () => {
    const a = generate(snapshot(MAIL), { style, now: NOW, baseUrl: BASE });
    const { body } = splitFrontMatter(a.files.md);
    // A GFM renderer with its autolinks on (marked's defaults) finds no link the templates did not write.
    const gfm = new Marked({ gfm: true }).parse(body, { async: false });
    expect(gfm).not.toMatch(/href="(mailto:|https?:\/\/(evil|x\.io|example))/i);
    const texts = { md: a.files.md, html: a.files.html.replace(/<[^>]*>/g, ' '), email: a.files.email.replace(/<[^>]*>/g, ' '), txt: a.files.txt };
    for (const [f, t] of Object.entries(texts)) {
      expect([f, t.match(/\b(?:EVIL\.COM|desk@example\.com|x\.io)\b/gi)]).toEqual([f, null]);
      expect(t).toContain('EVIL');
    }
  });
});
