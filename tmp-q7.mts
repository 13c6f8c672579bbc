import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
const t = readdirSync('.test-data').find(f => /^template-.*\.db$/.test(f))!;
const db = new Database('.test-data/' + t, { readonly: true });
const time = (label: string, sqlText: string) => {
  const st = db.prepare(sqlText); const ts: number[] = []; let r; for (let i = 0; i < 50; i++) { const t0 = performance.now(); r = st.all(); ts.push(performance.now() - t0); }
  ts.sort((a,b)=>a-b); console.log(label, 'p50', ts[25]!.toFixed(2), 'min', ts[0]!.toFixed(2), JSON.stringify(r).length);
  console.log('   ', db.prepare('explain query plan ' + sqlText).all().map((x: any) => x.detail).join(' | '));
};
const cities = "'440100','440200','440300','440400','440500','440600','440700','440800','440900','441200','441300','441400','441500','441600','441700','441800','441900','442000','445100','445200','445300'";
const M = `with m as materialized (select t0.product_seq, t0.weight as score from product_terms t0 where t0.term = '财税')`;
time('count', `${M} select count(*) from m`);
time('page', `${M} select p.seq, m.score from m join products p on p.seq = m.product_seq where p.listed = 1 order by m.score desc, p.seq limit 13`);
time('groups', `${M} select p.category_id, p.voucher_eligible, p.is_free, p.price_band, p.province_wide, count(*) as n, count(*) as n_price from m join products p on p.seq = m.product_seq where (p.listed = 1) group by p.category_id, p.voucher_eligible, p.is_free, p.price_band, p.province_wide`);
time('regions', `${M} select p.region_code, count(*) as n from m join product_coverage p on p.seq = m.product_seq where p.region_code in (${cities}) and (p.listed = 1) group by p.region_code`);
time('terms', `select term, count(*) from product_terms where term in ('财税') group by term`);
