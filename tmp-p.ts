import { templateDatabase } from './test-support/server.js';
import { prepareDatabase } from './packages/server/src/db/prepare.js';
import { RegionIndex } from './packages/server/src/catalog/regions.js';
import { listProducts } from './packages/server/src/catalog/products.js';
import { copyFileSync, mkdtempSync } from 'node:fs';
let t0 = performance.now(); const tpl = await templateDatabase(); console.log('template ms', (performance.now()-t0).toFixed(0));
const dir = mkdtempSync('/tmp/smec-p-'); copyFileSync(tpl, dir + '/smec.db');
const database = await prepareDatabase(dir);
const ctx = { db: database.db, regions: await RegionIndex.load(database.db), cursorSecret: database.cursorSecret };
const queries: any[] = [{}, {q:'法'}, {q:'财税'}, {q:'服务'}, {q:'财税', region:'440600', voucherEligible:true, sort:'rating', limit:12}, {region:'440600'}, {region:'440604', category:'legal'}, {sort:'priceAsc', minPrice: 100000}, {q:'代理记账'}, {limit: 100}, {q: '有限公司', limit: 100, sort: 'newest'}];
for (const q of queries) {
  const times: number[] = [];
  for (let i = 0; i < 40; i++) { const t0 = performance.now(); await listProducts(ctx, q); times.push(performance.now() - t0); }
  times.sort((a,b)=>a-b); console.log(JSON.stringify(q), 'p50', times[20]!.toFixed(1), 'max', times[39]!.toFixed(1));
}
await database.close();
