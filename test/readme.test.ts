/**
 * The README's style excerpts are real output: every line of them must be in
 * a golden article, so a template change that alters them shows up here and
 * the README is brought along.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, listCases } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = sectionOf(readme, '## The five styles');

/** From a heading to the next second-level heading outside a code block (the excerpts hold `## TL;DR`). */
function sectionOf(md: string, heading: string): string {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) return '';
  let fenced = false;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i]!.startsWith('```')) fenced = !fenced;
    else if (!fenced && lines[i]!.startsWith('## ')) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n');
}
const excerpts = [...section.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]!);
const golden = [...listCases('golden'), ...listCases('edge')].map((c) => readFileSync(join(c.dir, 'expected', 'article.md'), 'utf8')).join('\n');

describe('README style excerpts', () => {
  it('has one excerpt for each of the five styles', () => {
    expect(excerpts).toHaveLength(5);
  });

  it('quotes only lines the golden articles hold', () => {
    const missing = excerpts
      .flatMap((e) => e.split('\n'))
      .map((l) => l.trim().replace(/^# /, ''))
      .filter((l) => l !== '' && l !== '…' && !golden.includes(l));
    expect(missing).toEqual([]);
  });
});
