import Database from 'better-sqlite3';
const db = new Database('/tmp/perf.db');
db.exec(`create index if not exists products_facets on products (listed, category_id, voucher_eligible, is_free, price, rating_sort, provider_id, seq)`);
db.exec('analyze');
const time = (label: string, sqlText: string, params: unknown[] = []) => {
  const st = db.prepare(sqlText); let r; const t0 = performance.now(); for (let i = 0; i < 10; i++) r = st.all(...params); console.log(label, ((performance.now() - t0) / 10).toFixed(2), 'ms', JSON.stringify(r).slice(0, 100));
  console.log(db.prepare('explain query plan ' + sqlText).all(...params).map((x: any) => x.detail).join(' | '));
};
const S = `(select product_seq, sum(weight) as score from product_terms where term in ('服务') group by product_seq having count(*) = 1) m`;
time('items', `select p.*, pr.name from products p join providers pr on pr.seq = p.provider_seq where p.listed = 1 order by p.sold_count desc, p.seq asc limit 21`);
time('summary', `select sum(case when 1=1 then 1 else 0 end) t, sum(case when p.voucher_eligible = 1 then 1 else 0 end) v, sum(case when p.is_free = 1 then 1 else 0 end) f, sum(case when p.price >= 0 and p.price < 1 then 1 else 0 end) b, sum(case when p.price >= 1 and p.price < 100000 then 1 else 0 end) b2, sum(case when p.price >= 100000 and p.price < 500000 then 1 else 0 end) b3 from products p where p.listed = 1`);
time('cats', `select p.category_id, count(*) from products p where p.listed = 1 group by p.category_id`);
time('summary q', `select sum(case when 1=1 then 1 else 0 end) t, sum(case when p.voucher_eligible = 1 then 1 else 0 end) v from products p join ${S} on m.product_seq = p.seq where p.listed = 1`);
time('items q', `select p.*, pr.name, m.score from products p join ${S} on m.product_seq = p.seq join providers pr on pr.seq = p.provider_seq where p.listed = 1 order by m.score desc, p.seq limit 21`);
time('items price', `select p.*, pr.name from products p join providers pr on pr.seq = p.provider_seq where p.listed = 1 and p.price >= 100000 order by p.price asc, p.seq asc limit 21`);
time('summary region', `select sum(case when rc.product_seq is not null then 1 else 0 end) t, sum(case when p.voucher_eligible = 1 and rc.product_seq is not null then 1 else 0 end) v from products p left join product_coverage rc on rc.product_seq = p.seq and rc.region_code = '440600' where p.listed = 1`);
