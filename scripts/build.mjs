// `npm run build`: JavaScript of every package and the CDN bundle through rollup, then type declarations through
// tsc, package by package in dependency order (each one's declarations are read by the next).
import { run } from './run.mjs';

const ORDER = ['schemas', 'sdk', 'widgets', 'server'];

await run('npx', ['rollup', '-c', '--silent']);
for (const name of ORDER) {
  await run('npx', ['tsc', '-p', `packages/${name}/tsconfig.build.json`]);
}
console.log('build: done');
