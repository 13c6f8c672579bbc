// `npm run build`: JavaScript of every package and the CDN bundle through rollup, then type declarations through
// tsc, package by package in dependency order (each one's declarations are read by the next).
import { cpSync, rmSync } from 'node:fs';
import { precompress } from './precompress.mjs';
import { run } from './run.mjs';

const ORDER = ['schemas', 'sdk', 'widgets', 'server'];

// A fresh output each time: content-hashed chunks of earlier builds would otherwise pile up in the CDN folder and
// in the packages.
for (const name of ORDER) rmSync(`packages/${name}/dist`, { recursive: true, force: true });

await run('npx', ['rollup', '-c', '--silent']);
// The example themes are plain stylesheets, served next to the widgets: /cdn/themes/gov-red.css.
cpSync('packages/widgets/themes', 'packages/widgets/dist/cdn/themes', { recursive: true });
// The manifest is read by Storybook's docs and shipped with the package, so it follows every build.
await run('npm', ['run', '--silent', 'manifest']);
for (const name of ORDER) {
  await run('npx', ['tsc', '-p', `packages/${name}/tsconfig.build.json`]);
}
// Last, so that every file the CDN serves has its compressed copies.
precompress('packages/widgets/dist/cdn');
console.log('build: done');
