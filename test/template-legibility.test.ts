/**
 * Templates the next writer can read (issue 10, "Templates people can
 * read"; the convention is in docs/TEMPLATES.md, "Layout"): no template
 * line over 200 characters (comments not counted), every alternative of a
 * `{{#pick}}` on its own line (each `{{else alt}}` starts a line), and a
 * `{{!-- needs: … --}}` comment on each conditional branch that holds a pick,
 * naming the fact the branch needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_DIR } from '../src/render/templates.js';

const MAX = 200;

function templateFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? templateFiles(dir, join(rel, e.name)) : e.name.endsWith('.hbs') ? [join(rel, e.name)] : []))
    .sort();
}

const files = templateFiles(TEMPLATE_DIR).map((name) => ({ name, source: readFileSync(join(TEMPLATE_DIR, name), 'utf8') }));
const TAG = /\{\{~?!--[\s\S]*?--~?\}\}|\{\{[\s\S]*?\}\}/g;
const inner = (tag: string): string =>
  tag
    .replace(/^\{\{~?/, '')
    .replace(/~?\}\}$/, '')
    .trim();
const lineOf = (source: string, at: number): number => source.slice(0, at).split('\n').length;

/** Whether the branch that starts at `from` (up to its `{{else}}` or closing tag) holds a `{{#pick}}`. */
function branchHoldsPick(source: string, from: number): boolean {
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  let depth = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const n = inner(m[0]);
    if (n.startsWith('!')) continue;
    if (n.startsWith('#pick')) return true;
    if (n.startsWith('#')) depth++;
    else if (n.startsWith('/')) {
      if (depth === 0) return false;
      depth--;
    } else if (/^else(\s+if\b|$)/.test(n) && depth === 0) return false;
  }
  return false;
}

describe('templates people can read', () => {
  it(`has ${files.length} templates to read`, () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it(`no line over ${MAX} characters, comments not counted`, () => {
    const long = files.flatMap(({ name, source }) =>
      source.split('\n').flatMap((line, i) => {
        const length = line.replace(/\{\{~?!--[\s\S]*?--~?\}\}/g, '').replace(/\{\{~?![^}]*\}\}/g, '').length;
        return length > MAX ? [`${name}:${i + 1} (${length})`] : [];
      }),
    );
    expect(long).toEqual([]);
  });

  it('each {{else alt}} of a pick starts a line, so the alternatives stand one above the other', () => {
    const inline = files.flatMap(({ name, source }) =>
      source.split('\n').flatMap((line, i) => (/\S.*\{\{~?else alt/.test(line.replace(/^\s*\{\{~?else alt/, '')) || /^\s*\S.*\{\{~?else alt/.test(line) ? [`${name}:${i + 1}`] : [])),
    );
    expect(inline).toEqual([]);
  });

  it('a conditional branch laid out over lines that holds a pick names the fact it needs', () => {
    const missing: string[] = [];
    for (const { name, source } of files) {
      for (const m of source.matchAll(new RegExp(TAG.source, 'g'))) {
        const n = inner(m[0]);
        if (!/^(#if|#unless|else if|else)(\s|$)/.test(n) || n === 'else alt') continue;
        const end = m.index + m[0].length;
        const next = source.slice(end, end + 80);
        // A branch written on the tag's own line is read together with its test.
        if (!/^(\{\{~?!--[\s\S]*?--~?\}\})?\s*\n/.test(next)) continue;
        if (branchHoldsPick(source, end) && !/^\n?\{\{~?!-- needs:/.test(next)) missing.push(`${name}:${lineOf(source, m.index)} ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the convention is written down in docs/TEMPLATES.md', () => {
    const doc = readFileSync(join(TEMPLATE_DIR, '../docs/TEMPLATES.md'), 'utf8');
    expect(doc).toMatch(/how to add an alternative/i);
  });
});
