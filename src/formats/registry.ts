/**
 * The output formats, by `--format` name. Adding a format is one module
 * exporting a FormatWriter and one line here.
 */
import type { FormatWriter } from './context.js';
import { markdownFormat } from './markdown.js';
import { htmlFormat } from './html.js';
import { sidecarFormat } from './sidecar.js';
import { threadFormat } from './thread.js';
import { telegramFormat } from './telegram.js';
import { textFormat } from './text.js';
import { emailFormat } from './email.js';

export const FORMAT_WRITERS = {
  md: markdownFormat,
  html: htmlFormat,
  json: sidecarFormat,
  thread: threadFormat,
  telegram: telegramFormat,
  txt: textFormat,
  email: emailFormat,
} satisfies Record<string, FormatWriter>;

export type Format = keyof typeof FORMAT_WRITERS;

/** Every format, in registry order. */
export const FORMATS = Object.keys(FORMAT_WRITERS) as Format[];

/** What `render` writes when `--format` is not given (the output contract's three). */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'json'];

export const isFormat = (s: string): s is Format => Object.hasOwn(FORMAT_WRITERS, s);
