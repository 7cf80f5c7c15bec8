/**
 * Our templates' compiler: Handlebars source in, plain JavaScript out.
 *
 * Handlebars parses the templates (its parser and its whitespace rules, so a
 * template means exactly what it means to Handlebars); this module turns the
 * parsed tree into one function per template that appends strings and reads
 * properties directly. Handlebars' own runtime wraps every block, helper and
 * partial call in closures and option objects built on each render: it was
 * two thirds of the time spent in templates, which were the largest stage of
 * a batch. `test/compile.test.ts` renders every fixture and hundreds of
 * random snapshots both ways and requires the same text.
 *
 * Only the part of the language the templates use is compiled; anything else
 * is an error that names the template, the line and what to write instead:
 *   - `{{path}}`, `{{helper args}}`, `{{> partial}}`, content and comments;
 *   - blocks `#if`, `#unless`, `#each` (over lists), `#with`, with `{{else}}`
 *     and `{{else if …}}` chains, and `{{#pick "slot"}}…{{else alt}}…{{/pick}}`;
 *   - helper calls and subexpressions with paths and literals as arguments.
 * Not compiled: `../` paths, hash arguments, block parameters, partial
 * blocks, dynamic partials and decorators. Nothing is HTML-escaped here, as
 * with Handlebars' `noEscape`: `{{x}}` and `{{{x}}}` print the same, because
 * escaping is done per format on the view (view.ts).
 *
 * Stricter than Handlebars' strict mode, which checks only printed paths:
 * every path, printed, tested by a block or passed to a helper, must end at
 * a property that exists, so a misspelt field is an error naming the
 * template and line, never empty text, "Undefined" or a silently false
 * `#if`. (A list index, `list.[1]`, may run past the end: that asks whether
 * the item exists.) A field that exists and holds null is fine.
 *
 * Otherwise as in Handlebars: `null`/`undefined` print as nothing; `#if`
 * treats an empty list as false; `#with` and `#each` render their `{{else}}`
 * for an empty value. One Handlebars bug is not kept: two numbers printed
 * side by side at the start of a block (`{{a}}{{b}}` with 1 and 2) are
 * added there ("3"); here they print "12".
 */
import type HandlebarsFull from 'handlebars';

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;

/** What a compile needs to know besides the source. */
export interface CompileScope {
  /** Names callable as `{{name args}}` or `(name args)`. */
  helpers: ReadonlySet<string>;
  /** Partial name → the identifier its compiled function has in the generated code. */
  partials: ReadonlyMap<string, string>;
}

/** A template the compiler refuses: the message names the template, the line and what to write instead. */
export class TemplateCompileError extends Error {
  override name = 'TemplateCompileError';
}

/** Reads a template's source positions: the parser records them, and errors quote them. */
const lineOf = (node: Node): string => (node.loc ? `, line ${node.loc.start.line}` : '');

interface Gen {
  name: string;
  scope: CompileScope;
  /** Fresh variable names for nested contexts, frames and values. */
  next: number;
}

const q = (s: string): string => JSON.stringify(s);

function fail(g: Gen, node: Node, what: string): never {
  throw new TemplateCompileError(`template ${g.name}${lineOf(node)}: ${what}`);
}

/**
 * The body of a function `(c, d) => string` for one template: `c` is the
 * context (the view), `d` the data frame (`@root`, `@index`…, and the seed).
 */
export function compileBody(ast: Program, name: string, scope: CompileScope): string {
  const g: Gen = { name, scope, next: 0 };
  return `let o = "";\n${program(ast, 'c', 'd', g)}return o;`;
}

/** Parses a template the way Handlebars does (whitespace control included) and compiles it. */
export function compileSource(compiler: Pick<typeof HandlebarsFull, 'parse'>, source: string, name: string, scope: CompileScope): string {
  return compileBody(compiler.parse(source), name, scope);
}

function program(p: Program | undefined, c: string, d: string, g: Gen): string {
  if (!p) return '';
  if (p.blockParams?.length) fail(g, p, 'block parameters (`as |x|`) are not supported');
  let out = '';
  for (const s of p.body) out += statement(s, c, d, g);
  return out;
}

function statement(s: Statement, c: string, d: string, g: Gen): string {
  switch (s.type) {
    case 'ContentStatement': {
      const text = (s as hbs.AST.ContentStatement).value;
      return text ? `o += ${q(text)};\n` : '';
    }
    case 'CommentStatement':
      return '';
    case 'MustacheStatement':
      return `o += T(${mustache(s as hbs.AST.MustacheStatement, c, d, g)});\n`;
    case 'BlockStatement':
      return block(s as hbs.AST.BlockStatement, c, d, g);
    case 'PartialStatement':
      return partial(s as hbs.AST.PartialStatement, c, d, g);
    default:
      return fail(g, s, `${s.type} is not supported by the template compiler`);
  }
}

