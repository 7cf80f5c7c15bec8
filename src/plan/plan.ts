/**
 * Stage 3: facts in, a plan out: which style, why, and the variation seed.
 * The seed comes from the snapshot's content, never the clock, so the same
 * snapshot always reads the same and different snapshots read differently.
 */
import type { StoryFacts } from '../facts/types.js';
import type { Snapshot } from '../snapshot/schema.js';
import { canonicalJson, fnv1a } from '../util/hash.js';
import type { StyleName } from './styles.js';
import { resolveSections, type SectionRequest, type Sections } from './sections.js';

export interface Plan {
  style: StyleName;
  /** Why this style: "requested" or the auto rule that chose it. */
  styleReason: string;
  seed: number;
  /** The optional sections this article carries (plan/sections.ts). */
  sections: Sections;
}

/** The variation seed: FNV-1a of the snapshot's canonical JSON. */
export function seedOf(snap: Snapshot): number {
  return fnv1a(canonicalJson(snap));
}

/**
 * `--style auto`, first rule that matches:
 * 1. analysis — a window of three days or more, an event of $5 billion or more, or a new record;
 * 2. recap — the angle is an all-time high or a short squeeze;
 * 3. tldr — the snapshot names catalysts or price levels;
 * 4. explainer — sentiment data is present;
 * 5. bulletin — otherwise.
 */
export function autoStyle(f: StoryFacts): { style: StyleName; reason: string } {
  if (f.window.hours >= 72) return { style: 'analysis', reason: 'auto: window of 3 days or more' };
  if (f.tier === 'extreme') return { style: 'analysis', reason: 'auto: $5 billion or more liquidated' };
  if (f.record?.beaten) return { style: 'analysis', reason: 'auto: larger than the record' };
  if (f.angle === 'all-time-high' || f.angle === 'short-squeeze') return { style: 'recap', reason: `auto: ${f.angle} angle` };
  if (f.catalysts.length > 0 || f.levels.length > 0) return { style: 'tldr', reason: 'auto: catalysts or levels given' };
  if (f.sentiment) return { style: 'explainer', reason: 'auto: sentiment data present' };
  return { style: 'bulletin', reason: 'auto: default' };
}

export function planArticle(snap: Snapshot, facts: StoryFacts, style: StyleName | 'auto', sections: SectionRequest | null = null): Plan {
  const chosen = style === 'auto' ? autoStyle(facts) : { style, reason: 'requested' };
  return { style: chosen.style, styleReason: chosen.reason, seed: seedOf(snap), sections: resolveSections(chosen.style, sections) };
}
