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
import type HandlebarsFull from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** Template sources by role, as read from a templates folder. */
export interface TemplateTree {
  partials: Record<string, string>;
  styles: Record<StyleName, { headline: string; body: string }>;
  description: string;
}

/** The same tree with each source precompiled by Handlebars (a JS object per template). */
export type PrecompiledTree = {
  partials: Record<string, unknown>;
  styles: Record<StyleName, { headline: unknown; body: unknown }>;
  description: unknown;
};

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export const COMPILE_OPTIONS = { strict: true, noEscape: true, preventIndent: true, knownHelpersOnly: false } as const;

/**
 * `npm run build` precompiles the bundled templates into dist/render/precompiled.js
 * (scripts/precompile-templates.js), so a command starts without parsing or
 * compiling any template. Running from src/ (tests) there is none, and the
 * templates are compiled from templates/ instead.
 */
const PRECOMPILED: PrecompiledTree | null = await import(new URL('./precompiled.js', import.meta.url).href).then(
  (m: { tree: PrecompiledTree }) => m.tree,
  () => null,
);

let cached: Registry | undefined;

/** Builds (once) and returns the registry for the bundled templates. */
export function registry(dir: string = TEMPLATE_DIR): Registry {
  if (dir === TEMPLATE_DIR && cached) return cached;
  const built = dir === TEMPLATE_DIR && PRECOMPILED ? fromPrecompiled(PRECOMPILED) : buildRegistry(dir);
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

type Env = typeof HandlebarsFull;
// The runtime package's own typings are empty; it is the same object without the compiler.
const HandlebarsRuntime = runtime as unknown as Env;

function environment(hb: Env): Env {
  const env = hb.create();
  env.registerHelper({ pick, alt, ...logic, ...text });
  return env;
}

const wrap =
  (fn: HandlebarsTemplateDelegate): Compiled =>
  (context, data) =>
    fn(context, { data, allowProtoPropertiesByDefault: false });

/** Compiles a templates folder from source: every template parsed now, so a syntax error fails at start-up. */
export function buildRegistry(dir: string): Registry {
  // The full compiler is only needed here; the precompiled path runs on the small runtime.
  const compiler = createRequire(import.meta.url)('handlebars') as Env;
  const hb = environment(compiler);
  const tree = readTemplateTree(dir);
  const compile = (source: string, name: string): HandlebarsTemplateDelegate => hb.compile(prepareTemplate(compiler, source, name), COMPILE_OPTIONS);
  // Registered compiled: a partial registered as a string is recompiled on every render.
  for (const [name, source] of Object.entries(tree.partials)) hb.registerPartial(name, compile(source, name));
  const styles = {} as Registry['styles'];
  for (const style of STYLE_NAMES) {
    const t = tree.styles[style];
    styles[style] = { headline: wrap(compile(t.headline, `${style}/headline`)), body: wrap(compile(t.body, `${style}/body`)) };
  }
  return { styles, description: wrap(compile(tree.description, 'description')) };
}

function fromPrecompiled(tree: PrecompiledTree): Registry {
  const hb = environment(HandlebarsRuntime);
  // The runtime's types only admit templates compiled at run time; precompiled specs are what it takes underneath.
  const load = (spec: unknown): HandlebarsTemplateDelegate => hb.template(spec as TemplateSpecification);
  for (const [name, spec] of Object.entries(tree.partials)) hb.registerPartial(name, load(spec));
  const styles = {} as Registry['styles'];
  for (const style of STYLE_NAMES) styles[style] = { headline: wrap(load(tree.styles[style].headline)), body: wrap(load(tree.styles[style].body)) };
  return { styles, description: wrap(load(tree.description)) };
}

interface AstNode {
  type?: string;
  path?: { original?: unknown };
  params?: unknown[];
  program?: AstNode;
  inverse?: AstNode;
  body?: AstNode[];
  loc?: { start?: { line?: number } } | undefined;
}

/**
 * Parses a template and readies it for compiling: checks where `{{else alt}}`
 * stands, and gives every `{{#pick "slot"}}` its number of alternatives as a
 * second parameter, so the helper can choose before it renders and render
 * only the chosen one (see helpers/pick.ts). With `stripLocations`, source
 * positions are dropped: the build does this, because Handlebars otherwise
 * allocates a position object at every expression of every render, and a
 * template error then names the style and part without a line number.
 */
export function prepareTemplate(compiler: Pick<Env, 'parse'>, source: string, name: string, stripLocations = false): hbs.AST.Program {
  const ast = compiler.parse(source);
  checkAltPlacement(ast, name);
  countAlternatives(ast as unknown as AstNode);
  if (stripLocations) dropLocations(ast);
  return ast;
}

/** `{{else alt}}` continues its block's inverse: a program whose only statement is the chained block. */
const chainedBlock = (node: AstNode): AstNode | undefined => {
  const only = node.inverse?.body?.length === 1 ? node.inverse.body[0] : undefined;
  return only?.type === 'BlockStatement' ? only : undefined;
};
const helperOf = (node: AstNode | undefined): string | null =>
  node?.type === 'BlockStatement' && typeof node.path?.original === 'string' ? node.path.original : null;

/**
 * `{{else alt}}` must continue a `{{#pick}}` (or another alt): after an
 * `{{#if}}` it would silently become that block's else branch. Checked when
 * templates are compiled (tests) and precompiled (build).
 */
export function checkAltPlacement(ast: unknown, name: string): void {
  const visit = (node: AstNode | undefined, parentHelper: string | null): void => {
    if (!node || typeof node !== 'object') return;
    const helper = helperOf(node);
    if (helper === 'alt' && parentHelper !== 'pick' && parentHelper !== 'alt') {
      throw new Error(`template ${name}, line ${node.loc?.start?.line ?? '?'}: {{else alt}} follows {{#${parentHelper ?? '?'}}}, not {{#pick}}`);
    }
    for (const child of node.body ?? []) visit(child, null);
    visit(node.program, null);
    if (node.inverse) {
      const chained = chainedBlock(node) !== undefined;
      for (const child of node.inverse.body ?? []) visit(child, chained ? helper : null);
    }
  };
  visit(ast as AstNode, null);
}

function countAlternatives(node: AstNode | undefined): void {
  if (!node || typeof node !== 'object') return;
  if (helperOf(node) === 'pick' && node.params?.length === 1) {
    let n = 1;
    for (let alt = chainedBlock(node); helperOf(alt) === 'alt'; alt = chainedBlock(alt!)) n++;
    node.params.push({ type: 'NumberLiteral', value: n, original: n, loc: node.loc });
  }
  for (const child of node.body ?? []) countAlternatives(child);
  countAlternatives(node.program);
  countAlternatives(node.inverse);
}

function dropLocations(value: unknown): void {
  if (Array.isArray(value)) for (const v of value) dropLocations(v);
  else if (value !== null && typeof value === 'object') {
    delete (value as AstNode).loc;
    for (const v of Object.values(value)) dropLocations(v);
  }
}
