import { buildApp, prepareDatabase } from './packages/server/src/index.js';
import { templateDatabase } from './test-support/server.js';
import { copyFileSync, mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/smec-inj-'); copyFileSync(await templateDatabase(), dir + '/smec.db');
const database = await prepareDatabase(dir);
const app = await buildApp({ database }); await app.ready();
const Q = ['?limit=12','?q=%E6%B3%95&limit=12','?q=%E8%B4%A2%E7%A8%8E&limit=12','?q=%E4%B8%93%E5%88%A9&region=440600&limit=12','?category=legal&region=440600&limit=12','?region=440604&voucherEligible=true&limit=12','?free=true&sort=rating&limit=12','?minPrice=100000&maxPrice=500000&sort=priceAsc&limit=12','?q=%E8%AE%A4%E8%AF%81&minRating=80&limit=12','?category=digitalization&sort=popular&limit=12'];
const t0 = performance.now(); const N = 1500;
for (let i = 0; i < N; i++) { const r = await app.inject({ method: 'GET', url: '/api/v1/products' + Q[i % Q.length] }); if (r.statusCode !== 200) throw new Error(r.body); }
console.log('mean ms', ((performance.now() - t0) / N).toFixed(2));
await app.close(); await database.close();
