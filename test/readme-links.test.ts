/**
 * The README is the user's manual and stays short; the reference lives in
 * docs/. A reader who follows a link must land on a file that exists (and, for
 * an #anchor, on a heading), so a moved or renamed section shows up here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const README = join(ROOT, 'README.md');
const readme = readFileSync(README, 'utf8');
const docs = readdirSync(join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => join(ROOT, 'docs', f));

/** Markdown without its fenced code blocks and inline code, where `](` is not a link. */
function prose(md: string): string {
  return withoutFences(md).replace(/`[^`\n]*`/g, '');
}

function withoutFences(md: string): string {
  return md.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
}

/** Targets of `[text](target)` and `![alt](target)`, without a title. */
function linkTargets(md: string): string[] {
  return [...prose(md).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of withoutFences(md).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function brokenLinks(file: string, md = readFileSync(file, 'utf8')): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(md)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, javascript: shown as an example
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const dest = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (!existsSync(dest)) {
      broken.push(`${target} (no file ${dest})`);
      continue;
    }
    if (anchor !== undefined && dest.endsWith('.md') && !anchorsOf(path === '' ? md : readFileSync(dest, 'utf8')).has(anchor)) broken.push(`${target} (no heading #${anchor})`);
  }
  return broken;
}

describe('README as the user manual', () => {
  it('is at most 450 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(450);
  });

  it('has the required sections, in order', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    const required = ['Quick start', 'Contents', 'Commands', 'Config file', 'The snapshot', 'The five styles', 'Site recipes', 'Library', 'Troubleshooting', 'Development', 'Performance', 'Reliability and safety'];
    const at = required.map((h) => headings.findIndex((x) => x.startsWith(h)));
    expect(required.filter((_, i) => at[i] === -1), 'missing sections').toEqual([]);
    expect(at, 'sections out of order').toEqual([...at].sort((a, b) => a - b));
  });

  it('keeps the two-command quick start', () => {
    expect(readme).toContain('```sh\nnpm ci && npm start\nnpm test\n```');
  });

  it('shows a picture of a rendered article that exists', () => {
    const images = [...prose(readme).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(existsSync(join(ROOT, img)), img).toBe(true);
  });
});

describe('relative links', () => {
  for (const file of [README, ...docs]) {
    it(`every relative link in ${file.slice(ROOT.length)} resolves`, () => {
      expect(brokenLinks(file)).toEqual([]);
    });
  }

  it('reports a missing file and a missing heading, and ignores links inside code', () => {
    const md = '# Top\n\n[a](docs/NOPE.md) [b](#top) [c](#nowhere) `[d](gone.md)`\n\n```\n[e](gone.md)\n```\n';
    const broken = brokenLinks(README, md);
    expect(broken).toHaveLength(2);
    expect(broken[0]).toContain('docs/NOPE.md');
    expect(broken[1]).toContain('#nowhere');
  });

  it('the slug rule matches GitHub on a heading with code and punctuation', () => {
    expect([...anchorsOf('### Newsletter email (`--format email`)\n## A\n## A')]).toEqual(['newsletter-email---format-email', 'a', 'a-1']);
  });
});
