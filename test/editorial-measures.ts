/**
 * Editorial measures over one article's Markdown body (issue 10, items 7 and
 * 8): the things a desk editor counts when a piece "reads generated". Pure
 * functions of the text, so the same measures serve test/editorial.test.ts,
 * `npm run editorial` and a read of the seed articles for comparison.
 *
 * The detectors are deliberately simple (a sentence splitter, a be-verb +
 * participle passive test, word n-grams); each comment says what it counts
 * and what it leaves alone, so a failure can be checked by reading the text.
 */

/** Phrases a desk strikes as stock idioms; an article may carry at most one. */
export const STOCK_IDIOMS = [
  "lion's share",
  'caught in the crossfire',
  'bloodbath',
  'bore the brunt',
  'bear the brunt',
  'bearing the brunt',
  'silver lining',
  'plot twist',
  'cold comfort',
  'perfect storm',
  'cuts both ways',
  'double-edged sword',
  'rekt',
  'sent the invoice',
  'paid the price',
  'took the hit',
  'got the bill',
  'on the hook',
  'red across the screens',
  'the writing on the wall',
  'in the crosshairs',
  'painted the tape',
  'blood in the streets',
  'the tip of the iceberg',
  'a wake-up call',
  'sat this one out',
  'the record books',
] as const;

/** Words that carry no content of their own (a headline sharing one with the lead is no echo). */
const STOPWORDS = new Set(
  (
    'a an the and or but nor for so yet of in on at to by from with as into onto over under after before than then ' +
    'is are was were be been being has have had do does did it its this that these those there their they them ' +
    'what which who whom whose when where why how more most less least much many some any all each every both ' +
    'out up down off about above below again once just only also still not no nor very too can will would could ' +
    'should may might must shall our your his her him she he we you i me my us one two three new'
  ).split(' '),
);

/**
 * Topic words every article in this product shares with its headline: the
 * subject (crypto liquidations), the window units and the sides' plain names.
 * Saying them again is what the piece is about, not an echo.
 */
const TOPIC = new Set(
  ('crypto market markets liquidation liquidations liquidated liquidate hour hours day days week weeks minute minutes past last over ' +
    'thousand million billion trillion fear greed extreme neutral index positions bets leverage leveraged futures traders').split(' '),
);

/** The first word of each coin name and ticker the snapshot generators use, and common ones. */
const COIN_WORDS = new Set(
  'bitcoin btc ethereum eth ether solana sol xrp dogecoin doge hyperliquid hype zcash zec pepe 1inch bnb cardano ada sui'.split(' '),
);

