import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
const t = readdirSync('.test-data').find(f => f.startsWith('template'))!;
const db = new Database('.test-data/' + t, { readonly: true });
const time = (label: string, sqlText: string, params: unknown[] = []) => {
  const st = db.prepare(sqlText); let r; const t0 = performance.now(); for (let i = 0; i < 10; i++) r = st.all(...params); console.log(label, ((performance.now() - t0) / 10).toFixed(2), 'ms', JSON.stringify(r).slice(0, 80));
  console.log('   ', db.prepare('explain query plan ' + sqlText).all(...params).map((x: any) => x.detail).join(' | '));
};
const band = `case when p.price < 1 then 0 when p.price < 100000 then 1 when p.price < 500000 then 2 when p.price < 2000000 then 3 else 4 end`;
time('page', `select p.seq, p.sold_count as k from products p where p.listed = 1 order by p.sold_count desc, p.seq asc limit 21`);
time('groups', `select p.category_id, p.voucher_eligible, p.is_free, ${band} as band, 1 as price_ok, count(*) n from products p where p.listed = 1 group by 1,2,3,4,5`);
time('regions', `select c.region_code, count(*) as n from products p join product_coverage c on c.product_seq = p.seq where c.region_code in ('440100','440200','440300','440400','440500','440600','440700','440800','440900','441200','441300','441400','441500','441600','441700','441800','441900','442000','445100','445200','445300') and p.listed = 1 group by c.region_code`);
const S = (term: string) => `(select product_seq, sum(weight) as score from product_terms where term in ('${term}') group by product_seq having count(*) = 1) m`;
time('groups 服务', `select p.category_id, p.voucher_eligible, p.is_free, ${band} as band, 1 as price_ok, count(*) n from products p join ${S('服务')} on m.product_seq = p.seq where p.listed = 1 group by 1,2,3,4,5`);
time('page 服务', `select p.seq, m.score as k from products p join ${S('服务')} on m.product_seq = p.seq where p.listed = 1 order by m.score desc, p.seq asc limit 21`);
time('regions 服务', `select c.region_code, count(*) as n from products p join ${S('服务')} on m.product_seq = p.seq join product_coverage c on c.product_seq = p.seq where c.region_code in ('440100','440200','440300','440400','440500','440600','440700','440800','440900','441200','441300','441400','441500','441600','441700','441800','441900','442000','445100','445200','445300') and p.listed = 1 group by c.region_code`);
time('terms only', `select count(*) from ${S('服务')}`);
time('page price', `select p.seq, p.price as k from products p where p.listed = 1 and p.price >= 100000 order by p.price asc, p.seq asc limit 21`);
