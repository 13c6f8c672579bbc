// The expert database (服务专家库): the seed's ~500 experts, each distinct and matched to its provider, and the rules
// the database keeps whichever writer inserts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { prepareSqliteDatabase } from '../src/db/prepare.js';
import { indexTerms } from '../src/search/ngrams.js';
import { EXPERT_COUNT } from '../src/seed/experts.js';

type Seeded = Awaited<ReturnType<typeof prepareSqliteDatabase>>;

describe('experts', () => {
  let handle: Seeded;
  const all = (query: string, ...values: unknown[]): Record<string, unknown>[] =>
    handle.sqlite.prepare(query).all(...values) as Record<string, unknown>[];

  before(async () => {
    handle = await prepareSqliteDatabase(':memory:', { asOf: Date.parse('2026-12-07T02:00:00Z') });
  });
  after(() => handle.close());

  test('the seed holds about 500 experts, no two with the same name or bio', () => {
    const [row] = all('SELECT count(*) n, count(DISTINCT name) names, count(DISTINCT bio) bios FROM experts');
    assert.deepEqual(row, { n: EXPERT_COUNT, names: EXPERT_COUNT, bios: EXPERT_COUNT });
  });

  test("each seeded expert's specialties are among its provider's categories, and 1 to 5", () => {
    const rows = all(
      `SELECT e.id, count(s.category_id) n,
         sum(CASE WHEN p.category_ids LIKE '%"' || s.category_id || '"%' THEN 1 ELSE 0 END) served
       FROM experts e JOIN providers p ON p.id = e.provider_id JOIN expert_specialties s ON s.expert_seq = e.seq
       GROUP BY e.id`,
    );
    assert.equal(rows.length, EXPERT_COUNT);
    for (const row of rows) {
      assert.ok((row.n as number) >= 1 && (row.n as number) <= 5, String(row.id));
      assert.equal(row.served, row.n, String(row.id));
    }
  });

  test("the products an expert delivers are its provider's", () => {
    const [row] = all(
      `SELECT count(*) n FROM expert_products x JOIN experts e ON e.seq = x.expert_seq
       JOIN products p ON p.id = x.product_id WHERE p.provider_id <> e.provider_id`,
    );
    assert.deepEqual(row, { n: 0 });
    assert.ok((all('SELECT count(*) n FROM expert_products')[0]!.n as number) > EXPERT_COUNT);
  });

  test('a one- and a two-character Chinese query find experts through the n-gram terms', () => {
    for (const query of ['律', '会计']) {
      const [term] = [...indexTerms(query)].filter((t) => [...t].length === [...query].length);
      const [row] = all('SELECT count(*) n FROM expert_terms WHERE term = ?', term);
      assert.ok((row!.n as number) > 0, query);
    }
  });

  test('the database refuses an expert without an owner, with years past 60 or a repeated specialty', () => {
    const insert = (provider: string | null, years: number) =>
      handle.sqlite
        .prepare(
          `INSERT INTO experts (id, name, title, years, bio, region_code, provider_id, center_region_code, search_text,
             created_at, updated_at)
           SELECT ?, '测试专家', '律师', ?, '', region_code, ?, NULL, '', '', '' FROM providers LIMIT 1`,
        )
        .run(`exp-test-${years}-${provider ?? 'none'}`, years, provider);
    const provider = all('SELECT id FROM providers LIMIT 1')[0]!.id as string;
    assert.throws(() => insert(null, 5), /CHECK/);
    assert.throws(() => insert(provider, 61), /CHECK/);
    const { lastInsertRowid } = insert(provider, 60);
    const specialty = handle.sqlite.prepare('INSERT INTO expert_specialties (expert_seq, category_id) VALUES (?, ?)');
    specialty.run(lastInsertRowid, 'legal');
    assert.throws(() => specialty.run(lastInsertRowid, 'legal'), /UNIQUE|PRIMARY/);
  });
});
