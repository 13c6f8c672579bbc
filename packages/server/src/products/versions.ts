// The products as the engagements ordered them: the version each engagement names, read from product_versions.
import type { OrderedProduct } from '@smec/schemas';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, ProductVersionTable } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function orderedProductOf(row: ProductVersionTable): OrderedProduct {
  return {
    version: row.version,
    name: row.name,
    fee: {
      listPrice: row.list_price,
      discountPrice: row.discount_price,
      isFree: row.is_free === 1,
      note: row.fee_note,
    },
    price: row.price,
    function: row.function,
    process: JSON.parse(row.process) as OrderedProduct['process'],
    standard: row.standard,
    timeLimitDays: row.time_limit_days,
    publishedAt: row.published_at,
  };
}

/** The ordered versions of the given engagements' products, by `product_id` and version (`id/version`). */
export async function orderedProducts(
  db: Db,
  engagements: readonly { product_id: string; product_version?: number | null }[],
): Promise<Map<string, OrderedProduct>> {
  const wanted = engagements.filter((row) => row.product_version != null);
  const found = new Map<string, OrderedProduct>();
  if (wanted.length === 0) return found;
  // PostgreSQL types a bare parameter in VALUES as text: the cast lets it compare with the version column.
  const pairs = wanted.map((row) => sql`(${row.product_id}, cast(${row.product_version} as integer))`);
  const rows = await sql<ProductVersionTable>`
    select * from product_versions where (product_id, version) in (values ${sql.join(pairs)})`.execute(db);
  for (const row of rows.rows) found.set(versionKey(row.product_id, row.version), orderedProductOf(row));
  return found;
}

export function versionKey(productId: string, version: number | null | undefined): string {
  return `${productId}/${version ?? 0}`;
}
