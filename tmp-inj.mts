import { buildApp, prepareDatabase } from './packages/server/src/index.js';
import { templateDatabase } from './test-support/server.js';
import { copyFileSync, mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/smec-inj-'); copyFileSync(await templateDatabase(), dir + '/smec.db');
const database = await prepareDatabase(dir);
const app = await buildApp({ database }); await app.ready();
const urls = (process.argv[2] || '/api/v1/products?q=%E8%B4%A2%E7%A8%8E&region=440600&voucherEligible=true&sort=rating&limit=12').split(',');
for (const url of urls) {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) { const t = performance.now(); const r = await app.inject({ method: 'GET', url }); if (r.statusCode !== 200) throw new Error(r.body); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(url, 'p50', times[100]!.toFixed(2), 'p99', times[198]!.toFixed(2));
}
await app.close(); await database.close();
