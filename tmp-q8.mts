import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
const t = readdirSync('.test-data').find(f => /^template-.*\.db$/.test(f))!;
const db = new Database('.test-data/' + t, { readonly: true });
const time = (label: string, sqlText: string) => {
  const st = db.prepare(sqlText); const ts: number[] = []; let r; for (let i = 0; i < 100; i++) { const t0 = performance.now(); r = st.all(); ts.push(performance.now() - t0); }
  ts.sort((a,b)=>a-b); console.log(label.padEnd(12), 'p50', ts[50]!.toFixed(2), 'min', ts[0]!.toFixed(2), JSON.stringify(r).length);
};
const M = `with m as materialized (select t0.product_seq, t0.weight as score from product_terms t0 where t0.term = '财税')`;
const M2 = `with m as (select t0.product_seq, t0.weight as score from product_terms t0 where t0.term = '财税')`;
time('mat only', `${M} select count(*) from m`);
time('join count', `${M} select count(*) from m join products p on p.seq = m.product_seq where p.listed = 1`);
time('join nomat', `${M2} select count(*) from m join products p on p.seq = m.product_seq where p.listed = 1`);
time('group5', `${M} select p.category_id, p.voucher_eligible, p.is_free, p.price_band, p.province_wide, count(*) from m join products p on p.seq = m.product_seq where p.listed = 1 group by 1,2,3,4,5`);
time('group5 nomat', `${M2} select p.category_id, p.voucher_eligible, p.is_free, p.price_band, p.province_wide, count(*) from m join products p on p.seq = m.product_seq where p.listed = 1 group by 1,2,3,4,5`);
time('group1', `${M} select p.category_id, count(*) from m join products p on p.seq = m.product_seq where p.listed = 1 group by 1`);
time('sums', `${M} select sum(p.voucher_eligible), sum(p.is_free), sum(p.price_band = 0), sum(p.price_band=1), sum(p.price_band=2), sum(p.price_band=3), sum(p.province_wide) from m join products p on p.seq = m.product_seq where p.listed = 1`);
time('full scan grp', `select p.category_id, p.voucher_eligible, p.is_free, p.price_band, p.province_wide, count(*) from products p where p.listed = 1 group by 1,2,3,4,5`);
time('full count', `select count(*) from products p where p.listed = 1`);
time('full scan cat', `select p.category_id, count(*) from products p where p.listed = 1 group by 1`);
const db2 = new Database(':memory:');
db2.exec(`attach '${'.test-data/' + t}' as src`);
db2.exec(`create table products as select * from src.products`);
db2.exec(`create table cats as select id, position from src.categories`);
db2.exec(`alter table products add column facet_key integer`);
db2.exec(`update products set facet_key = (select position from cats where cats.id = products.category_id) * 40 + voucher_eligible * 20 + is_free * 10 + price_band * 2 + province_wide`);
db2.exec(`create index pf on products (listed, facet_key, price, rating_sort, provider_id)`);
db2.exec(`create table product_terms as select * from src.product_terms where term in ('财税', '法')`);
db2.exec(`create index pt on product_terms (term, product_seq, weight)`);
db2.exec('analyze');
const time2 = (label: string, sqlText: string) => {
  const st = db2.prepare(sqlText); const ts: number[] = []; let r; for (let i = 0; i < 100; i++) { const t0 = performance.now(); r = st.all(); ts.push(performance.now() - t0); }
  ts.sort((a,b)=>a-b); console.log(label.padEnd(12), 'p50', ts[50]!.toFixed(2), 'min', ts[0]!.toFixed(2), JSON.stringify(r).length);
  console.log('   ', db2.prepare('explain query plan ' + sqlText).all().map((x: any) => x.detail).join(' | '));
};
time2('key full', `select facet_key, count(*) n from products p where p.listed = 1 group by facet_key`);
time2('key q', `with m as (select product_seq from product_terms where term = '财税') select facet_key, count(*) n from m join products p on p.seq = m.product_seq where p.listed = 1 group by facet_key`);
time2('key full raw', `select facet_key, count(*) n from products p where p.listed = 1 group by facet_key`);
