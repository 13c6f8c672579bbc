import type { CategoryId, MyProduct, ProductStatus } from '@smec/schemas';
import { productPublishRefusals, type PublishableProduct } from '@smec/schemas/rules';
import type { Selectable } from 'kysely';
import type { ProductTable, ProductTextTable } from '../db/schema.js';

/** A product's own columns and texts, as its provider edits them. */
export type OwnProductRow = Selectable<ProductTable> & Selectable<ProductTextTable>;

/** The ETag of a product as its provider edits it: its id and the count of its edits (every edit moves it). */
export function ownProductEtag(row: { id: string; revision?: number }): string {
  return `"${row.id}.r${row.revision ?? 0}"`;
}

/** What publishing reads of a product. */
export function publishableOf(row: OwnProductRow): PublishableProduct {
  return {
    summary: row.summary,
    function: row.function,
    process: JSON.parse(row.process) as PublishableProduct['process'],
    standard: row.standard,
    fee: {
      listPrice: row.list_price,
      discountPrice: row.discount_price,
      isFree: row.is_free === 1,
      note: row.fee_note,
    },
    timeLimitDays: row.time_limit_days === 0 ? null : row.time_limit_days,
    regionCodes: JSON.parse(row.region_codes) as string[],
  };
}

export function ownProductFromRow(row: OwnProductRow): MyProduct {
  const publishable = publishableOf(row);
  return {
    id: row.id,
    providerId: row.provider_id,
    status: row.status as ProductStatus,
    revision: row.revision ?? 0,
    version: row.version ?? 0,
    name: row.name,
    categoryId: row.category_id as CategoryId,
    summary: row.summary,
    function: row.function,
    process: [...publishable.process],
    standard: row.standard,
    fee: { ...publishable.fee },
    timeLimitDays: publishable.timeLimitDays,
    suitableFor: row.suitable_for,
    voucherEligible: row.voucher_eligible === 1,
    regionCodes: [...publishable.regionCodes],
    publishedAt: row.published_at,
    updatedAt: row.updated_at ?? null,
    missing: productPublishRefusals(publishable).map((refusal) => ({ path: refusal.path, code: refusal.key })),
  };
}
