/**
 * The three files as OUTPUT.md describes them: a complete HTML page with its
 * metadata, a facts sidecar whose claims cover every figure in the text, the
 * file naming, and the stamp that tells a generated file from an edited one.
 */
import { describe, it, expect } from 'vitest';
import { readStamp, markdownToHtml, STYLE_NAMES, type Article, type Claim } from '../src/index.js';
import { figuresIn, displayValue } from '../src/check/figures.js';
import { allCases, findCase, generateCase, htmlTags, decodeEntities, splitFrontMatter } from './helpers.js';

/** Renders each fixture in its own style plus one other, so every style is seen on several inputs. */
const renders: [string, Article][] = allCases().flatMap((c, i) => {
  const own = generateSafely(() => generateCase(c));
  const other = STYLE_NAMES[i % STYLE_NAMES.length]!;
  const more = generateSafely(() => generateCase(c, other));
  return [
    ...(own ? [[`${c.id} (${own.style})`, own] as [string, Article]] : []),
    ...(more ? [[`${c.id} (${other})`, more] as [string, Article]] : []),
  ];
});

/** A fixture that fails to render is reported by the golden tests; here it is skipped so the others still run. */
function generateSafely(fn: () => Article): Article | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

const attr = (html: string, selector: RegExp): string | undefined => {
  const tag = htmlTags(html).find((t) => selector.test(t));
  const m = tag ? /\scontent="([^"]*)"/.exec(tag) : null;
  return m ? decodeEntities(m[1]!) : undefined;
};

describe.each(renders)('%s', (_name, a) => {
  const html = a.files.html;

  it('is a complete HTML5 document with its metadata', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(attr(html, /name="viewport"/)).toMatch(/width=device-width/);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    expect(title).toBeDefined();
    expect(decodeEntities(title!).length).toBeLessThanOrEqual(70);
    expect(attr(html, /name="description"/)).toBe(a.description);
    expect(attr(html, /property="og:title"/)).toBe(a.title);
    expect(attr(html, /property="og:type"/)).toBe('article');
    expect(attr(html, /property="og:description"/)).toBe(a.description);
    expect(attr(html, /property="article:published_time"/)).toBe(new Date(a.facts.window.end).toISOString().replace('.000Z', 'Z'));
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has exactly one JSON-LD NewsArticle with the required fields', () => {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0]![1]!) as Record<string, unknown>;
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['headline']).toBe(a.title);
    expect(ld['description']).toBe(a.description);
    const published = attr(html, /property="article:published_time"/);
    expect(ld['datePublished']).toBe(published);
    expect(ld['dateModified']).toBe(published);
    expect(ld['author']).toEqual({ '@type': 'Organization', name: 'liquidation-news' });
    expect(ld['publisher']).toEqual({ '@type': 'Organization', name: 'liquidation-news' });
  });

  it('shows the headline as the only <h1>, a <time datetime> and the body converted from the Markdown', () => {
    const h1 = [...html.matchAll(/<h1>([\s\S]*?)<\/h1>/g)];
    expect(h1).toHaveLength(1);
    expect(decodeEntities(h1[0]![1]!)).toBe(a.title);
    expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z">[^<]+<\/time>/);
    expect(a.bodyHtml).toBe(markdownToHtml(a.body));
    expect(html).toContain(a.bodyHtml.trimEnd());
    expect(html).toMatch(/<article>[\s\S]*<\/article>/);
  });

  it('every in-page link points at an element of the page', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const m of html.matchAll(/\shref="#([^"]*)"/g)) expect(ids.has(m[1]), `#${m[1]} has no target`).toBe(true);
  });

  it('the sidecar lists the claims, and every figure in the text has one', () => {
    const side = JSON.parse(a.files.json) as { claims: Claim[]; style: string; angle: string; id: string; seed: number; snapshot: { coverage: string }; facts: Record<string, unknown> };
    expect(side.style).toBe(a.style);
    expect(side.angle).toBe(a.angle);
    expect(side.id).toBe(a.id);
    expect(side.seed).toBe(a.seed);
    expect(['complete', 'partial']).toContain(side.snapshot.coverage);
    expect(side.facts).not.toHaveProperty('claims');
    expect(side.claims.length).toBeGreaterThan(0);
    for (const c of side.claims) {
      expect(Object.keys(c).sort()).toEqual(['display', 'hedge', 'rounding', 'source', 'value']);
      expect(typeof c.display).toBe('string');
      expect(typeof c.value).toBe('number');
      expect(c.source.length).toBeGreaterThan(0);
      expect(c.rounding.length).toBeGreaterThan(0);
      expect(['exact', 'about', 'over', 'nearly', 'at least']).toContain(c.hedge);
    }
    const claimed = new Set(side.claims.flatMap((c) => figuresIn(c.display).map((f) => f.figure.toLowerCase())));
    for (const text of [a.title, a.description, a.body]) {
      for (const { figure } of figuresIn(text)) expect(claimed.has(figure.toLowerCase()), `"${figure}" has no claim in the sidecar`).toBe(true);
    }
  });

  it('each claimed figure relates to its value as its hedge says', () => {
    const side = JSON.parse(a.files.json) as { claims: Claim[] };
    for (const c of side.claims) {
      if (!/^\$?[\d,]+(\.\d+)?( ?(%|[KMBT]|thousand|million|billion|trillion))?$/i.test(c.display)) continue;
      const shown = displayValue(c.display);
      const what = `${c.display} for ${c.value} (${c.source})`;
      if (c.hedge === 'over') expect(c.value, what).toBeGreaterThan(shown);
      if (c.hedge === 'nearly') expect(c.value, what).toBeLessThan(shown);
      if (c.hedge === 'at least') expect(c.value, what).toBeGreaterThanOrEqual(shown);
      if (c.hedge === 'exact') expect(Math.abs(c.value - shown), what).toBeLessThan(1e-9 * Math.max(1, Math.abs(c.value)));
      if (c.hedge === 'about' && c.display.startsWith('$')) expect(Math.abs(shown - c.value) / c.value, what).toBeLessThanOrEqual(0.05);
    }
  });

  it('is named <UTC date of the window end>-<slug>', () => {
    expect(a.date).toBe(new Date(a.facts.window.end).toISOString().slice(0, 10));
    expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(a.slug.length).toBeLessThanOrEqual(80);
    expect(a.basename).toBe(`${a.date}-${a.slug}`);
    expect(splitFrontMatter(a.files.md).data['slug']).toBe(a.slug);
  });

  it('every file that can hold a stamp carries an intact one; verbatim formats carry none', () => {
    // Plain text and social posts are sent out as they are: their hash sits beside them (write.test.ts).
    const verbatim = new Set(['txt', 'thread', 'telegram']);
    for (const [format, text] of Object.entries(a.files)) expect(readStamp(text as string), format).toBe(verbatim.has(format) ? 'unstamped' : 'intact');
  });
});

