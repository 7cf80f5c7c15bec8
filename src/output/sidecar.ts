/**
 * The facts sidecar (`.json`): the normalised snapshot, the resolved style and
 * angle, the seed, the derived facts, and the claims that appear in the text.
 */
import type { Claim } from '../facts/ledger.js';
import type { StoryFacts } from '../facts/types.js';
import type { Plan } from '../plan/plan.js';
import type { Snapshot } from '../snapshot/schema.js';
import { safeJson } from '../render/escape.js';
import { STAMP_PLACEHOLDER } from './stamp.js';
import type { Choices } from '../render/variation.js';
import type { Statement } from '../check/statements.js';
import type { FactTable } from '../facts/table.js';

export interface Sidecar {
  contentHash: string;
  generator: string;
  id: string;
  style: string;
  styleReason: string;
  angle: string;
  angles: string[];
  seed: number;
  /** Which alternative each variation slot chose (slot → index), in slot-name order. */
  choices: Choices;
  timeZone: string;
  snapshot: Snapshot;
  facts: Omit<StoryFacts, 'claims' | 'tables' | 'series'>;
  /**
   * The "By the numbers" tables as every format prints them (facts/table.ts): headers, then one row of
   * display strings per coin or venue, the rest of the market, and the total. Absent without coins or venues.
   */
  table?: { assets: SidecarTable | null; venues: SidecarTable | null };
  claims: Claim[];
  /** The statement predicates the text relies on, each with the phrase that relied on it; sorted. */
  statements: Statement[];
}

export interface SidecarTable {
  title: string;
  columns: string[];
  rows: string[][];
  notes: string[];
}

/** A table as the reader sees it: its column headers and, per row, the cells in those columns. */
export function sidecarTable(t: FactTable | null): SidecarTable | null {
  if (!t) return null;
  const rows = t.rows.map((r) => t.columns.map((c) => (c.key === 'label' ? r.label : (r.cells[c.key] ?? ''))));
  return { title: t.title, columns: t.columns.map((c) => c.header), rows, notes: t.notes };
}

export function sidecarJson(snap: Snapshot, facts: StoryFacts, plan: Plan, claims: Claim[], timeZone: string, choices: Choices = {}, statements: Statement[] = []): string {
  const { claims: _all, tables, series: _series, ...rest } = facts;
  const doc: Sidecar = {
    contentHash: STAMP_PLACEHOLDER,
    generator: 'liquidation-news',
    id: facts.id,
    style: plan.style,
    styleReason: plan.styleReason,
    angle: facts.angle,
    angles: facts.angles,
    seed: plan.seed,
    choices: sortedKeys(choices),
    timeZone,
    snapshot: normalise(snap),
    facts: rest,
    ...(tables.assets || tables.venues ? { table: { assets: sidecarTable(tables.assets), venues: sidecarTable(tables.venues) } } : {}),
    claims,
    statements,
  };
  return `${safeJson(doc, 2)}\n`;
}

/** The snapshot with the contract's defaults filled in. */
export function normalise(snap: Snapshot): Snapshot {
  return { ...snap, coverage: snap.coverage ?? 'complete' };
}

/** Slots in code-unit order: the order they were picked in depends on the template's branches, and the file should not. */
function sortedKeys(choices: Choices): Choices {
  const out: Choices = {};
  for (const k of Object.keys(choices).sort()) out[k] = choices[k]!;
  return out;
}
