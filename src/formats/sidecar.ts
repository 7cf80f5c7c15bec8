/** `json`: the facts sidecar — normalised snapshot, style, angle, seed, facts and claims. */
import type { FormatWriter } from './context.js';
import { sidecarJson } from '../output/sidecar.js';

export const sidecarFormat: FormatWriter = {
  ext: 'json',
  description: 'the facts sidecar: every figure in the text with its value and source',
  build: ({ snap, facts, plan, claims, statements, choices, options }) => sidecarJson(snap, facts, plan, claims, options.timeZone, choices, statements),
};
