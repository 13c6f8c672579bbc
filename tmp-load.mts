import { startTestServer } from './test-support/server.js';
const server = await startTestServer();
const paths = (process.argv[2] || '/products?q=%E8%B4%A2%E7%A8%8E&region=440600&voucherEligible=true&sort=rating&limit=12').split(',');
const seconds = 8, concurrency = Number(process.argv[3] ?? 4);
const latencies: number[] = [];
let i = 0;
const end = performance.now() + seconds * 1000;
// warm-up
for (const p of paths) await (await fetch(server.apiUrl + p)).text();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (performance.now() < end) {
    const p = paths[i++ % paths.length]!;
    const t = performance.now();
    const r = await fetch(server.apiUrl + p); await r.arrayBuffer();
    if (r.status !== 200) throw new Error(String(r.status));
    latencies.push(performance.now() - t);
  }
}));
latencies.sort((a, b) => a - b);
const q = (x: number) => latencies[Math.floor(latencies.length * x)]!.toFixed(1);
console.log(JSON.stringify({ paths: paths.length, concurrency, rps: Math.round(latencies.length / seconds), p50: q(0.5), p90: q(0.9), p99: q(0.99), max: latencies.at(-1)!.toFixed(1) }));
await server.close();
