import { buildApp, prepareDatabase } from './packages/server/src/index.js';
import { RegionIndex } from './packages/server/src/catalog/regions.js';
import { listProducts } from './packages/server/src/catalog/products.js';
import { templateDatabase } from './test-support/server.js';
import { ProductsQuery } from '@smec/schemas';
import { copyFileSync, mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/smec-d-'); copyFileSync(await templateDatabase(), dir + '/smec.db');
const database = await prepareDatabase(dir);
const app = await buildApp({ database }); await app.ready();
const ctx = { db: database.db, regions: await RegionIndex.load(database.db), cursorSecret: database.cursorSecret };
const S = ['limit=12','q=法&limit=12','q=财税&limit=12','q=专利&region=440600&limit=12','category=legal&region=440600&limit=12','region=440604&voucherEligible=true&limit=12','free=true&sort=rating&limit=12','minPrice=100000&maxPrice=500000&sort=priceAsc&limit=12','q=认证&minRating=80&limit=12','category=digitalization&sort=popular&limit=12'];
const Q = S.map(q => ProductsQuery.parse(Object.fromEntries(new URLSearchParams(q))));
const U = S.map(q => '/api/v1/products?' + new URLSearchParams(Object.fromEntries(new URLSearchParams(q))).toString());
for (let round = 0; round < 3; round++) {
  let t0 = performance.now(); const N = 500;
  for (let i = 0; i < N; i++) await listProducts(ctx, Q[i % 10]!);
  const direct = (performance.now() - t0) / N;
  t0 = performance.now();
  for (let i = 0; i < N; i++) await app.inject({ method: 'GET', url: U[i % 10]! });
  const inj = (performance.now() - t0) / N;
  t0 = performance.now();
  for (let i = 0; i < N; i++) ProductsQuery.parse(Object.fromEntries(new URLSearchParams(S[i % 10]!)));
  const zod = (performance.now() - t0) / N;
  console.log({ direct: direct.toFixed(2), inject: inj.toFixed(2), zod: zod.toFixed(3) });
}
await app.close(); await database.close();
