/**
 * Names that ingest copies from raw data into a snapshot (venue names,
 * instrument symbols) must pass the snapshot contract, or the whole snapshot
 * is refused at the end for one row. The contract's text rule (see
 * src/snapshot/schema.ts): not empty, at most N characters, no control
 * character; and no direction override or invisible character, which would
 * make a name read as another. Ingest is a little stricter than the contract
 * (a tab or line break is no part of a name either), so a name it keeps is
 * always one the contract takes; a name it cannot keep is reported with its
 * row and left out.
 */

/** Venue names (`exchanges[].name`, `largestOrder.exchange`): the contract's limit. */
export const MAX_VENUE_NAME = 60;
/** Instrument names (`largestOrder.symbol`): the contract's limit. */
export const MAX_INSTRUMENT_NAME = 40;

// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Arabic letter mark, zero-width space to right-to-left mark, embeddings and overrides, word joiner to isolates, BOM. */
const HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

const codePoint = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `name` (as it would be written, already trimmed) cannot be a snapshot name of at most `max` characters; undefined when it can. */
export function nameProblem(name: string, max: number): string | undefined {
  if (name.trim() === '') return 'the name is empty';
  if (name.length > max) return `the name is ${name.length.toLocaleString('en-US')} characters long, more than the ${max} a snapshot allows`;
  const control = CONTROL.exec(name);
  if (control) return `the name holds a control character (${codePoint(control[0])}) at position ${control.index + 1}`;
  const hidden = HIDDEN.exec(name);
  if (hidden) return `the name holds an invisible or direction-changing character (${codePoint(hidden[0])}) at position ${hidden.index + 1}`;
  return undefined;
}
