/**
 * The optional `context.history` block of a snapshot: the same comparison a
 * store gives, passed in by a pipeline that keeps its own archive. To hook it
 * into the contract: `history: z.optional(HistoryBlockSchema)` inside
 * `context`, and `historyBlockIssues` among the cross-field rules.
 *
 *   "context": { "history": {
 *     "source": "Newsroom archive",                      // optional: who computed it
 *     "previous": {                                      // the latest earlier window of the same length
 *       "start": "2026-10-09T00:00:00Z", "end": "2026-10-10T00:00:00Z",
 *       "usd": 410000000, "coverage": "complete",        // coverage optional, default complete
 *       "sentimentIndex": 40, "sentimentLabel": "Fear",  // optional readings of that window
 *       "openInterestChangePct": -2.1, "fundingRatePct": 0.01
 *     },
 *     "baseline": {                                      // over earlier windows of the same length
 *       "windows": 30, "medianUsd": 350000000,           // median of the latest `windows` windows
 *       "record": { "usd": 19100000000, "start": "…", "end": "…" },
 *       "largestSince": { "usd": 900000000, "start": "…", "end": "…" }  // or "largestOnRecord": true
 *     }
 *   } }
 *
 * Every window must have this snapshot's length and end at or before its start.
 */
import * as z from 'zod/mini';
import type { HistoryContext } from './context-types.js';
import type { ContextSubject } from './context-types.js';
import { MEDIAN_MIN_WINDOWS } from './context-types.js';
import { emptyContext } from './context.js';
import { DAY_MINUTES, MINUTE_MS, instantMs, isoUtc, windowDate, windowLabel, windowMinutesOf, windowName } from './window.js';

const OFFSET_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const instant = z.string().check(z.refine((s) => OFFSET_TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 timestamp with an offset, such as "2026-10-10T00:00:00Z"'));
const usd = z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0 && n <= 1e13, 'expected a number of US dollars, 0 or more'));
const pct = (min: number, max: number) => z.number().check(z.refine((n) => Number.isFinite(n) && n >= min && n <= max, `expected a percentage from ${min} to ${max}`));
const span = z.strictObject({ usd, start: instant, end: instant });

export const HistoryBlockSchema = z.strictObject({
  source: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  previous: z.optional(
    z.strictObject({
      start: instant,
      end: instant,
      usd,
      coverage: z.optional(z.enum(['complete', 'partial'])),
      sentimentIndex: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100))),
      sentimentLabel: z.optional(z.enum(['Extreme Fear', 'Fear', 'Neutral', 'Greed', 'Extreme Greed'])),
      openInterestChangePct: z.optional(pct(-100, 1000)),
      fundingRatePct: z.optional(pct(-10, 10)),
    }),
  ),
  baseline: z.optional(
    z.strictObject({
      windows: z.number().check(z.int(), z.gte(1), z.lte(100_000)),
      medianUsd: usd,
      record: z.optional(span),
      largestSince: z.optional(span),
      largestOnRecord: z.optional(z.boolean()),
    }),
  ),
});

export type HistoryBlock = z.infer<typeof HistoryBlockSchema>;

/** Cross-field rules: every window of the block has the snapshot's length and ends by its start. Paths are under context.history. */
export function historyBlockIssues(block: HistoryBlock, snapshot: ContextSubject): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const start = instantMs(snapshot.window.start);
  const minutes = windowMinutesOf(start, instantMs(snapshot.window.end));
  const check = (path: string[], w: { start: string; end: string }): void => {
    const s = instantMs(w.start);
    const e = instantMs(w.end);
    const m = windowMinutesOf(s, e);
    if (m !== minutes) issues.push({ path: [...path, 'end'], message: `is a ${windowLabel(m)} window; only windows of the snapshot's own length (${windowLabel(minutes)}) compare` });
    else if (e > start) issues.push({ path: [...path, 'end'], message: `ends after the snapshot's window starts (${snapshot.window.start}); history is earlier windows` });
  };
  if (block.previous) check(['previous'], block.previous);
  if (block.baseline?.record) check(['baseline', 'record'], block.baseline.record);
  if (block.baseline?.largestSince) check(['baseline', 'largestSince'], block.baseline.largestSince);
  if (block.baseline?.largestSince && block.baseline.largestOnRecord) issues.push({ path: ['baseline', 'largestOnRecord'], message: 'give largestSince or largestOnRecord, not both' });
  return issues;
}

