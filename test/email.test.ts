/**
 * `--format email`: the newsletter as an HTML email, and its round trip
 * through a real mail: the text (`txt`) and HTML (`email`) parts composed
 * into one multipart/alternative message with nodemailer's MailComposer,
 * built to bytes, and parsed back with postal-mime, as a mail client would.
 * (html-validate runs on the email in lint.test.ts.)
 */
import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import PostalMime from 'postal-mime';
import { STYLE_NAMES, readStamp, type Article, type StyleName } from '../src/index.js';
import { figuresIn } from '../src/check/figures.js';
import { decodeEntities } from '../src/render/html.js';
import { parseArgv } from '../src/cli/args.js';
import { allCases, generateCase, hrefs, htmlTags, listCases, whitespaceProblems, LEAKS, type FixtureCase } from './helpers.js';

const BASE = 'https://news.example.com/liquidations';

interface Rendered {
  c: FixtureCase;
  style: StyleName;
  a: Article;
  email: string;
}

// One generated set for the whole file: every golden and edge fixture in every style.
const ALL: Rendered[] = allCases().flatMap((c) =>
  STYLE_NAMES.map((style) => {
    const a = generateCase(c, style, { baseUrl: BASE });
    return { c, style, a, email: a.files.email };
  }),
);
const cases = ALL.map((r) => [`${r.c.id} ${r.style}`, r] as const);

/** What a reader sees of some HTML: tags gone (each one a space), references decoded, whitespace collapsed. */
const visibleText = (html: string): string =>
  decodeEntities(html.replace(/<head>[\s\S]*?<\/head>/, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u200C]+/g, ' ')
    .trim();

/** The `<p>` and `<li>` texts of the article's own body, without its table of contents. */
function bodyParagraphs(a: Article): string[] {
  const html = a.bodyHtml.replace(/<h2 id="table-of-contents">[\s\S]*?<\/ul>/, '');
  return [...html.matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g)].map((m) => visibleText(m[2]!)).filter(Boolean);
}

describe.each(cases)('email of %s', (_name, { c, a, email }) => {
  it('is one complete document under 100 KB, stamped, with no missing values', () => {
    expect(Buffer.byteLength(email)).toBeLessThan(100 * 1024);
    expect(email.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(whitespaceProblems(email)).toEqual([]);
    expect(LEAKS.exec(visibleText(email))?.[0]).toBeUndefined();
    expect(readStamp(email)).toBe('intact');
  });

  it('has its CSS inlined: no script, form, external stylesheet or <style> left', () => {
    expect(email).not.toMatch(/<script|<form|<link|<style|<iframe|<object|@import|url\(/i);
    for (const tag of ['body', 'h1', 'p', 'td']) expect(email, `<${tag}> carries its style`).toMatch(new RegExp(`<${tag}\\b[^>]*style="`));
    expect(email).not.toMatch(/\sclass="(?:content|header|footer)"(?![^>]*style=)/);
  });

  it('is a fluid-hybrid layout, 600 px at most (fixed 600 px for Outlook), with a hidden preheader from the description', () => {
    // Fluid: the screen's width up to 600 px (test/browser.test.ts measures it at 375 px); Outlook for Windows,
    // which ignores max-width, gets a fixed 600 px table in a conditional comment only it reads.
    expect(email).toMatch(/<table role="presentation" class="container" width="100%"[^>]*style="[^"]*width: 100%; max-width: 600px/);
    expect(email).toContain('<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->');
    expect(email).toContain('<!--[if mso]></td></tr></table><![endif]-->');
    // Outside that comment nothing is fixed at 600 px: a phone would have to scroll.
    expect(email.replace(/<!--\[if mso\]>.*?<!\[endif\]-->/g, '')).not.toMatch(/(?<!max-)width(?:="|: )600(?:px)?[";]/);
    const pre = /<body[^>]*>\n<div class="preheader" style="([^"]*)">([^<]*)<\/div>/.exec(email);
    expect(pre, 'the preheader is the first thing in <body>').not.toBeNull();
    expect(pre![1]).toContain('display: none');
    if (c.name !== 'hostile-strings') expect(visibleText(pre![2]!)).toBe(a.description);
  });

  it('links only to absolute http(s) URLs, including the article on the web', () => {
    const links = hrefs(email);
    for (const h of links) expect(h).toMatch(/^https?:\/\//);
    expect(links).toContain(`${BASE}/${a.basename}/`);
  });

  it('says what the article says: headline, every paragraph, a TL;DR, the table by coin, disclaimer and source', () => {
    const text = visibleText(email);
    if (c.name !== 'hostile-strings') {
      expect(visibleText(/<h1[^>]*>([^<]*)<\/h1>/.exec(email)![1]!)).toBe(a.title);
      for (const p of bodyParagraphs(a)) expect(text, p).toContain(p);
    }
    if (a.facts.total.value > 0) expect(email).toMatch(/<h2[^>]*>TL;DR<\/h2>/);
    if (a.facts.total.value > 0 && a.facts.assets.length > 0) {
      expect(email).toMatch(/>By the numbers<\/h2>/);
      // Each coin's row: its ticker, then its figures in the table's columns (the longs first when any were liquidated).
      for (const asset of a.facts.assets.slice(0, 10)) expect(text).toContain(`${asset.symbol} ${a.facts.tables.assets!.columns[1]!.key === 'long' ? (asset.long?.text.replace(/^at least /, '') ?? '–') : asset.total.text.replace(/^at least /, '')}`);
      expect(text).toContain(`All coins ${a.facts.tables.assets!.rows.at(-1)!.cells[a.facts.tables.assets!.columns[1]!.key as 'long']}`);
    }
    expect(text).toMatch(/Disclaimer: /);
    expect(text).toMatch(/Source: /);
    expect(text).not.toContain('Table of Contents');
  });
});

