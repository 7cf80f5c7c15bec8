/**
 * The page's JSON-LD, parsed and checked for what search engines read:
 * NewsArticle with the recommended properties (headline of at most 110
 * characters, description, datePublished, dateModified, author, publisher
 * with a name, and mainEntityOfPage when the article has a URL). `image` is
 * recommended too: it is the social card (`card: true`, CLI `--format card`),
 * given only as an absolute address (with a base URL); without a card there
 * is no image to give, so it is absent. `publisherLogo` adds publisher.logo.
 *
 * With `faqJsonLd` (CLI `--faq-jsonld`), an article with a FAQ section (the
 * explainer) gets a second block, a FAQPage whose questions and answers are
 * the FAQ in the body, word for word.
 */
import { describe, it, expect } from 'vitest';
import { STYLE_NAMES, type Article } from '../src/index.js';
import { parseArgv } from '../src/cli/args.js';
import { allCases, generateCase, listCases, findCase } from './helpers.js';

const BASE = 'https://news.example.com/liquidations';

type Ld = Record<string, unknown>;

/** Every `<script type="application/ld+json">` block of a page, parsed. */
const ldBlocks = (html: string): Ld[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Ld);

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The FAQ of a Markdown body: each `### question` under `## FAQs` and the paragraph after it, as plain text. */
function faqOfMarkdown(body: string): { question: string; answer: string }[] {
  const section = /^## FAQs\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(body)?.[1] ?? '';
  const plain = (md: string): string =>
    md
      .replace(/\*\*|(?<!\\)\*/g, '')
      .replace(/\\(.)/g, '$1')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
      .trim();
  return [...section.matchAll(/^### (.+)\n\n(.+)$/gm)].map((m) => ({ question: plain(m[1]!), answer: plain(m[2]!) }));
}

describe.each(allCases().map((c) => [c.id, c] as const))('JSON-LD of %s', (_id, c) => {
  it.each(STYLE_NAMES.map((s) => [s] as const))('%s: one NewsArticle with the recommended properties', (style) => {
    const a: Article = generateCase(c, style, { baseUrl: BASE, author: 'Desk', publisher: 'Liquidation News' });
    const blocks = ldBlocks(a.files.html);
    expect(blocks).toHaveLength(1);
    const ld = blocks[0]!;
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(typeof ld['headline']).toBe('string');
    expect((ld['headline'] as string).length).toBeGreaterThan(0);
    expect((ld['headline'] as string).length).toBeLessThanOrEqual(110);
    expect(ld['description']).toBe(a.description);
    expect(ld['datePublished']).toMatch(RFC3339_UTC);
    expect(ld['dateModified']).toMatch(RFC3339_UTC);
    expect(Date.parse(ld['dateModified'] as string)).toBeGreaterThanOrEqual(Date.parse(ld['datePublished'] as string));
    expect(ld['author']).toEqual({ '@type': 'Organization', name: 'Desk' });
    expect(ld['publisher']).toEqual({ '@type': 'Organization', name: 'Liquidation News' });
    expect(ld['mainEntityOfPage']).toBe(`${BASE}/${a.basename}/`);
    // No image without a card: an invented one would be worse than none.
    expect(ld['image']).toBeUndefined();
  });
});

describe('NewsArticle with the social card and a publisher logo', () => {
  // Google's NewsArticle fields, required and recommended: headline, image, datePublished, dateModified, author
  // (with a name), publisher (with a name and a logo), and the page it describes.
  it.each(allCases().map((c) => [c.id, c] as const))('%s: every recommended field, image the absolute card URL', (_id, c) => {
    const a = generateCase(c, undefined, { baseUrl: BASE, card: true, publisherLogo: 'https://news.example.com/logo.png', publisher: 'Liquidation News' });
    const ld = ldBlocks(a.files.html)[0]!;
    expect(ld['image']).toBe(`${BASE}/${a.basename}.card.png`);
    expect(ld['publisher']).toEqual({ '@type': 'Organization', name: 'Liquidation News', logo: { '@type': 'ImageObject', url: 'https://news.example.com/logo.png' } });
    for (const key of ['headline', 'image', 'datePublished', 'dateModified', 'author', 'publisher', 'mainEntityOfPage', 'description']) expect(ld, key).toHaveProperty(key);
  });

  // The same fields as a structured-data checker reads them: each present with a usable value, none invented.
  it.each(allCases().map((c) => [c.id, c] as const))('%s: each Google field has a value a checker accepts', (_id, c) => {
    const a = generateCase(c, undefined, { baseUrl: BASE, card: true, publisherLogo: 'https://news.example.com/logo.png', publisher: 'Liquidation News', author: 'Markets Desk' });
    const ld = ldBlocks(a.files.html)[0]!;
    const headline = ld['headline'] as string;
    expect(headline.length).toBeGreaterThan(0);
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(a.title.startsWith(headline.replace(/…$/, ''))).toBe(true);
    // image: an absolute URL of the card written beside the page (cardFile), a PNG.
    expect(new URL(ld['image'] as string).protocol).toBe('https:');
    expect((ld['image'] as string).endsWith(`/${a.cardFile}`)).toBe(true);
    expect(ld['datePublished']).toMatch(RFC3339_UTC);
    expect(ld['dateModified']).toMatch(RFC3339_UTC);
    expect(Date.parse(ld['dateModified'] as string)).toBeGreaterThanOrEqual(Date.parse(ld['datePublished'] as string));
    // author: a name; no url, because no option gives one and an invented profile page would be worse than none.
    expect(ld['author']).toEqual({ '@type': 'Organization', name: 'Markets Desk' });
    const publisher = ld['publisher'] as Ld;
    expect(publisher['name']).toBe('Liquidation News');
    expect(new URL(((publisher['logo'] as Ld)['url']) as string).protocol).toBe('https:');
    expect(ld['mainEntityOfPage']).toBe(ld['url']);
    // The og: and twitter: tags name the same image.
    expect(a.files.html).toContain(`<meta property="og:image" content="${ld['image'] as string}">`);
    expect(a.files.html).toContain(`<meta name="twitter:image" content="${ld['image'] as string}">`);
    expect(a.files.html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('gives no image without a base URL (a relative address means nothing to a crawler), but keeps the logo', () => {
    const ld = ldBlocks(generateCase(listCases('golden')[0]!, undefined, { card: true, publisherLogo: 'https://news.example.com/logo.png' }).files.html)[0]!;
    expect(ld['image']).toBeUndefined();
    expect((ld['publisher'] as Ld)['logo']).toEqual({ '@type': 'ImageObject', url: 'https://news.example.com/logo.png' });
  });
});

describe('NewsArticle without a base URL', () => {
  it('has no mainEntityOfPage (there is no page address to name)', () => {
    const ld = ldBlocks(generateCase(listCases('golden')[0]!).files.html)[0]!;
    expect(ld['mainEntityOfPage']).toBeUndefined();
    expect(ld['author']).toEqual({ '@type': 'Organization', name: 'liquidation-news' });
  });
});

describe('FAQPage JSON-LD (faqJsonLd)', () => {
  const explainer = findCase('golden/004-explainer-fear');

  it('is off by default', () => {
    expect(ldBlocks(generateCase(explainer).files.html)).toHaveLength(1);
  });

  it.each(allCases().map((c) => [c.id, c] as const))('%s explainer: the FAQ of the body, question for question', (_id, c) => {
    const a = generateCase(c, 'explainer', { faqJsonLd: true });
    const faq = faqOfMarkdown(a.body);
    const blocks = ldBlocks(a.files.html);
    if (faq.length === 0) {
      // A quiet window has no FAQ: no block is better than an empty one.
      expect(blocks).toHaveLength(1);
      return;
    }
    expect(blocks.map((b) => b['@type'])).toEqual(['NewsArticle', 'FAQPage']);
    const page = blocks[1]!;
    expect(page['@context']).toBe('https://schema.org');
    const entities = page['mainEntity'] as { '@type': string; name: string; acceptedAnswer: { '@type': string; text: string } }[];
    expect(entities.every((q) => q['@type'] === 'Question' && q.acceptedAnswer['@type'] === 'Answer')).toBe(true);
    const asText = (s: string): string => s.replace(/\b(javascript|vbscript|data)\s*:/gi, '$1 ');
    expect(entities.map((q) => ({ question: q.name, answer: q.acceptedAnswer.text }))).toEqual(faq.map((q) => ({ question: asText(q.question), answer: asText(q.answer) })));
  });

  it('adds nothing to a style without a FAQ', () => {
    for (const style of STYLE_NAMES.filter((s) => s !== 'explainer')) {
      expect(ldBlocks(generateCase(explainer, style, { faqJsonLd: true }).files.html)).toHaveLength(1);
    }
  });

  it('keeps the page free of "javascript:" even with hostile strings', () => {
    expect(generateCase(findCase('edge/hostile-strings'), 'explainer', { faqJsonLd: true }).files.html).not.toMatch(/javascript:/i);
  });

  it('is switched on from the command line with --faq-jsonld', () => {
    const on = parseArgv(['render', 'snap.json', '--faq-jsonld']);
    const off = parseArgv(['render', 'snap.json']);
    expect(on.kind === 'run' && on.options.faqJsonLd).toBe(true);
    expect(off.kind === 'run' && off.options.faqJsonLd).toBe(false);
    expect(parseArgv(['validate', 'snap.json', '--faq-jsonld']).kind).toBe('usage');
  });
});
