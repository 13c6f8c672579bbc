// `npm run bench`: builds if needed, then runs every benchmark under bench/; each prints its figures and writes
// bench/results/<name>.json. `npm run bench -- --scale province [--database sqlite|postgres] [--data-dir DIR]` runs
// the province-scale load instead (bench/province.ts; the first run builds its database, a few minutes).
import { existsSync } from 'node:fs';
import { run } from './run.mjs';

const args = process.argv.slice(2);
const scale =
  args.find((arg, index) => args[index - 1] === '--scale') ?? args.find((arg) => arg.startsWith('--scale='))?.slice(8);
if (scale === 'province') {
  await run('node', ['--conditions=source', '--import', 'tsx', 'bench/province.ts', ...args]);
  process.exit(0);
} else if (scale !== undefined && scale !== 'demo') {
  throw new Error(`--scale is demo or province, not ${scale}`);
}

const BENCHMARKS = [
  'bench/bundle-size.ts',
  'bench/catalog-search.ts',
  'bench/demand-submit.ts',
  'bench/event-register.ts',
  'bench/first-page.ts',
  'bench/homepage-bytes.ts',
  'bench/render.ts',
  'bench/scorecard.ts',
  'bench/evaluation.ts',
  'bench/voucher-claim.ts',
];

if (!existsSync('packages/widgets/dist/cdn/smec.js')) await run('node', ['scripts/build.mjs']);
for (const file of BENCHMARKS) {
  await run('node', ['--conditions=source', '--import', 'tsx', file]);
}
