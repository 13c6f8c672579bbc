// Demand submission under load on loopback: requests/s, p50 and p99 latency of POST /demands, each with its own
// Idempotency-Key (so every request stores a demand, its timeline entry and its key), at one connection and at
// several. The server runs in its own process with the per-address rate limit lifted.
import { performance } from 'node:perf_hooks';
import { report, runLoad, startServerProcess } from './support.js';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 20_000);
const CONCURRENCY_LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,4').split(',').map(Number);
const WARMUP_REQUESTS = 200;

const BODY = JSON.stringify({
  enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
  contact: { name: '陈女士', phone: '13812345678' },
  regionCode: '440604',
  categoryId: 'finance-tax',
  title: '申请高新技术企业认定辅导',
  description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
  budget: 'negotiable',
  consent: true,
});

async function submit(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: BODY,
  });
  if (response.status !== 201) throw new Error(`POST /demands answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

const server = await startServerProcess({ SMEC_DEMAND_RATE_LIMIT: '100000000/600' });
const url = `${server.apiUrl}/demands`;
try {
  for (let i = 0; i < WARMUP_REQUESTS; i++) await submit(url);
  const runs = [];
  for (const concurrency of CONCURRENCY_LEVELS) {
    runs.push(await runLoad(() => submit(url), { concurrency, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS }));
  }
  report('demand-submit', { secondsPerLevel: DURATION_MS / 1000, runs });
} finally {
  await server.stop();
}
