/**
 * Issue 13, item 6: links in feeds, pages and e-mail come from an allow-list
 * of schemes. An editor's (or an attacker's) `.md` may hold a link whose
 * scheme only reads as harmless: `javascript&#58;` is decoded back to
 * `javascript:` by every HTML parser inside an `href`, `java&#x09;script:`
 * loses its tab in the URL parser. Each such link becomes its text.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, markdownToHtml, writeArticle } from '../src/index.js';
import { buildFeeds, readArticleFolder, selectForFeed } from '../src/feed/index.js';
import { isAllowedLink } from '../src/render/escape.js';
import { findCase, NOW } from './helpers.js';

const TRICKS = [
  'javascript&#58;alert(1)',
  'javascript&#x3A;alert(1)',
  'javascript&colon;alert(1)',
  'JaVa&#x09;Script:alert(1)',
  '%6Aavascript:alert(1)',
  '<java script:alert(1)>',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'javascript&amp;#58;alert(1)',
  'file:///etc/passwd',
];

const EDITED_LINKS = [...TRICKS.map((t, i) => `[trick ${i}](${t})`), `<javascript:alert(1)>`, `![img](javascript&#58;alert(1))`, `[ref]\n\n[ref]: javascript&#58;alert(1)`].join('\n\n');

/** Every href and src in an HTML text, as a browser reads it (character references decoded). */
function targets(html: string): string[] {
  const decode = (s: string): string =>
    s.replace(/&#x([0-9a-f]+);?|&#(\d+);?|&colon;|&amp;/gi, (m, hex?: string, dec?: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : m.toLowerCase() === '&amp;' ? '&' : ':',
    );
  // eslint-disable-next-line no-control-regex -- a browser drops these from a URL, so the check does too
  return [...html.matchAll(/\b(?:href|src)\s*=\s*"([^"]*)"/gi)].map((m) => decode(decode(m[1]!)).replace(/[\s\u0000-\u001f]/g, ''));
}

const live = (html: string): string[] => targets(html).filter((t) => !/^(https?:|mailto:|#)/i.test(t));

describe('links from an edited Markdown file', () => {
  it('the page converter keeps no link or image whose scheme is off the allow-list, and keeps their text', () => {
    const html = markdownToHtml(`${EDITED_LINKS}\n\n[fine](https://example.com/a) [mail](mailto:desk@example.com) [here](#faq)`);
    expect(live(html)).toEqual([]);
    expect(targets(html)).toEqual(['https://example.com/a', 'mailto:desk@example.com', '#faq']);
    for (let i = 0; i < TRICKS.length; i++) expect(html).toContain(`trick ${i}`);
  });

  it('the feeds carry no javascript:, data: or vbscript: link from an edited .md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-links-'));
    const a = generate(findCase('golden/000-bulletin-long-flush').snapshotText, { now: NOW });
    writeArticle(a, { outDir: dir, formats: ['md', 'json'] });
    const md = join(dir, readdirSync(dir).find((f) => f.endsWith('.md'))!);
    writeFileSync(md, `${readFileSync(md, 'utf8')}\n${EDITED_LINKS}\n`);
    const { articles, problems } = readArticleFolder(dir);
    expect(problems).toEqual([]);
    const feeds = buildFeeds(selectForFeed(articles, { drafts: true }).articles, { siteUrl: 'https://news.example.com' });
    // The feeds hold the body as escaped HTML (RSS, Atom) or a JSON string: read it back as the HTML a reader renders.
    const rss = feeds['feed.xml'].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const json = (JSON.parse(feeds['feed.json']) as { items: { content_html: string }[] }).items.map((i) => i.content_html).join('\n');
    for (const html of [rss, json]) {
      expect(html).toContain('trick 0');
      expect(live(html)).toEqual([]);
    }
  });

  it('reads a scheme the way a browser does before deciding', () => {
    for (const t of TRICKS) expect([t, isAllowedLink(t)]).toEqual([t, false]);
    for (const ok of ['https://example.com/x?a=1', 'HTTP://example.com', 'mailto:a@example.com', '#section', '/posts/x/', 'other/page?q=a:b']) expect([ok, isAllowedLink(ok)]).toEqual([ok, true]);
    expect(isAllowedLink('mailto:a@example.com', ['http', 'https'])).toBe(false);
  });
});
