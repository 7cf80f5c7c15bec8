/**
 * A short JSON-like rendering of a raw value for a problem message, built
 * within a budget: a 10 MB string or a value nested 100,000 deep costs as
 * little as a small one (JSON.stringify would copy the whole string, or
 * overflow the stack on the nesting). For the small values messages usually
 * show, the text is what JSON.stringify gives.
 */

/** Levels shown before an inner array or object is written as `[…]` / `{…}`. */
const MAX_LEVELS = 4;

/** `v` as JSON text, cut after about `max` characters (the caller cuts exactly and adds its ellipsis). */
export function preview(v: unknown, max: number): string {
  const out: string[] = [];
  let length = 0;
  const put = (s: string): boolean => {
    out.push(s);
    length += s.length;
    return length <= max;
  };
  const walk = (x: unknown, level: number): boolean => {
    if (typeof x === 'string') return put(JSON.stringify(x.length > max ? x.slice(0, max + 1) : x));
    if (typeof x === 'number') return put(Number.isFinite(x) ? String(x) : 'null');
    if (typeof x === 'boolean' || x === null) return put(String(x));
    if (typeof x !== 'object') return put(typeof x === 'bigint' ? String(x) : 'null');
    if (Array.isArray(x)) {
      if (level >= MAX_LEVELS) return put(x.length === 0 ? '[]' : '[…]');
      if (!put('[')) return false;
      for (let i = 0; i < x.length; i++) {
        if (i > 0 && !put(',')) return false;
        if (!walk(x[i], level + 1)) return false;
      }
      return put(']');
    }
    const keys = Object.keys(x);
    if (level >= MAX_LEVELS) return put(keys.length === 0 ? '{}' : '{…}');
    if (!put('{')) return false;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      if (!put(`${i > 0 ? ',' : ''}${JSON.stringify(k.length > max ? k.slice(0, max + 1) : k)}:`)) return false;
      if (!walk((x as Record<string, unknown>)[k], level + 1)) return false;
    }
    return put('}');
  };
  walk(v, 0);
  return out.join('');
}
