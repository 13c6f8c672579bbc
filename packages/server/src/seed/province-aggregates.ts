// Derived figures of the province-scale seed, recomputed from the rows once every row is in: the rating aggregates
// (stats tables, then the catalog's rating columns and the region index's copy of the sort key) and the sold counts.
import type { DatabaseHandle } from '../db/database.js';
import { recountRatingAggregates } from './rating-aggregates.js';

/**
 * Every rating aggregate from the stored ratings, as the server keeps them (averages rounded half up in integer
 * arithmetic); sold counts of the new products.
 */
export function recountProvinceAggregates(handle: DatabaseHandle, productSeqFrom: number): void {
  const { sqlite } = handle;
  sqlite.transaction(() => {
    recountRatingAggregates(sqlite);
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
