// Runs the SIGTERM drain (packages/server/test/drain-scenario.ts) many times and reports the failures: a race in the
// shutdown shows only now and then, so the default suite's single run cannot prove it gone.
//   npm run stress:drain -- [runs=100] [parallel=2]
// Writes bench/results/drain-stress.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { drainOnce } from '../packages/server/test/drain-scenario.js';

const runs = Number(process.argv[2] ?? 100);
const parallel = Number(process.argv[3] ?? 2);
const failures: { run: number; error: string }[] = [];
const started = performance.now();
let next = 0;

async function worker(): Promise<void> {
  while (next < runs) {
    const run = ++next;
    try {
      await drainOnce();
    } catch (error) {
      failures.push({ run, error: error instanceof Error ? error.message : String(error) });
      process.stderr.write(`run ${run} failed: ${String(error)}\n`);
    }
    if (run % 10 === 0) process.stderr.write(`${run}/${runs} runs, ${failures.length} failed\n`);
  }
}

await Promise.all(Array.from({ length: parallel }, () => worker()));
const seconds = Math.round((performance.now() - started) / 100) / 10;
const result = {
  benchmark: 'drain-stress',
  measuredAt: new Date().toISOString(),
  runs,
  parallel,
  failed: failures.length,
  seconds,
  failures,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/drain-stress.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`drain stress: ${runs} runs, ${failures.length} failed, ${seconds} s`);
process.exit(failures.length === 0 ? 0 : 1);
