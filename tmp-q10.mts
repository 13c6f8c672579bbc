import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
const t = readdirSync('.test-data').find(f => /^template-.*\.db$/.test(f))!;
const db = new Database('.test-data/' + t, { readonly: true });
const time = (label: string, sqlText: string) => {
  const st = db.prepare(sqlText); const ts: number[] = []; let r; for (let i = 0; i < 100; i++) { const t0 = performance.now(); r = st.all(); ts.push(performance.now() - t0); }
  ts.sort((a,b)=>a-b); console.log(label.padEnd(14), 'p50', ts[50]!.toFixed(2), 'min', ts[0]!.toFixed(2), JSON.stringify(r).length);
  console.log('   ', db.prepare('explain query plan ' + sqlText).all().map((x: any) => x.detail).join(' | '));
};
const cities = "'440100','440200','440300','440400','440500','440600','440700','440800','440900','441200','441300','441400','441500','441600','441700','441800','441900','442000','445100','445200','445300'";
for (const mat of ['materialized', 'not materialized']) {
  const M = `with m as ${mat} (select t0.product_seq, t0.weight as score from product_terms t0 where t0.term = '法')`;
  console.log('==', mat);
  time('q groups', `${M} select p.facet_key, count(*) n from m join products p on p.seq = m.product_seq where p.listed = 1 group by p.facet_key`);
  time('q regions', `${M} select p.region_code, count(*) as n from m join product_coverage p on p.seq = m.product_seq where p.region_code in (${cities}) and (p.listed = 1) group by p.region_code`);
  time('q page', `${M} select p.seq, m.score from m join products p on p.seq = m.product_seq where p.listed = 1 order by m.score desc, p.seq limit 13`);
  time('q groups reg', `${M} select p.facet_key, count(*) n from m join products p on p.seq = m.product_seq where p.listed = 1 and (p.province_wide = 1 or p.seq in (select rc.seq from product_coverage rc where rc.region_code = '440600')) group by p.facet_key`);
}
