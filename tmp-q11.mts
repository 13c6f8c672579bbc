import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
const t = readdirSync('.test-data').find(f => /^template-.*\.db$/.test(f))!;
const db = new Database('.test-data/' + t, { readonly: true });
const time = (label: string, sqlText: string) => {
  const st = db.prepare(sqlText); const ts: number[] = []; let r; for (let i = 0; i < 100; i++) { const t0 = performance.now(); r = st.all(); ts.push(performance.now() - t0); }
  ts.sort((a,b)=>a-b); console.log(label.padEnd(14), 'p50', ts[50]!.toFixed(2), 'min', ts[0]!.toFixed(2), (r as any[]).length);
  console.log('   ', db.prepare('explain query plan ' + sqlText).all().map((x: any) => x.detail).join(' | '));
};
time('city+price', `select p.facet_key, p.city_code, count(*) as n, sum(case when p.price >= 100000 and p.price <= 500000 then 1 else 0 end) as np from products p where (p.listed = 1) group by p.facet_key, p.city_code`);
time('city', `select p.facet_key, p.city_code, count(*) as n from products p where (p.listed = 1) group by p.facet_key, p.city_code`);
time('key+price', `select p.facet_key, count(*) as n, sum(case when p.price >= 100000 and p.price <= 500000 then 1 else 0 end) as np from products p where (p.listed = 1) group by p.facet_key`);
time('key', `select p.facet_key, count(*) as n from products p where (p.listed = 1) group by p.facet_key`);
