import { Kysely, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { RegionIndex } from './packages/server/src/catalog/regions.js';
import { listProducts } from './packages/server/src/catalog/products.js';
import { ProductsQuery } from '@smec/schemas';
const t = readdirSync('.test-data').find(f => /^template-.*\.db$/.test(f))!;
const sqlite = new Database('.test-data/' + t, { readonly: true });
let current: Record<string, number> = {};
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => { const s = e.query.sql.replace(/\s+/g, ' '); const k = s.includes('facet_counts') ? 'cube' : s.includes('group by p.facet_key') ? 'groups' : s.includes('group by term') ? 'terms' : s.includes('region_code in') && s.includes('group by p.region_code') ? 'regions' : s.includes('group by p.category_id') ? 'groups' : s.includes('product_texts') ? 'bySeq' : s.includes('order by') ? 'page' : 'other'; current[k] = (current[k] ?? 0) + e.queryDurationMillis; } });
const ctx = { db, regions: await RegionIndex.load(db), cursorSecret: Buffer.alloc(32) };
const Q = ['limit=12','q=法&limit=12','q=财税&limit=12','q=专利&region=440600&limit=12','category=legal&region=440600&limit=12','region=440604&voucherEligible=true&limit=12','free=true&sort=rating&limit=12','minPrice=100000&maxPrice=500000&sort=priceAsc&limit=12','q=认证&minRating=80&limit=12','category=digitalization&sort=popular&limit=12'];
for (const q of Q) {
  const query = ProductsQuery.parse(Object.fromEntries(new URLSearchParams(q)));
  for (let i = 0; i < 5; i++) await listProducts(ctx, query);
  current = {};
  const N = 30; for (let i = 0; i < N; i++) await listProducts(ctx, query);
  console.log(q.padEnd(55), Object.entries(current).map(([k, v]) => `${k} ${(v / N).toFixed(2)}`).join('  '));
}
