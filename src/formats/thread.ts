/**
 * `thread`: an X/Threads thread, posts separated by a blank line (a post
 * itself never holds one). The first post is the headline and the total, then
 * the key facts as bullets packed into as few posts as fit, then the link and
 * the tags. Each post is numbered `k/n` and weighs at most 280 the way X
 * counts (see `xLength`); a bullet, a figure or a link is never split across
 * posts. Sent out verbatim, so no stamp inside (its hash sits beside it).
 */
import type { FormatWriter } from './context.js';
import { socialLines } from './social.js';

export const POST_LIMIT = 280;
/** Room kept for the number in front of each post: "99/99 ". */
const NUMBER_ROOM = 6;

export const threadFormat: FormatWriter = {
  ext: 'thread.txt',
  description: 'an X/Threads thread: numbered posts of at most 280 characters, figures as in the article',
  build(ctx) {
    const posts = threadPosts(socialLines(ctx));
    return `${posts.map((p, i) => `${i + 1}/${posts.length} ${p}`).join('\n\n')}\n`;
  },
};

const BUDGET = POST_LIMIT - NUMBER_ROOM;
const fits = (text: string): boolean => xLength(text) <= BUDGET;

/** The posts without their numbers. */
export function threadPosts(s: ReturnType<typeof socialLines>): string[] {
  const opening = s.total && fits(`${s.headline}\n${s.total}`) ? `${s.headline}\n${s.total}` : s.headline;
  // A bullet that cannot stand alone is left out, never cut.
  const bullets = s.facts.map((f) => `• ${f}`).filter(fits);
  const posts = [opening, ...balanced(bullets)];

  const closing = [s.link && `Full story: ${s.link}`, s.source].filter((x): x is string => Boolean(x) && fits(x as string));
  // Whole tags only: drop from the end until the line fits beside the rest.
  const tags = [...s.tags];
  while (tags.length > 0 && !fits([...closing, tags.join(' ')].join('\n'))) tags.pop();
  if (tags.length > 0) closing.push(tags.join(' '));
  if (closing.length > 0) posts.push(closing.join('\n'));
  return posts;
}

/**
 * Bullets in as few posts as fit, spread evenly: packing greedily first tells
 * how many posts are needed, then each gets at most its even share, so the
 * last one is not a lone bullet.
 */
function balanced(bullets: string[]): string[] {
  const pack = (most: number): string[][] => {
    const groups: string[][] = [];
    let current: string[] = [];
    for (const b of bullets) {
      if (current.length > 0 && (current.length >= most || !fits([...current, b].join('\n')))) {
        groups.push(current);
        current = [];
      }
      current.push(b);
    }
    if (current.length > 0) groups.push(current);
    return groups;
  };
  const greedy = pack(Infinity);
  const even = pack(Math.ceil(bullets.length / Math.max(1, greedy.length)));
  return (even.length === greedy.length ? even : greedy).map((g) => g.join('\n'));
}

/** Code points X weighs 1; every other code point weighs 2 (twitter-text v3). */
const LIGHT: readonly [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
/** X shortens every link to t.co, 23 characters, whatever its length. */
export const URL_WEIGHT = 23;
const URL = /https?:\/\/\S+/g;

/** A post's length as X counts it: links 23, most text 1 per code point, CJK and emoji 2. */
export function xLength(text: string): number {
  let n = 0;
  const rest = text.replace(URL, () => {
    n += URL_WEIGHT;
    return '';
  });
  for (const ch of rest) {
    const cp = ch.codePointAt(0)!;
    n += LIGHT.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
  }
  return n;
}