/** The same HistoryContext a store gives, from the block (facts the block does not hold stay null). */
export function contextFromBlock(block: HistoryBlock, snapshot: ContextSubject): HistoryContext {
  const ctx = emptyContext(snapshot, 'snapshot');
  const usdNow = snapshot.totals.usd;
  const cur = ctx.currentPartial;
  const startMs = instantMs(snapshot.window.start);
  const from = block.source ? `${block.source}, ` : '';
  const ref = (w: { start: string; end: string; usd: number }, partial: boolean) => {
    const s = instantMs(w.start);
    const e = instantMs(w.end);
    return { storyId: null, start: isoUtc(s), end: isoUtc(e), date: windowDate(e), usd: w.usd, partial };
  };
  const label = (path: string, w: { start: string; end: string }): string => `${from}context.history.${path}: ${windowName(instantMs(w.start), instantMs(w.end))} (${ctx.window})`;
  const p = block.previous;
  if (p) {
    ctx.empty = false;
    const partial = p.coverage === 'partial';
    const window = ref(p, partial);
    const source = label('previous', p);
    const endMs = instantMs(p.end);
    ctx.previous = { source, partial: cur || partial, window, adjacent: endMs === startMs, gapMinutes: Math.round((startMs - endMs) / MINUTE_MS), change: { usd: usdNow - p.usd, ratio: p.usd > 0 ? usdNow / p.usd : null } };
    const s = snapshot.market?.sentiment;
    if (s && (s.index !== undefined || s.label !== undefined) && (p.sentimentIndex !== undefined || p.sentimentLabel !== undefined)) {
      ctx.sentiment = {
        source,
        partial: false,
        window,
        previous: { index: p.sentimentIndex ?? null, label: p.sentimentLabel ?? null },
        change: s.index !== undefined && p.sentimentIndex !== undefined ? s.index - p.sentimentIndex : null,
        labelChanged: s.label !== undefined && p.sentimentLabel !== undefined && s.label !== p.sentimentLabel,
      };
    }
    const oi = snapshot.market?.openInterestChangePct;
    if (oi !== undefined && p.openInterestChangePct !== undefined) ctx.openInterest = { source, partial: false, window, previousPct: p.openInterestChangePct, changePts: Math.round((oi - p.openInterestChangePct) * 1e9) / 1e9 };
    const f = snapshot.market?.fundingRatePct;
    if (f !== undefined && p.fundingRatePct !== undefined) ctx.funding = { source, partial: false, window, previousPct: p.fundingRatePct, changePts: Math.round((f - p.fundingRatePct) * 1e9) / 1e9 };
  }
  const b = block.baseline;
  if (b) {
    ctx.empty = false;
    if (b.windows >= MEDIAN_MIN_WINDOWS) {
      ctx.median = { source: `${from}context.history.baseline: median of ${b.windows} ${ctx.window} windows`, partial: cur, usd: b.medianUsd, windows: b.windows, partialWindows: 0, multiple: b.medianUsd > 0 ? usdNow / b.medianUsd : null };
    }
    if (b.record) ctx.record = { source: label('baseline.record', b.record), partial: cur, window: ref(b.record, false), broken: usdNow > b.record.usd };
    if (b.largestSince) {
      const since = ref(b.largestSince, false);
      ctx.largest = { source: label('baseline.largestSince', b.largestSince), partial: cur, onRecord: false, since, spanDays: (startMs - instantMs(b.largestSince.end)) / (DAY_MINUTES * MINUTE_MS) };
    } else if (b.largestOnRecord) {
      ctx.largest = { source: `${from}context.history.baseline.largestOnRecord (${ctx.window})`, partial: cur, onRecord: true, since: null, spanDays: null };
    }
  }
  return ctx;
}

/** The block of a snapshot that carries one (read defensively until the contract holds the key), or null. */
export function historyBlockOf(snapshot: unknown): HistoryBlock | null {
  const raw = (snapshot as { context?: { history?: unknown } } | null)?.context?.history;
  if (raw === undefined) return null;
  const parsed = HistoryBlockSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