describe('email and hostile snapshot strings', () => {
  const hostile = ALL.filter((r) => r.c.name === 'hostile-strings');

  it('keeps snapshot text as text: no markup, no script scheme, no linkable address, no merge tag', () => {
    for (const { email } of hostile) {
      for (const tag of htmlTags(email)) expect(tag).not.toMatch(/^<(?:script|img|b)\b|\son\w+=/i);
      // No comment but the two Outlook conditionals of the layout: snapshot text never opens one.
      expect(email.replace(/<!--\[if mso\]>.*?<!\[endif\]-->/g, '')).not.toContain('<!--');
      expect(email).not.toMatch(/javascript:/i);
      const text = visibleText(email);
      expect(text).toContain('<script>alert(1)</script>');
      // "://" only in the href of a link the article makes.
      expect(email.replace(/ href="[^"]*"/g, '').replace(/>https?:\/\/[^<]*<\/a>/g, '>')).not.toContain('://');
      expect(email).not.toMatch(/\{\{|\{%|\{#/);
    }
  });
});

describe('email without a base URL', () => {
  it('links no page of its own and still only absolute URLs', () => {
    const c = listCases('golden')[2]!;
    const email = generateCase(c).files.email;
    expect(email).not.toContain('Read it on the web');
    for (const h of hrefs(email)) expect(h).toMatch(/^https?:\/\//);
  });

  it('gives the same bytes for the same input', () => {
    const { c, style, email } = ALL[0]!;
    expect(generateCase(c, style, { baseUrl: BASE }).files.email).toBe(email);
  });
});

// nodemailer ships no types; the composer's part we use.
interface MailComposerLike {
  compile(): { build(): Promise<Buffer> };
}
const MailComposer = createRequire(import.meta.url)('nodemailer/lib/mail-composer') as new (mail: Record<string, unknown>) => MailComposerLike;

/** The Content-Types of the parts of a multipart message, in the order they are in the bytes. */
function partTypes(raw: string): { top: string; parts: string[] } {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, headerEnd).replace(/\r\n[ \t]+/g, ' ');
  const top = /^content-type:\s*([^;\r\n]+)/im.exec(head)?.[1]?.trim() ?? '';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1] ?? '';
  const parts = raw
    .slice(headerEnd)
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => /^content-type:\s*([^;\r\n]+)/im.exec(p)?.[1]?.trim() ?? '');
  return { top, parts };
}

describe.each(allCases().map((c) => [c.id, c] as const))('mail round trip of %s', (_id, c) => {
  it.each(STYLE_NAMES.map((s) => [s] as const))('%s: text part first, every figure in both parts', async (style) => {
    const a = ALL.find((r) => r.c.id === c.id && r.style === style)!.a;
    const message = await new MailComposer({
      from: 'Liquidation News <news@example.com>',
      to: 'reader@example.com',
      subject: a.title,
      text: a.files.txt,
      html: a.files.email,
    })
      .compile()
      .build();
    const raw = message.toString('utf8');
    const { top, parts } = partTypes(raw);
    expect(top).toBe('multipart/alternative');
    expect(parts).toEqual(['text/plain', 'text/html']);

    const mail = await PostalMime.parse(message);
    expect(mail.subject).toBe(a.title);
    const lf = (s: string | undefined): string => (s ?? '').replace(/\r\n/g, '\n').trimEnd();
    expect(lf(mail.text)).toBe(lf(a.files.txt));
    expect(lf(mail.html)).toBe(lf(a.files.email));

    // Every figure of the sidecar (each claim is a figure the article states, in its headline, description or
    // body) is in both parts, as the reader of each part sees it.
    const textPart = (mail.text ?? '').replace(/\s+/g, ' ');
    const htmlPart = visibleText(mail.html ?? '');
    const sidecar = JSON.parse(a.files.json) as { claims: { display: string }[] };
    const figures = new Set(sidecar.claims.flatMap((cl) => figuresIn(cl.display).map((f) => f.figure)));
    expect(figures.size).toBeGreaterThan(0);
    const missing = (part: string): string[] => [...figures].filter((f) => !part.toLowerCase().includes(f.toLowerCase()));
    expect(missing(textPart), 'figures the text part lacks').toEqual([]);
    expect(missing(htmlPart), 'figures the html part lacks').toEqual([]);
  });
});

describe('masthead, footer slots and the card in the email', () => {
  const SLOTS = { emailPublication: 'The Liquidation Desk', emailAddress: 'Example Media Ltd, 1 Market Street, London EC1A 1AA', emailUnsubscribe: 'https://news.example.com/unsubscribe?list=daily' };

  it.each(allCases().map((c) => [c.id, c] as const))('%s: the publication heads it, the address and unsubscribe link close it, in both parts, under 100 KB with the card', (_id, c) => {
    const a = generateCase(c, undefined, { baseUrl: BASE, card: true, ...SLOTS });
    const email = a.files.email;
    expect(Buffer.byteLength(email)).toBeLessThan(100 * 1024);
    expect(email).toMatch(/<td class="masthead"[^>]*>The Liquidation Desk<\/td>/);
    // The masthead comes before the headline, the address and the link after the source.
    expect(email.indexOf('The Liquidation Desk')).toBeLessThan(email.indexOf('<h1'));
    expect(email.indexOf('Example Media Ltd')).toBeGreaterThan(email.indexOf('Source:'));
    expect(hrefs(email)).toContain('https://news.example.com/unsubscribe?list=daily');
    expect(email).toMatch(/<a href="https:\/\/news\.example\.com\/unsubscribe\?list=daily"[^>]*>Unsubscribe<\/a>/);
    // The card, by its absolute address, with the figures as alt text, linked to the article on the web.
    const img = /<a href="([^"]*)"[^>]*><img src="([^"]*)" alt="([^"]*)" width="552" height="290"/.exec(email);
    expect(img, 'the card image').not.toBeNull();
    expect(img![1]).toBe(`${BASE}/${a.basename}/`);
    expect(img![2]).toBe(`${BASE}/${a.basename}.card.png`);
    expect(img![3]!.length).toBeGreaterThan(20);
    const txt = a.files.txt;
    expect(txt.startsWith('THE LIQUIDATION DESK\n\n')).toBe(true);
    expect(txt).toContain('Example Media Ltd, 1 Market Street, London EC1A 1AA');
    expect(txt).toContain('Unsubscribe: <https://news.example.com/unsubscribe?list=daily>');
  });

  it('has no masthead, address, unsubscribe link or image unless asked (a relative card address would not load in a mail)', () => {
    const c = listCases('golden')[0]!;
    for (const email of [generateCase(c, undefined, { baseUrl: BASE }).files.email, generateCase(c, undefined, { card: true }).files.email]) {
      expect(email).not.toContain('class="masthead"');
      expect(email).not.toContain('Unsubscribe');
      expect(email).not.toMatch(/<img\b/);
    }
  });

  it('takes a mailto unsubscribe address, and keeps the operator\'s text as text', () => {
    const a = generateCase(listCases('golden')[0]!, undefined, { emailPublication: '<b>Desk</b> {{name}} www.evil.example', emailUnsubscribe: 'mailto:leave@news.example.com?subject=unsubscribe' });
    expect(a.files.email).toContain('href="mailto:leave@news.example.com?subject=unsubscribe"');
    expect(a.files.email).toContain('&lt;b&gt;Desk&lt;/b&gt;');
    expect(a.files.email).not.toMatch(/<b>|\{\{|www\.evil/);
  });

  it('refuses an unsubscribe address that is not http, https or mailto, from the library and the command line', () => {
    const c = listCases('golden')[0]!;
    for (const bad of ['javascript:alert(1)', 'ftp://example.com/x', 'unsubscribe', 'https://user:pw@example.com/u']) {
      expect(() => generateCase(c, undefined, { emailUnsubscribe: bad }), bad).toThrow(/emailUnsubscribe/);
      const parsed = parseArgv(['render', 'snap.json', '--email-unsubscribe', bad]);
      expect(parsed.kind, bad).toBe('usage');
      expect(parsed.kind === 'usage' && parsed.message).toMatch(/--email-unsubscribe/);
    }
    const ok = parseArgv(['render', 'snap.json', '--email-publication', 'Desk', '--email-address', '1 Market Street', '--email-unsubscribe', 'mailto:leave@example.com']);
    expect(ok.kind === 'run' && [ok.options.emailPublication, ok.options.emailAddress, ok.options.emailUnsubscribe]).toEqual(['Desk', '1 Market Street', 'mailto:leave@example.com']);
    expect(parseArgv(['render', 'snap.json', '--email-address', 'two\nlines']).kind).toBe('usage');
  });
});
