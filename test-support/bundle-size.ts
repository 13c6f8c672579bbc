// What a visitor downloads for a CDN entry: the entry and every chunk it imports statically, each gzipped on its own
// (as a server sends them). Shared by the size-budget test and `npm run bench`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CDN_DIR = fileURLToPath(new URL('../packages/widgets/dist/cdn/', import.meta.url));

/**
 * The budgets of issue 7, in KB gzip. The loader is the only script a page needs up front; a widget's module is what
 * its tag costs; `smec.js` is everything at once. `smec-root.js` is part of every widget's cost already.
 */
export const BUDGETS_KB = { loader: 2, widget: 25, all: 60, firstView: 40 } as const;

/**
 * Widgets whose first render fetches a view of their own on demand (issue 19: the provider workbench's products):
 * the entry and that view's module together make what a visitor waits for before the first view shows.
 */
export const FIRST_VIEWS: Readonly<Record<string, string>> = {
  'smec-provider-workbench.js': 'products-view',
  // Issue 20: the center's workbench opens on its overview.
  'smec-center-workbench.js': 'overview-view',
};

/** Every file an entry loads through static imports, itself included (dynamic `import()` loads later, on demand). */
export function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    staticClosure(resolve(dirname(file), match[1]!), seen);
  }
  return seen;
}

export function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  return Math.round((bytes / 1024) * 100) / 100;
}

/** Each CDN entry (`smec.js`, `smec-loader.js`, `smec-catalog.js` …) with its size in KB gzip. */
export function cdnEntrySizes(): Record<string, number> {
  if (!existsSync(join(CDN_DIR, 'smec.js'))) throw new Error('No CDN build: run `npm run build` first');
  const sizes: Record<string, number> = {};
  for (const entry of readdirSync(CDN_DIR)
    .filter((file) => file.endsWith('.js'))
    .sort()) {
    sizes[entry] = gzipKb(staticClosure(join(CDN_DIR, entry)));
  }
  return sizes;
}

/** The widgets' own modules: every entry but the all-in-one, the loader and the root. */
export function widgetEntries(sizes: Record<string, number>): string[] {
  return Object.keys(sizes).filter((entry) => /^smec-(?!root\.|loader\.)/.test(entry));
}

/** The modules `files` fetch with a dynamic `import()` of a relative path. */
function dynamicImports(files: Iterable<string>): string[] {
  const found: string[] = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
      found.push(resolve(dirname(file), match[1]!));
    }
  }
  return found;
}

/**
 * A widget's first view in KB gzip: its entry with its static imports, and the view module (named `view`, as its
 * chunk is) that its first render imports, with that one's static imports.
 */
export function firstViewKb(entry: string, view: string): number {
  const closure = staticClosure(join(CDN_DIR, entry));
  const module = dynamicImports(closure).find((file) => new RegExp(`/${view}-[\\w-]+\\.js$`).test(file));
  if (!module) throw new Error(`${entry} imports no ${view} module on demand`);
  return gzipKb(staticClosure(module, closure));
}

/**
 * The views `entry` fetches on demand: the modules its static imports name in a dynamic `import()` whose chunk is a
 * view's (`<name>-view-<hash>.js`), each by its name (`overview-view`).
 */
export function viewsOnDemand(entry: string): string[] {
  const names = dynamicImports(staticClosure(join(CDN_DIR, entry)))
    .map((file) => /\/([\w-]+-view)-[\w-]+\.js$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)].sort();
}
