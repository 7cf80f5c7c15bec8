/**
 * The claim ledger: every figure the article may state is registered here
 * with its exact value and where it comes from. The checker later accepts a
 * figure in the text only if a claim displays it.
 */
export type Hedge = 'exact' | 'about' | 'over' | 'nearly' | 'under' | 'at least';

export interface Claim {
  /** The string as it appears in the text, e.g. "$1.08 billion" or "84%". */
  display: string;
  /** The exact value the display stands for. */
  value: number;
  /** Snapshot path(s) or the name of the derivation, e.g. `totals.usd` or `derive: totals.longUsd / totals.usd`. */
  source: string;
  /** How the display relates to the value. */
  hedge: Hedge;
  /** The rounding used, e.g. "3 significant figures". */
  rounding: string;
}

export class Ledger {
  private readonly claims: Claim[] = [];

  add(claim: Claim): Claim {
    this.claims.push(claim);
    return claim;
  }

  /** Every claim, in the order the figures were formatted (the check needs no order). */
  list(): Claim[] {
    return this.claims;
  }
}

/**
 * Claims for people to read (the sidecar): one per display and source, in a
 * stable order — by source, then display. Sorting is left until here because
 * most claims never appear in the text.
 */
export function orderClaims(claims: readonly Claim[]): Claim[] {
  // Sorted first, then the repeats dropped: they sit side by side, and the sort is stable, so the
  // claim kept for each source and display is the first one registered (no key strings, no map).
  const sorted = [...claims].sort((a, b) => (a.source === b.source ? cmp(a.display, b.display) : cmp(a.source, b.source)));
  return sorted.filter((c, i) => i === 0 || c.source !== sorted[i - 1]!.source || c.display !== sorted[i - 1]!.display);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
