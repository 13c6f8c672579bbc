// Builds every package: npm modules (one file per source module, dependencies left as imports) and the widgets'
// CDN build (everything bundled, minified, with shared chunks so that Lit, the SDK and the schemas load once).
// Type declarations come from `tsc` (scripts/build.mjs), which also type-checks.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const TARGET = 'es2022';

const packages = {
  schemas: ['src/index.ts', 'src/openapi/index.ts'],
  sdk: ['src/index.ts'],
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

function cdnBuild() {
  const dir = 'packages/widgets';
  const input = { smec: `${dir}/src/cdn/smec.ts` };
  for (const entry of definesOf(dir)) {
    const tag = entry.replace('src/define/', '').replace(/\.ts$/, '');
    input[tag] = join(dir, entry);
  }
  if (existsSync(`${dir}/src/cdn/smec-loader.ts`)) input['smec-loader'] = `${dir}/src/cdn/smec-loader.ts`;
  return {
    input,
    plugins: [
      nodeResolve({ exportConditions: ['source', 'browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
      esbuild({ target: TARGET, tsconfig: 'tsconfig.base.json', minify: true, legalComments: 'none' }),
    ],
    output: {
      dir: `${dir}/dist/cdn`,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  };
}

const only = process.env.SMEC_BUILD_ONLY?.split(',');
const wanted = (name) => !only || only.includes(name);

export default [
  ...Object.entries(packages)
    .filter(([name]) => wanted(name))
    .map(([name, entries]) => npmBuild(name, entries)),
  ...(wanted('cdn') && existsSync('packages/widgets/src/cdn/smec.ts') ? [cdnBuild()] : []),
];
