// Builds every package: npm modules (one file per source module, dependencies left as imports) and the widgets'
// CDN build (everything bundled and minified: one core chunk with Lit, the SDK's client and the base element, which
// loads once, and one module per widget).
// Type declarations come from `tsc` (scripts/build.mjs), which also type-checks.
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { CORE_INPUT, coreEntry, findCoreModules, importFromCore, usedAliases } from './scripts/cdn-core.mjs';

const TARGET = 'es2022';

const packages = {
  schemas: ['src/index.ts', 'src/openapi/index.ts', 'src/rules/index.ts'],
  sdk: ['src/index.ts', 'src/core.ts'],
  widgets: ['src/index.ts', ...definesOf('packages/widgets')],
  server: ['src/index.ts', 'src/main.ts', 'src/cli/seed.ts', 'src/seed/index.ts'],
};

function definesOf(dir) {
  const defineDir = join(dir, 'src/define');
  if (!existsSync(defineDir)) return [];
  return readdirSync(defineDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `src/define/${file}`);
}

/** Bare imports (`lit`, `@smec/schemas`, `node:fs`) stay imports in npm modules. */
function isBare(id) {
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
}

function npmBuild(name, entries) {
  const dir = `packages/${name}`;
  return {
    input: entries.filter((entry) => existsSync(join(dir, entry))).map((entry) => join(dir, entry)),
    external: isBare,
    plugins: [esbuild({ target: TARGET, tsconfig: 'tsconfig.base.json', sourceMap: true })],
    output: {
      dir: join(dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(dir, 'src'),
      sourcemap: true,
      entryFileNames: '[name].js',
    },
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
      warn(warning);
    },
  };
}

const VLQ_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    const digit = rest & 31;
    rest >>>= 5;
    out += VLQ_DIGITS[rest ? digit | 32 : digit];
  } while (rest);
  return out;
}

/** A source map for an edit that only replaced the given ranges: every kept stretch maps back to where it was. */
function editMap(source, edits, file) {
  const lines = [[]];
  let line = 0;
  let column = 0;
  let from = 0;
  const position = (offset) => {
    const before = source.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return [before.split('\n').length - 1, offset - lineStart];
  };
  const emit = (text, sourceOffset) => {
    let [sourceLine, sourceColumn] = position(sourceOffset);
    lines[line].push([column, sourceLine, sourceColumn]);
    for (const char of text) {
      if (char === '\n') {
        lines.push([]);
        line += 1;
        column = 0;
        sourceLine += 1;
        sourceColumn = 0;
        lines[line].push([0, sourceLine, 0]);
      } else {
        column += char.length;
        sourceColumn += char.length;
      }
    }
  };
  for (const [start, end, text] of edits) {
    if (start > from) emit(source.slice(from, start), from);
    if (text) emit(text, start);
    from = end;
  }
  if (from < source.length) emit(source.slice(from), from);
  let previous = [0, 0, 0];
  const mappings = lines
    .map((segments) => {
      let lastColumn = 0;
      return segments
        .map(([generatedColumn, sourceLine, sourceColumn]) => {
          const segment =
            vlq(generatedColumn - lastColumn) +
            vlq(0) +
            vlq(sourceLine - previous[1]) +
            vlq(sourceColumn - previous[2]);
          lastColumn = generatedColumn;
          previous = [0, sourceLine, sourceColumn];
          return segment;
        })
        .join(',');
    })
    .join(';');
  return { version: 3, sources: [file], names: [], mappings };
}

/** CSS without comments and without the whitespace that carries no meaning. */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** Markup whose line breaks and indentation collapse to one space, which renders the same. */
function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Shrinks the text of Lit's `css` and `html` templates in our own modules: esbuild minifies code but leaves template
 * text alone, and the catalog's styles and markup are written to be read.
 */
