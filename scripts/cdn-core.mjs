// The CDN's shared core: one chunk with Lit, the SDK's client and the widgets' base element, which every widget
// module imports, and nothing else shared. Rollup's own chunking splits shared code by the set of entries that use
// it, which for seven widgets made about thirty small files, each gzipped on its own and each costing its own
// headers and lost context; a widget's module paid 1–2 KB for the split alone. Here each widget is built on its own
// with everything but the core inlined, so its code is one file, and the core is built once, so a page with several
// widgets still loads Lit and the base element once and shares their module state (the client cache, the
// translation tables, the language observer).
import { rollup } from 'rollup';

const CORE_ENTRY = '\0smec-core';
const CORE_REF = '\0smec-core-ref:';

/**
 * The modules of the core and what each exports: every module the root element's module needs, less the root's own
 * component. A module counts only when it renders code of its own, so that a barrel (`@smec/schemas`) stays out and
 * what a widget takes through it comes from where it is defined.
 */
export async function findCoreModules({ entry, plugins, isOwnCode }) {
  let core;
  const bundle = await rollup({
    input: entry,
    plugins: [
      ...plugins,
      {
        name: 'smec-core-modules',
        generateBundle(_options, output) {
          core = new Map();
          for (const chunk of Object.values(output)) {
            if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
            for (const [id, { renderedLength }] of Object.entries(chunk.modules)) {
              if (!renderedLength || isOwnCode(id)) continue;
              const { exportedBindings } = this.getModuleInfo(id);
              const names = Object.values(exportedBindings).flat();
              const stars = Object.keys(exportedBindings).filter((source) => exportedBindings[source].includes('*'));
              core.set(id, { names: names.filter((name) => name !== '*').sort(), stars });
            }
          }
        },
      },
    ],
    onwarn() {},
  });
  await bundle.generate({ format: 'es' });
  await bundle.close();
  return withAliases(core);
}

/**
 * Short, stable export names for the core chunk (`_0`, `_1` …), which the widget modules import by; and the modules
 * each one re-exports whole (`export * from`), which a widget's import reaches through it.
 */
function withAliases(core) {
  let next = 0;
  const aliased = new Map();
  for (const id of [...core.keys()].sort()) {
    const { names, stars } = core.get(id);
    aliased.set(id, { aliases: new Map(names.map((name) => [name, `_${(next++).toString(36)}`])), stars });
  }
  return aliased;
}

/**
 * Which of the core's aliases the widgets import (their dynamically loaded parts included), found by building them
 * once against a stand-in for the core: the core then carries no export that nothing uses.
 */
export async function usedAliases({ core, input, plugins }) {
  const standIn = 'smec-core-stand-in';
  const bundle = await rollup({ input, plugins: [importFromCore(core, standIn), ...plugins], onwarn() {} });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return new Set(output.flatMap((chunk) => (chunk.type === 'chunk' ? (chunk.importedBindings[standIn] ?? []) : [])));
}

/** The core build's entry: every export of the core modules that a widget imports, under its alias. */
export function coreEntry(core, used) {
  return {
    name: 'smec-core-entry',
    resolveId: (id) => (id === CORE_ENTRY ? id : null),
    load(id) {
      if (id !== CORE_ENTRY) return null;
      return [...core]
        .map(([module, { aliases }]) => [module, [...aliases].filter(([, alias]) => used.has(alias))])
        .filter(([, aliases]) => aliases.length)
        .map(([module, aliases]) => {
          const specifiers = aliases.map(([name, alias]) => `${name} as ${alias}`).join(', ');
          return `export { ${specifiers} } from ${JSON.stringify(module)};`;
        })
        .join('\n');
    },
  };
}

export const CORE_INPUT = CORE_ENTRY;

/**
 * For a widget's build: an import of a core module becomes an import from the built core chunk (`coreFile`, an
 * absolute path that rollup writes relative to each chunk), taking each name by its alias.
 */
export function importFromCore(core, coreFile) {
  return {
    name: 'smec-import-from-core',
    async resolveId(source, importer, options) {
      if (source === coreFile) return { id: coreFile, external: true };
      if (source.startsWith(CORE_REF)) return source;
      if (!importer || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && core.has(resolved.id) ? CORE_REF + resolved.id : resolved;
    },
    async load(id) {
      if (!id.startsWith(CORE_REF)) return null;
      const module = id.slice(CORE_REF.length);
      const { aliases, stars } = core.get(module);
      const specifiers = [...aliases].map(([name, alias]) => `${alias} as ${name}`).join(', ');
      const lines = aliases.size ? [`export { ${specifiers} } from ${JSON.stringify(coreFile)};`] : [];
      for (const source of stars) {
        const target = await this.resolve(source, module);
        if (target) lines.push(`export * from ${JSON.stringify(target.id)};`);
      }
      return lines.join('\n');
    },
  };
}
