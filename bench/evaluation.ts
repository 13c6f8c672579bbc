// The yearly evaluation at provincial scale: GET /evaluations for each level of one year, on the scorecard bench's
// database grown to the policy's targets (~12,000 providers, ~300,000 engagements in 2026, with ratings and
// vouchers; `bench/scorecard.ts grow`). The first request of a level counts every center's rows for the year and the
// one before (the cold figure, the cost after any write); then warm requests, p50 and p99 (target ≤ 200 ms). The
// server runs in its own process, on loopback.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { DATABASE_FILE } from '@smec/server';
import { percentile, report, round } from './support.js';

const YEAR = 2026;
const LEVELS = ['county', 'city', 'province'] as const;
const REQUESTS = Number(process.env.BENCH_EVALUATION_REQUESTS ?? 300);
const TARGET_P99_MS = 200;

async function run(args: string[], stdio: 'inherit' | 'pipe') {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'bench/scorecard.ts', ...args], {
    stdio: ['pipe', stdio === 'pipe' ? 'pipe' : 'inherit', 'inherit'],
  });
}

const dir = mkdtempSync(join(tmpdir(), 'smec-bench-evaluation-'));
try {
  const grown = Date.now();
  const grow = await run(['grow', join(dir, DATABASE_FILE)], 'inherit');
  await once(grow, 'exit');
  console.log(`grown in ${Date.now() - grown} ms`);
  const child = await run(['serve', dir], 'pipe');
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { apiUrl } = JSON.parse(line) as { apiUrl: string };
  try {
    const get = async (level: string) => {
      const started = performance.now();
      const response = await fetch(`${apiUrl}/evaluations?year=${YEAR}&level=${level}`);
      if (response.status !== 200) throw new Error(`${level} answered ${response.status}`);
      const body = (await response.json()) as { items: unknown[] };
      return { ms: performance.now() - started, centers: body.items.length };
    };
    const coldMs: Record<string, number> = {};
    const centers: Record<string, number> = {};
    for (const level of LEVELS) {
      const { ms, centers: n } = await get(level);
      coldMs[level] = round(ms);
      centers[level] = n;
    }
    const warm: number[] = [];
    for (let i = 0; i < REQUESTS; i++) warm.push((await get(LEVELS[i % LEVELS.length]!)).ms);
    warm.sort((a, b) => a - b);
    const p99 = round(percentile(warm, 99));
    report('evaluation', {
      year: YEAR,
      centers,
      coldMsByLevel: coldMs,
      requests: REQUESTS,
      concurrency: 1,
      p50Ms: round(percentile(warm, 50)),
      p99Ms: p99,
      maxMs: round(warm[warm.length - 1] ?? Number.NaN),
      targetP99Ms: TARGET_P99_MS,
      withinTarget: p99 <= TARGET_P99_MS,
    });
  } finally {
    child.stdin!.end();
    await once(child, 'exit');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
