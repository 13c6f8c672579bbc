// Derived figures of the province-scale seed, recomputed from the rows once every row is in: the rating aggregates
// (stats tables, then the catalog's rating columns and the region index's copy of the sort key) and the sold counts.
import type { DatabaseHandle } from '../db/database.js';
import { roundedAverageSql } from '../ratings/aggregates.js';

/**
 * Every rating aggregate from the stored ratings, as the server keeps them (averages rounded half up in integer
 * arithmetic); sold counts of the new products.
 */
export function recountProvinceAggregates(handle: DatabaseHandle, productSeqFrom: number): void {
  const { sqlite } = handle;
  sqlite.transaction(() => {
    for (const [table, column] of [
      ['provider_rating_stats', 'provider_id'],
      ['product_rating_stats', 'product_id'],
    ] as const) {
      sqlite.exec(`DELETE FROM ${table}`);
      sqlite.exec(
        `INSERT INTO ${table} (subject_id, count, score_sum, very_satisfied, satisfied, neutral, dissatisfied,
           very_dissatisfied)
         SELECT ${column}, COUNT(*), SUM(score), SUM(level = 'verySatisfied'), SUM(level = 'satisfied'),
           SUM(level = 'neutral'), SUM(level = 'dissatisfied'), SUM(level = 'veryDissatisfied')
         FROM ratings GROUP BY ${column}`,
      );
    }
    for (const [table, stats] of [
      ['products', 'product_rating_stats'],
      ['providers', 'provider_rating_stats'],
    ] as const) {
      sqlite.exec(
        `UPDATE ${table} SET
           rating_count = COALESCE((SELECT s.count FROM ${stats} s WHERE s.subject_id = ${table}.id), 0),
           rating_average = (SELECT ${roundedAverageSql('s.score_sum', 's.count')} FROM ${stats} s
                             WHERE s.subject_id = ${table}.id)`,
      );
      sqlite.exec(`UPDATE ${table} SET rating_sort = COALESCE(rating_average, -1)`);
    }
    sqlite.exec(
      `UPDATE product_coverage SET rating_sort = (SELECT p.rating_sort FROM products p WHERE p.seq = product_coverage.seq)`,
    );
    // A product's sales are its orders that were not cancelled (the demo catalog's are figures of their own).
    sqlite
      .prepare(
        `UPDATE products SET sold_count = (SELECT count(*) FROM engagements e
           WHERE e.product_id = products.id AND e.status <> 'cancelled')
         WHERE seq >= ?`,
      )
      .run(productSeqFrom);
  })();
}
