/**
 * The template registry: every template of `templates/` compiled to a plain
 * function (compile.ts), so a broken template fails before any article is
 * written. Strict (see compile.ts): a misspelt field is an error naming the
 * template and line, not empty text.
 *
 * Layout of `templates/`:
 *   partials/<name>.hbs        shared partials, used as {{> name}}
 *   <style>/headline.hbs       the headline, plain text, one line
 *   <style>/body.hbs           the article body, Markdown
 *   <style>/*.hbs (others)     partials of that style, used as {{> style/name}}
 *   description.hbs            the one-sentence summary, plain text
 */
import type HandlebarsFull from 'handlebars';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STYLE_NAMES, type StyleName } from '../plan/styles.js';
import { compileTree, type TemplateTree } from './compile.js';
import * as runtime from './runtime.js';
import type { Variation } from './variation.js';
import * as logic from './helpers/logic.js';
import * as text from './helpers/text.js';
import * as table from './helpers/table.js';

export type { TemplateTree } from './compile.js';

export type Compiled = (context: unknown, data: { seed: number; variation?: Variation }) => string;

export interface StyleTemplates {
  headline: Compiled;
  body: Compiled;
}

export interface Registry {
  styles: Record<StyleName, StyleTemplates>;
  description: Compiled;
}

/** What compiled templates are: a frame `d` holds the seed and `@root`. */
type Raw = (context: unknown, data: runtime.Frame) => string;
type RawTree = { styles: Record<StyleName, { headline: Raw; body: Raw }>; description: Raw };
/** The compiled folder: the runtime and the helpers in, the templates out. */
export type BuildTemplates = (rt: typeof runtime, helpers: typeof HELPERS) => RawTree;

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The helpers templates may call, as `{{name args}}` or `(name args)`. */
export const HELPERS: Readonly<Record<string, (...args: never[]) => unknown>> = { ...logic, ...text, ...table };
export const HELPER_NAMES: ReadonlySet<string> = new Set(Object.keys(HELPERS));

/**
 * `npm run build` compiles the bundled templates into dist/render/precompiled.cjs
 * (scripts/precompile-templates.js), so a command starts without parsing any
 * template. Running from src/ (tests) there is none, and templates/ is
 * compiled at first use instead.
 *
 * Loaded with require, not `await import`: a top-level await here would make
 * every module that imports the library asynchronous, and `require()` of the
 * package would fail with ERR_REQUIRE_ASYNC_MODULE. CommonJS, so it loads
 * synchronously, and only on first use (--help never pays for it).
 */
function loadPrecompiled(): BuildTemplates | null {
  try {
    return (createRequire(import.meta.url)('./precompiled.cjs') as { build: BuildTemplates }).build;
  } catch (e) {
    // Absent (a source checkout): compile templates/ instead. Anything else is a broken build: say so.
    if ((e as { code?: string }).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes('precompiled.cjs')) return null;
    throw e;
  }
}

let cached: Registry | undefined;

/** Builds (once) and returns the registry for the bundled templates. */
export function registry(dir: string = TEMPLATE_DIR): Registry {
  if (dir === TEMPLATE_DIR && cached) return cached;
  const precompiled = dir === TEMPLATE_DIR ? loadPrecompiled() : null;
  const built = fromBuild(precompiled ?? buildFromSource(dir));
  if (dir === TEMPLATE_DIR) cached = built;
  return built;
}

/** Reads every template of a templates folder (layout above). */
export function readTemplateTree(dir: string): TemplateTree {
  const read = (p: string): string => readFileSync(p, 'utf8');
  const partials: Record<string, string> = {};
  const partialsDir = join(dir, 'partials');
  if (existsSync(partialsDir)) {
    for (const f of readdirSync(partialsDir).sort()) if (f.endsWith('.hbs')) partials[f.slice(0, -4)] = read(join(partialsDir, f));
  }
  const styles = {} as TemplateTree['styles'];
  for (const style of STYLE_NAMES) {
    const sdir = join(dir, style);
    for (const f of readdirSync(sdir).sort()) {
      if (f.endsWith('.hbs') && f !== 'headline.hbs' && f !== 'body.hbs') partials[`${style}/${f.slice(0, -4)}`] = read(join(sdir, f));
    }
    styles[style] = { headline: read(join(sdir, 'headline.hbs')), body: read(join(sdir, 'body.hbs')) };
  }
  return { partials, styles, description: read(join(dir, 'description.hbs')) };
}

/** Compiles a templates folder from source: every template parsed now, so a syntax error fails at start-up. */
export function buildFromSource(dir: string): BuildTemplates {
  // The full Handlebars package is only needed here, for its parser; the build ships compiled code.
  // new Function, not eval: the code is compiled from our own templates folder, exactly as the build does.
  const compiler = createRequire(import.meta.url)('handlebars') as typeof HandlebarsFull;
  return new Function('rt', 'H', compileTree(compiler, readTemplateTree(dir), HELPER_NAMES)) as BuildTemplates;
}

function fromBuild(build: BuildTemplates): Registry {
  const raw = build(runtime, HELPERS);
  // The top frame, as Handlebars makes it: the render data, and the context as @root.
  const top =
    (fn: Raw): Compiled =>
    (context, data) =>
      fn(context, data.variation ? { seed: data.seed, root: context, variation: data.variation } : { seed: data.seed, root: context });
  const styles = {} as Registry['styles'];
  for (const style of STYLE_NAMES) styles[style] = { headline: top(raw.styles[style].headline), body: top(raw.styles[style].body) };
  return { styles, description: top(raw.description) };
}
