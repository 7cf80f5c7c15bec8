// The variation measure: over a daily feed rendered in date order, the share
// of an article's sentence templates (figures, names and dates masked) that
// already appeared in the previous seven articles of the same style. Printed
// per style, with the history store off and on. `npm run bench:repeats`
// (builds first); REPEATS_DAYS sets the feed's length (default 45).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from '../dist/index.js';
import { dailyFeed } from './daily-feed.js';

const DAYS = Number(process.env.REPEATS_DAYS ?? 45);
const WINDOW = 7;
const NOW = new Date('2026-12-01T00:00:00Z');

/** The sentences of an article with figures, names and dates replaced by placeholders. */
export function sentenceTemplates(article, snap) {
  const names = new Set(['CoinGlass']);
  for (const a of snap.assets ?? []) [a.symbol, a.name].forEach((n) => n && names.add(n));
  for (const e of snap.exchanges ?? []) names.add(e.name);
  if (snap.largestOrder) [snap.largestOrder.symbol, snap.largestOrder.exchange].forEach((n) => names.add(n));
  // Headings are the style's fixed sections (the seeds' own structure), and the hashtag line is tags: neither is a sentence.
  const prose = article.body.split('\n').filter((l) => !/^#{1,6} /.test(l) && !/^(\\?#\w+ ?|\\?\$[A-Z0-9]+ ?)+$/.test(l.trim()));
  let text = `${article.title}\n${prose.join('\n')}`
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*_`#>|[\]\\]/g, ' ');
  for (const n of [...names].sort((a, b) => b.length - a.length)) text = text.split(n).join('@');
  text = text
    .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b( \d{1,2}(st|nd|rd|th)?)?(, \d{4})?/g, 'D')
    .replace(/\$?\d[\d,]*(\.\d+)?(%|[KMBT]\b| (thousand|million|billion|trillion))?/g, '#')
    .replace(/[ \t]+/g, ' ');
  const out = new Set();
  for (const s of text.split(/(?<=[.!?])\s+|\n+/)) {
    const t = s.trim().replace(/^[-🔹🔸•\s]+/u, '');
    if (t.replace(/[^A-Za-z]/g, '').length >= 12) out.add(t);
  }
  return out;
}

function measure(style, feed, options) {
  const seen = [];
  const shares = [];
  for (const snap of feed) {
    const article = lib.generate(snap, { style, now: NOW, ...options });
    options.history?.record(article);
    const mine = sentenceTemplates(article, snap);
    const before = new Set(seen.slice(-WINDOW).flatMap((s) => [...s]));
    if (seen.length >= WINDOW) shares.push([...mine].filter((t) => before.has(t)).length / mine.size);
    seen.push(mine);
  }
  return shares.reduce((t, x) => t + x, 0) / shares.length;
}

if (process.argv[1]?.endsWith("repeats.js")) main();
function main() {
const feed = dailyFeed(DAYS);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
console.log(`sentence templates already used in the previous ${WINDOW} articles of the style (${DAYS} daily snapshots, date order)`);
console.log('style      history off   history on   in-memory variation');
for (const style of lib.STYLE_NAMES) {
  const off = measure(style, feed, {});
  const memory = measure(style, feed, { variation: lib.memoryVariation() });
  let on = 'n/a';
  if (typeof lib.openHistory === 'function') {
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-repeats-'));
    const history = lib.openHistory(join(dir, 'history.sqlite'));
    try {
      on = pct(measure(style, feed, { history }));
    } finally {
      history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`${style.padEnd(10)} ${pct(off).padStart(11)}   ${on.padStart(10)}   ${pct(memory).padStart(10)}`);
}
}
