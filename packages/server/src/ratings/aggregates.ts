import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { LEVEL_COLUMN } from './rows.js';

type Level = keyof typeof LEVEL_COLUMN;

/**
 * Counts one new rating into its provider's and its product's stats with relative updates (`count = count + 1`),
 * never reading a figure back into the application and writing it again, so concurrent ratings cannot lose one
 * another's counts. Then copies the new figures to the columns the catalog searches and sorts by. Runs in the
 * rating's own transaction: the rating and every figure derived from it commit together or not at all.
 */
export async function countRating(
  trx: Transaction<Database>,
  rating: { providerId: string; productId: string; score: number; level: Level },
): Promise<void> {
  const level = LEVEL_COLUMN[rating.level];
  for (const [table, subjectId] of [
    ['provider_rating_stats', rating.providerId],
    ['product_rating_stats', rating.productId],
  ] as const) {
    // Column names come from a fixed map, never from input. The old row's columns are named with their table:
    // PostgreSQL finds a bare name ambiguous beside `excluded`.
    await sql`
      INSERT INTO ${sql.table(table)} (subject_id, count, score_sum, ${sql.ref(level)})
      VALUES (${subjectId}, 1, ${rating.score}, 1)
      ON CONFLICT (subject_id) DO UPDATE SET
        count = ${sql.ref(`${table}.count`)} + 1,
        score_sum = ${sql.ref(`${table}.score_sum`)} + excluded.score_sum,
        ${sql.ref(level)} = ${sql.ref(`${table}.${level}`)} + 1`.execute(trx);
  }
  await copyToCatalog(trx, [rating.productId], [rating.providerId]);
}

/**
 * SQL for `sum / count` rounded half up to one decimal, in integer arithmetic. ROUND would round a binary double on
 * SQLite (83.55 is 83.5499… there, so 83.5) and an exact numeric on PostgreSQL (83.6); this is 83.6 on both, as the
 * public summary's `roundedAverage` (rows.ts) is. Both arguments must be integer expressions (PostgreSQL's SUM of
 * integers is a numeric: cast it).
 */
export function roundedAverageSql(sum: string, count: string): string {
  return `((${sum} * 20 + ${count}) / (${count} * 2)) / 10.0`;
}

/**
 * Sets the catalog's rating columns of the given products and providers from their stats rows: the count, the
 * average to one decimal, the sort key (-1 when unrated), and the sort key's copies in the region index.
 */
export async function copyToCatalog(
  trx: Transaction<Database>,
  productIds: readonly string[],
  providerIds: readonly string[],
): Promise<void> {
  if (productIds.length > 0 || providerIds.length > 0) {
    // Tells every instance that the catalog's rating columns moved: a search keeps them in memory
    // (product-columns.ts), and the lists' first pages are remembered as sent (catalog/answer-memo.ts).
    await sql`
      INSERT INTO meta (key, value) VALUES ('catalog_version', '1')
      ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)`.execute(trx);
  }
  if (productIds.length > 0) {
    await sql`
      UPDATE products SET
        rating_count = COALESCE((SELECT s.count FROM product_rating_stats s WHERE s.subject_id = products.id), 0),
        rating_average = (SELECT ${sql.raw(roundedAverageSql('s.score_sum', 's.count'))} FROM product_rating_stats s
                          WHERE s.subject_id = products.id AND s.count > 0)
      WHERE id IN (${sql.join(productIds)})`.execute(trx);
    await sql`
      UPDATE products SET rating_sort = COALESCE(rating_average, -1) WHERE id IN (${sql.join(productIds)})`.execute(
      trx,
    );
    await sql`
      UPDATE product_coverage SET rating_sort = (SELECT p.rating_sort FROM products p WHERE p.seq = product_coverage.seq)
      WHERE seq IN (SELECT seq FROM products WHERE id IN (${sql.join(productIds)}))`.execute(trx);
  }
  if (providerIds.length > 0) {
    await sql`
      UPDATE providers SET
        rating_count = COALESCE((SELECT s.count FROM provider_rating_stats s WHERE s.subject_id = providers.id), 0),
        rating_average = (SELECT ${sql.raw(roundedAverageSql('s.score_sum', 's.count'))} FROM provider_rating_stats s
                          WHERE s.subject_id = providers.id AND s.count > 0)
      WHERE id IN (${sql.join(providerIds)})`.execute(trx);
    await sql`
      UPDATE providers SET rating_sort = COALESCE(rating_average, -1) WHERE id IN (${sql.join(providerIds)})`.execute(
      trx,
    );
  }
}
