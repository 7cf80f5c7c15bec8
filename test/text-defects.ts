/**
 * What an editor would circle in an article that every figure of is right:
 * a number written in e-notation, "1 minutes", "3,055 minutes", "0 traders",
 * a "$0" said as if it were an amount, "Mt..", doubled spaces, a space before
 * punctuation, a missing value, an empty section. Used by the property test
 * (test/property.test.ts) and the random-snapshot tests (test/fuzz.test.ts).
 */
import { LEAKS } from './helpers.js';

/** Reading problems line by line: doubled spaces, space before punctuation, doubled punctuation, empty sections. */
export function readingProblems(md: string): string[] {
  const out: string[] = [];
  const at = (line: string, re: RegExp): string | null => {
    const m = re.exec(line);
    return m ? line.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40) : null;
  };
  for (const [i, line] of md.split('\n').entries()) {
    const doubled = at(line, /\S {2,}\S/);
    if (doubled) out.push(`line ${i + 1}: doubled space: ${doubled}`);
    const before = at(line, /\s[,.;:!?](\s|$)/);
    if (before) out.push(`line ${i + 1}: space before punctuation: ${before}`);
    const stray = at(line, /[,;:]{2,}|[,;]\.|(?<!\.)\.\.(?!\.)|\(\s*\)/);
    if (stray) out.push(`line ${i + 1}: stray punctuation: ${stray}`);
  }
  // A heading followed by nothing, or straight by a heading of its own level or above, heads an empty section.
  const lines = md.split('\n').filter((l) => l.trim() !== '');
  lines.forEach((line, i) => {
    const level = /^(#+) /.exec(line)?.[1]?.length;
    if (level === undefined) return;
    const next = lines[i + 1];
    const nextLevel = next === undefined ? 0 : (/^(#+) /.exec(next)?.[1]?.length ?? Infinity);
    if (nextLevel <= level) out.push(`an empty section: ${line}`);
  });
  return out;
}

/** Counted nouns an article uses: "1 trader", never "1 traders". */
const COUNTED = 'minutes|hours|days|weeks|traders|assets|coins|tokens|exchanges|venues|positions|orders|accounts|windows|points|sessions';

const DEFECTS: readonly [RegExp, string][] = [
  [/\d(?:\.\d+)?e[-+]?\d+/i, 'a number in e-notation'],
  [new RegExp(`(?<![\\w.,])1 (?:${COUNTED})\\b`, 'i'), 'a plural after 1'],
  [/(?<![\d.,])(?:1[2-9]\d|[2-9]\d\d|\d,?\d{3,}) minutes\b/i, 'a long window counted in minutes'],
  [/(?<![\w.,$])0 (?:traders|positions|accounts|liquidations|orders)\b/i, 'nobody counted as "0"'],
  [/\$0(?:\.0+)?(?![.,]?\d)/, 'a "$0" said as an amount'],
  [/(?<![\d.,])0(?:\.0+)? (?:thousand|million|billion|trillion)\b/i, 'a zero in words'],
  [/\b(?:at least|over|more than|nearly|almost|about) (?:\$0|0)(?![.,]?\d| exchange| token)/i, 'a hedge on nothing'],
];

/** Markdown as it reads: character references decoded, backslash escapes gone. */
export function asRead(md: string): string {
  return md
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);
}

/** The defects in one article's text (headline, description and body). */
export function textDefects(title: string, description: string, markdownBody: string): string[] {
  const body = asRead(markdownBody);
  const text = `${title}\n${description}\n${body}`;
  const out: string[] = [];
  const leak = LEAKS.exec(text);
  if (leak) out.push(`a missing value reached the text: ${leak[0]}`);
  for (const [re, what] of DEFECTS) {
    const m = re.exec(text);
    if (m) out.push(`${what}: …${text.slice(Math.max(0, m.index - 50), m.index + m[0].length + 30).replace(/\s+/g, ' ')}…`);
  }
  for (const p of readingProblems(body)) out.push(p);
  if (!title.trim() || title.includes('\n')) out.push('the headline is empty or not one line');
  return out;
}
