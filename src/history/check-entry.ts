/**
 * The rules a row must meet before it is stored. The store holds the past:
 * a window that ends after "now" is not history yet, and liquidations are
 * never negative. (Overlap with other stories is checked in the store, where
 * the other rows are.)
 */
import { SOURCE_KINDS, type HistoryEntry } from './types.js';
import { instantMs, windowMinutesOf } from './window.js';

export const STORY_ID = /^[a-z0-9-]{1,80}$/;

/** What is wrong with the entry, in words; empty when nothing is. */
export function entryProblems(e: HistoryEntry, nowMs: number): string[] {
  const out: string[] = [];
  if (typeof e.id !== 'string' || !STORY_ID.test(e.id)) out.push(`id ${JSON.stringify(e.id)} is not a story id (1 to 80 lowercase letters, digits or hyphens)`);
  const start = instantMs(e.window?.start ?? '');
  const end = instantMs(e.window?.end ?? '');
  if (Number.isNaN(start)) out.push(`window.start ${JSON.stringify(e.window?.start)} is not an ISO 8601 timestamp with an offset`);
  if (Number.isNaN(end)) out.push(`window.end ${JSON.stringify(e.window?.end)} is not an ISO 8601 timestamp with an offset`);
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    if (end <= start) out.push('window.end must be later than window.start');
    else if (windowMinutesOf(start, end) < 1) out.push('the window is shorter than a minute');
    if (end > nowMs) out.push(`the window ends in the future (${e.window.end}, now is ${new Date(nowMs).toISOString()}); history holds only windows that are over`);
  }
  const figure = (path: string, v: unknown, nullable = false): void => {
    if (nullable && v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push(`${path} is ${JSON.stringify(v)}, not a number`);
    else if (v < 0) out.push(`${path} is negative (${v}); liquidations are never below 0`);
  };
  figure('totals.usd', e.totals?.usd);
  figure('totals.longUsd', e.totals?.longUsd);
  figure('totals.shortUsd', e.totals?.shortUsd);
  figure('totals.traders', e.totals?.traders, true);
  (e.assets ?? []).forEach((a, i) => {
    figure(`assets[${i}].longUsd`, a.longUsd);
    figure(`assets[${i}].shortUsd`, a.shortUsd);
    figure(`assets[${i}].priceOpen`, a.priceOpen, true);
    figure(`assets[${i}].priceClose`, a.priceClose, true);
  });
  (e.venues ?? []).forEach((v, i) => {
    figure(`venues[${i}].longUsd`, v.longUsd);
    figure(`venues[${i}].shortUsd`, v.shortUsd);
  });
  const index = e.sentiment?.index ?? null;
  if (index !== null && (!Number.isInteger(index) || index < 0 || index > 100)) out.push(`sentiment.index is ${index}, not a whole number from 0 to 100`);
  if (e.coverage !== 'complete' && e.coverage !== 'partial') out.push(`coverage is ${JSON.stringify(e.coverage)}, not "complete" or "partial"`);
  for (const [slot, choice] of Object.entries(e.choices ?? {})) {
    if (!Number.isInteger(choice) || choice < 0) out.push(`choices.${slot} is ${JSON.stringify(choice)}, not an alternative index (0 or more)`);
  }
  if (!SOURCE_KINDS.includes(e.source?.kind)) out.push(`source.kind ${JSON.stringify(e.source?.kind)} is not one of ${SOURCE_KINDS.join(', ')}`);
  return out;
}

/** `story liq-20261010-ab12cd34, window 2026-10-10T00:00:00Z to 2026-10-11T00:00:00Z, $1,234`: the row, for a message. */
export function describeEntry(e: HistoryEntry): string {
  const usd = typeof e.totals?.usd === 'number' ? ` $${Math.round(e.totals.usd).toLocaleString('en-US')}` : '';
  return `story ${e.id}, window ${e.window?.start} to ${e.window?.end},${usd}`;
}