function minifyTemplates() {
  const minifiers = { css: minifyCss, html: minifyHtml };
  return {
    name: 'smec-minify-templates',
    transform(code, id) {
      if (!id.includes('/packages/widgets/src/') || !/\b(css|html)`/.test(code)) return null;
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        const minify = node.type === 'TaggedTemplateExpression' && minifiers[node.tag.name];
        if (minify) {
          for (const quasi of node.quasi.quasis) {
            const raw = code.slice(quasi.start, quasi.end);
            if (raw !== quasi.value.raw) this.error(`unexpected template position in ${id}`);
            const text = minify(raw);
            if (text !== raw) edits.push([quasi.start, quasi.end, text]);
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      if (!edits.length) return null;
      edits.sort((a, b) => a[0] - b[0]);
      let out = '';
      let from = 0;
      for (const [start, end, text] of edits) {
        out += code.slice(from, start) + text;
        from = end;
      }
      out += code.slice(from);
      return { code: out, map: editMap(code, edits, id) };
    },
  };
}

const CDN_DIR = 'packages/widgets/dist/cdn';

function cdnPlugins() {
  return [
    nodeResolve({ exportConditions: ['source', 'browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
    esbuild({ target: TARGET, tsconfig: 'tsconfig.base.json' }),
    minifyTemplates(),
    // Terser packs a few percent tighter than esbuild's minifier, which counts against each widget's 25 KB budget.
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ];
}

const cdnOutput = {
  dir: CDN_DIR,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: true,
};

const WIDGETS_DIR = 'packages/widgets';

/** The root element's module, whose needs (less its own component) make the core every widget module imports. */
const isRootsOwnCode = (id) => id.includes('/src/define/') || id.includes('/src/components/root/');

/**
 * Another widget that a widget opens on demand (the catalog's 「我要咨询」 opens a demand form on a page without one)
 * is loaded as that widget's own CDN module, not inlined: the page never holds two copies of the form, and the
 * modules the two widgets share stay in the opener's module as they were, with no exports for the other's sake.
 */
function otherWidgetsAsModules(ownEntry) {
  const defineDir = resolve(WIDGETS_DIR, 'src/define');
  return {
    name: 'smec-other-widgets',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('define/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolve(resolved.id) === resolve(ownEntry)) return null;
      if (!resolved.id.startsWith(`${defineDir}/`)) return null;
      // An absolute external is written relative to each chunk as if the output folder were src/define.
      return { id: resolved.id.replace(/\.ts$/, '.js'), external: true };
    },
  };
}

/**
 * One module per widget tag (what the loader imports): the core chunk once, then each widget built on its own with
 * everything else inlined (scripts/cdn-core.mjs says why). The loader imports nothing and is built apart.
 */
async function cdnBuilds() {
  const core = await findCoreModules({
    entry: `${WIDGETS_DIR}/src/define/smec-root.ts`,
    plugins: cdnPlugins().slice(0, 2),
    isOwnCode: isRootsOwnCode,
  });
  const widgets = Object.fromEntries(
    definesOf(WIDGETS_DIR).map((entry) => [
      entry.replace('src/define/', '').replace(/\.ts$/, ''),
      join(WIDGETS_DIR, entry),
    ]),
  );
  const used = await usedAliases({ core, input: widgets, plugins: cdnPlugins().slice(0, 2) });
  const coreBundle = await rollup({ input: { core: CORE_INPUT }, plugins: [coreEntry(core, used), ...cdnPlugins()] });
  const { output } = await coreBundle.write({ ...cdnOutput, entryFileNames: 'chunks/[name]-[hash].js' });
  await coreBundle.close();
  // Rollup writes an absolute external relative to each chunk as if the output folder were the folder of the
  // inputs, so the core's path is given from there: `./chunks/core-….js` from an entry, `./core-….js` from a chunk.
  const coreFile = resolve(WIDGETS_DIR, 'src/define', output[0].fileName);
  const builds = Object.entries(widgets).map(([tag, entry]) => ({
    input: { [tag]: entry },
    plugins: [otherWidgetsAsModules(entry), importFromCore(core, coreFile), ...cdnPlugins()],
    makeAbsoluteExternalsRelative: true,
    output: cdnOutput,
  }));
  const loader = `${WIDGETS_DIR}/src/cdn/smec-loader.ts`;
  if (existsSync(loader)) builds.push({ input: { 'smec-loader': loader }, plugins: cdnPlugins(), output: cdnOutput });
  return builds;
}

/**
 * Every module `smec.js` imports statically, in one chunk. `smec.js` is every widget at once: as one file gzip sees
 * the widgets' common markup, styles and code patterns together, which separately gzipped chunks cannot share.
 * What it imports dynamically (translations, views opened later) stays in chunks of its own, loaded on demand; they
 * import from the hashed bundle, never from `smec.js`, which a page may load under a URL with a query string.
 */
function bundleStaticImports() {
  let bundled;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!bundled) {
      bundled = new Set();
      const visit = (moduleId) => {
        if (bundled.has(moduleId)) return;
        bundled.add(moduleId);
        for (const imported of getModuleInfo(moduleId)?.importedIds ?? []) visit(imported);
      };
      for (const moduleId of getModuleIds()) if (getModuleInfo(moduleId)?.isEntry) visit(moduleId);
    }
    // The validation messages in en and zh-HK are reached through `@smec/schemas/rules`' index, but only the shared
    // translations use them: they go in the same chunk, so that a zh-CN visitor never downloads them.
    const locale = /\/(?:i18n\/locales|rules\/messages)[/-](en|zh-HK)\.ts$/.exec(id)?.[1];
    if (locale) return locale;
    // The entry itself stays out, so that `smec.js` is a facade that only imports the bundle.
    return bundled.has(id) && !getModuleInfo(id)?.isEntry ? 'smec-bundle' : undefined;
  };
}

/**
 * `smec.js` is a build of its own, sharing nothing with the per-widget modules: a page loads it or the loader and
 * the per-widget modules, not both (both work, with two copies of the code and one console warning).
 */
function cdnAllInOneBuild() {
  return {
    input: { smec: 'packages/widgets/src/cdn/smec.ts' },
    plugins: cdnPlugins(),
    output: { ...cdnOutput, manualChunks: bundleStaticImports() },
  };
}

const only = process.env.SMEC_BUILD_ONLY?.split(',');
const wanted = (name) => !only || only.includes(name);

export default async () => [
  ...Object.entries(packages)
    .filter(([name]) => wanted(name))
    .map(([name, entries]) => npmBuild(name, entries)),
  ...(wanted('cdn') && existsSync('packages/widgets/src/cdn/smec.ts')
    ? [...(await cdnBuilds()), cdnAllInOneBuild()]
    : []),
];
