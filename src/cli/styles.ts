/** `liqnews styles`: each style with its one-line description, then how `auto` chooses. */
import { STYLES, STYLE_NAMES } from '../plan/styles.js';

// Mirrors autoStyle() in plan/plan.ts, rule for rule; change both together.
const AUTO_RULE =
  'picks from the data, first match wins: analysis for a window of 3 days or more, $5 billion or more, or a new record; ' +
  'recap for an all-time high or a short squeeze; tldr when catalysts or price levels are given; ' +
  'explainer when sentiment data is present; bulletin otherwise.';

export function stylesText(): string {
  const names = [...STYLE_NAMES, 'auto'];
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = STYLE_NAMES.map((name) => `${name.padEnd(width)}${STYLES[name]}`);
  lines.push(`${'auto'.padEnd(width)}(default) ${AUTO_RULE}`);
  return `${lines.join('\n')}\n`;
}
