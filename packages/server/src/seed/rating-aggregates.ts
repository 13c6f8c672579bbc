import type { DatabaseHandle } from '../db/database.js';
import { roundedAverageSql } from '../ratings/aggregates.js';

/**
 * The rating aggregates recounted from the stored ratings, then the catalog's rating columns (and the region index's
 * copy of the sort key) from the aggregates: what the server keeps up one rating at a time, in one pass.
 */
export function recountRatingAggregates(sqlite: DatabaseHandle['sqlite']): void {
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
}