/** Markdown body → plain prose lines (headings, table rows and hashtag lines dropped; list markers, emphasis and emoji removed). */
export function proseLines(md: string): string[] {
  const out: string[] = [];
  for (const raw of md.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('\\#') || line.startsWith('|') || line.startsWith('---')) continue;
    if (/^(?:\\?#\w+\s*)+(?:\$\w+\s*)*$/.test(line)) continue;
    out.push(plain(line));
  }
  return out.filter((l) => l.length > 0);
}

/** Strips list markers, emphasis, links, emoji and Markdown escapes from one line. */
export function plain(line: string): string {
  return line
    .replace(/^(?:[-*+]|\d+\.)\s+/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|$<>~])/g, '$1')
    .replace(/\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])/g, '')
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/gu, '')
    .replace(/\u{FE0F}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Sentences of the prose, in reading order. A sentence ends at `.`, `!` or
 * `?` followed by a space and a capital, a figure, a `$` or a quote; decimal
 * points and "U.S." style abbreviations do not end one.
 */
export function sentences(md: string): string[] {
  return proseLines(md).flatMap((l) =>
    l
      .split(/(?<=[.!?])\s+(?=[A-Z0-9$"“(])/)
      .map((s) => s.trim())
      .filter((s) => /[a-z]/i.test(s)),
  );
}

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** "at least", case-insensitive, in the body. */
export function atLeastCount(md: string): number {
  return count(proseLines(md).join('\n'), /\bat least\b/gi);
}

/**
 * The window phrase: "in the past 24 hours", "over the past 8 hours", "in the
 * last hour", "this week", "the past week", "over the past day". Counts the
 * article's own wording of its window, however it is phrased.
 */
export const WINDOW_PHRASE =
  /\b(?:(?:in|over|during|across|within) )?the (?:past|last) (?:(?:\d[\d.,]*|few|two|three|seven) )?(?:hours?|days?|weeks?|minutes?)\b|\bthis week\b|\bin a single (?:hour|day|week)\b/gi;

export function windowPhraseCount(md: string): number {
  return count(proseLines(md).join('\n'), WINDOW_PHRASE);
}

/** A money figure: "$412 million", "$1.08 billion", "$700,000" (at least $1,000, so cents-level small change is left alone). */
const MONEY = /\$\d[\d,]*(?:\.\d+)?(?: (?:million|billion|trillion))?/g;

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^a-z0-9$%'.,-]+/)
    .map((w) => w.replace(/^[^a-z0-9$]+|[^a-z0-9%]+$/g, ''))
    .filter((w) => w.length > 0);
}

function ngrams(ws: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= ws.length; i++) {
    const g = ws.slice(i, i + n);
    if (g.every((w) => STOPWORDS.has(w) || /^[\d$]/.test(w))) continue; // "of the $1 in": no words of its own
    out.push(g.join(' '));
  }
  return out;
}

export interface Repeat {
  phrase: string;
  first: string;
  second: string;
}

/**
 * Back-to-back repeats: two consecutive sentences that share a money figure
 * with its unit ("$412 million"), a 4-word run of words (not all stopwords),
 * or their first three words ("Every dollar of …" / "Every dollar of it").
 */
export function backToBackRepeats(md: string): Repeat[] {
  const ss = sentences(md);
  const out: Repeat[] = [];
  for (let i = 1; i < ss.length; i++) {
    const [a, b] = [ss[i - 1]!, ss[i]!];
    const moneyA = new Set((a.match(MONEY) ?? []).filter((m) => /[,\s]/.test(m.slice(1)) || / /.test(m)));
    const money = (b.match(MONEY) ?? []).find((m) => moneyA.has(m));
    if (money) {
      out.push({ phrase: money, first: a, second: b });
      continue;
    }
    const wa = words(a);
    const wb = words(b);
    const ga = new Set(ngrams(wa, 4));
    const g = ngrams(wb, 4).find((x) => ga.has(x));
    if (g) {
      out.push({ phrase: g, first: a, second: b });
      continue;
    }
    const opening = (ws: string[]): string => ws.slice(0, 3).join(' ');
    if (wa.length >= 3 && wb.length >= 3 && opening(wa) === opening(wb)) out.push({ phrase: opening(wa), first: a, second: b });
  }
  return out;
}

/** A light stem: "flushed", "flushes", "flushing" → "flush"; enough to see one word said twice. */
export function stem(w: string): string {
  return w
    .toLowerCase()
    .replace(/'s$/, '')
    .replace(/(?:ing|ed|es|s)$/, '')
    .replace(/e$/, '');
}

/** Content words of a headline: not a stopword, a topic word, a coin name, a figure or a side of fewer than four letters. */
export function contentWords(title: string): string[] {
  return words(title).filter((w) => /^[a-z]/.test(w) && w.length >= 4 && !STOPWORDS.has(w) && !TOPIC.has(w) && !COIN_WORDS.has(w));
}

/** The lead's first sentence: the first prose sentence that is not the recap's italic dek. */
export function firstLeadSentence(md: string): string {
  const lines = md.split('\n').map((l) => l.trim());
  const first = lines.find((l) => l !== '' && !l.startsWith('#') && !/^\*[^*].*\*$/.test(l) && !l.startsWith('|'));
  return first ? (sentences(first)[0] ?? '') : '';
}

/** Headline words said again in the lead's first sentence (stems compared). */
export function headlineEcho(title: string, md: string): string[] {
  const lead = new Set(words(firstLeadSentence(md)).map(stem));
  return [...new Set(contentWords(title).filter((w) => lead.has(stem(w))))];
}

/** Past participles that do not end in -ed. */
const IRREGULAR =
  'taken given shown seen done made hit held set paid driven thrown left caught brought built kept told sold found put cut run ' +
  'beaten broken chosen drawn eaten fallen forgotten frozen gotten hidden known led lost meant read ridden risen shaken shut spent ' +
  'split spread stolen struck swept torn understood won worn written wound borne blown';
const PARTICIPLE = `(?:(?:\\w+-)?\\w+ed|(?:\\w+-)?(?:${IRREGULAR.split(' ').join('|')}))`;
const PASSIVE = new RegExp(`\\b(?:am|is|are|was|were|be|been|being|get|gets|got|getting)\\s+(?:(?:not|also|still|then|all|both|just|often|now|being|\\w+ly)\\s+)*${PARTICIPLE}\\b`, 'i');

/** Whether a sentence has a be-verb (or get) followed by a past participle: "was wiped out", "were forced". */
export function isPassive(sentence: string): boolean {
  return PASSIVE.test(sentence);
}

export function passiveCounts(md: string): { passive: number; sentences: number } {
  const ss = sentences(md);
  return { passive: ss.filter(isPassive).length, sentences: ss.length };
}

/** Stock idioms found (each counted once per occurrence). */
export function idioms(md: string, title = ''): string[] {
  const text = `${title}\n${proseLines(md).join('\n')}`.toLowerCase().replace(/’/g, "'");
  return STOCK_IDIOMS.flatMap((i) => Array<string>(count(text, new RegExp(`\\b${i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'))).fill(i));
}

/**
 * One-item lists under a plural heading or lead-in: a list of exactly one
 * item whose preceding line is a heading or ends with ":" and says a plural
 * ("drivers", "What's driving it", "factors", "Key points"). A singular
 * lead-in ("The main driver:") over one item is fine.
 */
export function oneItemPluralLists(md: string): string[] {
  const lines = md.split('\n');
  const out: string[] = [];
  const isItem = (l: string): boolean => /^\s*(?:[-*+]\s|\d+\.\s|🔸|🔹)/u.test(l);
  for (let i = 0; i < lines.length; i++) {
    if (!isItem(lines[i]!) || (i > 0 && isItem(lines[i - 1]!))) continue;
    let j = i;
    while (j + 1 < lines.length && (isItem(lines[j + 1]!) || (lines[j + 1]!.trim() === '' && j + 2 < lines.length && isItem(lines[j + 2]!)))) j++;
    const items = lines.slice(i, j + 1).filter(isItem).length;
    if (items !== 1) continue;
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const intro = k >= 0 ? lines[k]!.trim() : '';
    const isIntro = intro.startsWith('#') || intro.endsWith(':');
    if (isIntro && /\b(?:drivers|factors|reasons|key points|forces|what'?s driving|what drove|takeaways|highlights)\b/i.test(intro)) out.push(intro);
  }
  return out;
}

/**
 * The closing sentence: the last prose sentence before the trailing
 * furniture (hashtags, "Also Read" and related lists, the disclaimer, the
 * generated-from-data line, headings of those).
 */
export function closingSentence(md: string): string {
  const lines = md.split('\n').map((l) => l.trim());
  const furniture = (l: string): boolean =>
    l === '' ||
    l.startsWith('#') ||
    l.startsWith('\\#') ||
    l.startsWith('|') ||
    l.startsWith('- [') ||
    l.startsWith('* [') ||
    /^\*(?:Disclaimer|This article|Generated|Data:|Source)/i.test(l) ||
    /^(?:Disclaimer|This article was|Generated|Also Read|Related)/i.test(plain(l)) ||
    /^\[[^\]]*\]\([^)]*\)$/.test(l) ||
    /\bautomat(?:ic|ically|ed)\b/i.test(l); // the explainer's generated-from-data line
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (furniture(l)) continue;
    const ss = sentences(l);
    return ss[ss.length - 1] ?? '';
  }
  return '';
}

/** A closing sentence with its figures, names and window masked, so two closings that differ only in figures count as one. */
export function closingShape(sentence: string, names: readonly string[] = []): string {
  let s = sentence;
  for (const n of [...names].sort((x, y) => y.length - x.length)) if (n) s = s.split(n).join('NAME');
  return s
    .replace(WINDOW_PHRASE, 'WINDOW')
    .replace(/(?:at least |about |nearly |over )?\$?\d[\d.,]*(?:%| (?:million|billion|thousand|hours?|days?|minutes?))?/g, 'N')
    .toLowerCase();
}

/** Words of the prose (for rates per 1,000 words). */
export function wordCount(md: string): number {
  return proseLines(md).join(' ').split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}

/** The explainer's FAQ questions (### headings under "## FAQs"). */
export function faqQuestions(md: string): string[] {
  return [...md.matchAll(/^### (.+)$/gm)].map((m) => m[1]!.trim());
}

/** The evergreen FAQ questions (templates/explainer/faq.hbs, slots "ex-faq-ever-a" and "ex-faq-ever-b"). */
export const EVERGREEN_QUESTIONS = [
  'What sets off a crypto liquidation cascade?',
  'Is a liquidated position the same as a loss?',
  'How is a liquidation price set?',
  'How does a liquidation wave spill over to altcoins?',
  'What usually follows a large liquidation event?',
  'Why do liquidation figures differ between data providers?',
] as const;
