// What npm would publish: each package passes publint and "Are the types wrong?", ships its types and its build, and
// leaks no tests, sources or source maps. Runs on the build of `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { manifestTags } from '../test-support/manifest.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const PUBLISHED = ['schemas', 'sdk', 'widgets'] as const;

interface PackedFile {
  path: string;
}

async function packedFiles(dir: string): Promise<string[]> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir });
  const [pack] = JSON.parse(stdout) as { files: PackedFile[] }[];
  assert.ok(pack, 'npm pack printed no package');
  return pack.files.map((file) => file.path).sort();
}

for (const name of PUBLISHED) {
  const dir = join(REPO, 'packages', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
  };

  test(`@smec/${name}: publint finds nothing, not even a suggestion`, async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'suggestion', strict: true });
    assert.deepEqual(
      messages.map((message) => `${message.type} ${message.code} ${message.path.join('.')}`),
      [],
    );
  });

  test(`@smec/${name}: "Are the types wrong?" finds no problem for ESM consumers`, async () => {
    // Exit status 0 means no problem for node16 (from ESM) and bundler resolution; CommonJS is not offered.
    const { stdout } = await run('npx', ['attw', '--pack', '.', '--profile', 'esm-only', '--format', 'json'], {
      cwd: dir,
    });
    const report = JSON.parse(stdout) as { problems: Record<string, { resolutionKind?: string }[]> };
    // CommonJS resolution (node10, require from node16) is not offered: the packages are ESM only, as documented.
    const problems = Object.values(report.problems)
      .flat()
      .filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs');
    assert.deepEqual(problems, []);
  });

  test(`@smec/${name}: the tarball holds the build and its types, and no tests, sources or maps`, async () => {
    const files = await packedFiles(dir);
    const leaked = files.filter((file) => /(^|\/)(test|src)\//.test(file) || /\.map$|\.test\.|tsconfig/.test(file));
    assert.deepEqual(leaked, []);
    assert.ok(files.includes('package.json'));
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      // Plain files (the widgets' themes) are exported as they are; their folder is checked below.
      if (typeof target === 'string') continue;
      assert.ok(files.includes(target.default.replace(/^\.\//, '')), `${subpath}: ${target.default} is published`);
      assert.ok(files.includes(target.types.replace(/^\.\//, '')), `${subpath}: ${target.types} is published`);
    }
  });
}

test('@smec/widgets ships its custom-elements manifest and the VS Code data, with every widget in them', async () => {
  const dir = join(REPO, 'packages', 'widgets');
  const files = await packedFiles(dir);
  assert.ok(files.includes('custom-elements.json'));
  assert.ok(files.includes('vscode.html-custom-data.json'));
  assert.ok(files.includes('themes/gov-red.css') && files.includes('themes/neutral-blue.css'), 'the example themes');
  const defines = files
    .filter((file) => /^dist\/define\/smec-[a-z-]+\.js$/.test(file))
    .map((file) => file.replace('dist/define/', '').replace('.js', ''));
  assert.deepEqual([...defines].sort(), manifestTags(), 'a define module for every element of the manifest');

  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations: { tagName?: string; events?: { name?: string }[]; attributes?: unknown[] }[] }[];
  };
  const declarations = manifest.modules.flatMap((module) => module.declarations);
  assert.deepEqual(declarations.map((declaration) => declaration.tagName).sort(), [...defines].sort());
  for (const declaration of declarations) {
    for (const event of declaration.events ?? []) {
      assert.match(event.name ?? '', /^smec-[a-z-]+$/, `${declaration.tagName}: events are named smec-*`);
    }
  }

  const vscode = JSON.parse(readFileSync(join(dir, 'vscode.html-custom-data.json'), 'utf8')) as {
    tags: { name: string; attributes: { name: string }[] }[];
  };
  assert.deepEqual(vscode.tags.map((tag) => tag.name).sort(), [...defines].sort());
  const catalog = vscode.tags.find((tag) => tag.name === 'smec-catalog');
  assert.ok(catalog?.attributes.some((attribute) => attribute.name === 'api-base'));
});
