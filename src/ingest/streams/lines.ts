/**
 * Splits a byte stream into lines without ever holding more than one chunk
 * and one partial line: a multi-gigabyte recording costs the same memory as a
 * small one. Faster than node:readline (no events, no per-line promises): one
 * UTF-8 decode per chunk, then slices.
 */
import { StringDecoder } from 'node:string_decoder';

/** A longer line is not a frame but a broken file (a missing newline): it is skipped and reported. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export interface LineHandler {
  /** `text` has no line ending; `lineNo` counts from 1 (or from `firstLine`). */
  line(text: string, lineNo: number): void;
  /** A line over MAX_LINE_CHARS, skipped. */
  overlong?(lineNo: number): void;
  /** Bytes read so far, after each chunk (for a progress display). */
  progress?(bytes: number): void;
}

export async function forEachLine(source: AsyncIterable<string | Uint8Array>, handler: LineHandler, firstLine = 1): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let skipping = false; // inside an overlong line, until its end
  let lineNo = firstLine - 1;
  let bytes = 0;
  let first = true;
  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
      bytes += Buffer.byteLength(chunk);
    } else {
      text = decoder.write(chunk as Buffer);
      bytes += chunk.length;
    }
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl >= 0 && (carry !== '' || skipping)) {
      lineNo++;
      if (skipping) {
        skipping = false;
        handler.overlong?.(lineNo);
      } else emit(handler, carry + text.slice(0, nl), lineNo);
      carry = '';
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    while (nl >= 0) {
      lineNo++;
      emit(handler, text.slice(start, nl), lineNo);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (!skipping && start < text.length) {
      carry = carry + text.slice(start);
      if (carry.length > MAX_LINE_CHARS) {
        carry = '';
        skipping = true;
      }
    }
    handler.progress?.(bytes);
  }
  const rest = carry + decoder.end();
  if (skipping) handler.overlong?.(++lineNo);
  else if (rest !== '') emit(handler, rest, ++lineNo);
  return lineNo;
}

function emit(handler: LineHandler, text: string, lineNo: number): void {
  handler.line(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, lineNo);
}