/** `{{x}}`: the value to print (T turns null and undefined into nothing). */
function mustache(m: hbs.AST.MustacheStatement, c: string, d: string, g: Gen): string {
  if (m.hash) fail(g, m, 'hash arguments (`key=value`) are not supported');
  if (m.path.type !== 'PathExpression') fail(g, m, 'a literal cannot be printed with {{…}}: write it as text');
  const path = m.path as PathExpression;
  if (m.params.length > 0) return helperCall(path, m.params, c, d, g);
  // A one-word mustache could name a helper called with no arguments; no template means that, and it would print "[object Object]".
  if (isOneWord(path) && g.scope.helpers.has(path.parts[0]!)) fail(g, m, `{{${path.original}}} names a helper without arguments`);
  return `V(${lookup(path, c, d, g, true)}, ${c})`;
}

const isOneWord = (p: PathExpression): boolean => p.parts.length === 1 && !p.depth && !/^(this|\.)(\.|\/|$)/.test(p.original);

/**
 * A path read from the context or the data frame, as a plain property read:
 * a step through null or undefined throws, as in Handlebars. With `strict`,
 * the last step must exist (see the top of this file).
 *
 * Handlebars reads own properties only, a guard for templates written by
 * whoever runs them. Ours are part of the program and name fixed fields of
 * a view made of plain data (view.ts): nothing inherited is ever named, and
 * snapshot text can never become a path. So steps are plain reads, which the
 * engine optimises, and test/compile.test.ts shows the text is the same.
 */
function lookup(p: PathExpression, c: string, d: string, g: Gen, strict: boolean): string {
  if (p.depth) fail(g, p, `"${p.original}": paths into an enclosing context (../) are not supported`);
  let expr = p.data ? d : c;
  const parts = p.parts;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    // `list.[1]` asks whether a list has a second item: past the end is an answer, not a misspelling.
    if (i === parts.length - 1 && strict && !/^\d+$/.test(key)) return `S(${expr}, ${q(key)}, ${q(`${g.name}${lineOf(p)}`)})`;
    expr = /^[A-Za-z_$][\w$]*$/.test(key) ? `${expr}.${key}` : `${expr}[${q(key)}]`;
  }
  return expr;
}

/** An argument: a path (its last step must exist, as for a printed one), a literal or a subexpression. */
function argument(e: Expression, c: string, d: string, g: Gen): string {
  switch (e.type) {
    case 'PathExpression':
      return lookup(e as PathExpression, c, d, g, true);
    case 'StringLiteral':
      return q((e as hbs.AST.StringLiteral).value);
    case 'NumberLiteral':
      return String((e as hbs.AST.NumberLiteral).value);
    case 'BooleanLiteral':
      return String((e as hbs.AST.BooleanLiteral).value);
    case 'UndefinedLiteral':
      return 'undefined';
    case 'NullLiteral':
      return 'null';
    case 'SubExpression': {
      const sub = e as hbs.AST.SubExpression;
      if (sub.hash) fail(g, sub, 'hash arguments (`key=value`) are not supported');
      if (sub.path.type !== 'PathExpression') fail(g, sub, 'a subexpression starts with a helper name');
      return helperCall(sub.path as PathExpression, sub.params, c, d, g);
    }
    default:
      return fail(g, e, `${e.type} is not supported as an argument`);
  }
}

/** `helper a b` → the helper called with `this` the context and Handlebars' options object last (an empty one: no helper reads it). */
function helperCall(path: PathExpression, params: Expression[], c: string, d: string, g: Gen): string {
  const name = path.original;
  // pick and alt are blocks, compiled by pick() below, and not in the helpers: `{{pick x}}` lands here too.
  if (!isOneWord(path) || !g.scope.helpers.has(name)) fail(g, path, `"${name}" is not a helper`);
  return `H[${q(name)}].call(${c}, ${params.map((p) => `${argument(p, c, d, g)}, `).join('')}O)`;
}

function block(b: hbs.AST.BlockStatement, c: string, d: string, g: Gen): string {
  if (b.hash) fail(g, b, 'hash arguments (`key=value`) are not supported');
  if (b.path.type !== 'PathExpression') fail(g, b, 'a block starts with a helper name');
  const name = (b.path as PathExpression).original;
  const one = (): string => {
    if (b.params.length !== 1) fail(g, b, `#${name} takes exactly one argument`);
    return argument(b.params[0]!, c, d, g);
  };
  switch (name) {
    case 'if':
      return `if (F(${one()}, ${c})) {\n${program(b.program, c, d, g)}}${elseOf(b, c, d, g)}\n`;
    case 'unless':
      return `if (!F(${one()}, ${c})) {\n${program(b.program, c, d, g)}}${elseOf(b, c, d, g)}\n`;
    case 'with': {
      const v = `w${g.next++}`;
      return `{ const ${v} = W(${one()}, ${c});\nif (${v} !== E) {\n${program(b.program, v, d, g)}}${elseOf(b, c, d, g)} }\n`;
    }
    case 'each': {
      const n = g.next++;
      const [list, frame, item, i] = [`l${n}`, `f${n}`, `x${n}`, `i${n}`];
      return (
        `{ const ${list} = A(${one()}, ${c}, ${q(`${g.name}${lineOf(b)}`)});\n` +
        `if (${list} !== E) { const ${frame} = R(${d});\n` +
        `for (let ${i} = 0; ${i} < ${list}.length; ${i}++) { const ${item} = ${list}[${i}]; ` +
        `${frame}.key = ${i}; ${frame}.index = ${i}; ${frame}.first = ${i} === 0; ${frame}.last = ${i} === ${list}.length - 1;\n` +
        `${program(b.program, item, frame, g)}} }${elseOf(b, c, d, g)} }\n`
      );
    }
    case 'pick':
      return pick(b, c, d, g);
    case 'alt':
      return fail(g, b, '{{else alt}} belongs directly inside {{#pick "slot"}}…{{/pick}}');
    default:
      return fail(g, b, `#${name} is not a block the templates can use (if, unless, each, with, pick)`);
  }
}

