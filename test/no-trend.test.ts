/**
 * Issue 9: with no history for a window length, no sentence may assert a
 * trend or a comparison with an earlier time ("Liquidations Jump to $1.2B",
 * "Sentiment Sours Into Fear", "the mood has turned cautious", "a day
 * earlier"). Every fixture and a few hundred random snapshots are rendered in
 * every style without history, and their headline, description and body are
 * read for words of change. With a history that says the previous window was
 * lower (or higher, or level), the same reader must find them: the check
 * fails both ways.
 *
 * Moves inside the window are facts of the snapshot and may be told: in a
 * headline a word of change followed by its percent figure ("as Bitcoin
 * Climbs 5.4%") is not flagged, and in a body a word of change counts only
 * when its subject is the tally or the mood ("liquidations jumped",
 * "sentiment soured"), beside phrases that compare with an earlier time
 * whatever their subject ("a day earlier", "stays upbeat", "has turned
 * cautious", "followed prices down"): a price that rose in the window, open
 * interest that climbed 4%, a bet on a rise are facts. Text the snapshot
 * supplies (catalysts, related titles, names) is blanked before reading: it
 * is the editor's, not the template's.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import type { StyleName } from '../src/plan/styles.js';
import { allCases, NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';

/** Every style; tldr and analysis are listed too (their templates are being rewritten elsewhere). */
const STYLES: readonly StyleName[] = ['bulletin', 'explainer', 'recap', 'tldr', 'analysis'];

/** Verbs of change a headline may use only on history's word (a headline's subject is the tally or the mood). */
const HEADLINE_TREND =
  /\b(?:rise|rises|rose|rising|climb|climbs|climbed|climbing|jump|jumps|jumped|edges? up|edged up|ticks? up|inch(?:es)? (?:up|higher)|push(?:es)? higher|spike|spikes|spiked|surge|surges|surged|soar|soars|soared|sour|sours|soured|sink|sinks|sank|plunge|plunges|plunged|slips?|slipped|slides?|slid|fall|falls|fell|drops?|dropped|eases?|eased|cools?|cooled|edges? down|worsens?|worsened|deepens?|deepened|rebounds?|rebounded|renewed|again|another|once more|stays?|remains?|(?:turns?|turned|shifts?|shifted|moves?|moved) (?:to|into|down|up|fearful|greedy)|hold steady|hover|hovers)\b/gi;

/**
 * In a body or description, the same verbs count when their subject is the tally or the mood ("liquidations
 * jumped", "sentiment soured", "the mood has turned"): a price or open interest that rose in the window is a fact.
 */
const SUBJECT_TREND =
  /\b(?:liquidations|the (?:total|tally)|the liquidation (?:total|tally|count)|sentiment|the mood|the (?:fear & greed )?index|the gauge|fear|greed)\b[^.;:,!?\n]{0,20}?\b(?:rise|rises|rose|rising|climb|climbs|climbed|climbing|jump|jumps|jumped|edges? up|edged up|spike|spikes|spiked|surge|surges|surged|soar|soars|soared|sour|sours|soured|sink|sinks|sank|worsens?|worsened|deepens?|deepened|rebounds?|rebounded|eases?|eased|cools?|cooled|(?:has |have )?turned|stays?|remains?|fell|dropped|slid|slipped|again|once more)\b/gi;

/** Phrases that compare with an earlier time whatever their subject. */
const COMPARISON =
  /\b(?:renewed|once again|yet again|(?:has|have) turned (?:cautious|fearful|greedy|upbeat|to|more|sour)|stays (?:cautious|upbeat|balanced|fearful|greedy)|followed prices (?:down|up|lower|higher)|more than yesterday|than yesterday|the day before|(?:a day|an hour|a week) earlier|the previous (?:day|hour|week|window|session)|roughly level with|times the median|the median of the previous|(?:second|third)-largest \w+ total|largest (?:daily|hourly|weekly|[\w-]+-(?:hour|day|minute)) total|previous high on file)\b/gi;

/** A move told with its own figure ("rose 3.1% to", "Climbs 5.4%"): a fact of the window. */
function exempt(text: string, at: number, word: string): boolean {
  const after = text.slice(at + word.length, at + word.length + 16);
  return /^\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?\d[\d.,]*%/.test(after);
}

