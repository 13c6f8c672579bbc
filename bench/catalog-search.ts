// Catalog search under load on loopback: requests/s, p50 and p99 latency of GET /products with the searches and
// filters a visitor makes, at one connection and at several. Bounded in count and time; the server runs in its
// own process, so the load generator and the server each have one of this machine's two cores.
import { performance } from 'node:perf_hooks';
import { report, runLoad, startServerProcess } from './support.js';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 6_000);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 30_000);
const CONCURRENCY_LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,4').split(',').map(Number);
const WARMUP_REQUESTS = 300;
const TARGET_P99_MS = 25;

const QUERIES = [
  '?limit=12',
  '?q=%E6%B3%95&limit=12', // 法
  '?q=%E8%B4%A2%E7%A8%8E&limit=12', // 财税
  '?q=%E4%B8%93%E5%88%A9&region=440600&limit=12', // 专利
  '?category=legal&region=440600&limit=12',
  '?region=440604&voucherEligible=true&limit=12',
  '?free=true&sort=rating&limit=12',
  '?minPrice=100000&maxPrice=500000&sort=priceAsc&limit=12',
  '?q=%E8%AE%A4%E8%AF%81&minRating=80&limit=12', // 认证
  '?category=digitalization&sort=popular&limit=12',
];

let next = 0;
async function search(base: string): Promise<number> {
  const query = QUERIES[next++ % QUERIES.length]!;
  const started = performance.now();
  const response = await fetch(base + query);
  if (response.status !== 200) throw new Error(`${query} answered ${response.status}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

const server = await startServerProcess();
const base = `${server.apiUrl}/products`;
try {
  for (let i = 0; i < WARMUP_REQUESTS; i++) await search(base);
  const runs = [];
  for (const concurrency of CONCURRENCY_LEVELS) {
    runs.push(await runLoad(() => search(base), { concurrency, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS }));
  }
  const single = runs.find((run) => run.concurrency === 1) ?? runs[0]!;
  report('catalog-search', {
    queries: QUERIES.length,
    secondsPerLevel: DURATION_MS / 1000,
    runs,
    targetP99Ms: TARGET_P99_MS,
    withinTargetAtOneConnection: single.p99Ms <= TARGET_P99_MS,
  });
} finally {
  await server.stop();
}
