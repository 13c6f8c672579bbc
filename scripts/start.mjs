// `npm start`: builds what is missing or older than its sources, then runs the reference server with the demo
// site. The server creates, migrates and seeds its database on first start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

const OUTPUTS = ['packages/server/dist/main.js', 'packages/widgets/dist/cdn/smec.js', 'packages/schemas/dist/index.js'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!OUTPUTS.every((file) => existsSync(file))) return true;
  const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  const sources = Math.max(
    ...['schemas', 'sdk', 'widgets', 'server'].map((name) => newestMtime(`packages/${name}/src`)),
  );
  return sources > built;
}

if (needsBuild()) {
  console.log('smec: building…');
  await run('node', ['scripts/build.mjs']);
}
await run('node', ['packages/server/dist/main.js'], { env: { ...process.env, SMEC_DEMO: '1' } });