function hits(text: string, list: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(list)) {
    if (!exempt(text, m.index, m[0])) out.push(`"${m[0]}" in …${text.slice(Math.max(0, m.index - 50), m.index + m[0].length + 30).replace(/\n/g, ' ')}…`);
  }
  return out;
}

/** Every string the snapshot supplies, longest first, so the editor's own words are not read as the template's. */
function suppliedStrings(snapshot: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 3) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(snapshot);
  return [...out].sort((a, b) => b.length - a.length);
}

interface Rendered {
  title: string;
  description: string;
  body: string;
}

/** The trend wordings in an article, each named with where it stands. */
function trendIn(a: Rendered, snapshot: unknown): string[] {
  const blank = (s: string): string => suppliedStrings(snapshot).reduce((t, x) => t.split(x).join('…'), s.replace(/\\(?=[^\w\s])/g, ''));
  return [
    ...hits(blank(a.title), HEADLINE_TREND).map((h) => `headline: ${h}`),
    ...[SUBJECT_TREND, COMPARISON].flatMap((re) => hits(blank(a.description), re)).map((h) => `description: ${h}`),
    ...[SUBJECT_TREND, COMPARISON].flatMap((re) => hits(blank(a.body), re)).map((h) => `body: ${h}`),
  ];
}

const SNAPSHOTS = Array.from({ length: 300 }, (_, i) => ({ seed: 9000 + i, snap: randomSnapshot(9000 + i) }));

describe('the trend reader', () => {
  it('flags a verb of change and lets a move told with its figure pass', () => {
    const art = (title: string, body = 'Nothing to add.'): Rendered => ({ title, description: 'A summary.', body });
    expect(trendIn(art('Crypto Liquidations Jump to $1.2B as Market Sentiment Sours Into Fear'), {})).toHaveLength(2);
    expect(trendIn(art('Crypto Liquidations Edge Up to $96M'), {})).toHaveLength(1);
    expect(trendIn(art('Shorts Squeezed: $180M Liquidated in 24 Hours as Bitcoin Rises 5.4%'), {})).toEqual([]);
    expect(trendIn(art('$1.2B in Crypto Liquidations in 24 Hours as Market Sentiment Sits in Fear'), {})).toEqual([]);
    expect(trendIn(art('A title', 'The mood, meanwhile, has turned cautious. It is up 23% from $410 million a day earlier.'), {})).toHaveLength(2);
    expect(trendIn(art('A title', 'Liquidations jumped overnight. Sentiment soured into Fear. The tally followed prices down.'), {})).toHaveLength(3);
    expect(trendIn(art('A title', 'Bitcoin rose 3.1% to $98,000, and traders who had bet on a rise were spared. Open interest climbed 4.2%. As prices rose, shorts were closed.'), {})).toEqual([]);
    expect(trendIn(art('How Leverage Turned on Crypto Bulls'), {})).toEqual([]);
    // The editor's catalyst is the snapshot's text, not the template's.
    expect(trendIn(art('A title', 'Backdrop: ETF inflows rose for a third day.'), { context: { catalysts: ['ETF inflows rose for a third day'] } })).toEqual([]);
  });
});

