// `npm run bench`: builds if needed, then runs every benchmark under bench/; each prints its figures and writes
// bench/results/<name>.json.
import { existsSync } from 'node:fs';
import { run } from './run.mjs';

const BENCHMARKS = [
  'bench/bundle-size.ts',
  'bench/catalog-search.ts',
  'bench/demand-submit.ts',
  'bench/event-register.ts',
  'bench/render.ts',
  'bench/scorecard.ts',
  'bench/voucher-claim.ts',
];

if (!existsSync('packages/widgets/dist/cdn/smec.js')) await run('node', ['scripts/build.mjs']);
for (const file of BENCHMARKS) {
  await run('node', ['--conditions=source', '--import', 'tsx', file]);
}
