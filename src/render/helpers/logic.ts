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
 * `(movePick angle leader priceLead)`: the coin whose price tells the story.
 * On an alt-led day that is the most-liquidated coin when its prices are
 * known; otherwise the price lead (Bitcoin when it has prices).
 */
export const movePick = (angle: unknown, leader: unknown, priceLead: unknown): unknown => {
  const l = leader as { price?: unknown } | null;
  return angle === 'alt-led' && l && l.price ? leader : priceLead;
};
