/**
 * The output formats, by `--format` name. Adding a format is one module
 * exporting a FormatWriter and one line here.
 */
import type { FileContent, FormatWriter } from './context.js';
import { markdownFormat } from './markdown.js';
import { htmlFormat } from './html.js';
import { sidecarFormat } from './sidecar.js';
import { threadFormat } from './thread.js';
import { telegramFormat } from './telegram.js';
import { textFormat } from './text.js';
import { emailFormat } from './email.js';
import { cardFormat } from './card.js';
import { svgFormat } from './svg.js';

export const FORMAT_WRITERS = {
  md: markdownFormat,
  html: htmlFormat,
  json: sidecarFormat,
  thread: threadFormat,
  telegram: telegramFormat,
  txt: textFormat,
  email: emailFormat,
  svg: svgFormat,
  card: cardFormat,
} satisfies Record<string, FormatWriter<FileContent>>;

export type Format = keyof typeof FORMAT_WRITERS;

/** What each format's file holds: text, or bytes for the card. */
export type FileOf<F extends Format> = ReturnType<(typeof FORMAT_WRITERS)[F]['build']>;
export type FileContents = { [F in Format]: FileOf<F> };

/** Formats whose content is bytes (no stamp inside: the writer keeps theirs beside them). */
export const BINARY_FORMATS: readonly Format[] = ['card'];

/**
 * Formats drawn by a library loaded on demand (resvg, vega), at tens of milliseconds each: an article's
 * `files` does not enumerate them, so serialising an article never draws its card or chart.
 */
export const DRAWN_FORMATS: readonly Format[] = ['card', 'svg'];

/** Every format, in registry order. */
export const FORMATS = Object.keys(FORMAT_WRITERS) as Format[];

/** What `render` writes when `--format` is not given (the output contract's three). */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'json'];

export const isFormat = (s: string): s is Format => Object.hasOwn(FORMAT_WRITERS, s);
