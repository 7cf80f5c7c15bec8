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
  facts: Omit<StoryFacts, 'claims'>;
  claims: Claim[];
  /** The statement predicates the text relies on, each with the phrase that relied on it; sorted. */
  statements: Statement[];
}

export function sidecarJson(snap: Snapshot, facts: StoryFacts, plan: Plan, claims: Claim[], timeZone: string, choices: Choices = {}, statements: Statement[] = []): string {
  const { claims: _all, ...rest } = facts;
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
