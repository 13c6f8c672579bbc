/**
 * Facet counts precomputed per region and facet key over listed products: what a catalog page without a search
 * query (and without provider, rating or odd price filters) needs, read from a few hundred rows instead of counted
 * over thousands of products on every request.
 *
 * It is derived data, like the n-gram index: whatever changes a product's listing, category, vouchers, price or
 * regions must run REBUILD_FACET_COUNTS (a few tens of milliseconds) in the same transaction.
 *
 * A region's row counts the products that match it: those with a coverage row for it, and every province-wide one.
 * The province's row counts every listed product.
 */
export const REBUILD_FACET_COUNTS = `
  DELETE FROM facet_counts;
  INSERT INTO facet_counts (region_code, facet_key, n)
    SELECT r.code, p.facet_key, count(*)
    FROM regions r CROSS JOIN products p
    WHERE r.parent_code IS NULL AND p.listed = 1
    GROUP BY r.code, p.facet_key;
  INSERT INTO facet_counts (region_code, facet_key, n)
    SELECT region_code, facet_key, count(*) FROM (
      SELECT c.region_code, p.facet_key FROM product_coverage c JOIN products p ON p.seq = c.seq WHERE p.listed = 1
      UNION ALL
      SELECT r.code, p.facet_key FROM regions r CROSS JOIN products p
      WHERE r.parent_code IS NOT NULL AND p.listed = 1 AND p.province_wide = 1
    ) matches
    GROUP BY region_code, facet_key;
`;
