/**
 * Snapshot strings are plain text in every format. The hostile-strings
 * fixture puts markup, links, template code, comments, pipes, backticks,
 * underscores and a line break into every free-text field; in every style
 * none of it may become markup, a link, a script or template code.
 */
import { describe, it, expect } from 'vitest';
import { STYLE_NAMES, generate, type StyleName } from '../src/index.js';
import { findCase, splitFrontMatter, htmlTags, hrefs, NOW } from './helpers.js';

const hostile = findCase('edge/hostile-strings');

/** The URLs a template may link: the related links and the source credit (raw or percent-encoded). */
const encodeParens = (u: string): string => u.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function allowedLinks(snapshotText: string): Set<string> {
  const raw = JSON.parse(snapshotText) as { source: { url: string }; context: { related: { url: string }[] } };
  return new Set([raw.source.url, ...raw.context.related.map((r) => r.url)].flatMap((u) => [u, new URL(u).href, encodeParens(new URL(u).href)]));
}

/** GFM table rows must keep the header's column count: a `|` from data must not add a cell. */
function tableShapeProblems(md: string): string[] {
  const out: string[] = [];
  const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length;
  let header: number | null = null;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    if (header === null) header = cells(line);
    else if (cells(line) !== header) out.push(line);
  }
  return out;
}

describe.each(STYLE_NAMES.map((s) => [s] as [StyleName]))('hostile strings in %s', (style) => {
  const text = hostile.snapshotText;
  // A failure to render at all fails every test below.
  const article = () => generate(text, { style, now: NOW });

  it('the Markdown body keeps every snapshot string as text', () => {
    const { body } = splitFrontMatter(article().files.md);
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/<(img|a|b|iframe)[\s>]/i);
    expect(body).not.toContain('](javascript:');
    expect(body).not.toContain('**bold**');
    for (const token of ['{{', '{%', '<!--']) expect(body).not.toContain(token);
    // The line break inside a name must not start a new Markdown line.
    expect(body).not.toMatch(/^line two/m);
    expect(tableShapeProblems(body)).toEqual([]);
  });

  // Fails today: "[x](javascript:alert(1))" from a name or catalyst reaches the
  // page as visible text (harmless, not a link) but the contract wants no
  // `javascript:` anywhere in the page. Kept apart so the checks below still run.
  it('the HTML page contains no "javascript:" at all, not even as text', () => {
    expect(article().files.html).not.toMatch(/javascript:/i);
  });

  it('the HTML page has no script, link, tag or handler from the snapshot', () => {
    const { html } = article().files;
    expect(html.match(/<script\b[^>]*>/gi)).toEqual(['<script type="application/ld+json">']);
    for (const tag of htmlTags(html)) {
      expect(tag, 'event handler attribute').not.toMatch(/\son\w+\s*=/i);
      expect(tag, 'tag from snapshot text').not.toMatch(/^<(img|b|iframe|object|embed|svg|form|input)\b/i);
    }
    const allowed = allowedLinks(text);
    // In-page anchors (a table of contents) are the templates' own; any other link must be a related or source link.
    for (const href of hrefs(html)) if (!/^#[a-z0-9-]+$/.test(href)) expect(allowed.has(href), `unexpected link ${href}`).toBe(true);
    // Markdown markers in data stay literal characters.
    expect(html).not.toMatch(/<strong>bold<\/strong>|<em>u<\/em>|<code>(tick|OKX|code|backticks|z)<\/code>/);
  });

  it('the JSON-LD block is valid JSON and closes only where it should', () => {
    const { html } = article().files;
    const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toMatch(/<\/|<!--/);
    const ld = JSON.parse(m![1]!) as { headline: string };
    expect(ld.headline).toBe(article().title);
  });

  it('front matter is valid YAML whose title and description round-trip to the text', () => {
    const a = article();
    const fm = splitFrontMatter(a.files.md);
    expect(fm.data['title']).toBe(a.title);
    expect(fm.data['description']).toBe(a.description);
    // Nothing a site generator would execute or render as markup, even inside the quotes.
    expect(fm.yaml).not.toMatch(/[<>{}]/);
    for (const t of fm.data['tags'] as string[]) expect(t).toMatch(/^[a-z0-9-]+$/);
  });

  it('the slug is safe kebab-case ASCII whatever the input', () => {
    const a = article();
    expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(a.slug.length).toBeLessThanOrEqual(80);
  });
});
