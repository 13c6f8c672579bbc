// What the widgets' sources say about their texts, read with the TypeScript parser (not run): every `msg()` call
// with its id and zh-CN text, and which modules each widget's element can reach, to know which texts it shows.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const WIDGETS_SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** One text as the source writes it: the zh-CN template, its values numbered `{0}`, `{1}` … in order as in a table. */
export interface SourceMessage {
  readonly id: string;
  readonly text: string;
  readonly valueCount: number;
  /** `components/catalog/facets.ts:42` for each call. */
  readonly places: readonly string[];
}

/** The source's texts and the calls that could not be read (an id or a text that is not a literal). */
export interface SourceMessages {
  readonly byId: ReadonlyMap<string, SourceMessage>;
  /** The ids each module uses. */
  readonly idsByModule: ReadonlyMap<string, ReadonlySet<string>>;
  readonly problems: readonly string[];
}

/** Every `.ts` module under `dir`, as absolute paths. */
export function modulesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return modulesUnder(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

/** `components/catalog/facets.ts:42`. */
function place(source: ts.SourceFile, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${relative(WIDGETS_SRC, source.fileName)}:${line + 1}`;
}

/** The zh-CN template of a `msg()` call: a string, or `str` tagged with values. */
function template(node: ts.Expression): { text: string; valueCount: number } | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, valueCount: 0 };
  if (!ts.isTaggedTemplateExpression(node) || !ts.isIdentifier(node.tag) || node.tag.text !== 'str') return undefined;
  const literal = node.template;
  if (ts.isNoSubstitutionTemplateLiteral(literal)) return { text: literal.text, valueCount: 0 };
  let text = literal.head.text;
  literal.templateSpans.forEach((span, index) => {
    text += `{${index}}${span.literal.text}`;
  });
  return { text, valueCount: literal.templateSpans.length };
}

function literalId(options: ts.Expression | undefined): string | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const property of options.properties) {
    if (!ts.isPropertyAssignment(property) || property.name.getText() !== 'id') continue;
    const value = property.initializer;
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
  }
  return undefined;
}

/** Every `msg()` call in the widgets' sources. */
export function sourceMessages(modules = modulesUnder(WIDGETS_SRC)): SourceMessages {
  const byId = new Map<string, SourceMessage>();
  const idsByModule = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const file of modules) {
    const source = parse(file);
    const ids = new Set<string>();
    visit(source, (node) => {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'msg') return;
      const [first, options] = node.arguments;
      const id = literalId(options);
      const written = first && template(first);
      if (id === undefined || !written) {
        problems.push(`${place(source, node)}: msg() needs a literal text (or str\`…\`) and a literal id`);
        return;
      }
      ids.add(id);
      const known = byId.get(id);
      if (known && (known.text !== written.text || known.valueCount !== written.valueCount)) {
        problems.push(`${place(source, node)}: id "${id}" has another text at ${known.places[0]}`);
        return;
      }
      byId.set(id, { id, ...written, places: [...(known?.places ?? []), place(source, node)] });
    });
    if (ids.size) idsByModule.set(file, ids);
  }
  return { byId, idsByModule, problems };
}

/** The `.ts` module a relative specifier (`./facets.js`) of `from` names; undefined for a package. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return resolve(dirname(from), specifier).replace(/\.js$/, '.ts');
}

/** The modules each module imports, statically or with `import()`, types aside. */
export function importGraph(modules = modulesUnder(WIDGETS_SRC)): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of modules) {
    const imported = new Set<string>();
    const add = (specifier: ts.Expression | undefined) => {
      if (!specifier || !ts.isStringLiteral(specifier)) return;
      const target = resolveSpecifier(file, specifier.text);
      if (target) imported.add(target);
    };
    visit(parse(file), (node) => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) add(node.moduleSpecifier);
      else if (ts.isExportDeclaration(node) && !node.isTypeOnly) add(node.moduleSpecifier);
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        add(node.arguments[0]);
      }
    });
    graph.set(file, imported);
  }
  return graph;
}

export function componentModule(widget: string): string {
  return join(WIDGETS_SRC, 'components', widget, `${widget}.component.ts`);
}

/**
 * The modules an element can run: its component module and what that imports, directly or not. Another element
 * (a `define/` module) and translation tables are not followed: an element loads its own texts.
 */
export function reachableModules(start: string, graph: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const reached = new Set<string>();
  const pending = [start];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const next of graph.get(file) ?? []) {
      const path = relative(WIDGETS_SRC, next);
      if (path.startsWith('define/') || path.split('/').includes('locales')) continue;
      pending.push(next);
    }
  }
  return reached;
}

/**
 * Every widget that shows texts (a folder of `components/` with a component module whose element reaches a `msg()`
 * call), with the modules its element can run.
 */
export function widgetsWithTexts(
  messages: SourceMessages,
  graph: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Set<string>> {
  const components = join(WIDGETS_SRC, 'components');
  const widgets = new Map<string, Set<string>>();
  for (const widget of readdirSync(components).sort()) {
    if (!graph.has(componentModule(widget))) continue;
    const modules = reachableModules(componentModule(widget), graph);
    if ([...modules].some((module) => messages.idsByModule.has(module))) widgets.set(widget, modules);
  }
  return widgets;
}