function elseOf(b: hbs.AST.BlockStatement, c: string, d: string, g: Gen): string {
  const inverse = program(b.inverse, c, d, g);
  return inverse ? ` else {\n${inverse}}` : '';
}

/**
 * `{{#pick "slot"}}a{{else alt}}b{{else alt}}c{{/pick}}`: one alternative,
 * chosen by the seed and the slot (P, the same rule as helpers/pick.ts),
 * rendered with the same context.
 */
function pick(b: hbs.AST.BlockStatement, c: string, d: string, g: Gen): string {
  const slot = b.params[0];
  if (b.params.length !== 1 || slot?.type !== 'StringLiteral') fail(g, b, '#pick takes one slot name in quotes: {{#pick "slot"}}');
  const alternatives: (Program | undefined)[] = [b.program];
  let at: hbs.AST.BlockStatement = b;
  for (;;) {
    const only = at.inverse?.body.length === 1 ? at.inverse.body[0] : undefined;
    if (only?.type === 'BlockStatement' && ((only as hbs.AST.BlockStatement).path as PathExpression).original === 'alt') {
      at = only as hbs.AST.BlockStatement;
      if (at.params.length > 0 || at.hash) fail(g, at, '{{else alt}} takes no arguments');
      alternatives.push(at.program);
      continue;
    }
    if (at.inverse) fail(g, at.inverse, 'a {{#pick}} chain holds only {{else alt}} branches');
    break;
  }
  const cases = alternatives.map((p, k) => `case ${k}: {\n${program(p, c, d, g)}break; }\n`).join('');
  return `switch (P(${d}, ${q((slot as hbs.AST.StringLiteral).value)}, ${alternatives.length})) {\n${cases}}\n`;
}

function partial(p: hbs.AST.PartialStatement, c: string, d: string, g: Gen): string {
  if (p.params.length > 0 || p.hash) fail(g, p, 'partials take no arguments here: {{> name}} renders with the current context');
  if (p.name.type !== 'PathExpression') fail(g, p, 'partial names are written out, not computed');
  const name = (p.name as PathExpression).original;
  const fn = g.scope.partials.get(name);
  if (!fn) fail(g, p, `no partial named "${name}"`);
  // Handlebars with preventIndent: the whitespace before a standalone partial is printed once, not before each of its lines.
  const indent = (p as { indent?: string }).indent;
  return `${indent ? `o += ${q(indent)};\n` : ''}o += ${fn}(${c}, ${d});\n`;
}

/** Template sources by role, as read from a templates folder (templates.ts). */
export interface TemplateTree {
  partials: Record<string, string>;
  styles: Record<string, { headline: string; body: string }>;
  description: string;
}

/** The names compiled code destructures from the runtime (runtime.ts). */
const RUNTIME_NAMES = ['S', 'V', 'T', 'F', 'W', 'E', 'A', 'R', 'P', 'O'] as const;

/**
 * A whole templates folder as the body of a function `(rt, H)` (the runtime
 * and the helpers) that returns `{ styles, description }`: one function per
 * template, partials called by name. The build writes it into a module;
 * from source it is compiled with `new Function`.
 */
export function compileTree(compiler: Pick<typeof HandlebarsFull, 'parse'>, tree: TemplateTree, helpers: ReadonlySet<string>): string {
  const partials = new Map(Object.keys(tree.partials).map((name, i) => [name, `p${i}`]));
  const scope: CompileScope = { helpers, partials };
  const fn = (id: string, source: string, name: string): string => `function ${id}(c, d) {\n${compileSource(compiler, source, name, scope)}\n}\n`;
  let out = `"use strict";\nconst { ${RUNTIME_NAMES.join(', ')} } = rt;\n`;
  for (const [name, source] of Object.entries(tree.partials)) out += fn(partials.get(name)!, source, name);
  const styles: string[] = [];
  for (const [i, [style, t]] of Object.entries(tree.styles).entries()) {
    out += fn(`h${i}`, t.headline, `${style}/headline`) + fn(`b${i}`, t.body, `${style}/body`);
    styles.push(`${q(style)}: { headline: h${i}, body: b${i} }`);
  }
  out += fn('description', tree.description, 'description');
  return `${out}return { styles: { ${styles.join(', ')} }, description };\n`;
}
