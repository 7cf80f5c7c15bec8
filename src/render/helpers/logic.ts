/** Small comparison helpers so templates can branch on the angle and sides without computing. */
export const eq = (a: unknown, b: unknown): boolean => a === b;
export const ne = (a: unknown, b: unknown): boolean => a !== b;
export const not = (a: unknown): boolean => !a;
/** `(any a b c)`: true when one of the arguments is truthy (the last argument is Handlebars' options). */
export const any = (...args: unknown[]): boolean => args.slice(0, -1).some(truthy);
export const all = (...args: unknown[]): boolean => args.slice(0, -1).every(truthy);
export const gt = (a: unknown, b: unknown): boolean => typeof a === 'number' && typeof b === 'number' && a > b;
/** `(has list)`: a non-empty array. */
export const has = (a: unknown): boolean => Array.isArray(a) && a.length > 0;

function truthy(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : Boolean(v);
}

/**
 * `(movePick angle leader priceLead recordSetter)`: the coin whose price
 * tells the story. On an all-time-high day, the coin that set the record; on
 * an alt-led day, the most-liquidated coin when its prices are known;
 * otherwise the price lead (Bitcoin when it has prices).
 */
export const movePick = (angle: unknown, leader: unknown, priceLead: unknown, recordSetter?: unknown): unknown => {
  const l = leader as { price?: unknown } | null;
  // Called with three arguments, the fourth is Handlebars' options object, not a coin.
  const r = recordSetter as { symbol?: unknown; price?: unknown } | null | undefined;
  if (angle === 'all-time-high' && r && typeof r.symbol === 'string' && r.price) return recordSetter;
  return angle === 'alt-led' && l && l.price ? leader : priceLead;
};
