/**
 * The reference the template compiler is held to: the same templates
 * compiled and run by Handlebars itself (strict mode, no escaping, no
 * partial indenting), with the same helpers. test/compile.test.ts renders
 * through both and requires the same text.
 */
import Handlebars from 'handlebars';
import { STYLE_NAMES } from '../../src/plan/styles.js';
import { HELPERS, readTemplateTree, type Compiled, type Registry } from '../../src/render/templates.js';
import { alt, pick } from './pick-helpers.js';

export const COMPILE_OPTIONS = { strict: true, noEscape: true, preventIndent: true, knownHelpersOnly: false } as const;

export function handlebarsRegistry(dir: string): Registry {
  const hb = Handlebars.create();
  hb.registerHelper({ pick, alt, ...(HELPERS as Record<string, Handlebars.HelperDelegate>) });
  const tree = readTemplateTree(dir);
  const compile = (source: string, name: string): HandlebarsTemplateDelegate => hb.compile(prepareTemplate(source, name), COMPILE_OPTIONS);
  // Registered compiled: a partial registered as a string is recompiled on every render.
  for (const [name, source] of Object.entries(tree.partials)) hb.registerPartial(name, compile(source, name));
  const wrap =
    (fn: HandlebarsTemplateDelegate): Compiled =>
    (context, data) =>
      fn(context, { data, allowProtoPropertiesByDefault: false });
  const styles = {} as Registry['styles'];
  for (const style of STYLE_NAMES) {
    const t = tree.styles[style]!;
    styles[style] = { headline: wrap(compile(t.headline, `${style}/headline`)), body: wrap(compile(t.body, `${style}/body`)) };
  }
  return { styles, description: wrap(compile(tree.description, 'description')) };
}

interface AstNode {
  type?: string;
  path?: { original?: unknown };
  params?: unknown[];
  program?: AstNode;
  inverse?: AstNode;
  body?: AstNode[];
  loc?: unknown;
}

/** Parses a template and gives every `{{#pick "slot"}}` its number of alternatives as a second parameter (see pick-helpers.ts). */
export function prepareTemplate(source: string, name: string): hbs.AST.Program {
  const ast = Handlebars.parse(source);
  checkAltPlacement(ast as unknown as AstNode, name);
  countAlternatives(ast as unknown as AstNode);
  return ast;
}

/** `{{else alt}}` continues its block's inverse: a program whose only statement is the chained block. */
const chainedBlock = (node: AstNode): AstNode | undefined => {
  const only = node.inverse?.body?.length === 1 ? node.inverse.body[0] : undefined;
  return only?.type === 'BlockStatement' ? only : undefined;
};
const helperOf = (node: AstNode | undefined): string | null =>
  node?.type === 'BlockStatement' && typeof node.path?.original === 'string' ? node.path.original : null;

/** `{{else alt}}` must continue a `{{#pick}}` (or another alt): after an `{{#if}}` it would silently become that block's else branch. */
function checkAltPlacement(ast: AstNode, name: string): void {
  const visit = (node: AstNode | undefined, parentHelper: string | null): void => {
    if (!node || typeof node !== 'object') return;
    const helper = helperOf(node);
    if (helper === 'alt' && parentHelper !== 'pick' && parentHelper !== 'alt') {
      throw new Error(`template ${name}: {{else alt}} follows {{#${parentHelper ?? '?'}}}, not {{#pick}}`);
    }
    for (const child of node.body ?? []) visit(child, null);
    visit(node.program, null);
    if (node.inverse) {
      const chained = chainedBlock(node) !== undefined;
      for (const child of node.inverse.body ?? []) visit(child, chained ? helper : null);
    }
  };
  visit(ast, null);
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
