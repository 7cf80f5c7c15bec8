/**
 * The template registry: a private Handlebars environment, strict mode (a
 * misspelt field is an error, not empty text), every template compiled at
 * start-up so a broken one fails before any article is written.
 *
 * Layout of `templates/`:
 *   partials/<name>.hbs        shared partials, used as {{> name}}
 *   <style>/headline.hbs       the headline, plain text, one line
 *   <style>/body.hbs           the article body, Markdown
 *   <style>/*.hbs (others)     partials of that style, used as {{> style/name}}
 *   description.hbs            the one-sentence summary, plain text
 */
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STYLE_NAMES, type StyleName } from '../plan/styles.js';
import { alt, pick } from './helpers/pick.js';
import * as logic from './helpers/logic.js';
import * as text from './helpers/text.js';

export type Compiled = (context: unknown, data: { seed: number }) => string;

export interface StyleTemplates {
  headline: Compiled;
  body: Compiled;
}

export interface Registry {
  styles: Record<StyleName, StyleTemplates>;
  description: Compiled;
}

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const COMPILE_OPTIONS = { strict: true, noEscape: true, preventIndent: true, knownHelpersOnly: false } as const;

let cached: Registry | undefined;

/** Builds (once) and returns the registry for the bundled templates. */
export function registry(dir: string = TEMPLATE_DIR): Registry {
  if (dir === TEMPLATE_DIR && cached) return cached;
  const built = buildRegistry(dir);
  if (dir === TEMPLATE_DIR) cached = built;
  return built;
}

export function buildRegistry(dir: string): Registry {
  const hb = Handlebars.create();
  hb.registerHelper({ pick, alt, ...logic, ...text });
  const read = (p: string): string => readFileSync(p, 'utf8');
  // Partials are parsed now too, so a syntax error in one fails at start-up.
  // Registered compiled: a partial registered as a string is recompiled on every render.
  const partial = (name: string, file: string): void => {
    const source = read(file);
    hb.parse(source);
    hb.registerPartial(name, hb.compile(source, COMPILE_OPTIONS));
  };
  const partialsDir = join(dir, 'partials');
  if (existsSync(partialsDir)) {
    for (const f of readdirSync(partialsDir).sort()) if (f.endsWith('.hbs')) partial(f.slice(0, -4), join(partialsDir, f));
  }
  const compile = (file: string): Compiled => {
    const source = read(file);
    // Parse now so a syntax error fails at start-up; Handlebars compiles on first use.
    hb.parse(source);
    const fn = hb.compile(source, COMPILE_OPTIONS);
    return (context, data) => fn(context, { data, allowProtoPropertiesByDefault: false });
  };
  const styles = {} as Record<StyleName, StyleTemplates>;
  for (const style of STYLE_NAMES) {
    const sdir = join(dir, style);
    for (const f of readdirSync(sdir).sort()) {
      if (f.endsWith('.hbs') && f !== 'headline.hbs' && f !== 'body.hbs') partial(`${style}/${f.slice(0, -4)}`, join(sdir, f));
    }
    styles[style] = { headline: compile(join(sdir, 'headline.hbs')), body: compile(join(sdir, 'body.hbs')) };
  }
  return { styles, description: compile(join(dir, 'description.hbs')) };
}
