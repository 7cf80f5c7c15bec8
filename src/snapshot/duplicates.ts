/**
 * Keys that appear twice in one JSON object. `JSON.parse` keeps the last and
 * says nothing, so `{"usd": 1, "usd": 1e9}` would be read as a billion. This
 * walks JSON text already known to be valid (JSON.parse took it) and names
 * each repeated key by its path. It only looks at structure and keys: string
 * values are skipped with `indexOf`, so a snapshot costs a few microseconds.
 */

export interface DuplicateKey {
  /** The repeated key's path, as `formatPath` takes it. */
  path: (string | number)[];
}

interface Frame {
  /**
   * Keys seen so far; null for an array. A list while short: a snapshot's objects have a handful
   * of keys, and a Set for each of them (every asset, venue and level) was a third of this
   * function's garbage; past SET_FROM keys it becomes a Set, so a hostile object with thousands
   * of keys is not checked in quadratic time.
   */
  keys: string[] | Set<string> | null;
  /** The object's current key, or the array's current index. */
  at: string | number;
  expectKey: boolean;
}

const SET_FROM = 16;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** At most `max` repeated keys of valid JSON text, in document order. */
export function duplicateKeys(json: string, max = 20): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  const n = json.length;
  for (let i = 0; i < n; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(json, i);
      const top = stack[stack.length - 1];
      if (top !== undefined && top.keys !== null && top.expectKey) {
        const raw = json.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end + 1)) as string) : raw;
        const keys = top.keys;
        if (Array.isArray(keys) ? keys.includes(key) : keys.has(key)) {
          found.push({ path: [...stack.slice(0, -1).map((f) => f.at), key] });
          if (found.length >= max) return found;
        }
        if (!Array.isArray(keys)) keys.add(key);
        else if (keys.length < SET_FROM) keys.push(key);
        else top.keys = new Set([...keys, key]);
        top.at = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b) stack.push({ keys: [], at: '', expectKey: true });
    else if (c === 0x5b) stack.push({ keys: null, at: 0, expectKey: false });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1]!;
      if (top.keys !== null) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return found;
}

/** Index of the quote that closes the string opening at `start` (one not escaped by an odd run of backslashes). */
function stringEnd(json: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const q = json.indexOf('"', from);
    let b = q - 1;
    while (json.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    from = q + 1;
  }
}