describe('the stamp tells a generated file from an edited one', () => {
  const a = generateCase(findCase('golden/000-bulletin-long-flush'));

  it('a changed word in the body, the front matter or the page is "edited"', () => {
    expect(readStamp(a.files.md.replace('Bitcoin', 'Bitcoln'))).toBe('edited');
    expect(readStamp(a.files.md.replace('draft: true', 'draft: false'))).toBe('edited');
    expect(readStamp(a.files.html.replace('</article>', '<p>An editor was here.</p>\n</article>'))).toBe('edited');
    expect(readStamp(a.files.json.replace('"generator": "liquidation-news"', '"generator": "someone"'))).toBe('edited');
  });

  it('a forged stamp is "edited" too, and a file without one is "unstamped"', () => {
    expect(readStamp(a.files.md.replace(/sha256:[0-9a-f]{64}/, `sha256:${'1'.repeat(64)}`))).toBe('edited');
    expect(readStamp('---\ntitle: "x"\n---\nHello\n')).toBe('unstamped');
  });

  it('line endings converted to CRLF count as an edit', () => {
    expect(readStamp(a.files.md.replace(/\n/g, '\r\n'))).toBe('edited');
  });
});

describe('front matter strings', () => {
  it('are double-quoted YAML: plain text as it is, the rest escaped so no markup or template code shows', async () => {
    const { yamlString } = await import('../src/render/escape.js');
    expect(yamlString('crypto-liquidations-1-1b-long-flush')).toBe('"crypto-liquidations-1-1b-long-flush"');
    expect(yamlString("Bitcoin's $1.1B Flush: 84% Longs")).toBe('"Bitcoin\'s $1.1B Flush: 84% Longs"');
    expect(yamlString('say "hi" \\ <b>{{x}}</b>\n')).toBe('"say \\"hi\\" \\\\ \\u003Cb\\u003E\\u007B\\u007Bx\\u007D\\u007D\\u003C/b\\u003E\\n"');
    expect(yamlString('tab\there\u007f')).toBe('"tab\\x09here\\x7f"');
  });
});
