// The first page every visitor of a center's homepage asks for (its city, no keyword) against the health check, in
// one run at one connection on the demo seed, as a browser asks (compressed answers accepted). The target: the page
// at 50% or more of health's requests per second.
//   node --conditions=source --import tsx bench/first-page.ts
import { performance } from 'node:perf_hooks';
import { report, round, runLoad, startServerProcess } from './support.js';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 50_000);
const TARGET_SHARE = 0.5;
const FIRST_PAGE = '/products?region=440600&limit=12';

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

const server = await startServerProcess();
try {
  const load = async (path: string) => {
    for (let i = 0; i < 200; i++) await timed(server.apiUrl + path);
    return runLoad(() => timed(server.apiUrl + path), {
      concurrency: 1,
      durationMs: DURATION_MS,
      maxRequests: MAX_REQUESTS,
    });
  };
  const health = await load('/health');
  const firstPage = await load(FIRST_PAGE);
  const share = firstPage.requestsPerSecond / health.requestsPerSecond;
  report('first-page', {
    firstPage: { path: FIRST_PAGE, ...firstPage },
    health,
    shareOfHealth: round(share, 2),
    targetShare: TARGET_SHARE,
    withinTarget: share >= TARGET_SHARE,
  });
} finally {
  await server.stop();
}
