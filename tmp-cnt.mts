import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
const t = readdirSync('.test-data').find(f => /^template-.*\.db$/.test(f))!;
const db = new Database('.test-data/' + t, { readonly: true });
for (const term of ['法', '财税', '专利', '认证', '服务', '公司']) console.log(term, db.prepare('select count(*) n from product_terms where term = ?').get(term));
console.log(db.prepare("select count(*) n from products where listed = 1").get(), db.prepare("select count(*) from product_coverage").get());
