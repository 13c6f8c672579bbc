// A keyword search filters and counts its matches in memory (catalog/match-filters.ts); the statements it replaced
// are still what every other search runs. Both must give the same page and the same facets, for every filter.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ProductsQuery } from '@smec/schemas';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, testClock, type TestDatabase } from '../../../test-support/server.js';
import type { CatalogContext } from '../src/catalog/context.js';
import { facetsFromColumns, matchFilters, relevancePageFromColumns } from '../src/catalog/match-filters.js';
import { productColumns } from '../src/catalog/product-columns.js';
import { facetsByScanning } from '../src/catalog/product-facets.js';
import { allBut, and, baseConditions, dimensions, planOf } from '../src/catalog/product-query.js';
import { RegionIndex } from '../src/catalog/regions.js';
import { copyToCatalog } from '../src/ratings/aggregates.js';
import { matchSet, membership } from '../src/catalog/search-matches.js';
import type { Database } from '../src/index.js';

describe('keyword searches filtered in memory agree with the database', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let context: CatalogContext;

  before(async () => {
    database = await createTestDatabase();
    ({ db, close } = await database.open());
    context = { db, regions: await RegionIndex.load(db), cursorSecret: randomBytes(32), clock: testClock };
  });
  after(async () => {
    await close();
    await database.dispose();
  });

  const searches: Record<string, string>[] = [
    { q: '服务' },
    { q: '财税', region: '440600' },
    { q: '法律', region: '440604', voucherEligible: 'true' },
    { q: '咨询', minPrice: '100000', maxPrice: '499999' },
    { q: '服务', category: 'legal', free: 'false' },
    { q: '培训', minRating: '80' },
    { q: '服务', region: '441900', minRating: '60', maxPrice: '2000000' },
  ];
  for (const search of searches) {
    test(JSON.stringify(search), async () => {
      const plan = await planOf(context, ProductsQuery.parse(search));
      const matched = await matchSet(context, plan);
      assert.ok(matched.seqs.length > 0, 'the search matches something');
      const columns = await productColumns(db);
      const filters = matchFilters(plan, columns);

      const base = [...baseConditions(plan), membership(db, matched.seqs)];
      const dims = dimensions(plan);
      const counted = await facetsByScanning(context, plan, base, dims);
      const inMemory = facetsFromColumns(context, plan, matched, filters, columns);
      assert.equal(inMemory.total, counted.total);
      assert.deepEqual(inMemory.facets, counted.facets);

      const passing = await sql<{
        seq: number;
      }>`select p.seq from products p where ${and([...base, ...allBut(dims)])}`.execute(db);
      const page = relevancePageFromColumns(matched, filters, undefined, matched.seqs.length);
      assert.deepEqual(
        page.map((row) => row.seq).sort((a, b) => a - b),
        passing.rows.map((row) => Number(row.seq)).sort((a, b) => a - b),
      );
      assert.equal(page.length, counted.total);
    });
  }

  test('a rating that moves a product is seen by the next search (every instance: the version is in the database)', async () => {
    const before = await productColumns(db);
    const product = await db.selectFrom('products').select(['seq', 'id']).orderBy('seq').executeTakeFirstOrThrow();
    const score = (before.ratingSort[product.seq] ?? 0) === 100 ? 20 : 100;
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('product_rating_stats').where('subject_id', '=', product.id).execute();
      await trx
        .insertInto('product_rating_stats')
        .values({
          subject_id: product.id,
          count: 1,
          score_sum: score,
          very_satisfied: 0,
          satisfied: 0,
          neutral: 0,
          dissatisfied: 0,
          very_dissatisfied: 0,
        })
        .execute();
      await copyToCatalog(trx, [product.id], []);
    });
    const after = await productColumns(db);
    assert.notEqual(after, before);
    assert.equal(after.ratingSort[product.seq], score);
  });
});