describe('without history, no article asserts a trend or a comparison', () => {
  for (const style of STYLES) {
    it(`${style}: every fixture and ${SNAPSHOTS.length} random snapshots`, () => {
      const problems: string[] = [];
      for (const c of allCases()) {
        const snap = JSON.parse(c.snapshotText) as unknown;
        const a = generate(c.snapshotText, { style, now: NOW, timeZone: c.spec.timeZone ?? 'UTC' });
        expect(a.facts.history, c.id).toBeNull();
        for (const p of trendIn(a, snap)) problems.push(`${c.id}: ${p}`);
      }
      for (const { seed, snap } of SNAPSHOTS) {
        const a = generate(snap, { style, now: NOW });
        for (const p of trendIn(a, snap)) problems.push(`seed ${seed}: ${p}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('with history, the comparison is told', () => {
  const base = JSON.parse(allCases().find((c) => c.id === 'golden/004-explainer-fear')!.snapshotText) as {
    window: { start: string; end: string };
    totals: { usd: number };
    context?: Record<string, unknown>;
  };
  const DAY = 86_400_000;
  /** The snapshot with a previous 24-hour window of `ratio` times this total (and a sentiment reading of `index`). */
  const withPrevious = (ratio: number, index?: number): Record<string, unknown> => {
    const start = Date.parse(base.window.start);
    const previous: Record<string, unknown> = { start: new Date(start - DAY).toISOString(), end: base.window.start, usd: Math.round(base.totals.usd * ratio) };
    if (index !== undefined) previous['sentimentIndex'] = index;
    return { ...base, context: { ...(base.context ?? {}), history: { previous } } };
  };

  it('the explainer headline rises only on history\'s word, by the size of the change', () => {
    const title = (ratio: number, index?: number): string => generate(withPrevious(ratio, index), { style: 'explainer', now: NOW }).title;
    expect(title(1 / 3)).toMatch(/^Crypto Liquidations (Spike|Surge|Jump) to \$1\.2B as /);
    expect(title(1 / 1.4)).toMatch(/^Crypto Liquidations (Climb|Rise|Push Higher) to \$1\.2B as /);
    expect(title(1 / 1.08)).toMatch(/^Crypto Liquidations (Edge Up|Tick Up|Inch Higher) to \$1\.2B as /);
    expect(title(2)).toMatch(/^Crypto Liquidations (Ease|Cool|Fall Back) to \$1\.2B as /);
    expect(title(1.02)).toMatch(/^Crypto Liquidations (Hold Near|Hold Steady at|Hover Near) \$1\.2B as /);
    // The snapshot's index is 28 (Fear): from 50 (Neutral) it sours, from 35 (Fear) it stays.
    expect(title(1 / 3, 50)).toMatch(/ as Market Sentiment (Sours Into|Slips Into|Turns Down to) Fear$/);
    expect(title(1 / 3, 35)).toMatch(/ as Market Sentiment (Sinks Deeper Into|Slides Further Into|Stays Mired in) Fear$/);
    // Without history the same story states the window's total and the reading now.
    const plain = generate(base, { style: 'explainer', now: NOW });
    expect(trendIn(plain, base)).toEqual([]);
    expect(plain.title).toMatch(/ as Market Sentiment (Sits in|Reads|Leans Toward) Fear$/);
  });

  it('the explainer headline follows history.previous on random snapshots, and says no change without it', () => {
    const RATIOS = [0.2, 0.5, 0.8, 0.95, 1, 1.04, 1.1, 1.5, 3];
    const VERB = { up: /^Crypto Liquidations (Spike|Surge|Jump|Climb|Rise|Push Higher|Edge Up|Tick Up|Inch Higher) to /, down: /^Crypto Liquidations (Ease|Cool|Fall Back|Dip|Slip|Edge Down) to /, level: /^Crypto Liquidations (Hold Near|Hold Steady at|Hover Near) / };
    const problems: string[] = [];
    for (const { seed, snap } of SNAPSHOTS.slice(0, 150)) {
      const s = snap as { window: { start: string; end: string }; totals: { usd: number }; context?: Record<string, unknown> };
      const start = Date.parse(s.window.start);
      const previous = { start: new Date(2 * start - Date.parse(s.window.end)).toISOString(), end: s.window.start, usd: Math.max(1, Math.round(s.totals.usd * RATIOS[seed % RATIOS.length]!)), sentimentIndex: (seed * 37) % 101 };
      const withHistory = { ...s, context: { ...(s.context ?? {}), history: { previous } } };
      const a = generate(withHistory, { style: 'explainer', now: NOW });
      if (a.facts.total.value === 0) continue;
      const direction = a.facts.history?.previous?.direction;
      if (direction && !VERB[direction].test(a.title)) problems.push(`seed ${seed} (${direction}): ${a.title}`);
      if (!direction && trendIn({ ...a, body: '', description: '' }, withHistory).length > 0) problems.push(`seed ${seed} (no comparison): ${a.title}`);
    }
    expect(problems).toEqual([]);
  });

  for (const style of STYLES) {
    it(`${style}: a previous window a third the size is compared, and the reader sees it`, () => {
      const snap = withPrevious(1 / 3, 50);
      const a = generate(snap, { style, now: NOW });
      expect(a.facts.history?.previous?.direction).toBe('up');
      expect(trendIn(a, snap).length, `${style} says nothing of the previous window:\n${a.title}\n${a.body}`).toBeGreaterThan(0);
    });
  }
});
