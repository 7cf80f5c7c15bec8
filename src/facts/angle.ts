/**
 * The story's angle: what the article is about, in priority order. The first
 * angle drives the headline verdict and the lead; the rest may colour the body.
 */
import type { Angle, Side } from './types.js';

export interface AngleInput {
  newAllTimeHigh: boolean;
  whale: boolean;
  dominant: Side | null;
  leaderIsBitcoin: boolean;
  priceDirection: 'up' | 'down' | 'flat' | null;
}

/**
 * Rules, first match is the primary angle:
 * 1. all-time-high — some coin closed above its previous all-time high;
 * 2. whale — the largest single order is at least 10 % of the total;
 * 3. alt-led — the most-liquidated coin is not Bitcoin;
 * 4. short-squeeze — shorts are at least 60 % and the lead price did not fall;
 * 5. long-flush — longs are at least 60 % and the lead price did not rise;
 * 6. two-way — otherwise: no side dominates, or the price closed against the dominant
 *    side's usual story (longs wiped out on a rising close), which reads as a whipsaw.
 */
export function chooseAngles(i: AngleInput): Angle[] {
  const out: Angle[] = [];
  if (i.newAllTimeHigh) out.push('all-time-high');
  if (i.whale) out.push('whale');
  if (!i.leaderIsBitcoin) out.push('alt-led');
  if (i.dominant === 'short' && i.priceDirection !== 'down') out.push('short-squeeze');
  if (i.dominant === 'long' && i.priceDirection !== 'up') out.push('long-flush');
  // No side dominates, or one did while the price closed the other way: a whipsaw.
  if (out.length === 0 || i.dominant === null) out.push('two-way');
  return out;
}
