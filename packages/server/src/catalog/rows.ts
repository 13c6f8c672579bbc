import type {
  CategoryId,
  OrgType,
  Admission,
  ProcessStep,
  Provider,
  ProductStatus,
  ServiceProduct,
} from '@smec/schemas';
import type { Selectable } from 'kysely';
import type { ProductTable, ProductTextTable, ProviderTable } from '../db/schema.js';

export type ProviderRow = Selectable<ProviderTable>;

export type ProductRow = Selectable<ProductTable> &
  Selectable<ProductTextTable> & {
    provider_name: string;
    provider_short_name: string;
    provider_region_code: string;
  };

function rating(count: number, average: number | null) {
  return { count, averageScore: count === 0 ? null : average };
}

export function providerFromRow(row: ProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    uscc: row.uscc,
    orgType: row.org_type as OrgType,
    regionCode: row.region_code,
    address: row.address,
    contact: row.contact,
    phone: row.phone,
    email: row.email,
    website: row.website,
    foundedOn: row.founded_on,
    description: row.description,
    categoryIds: JSON.parse(row.category_ids) as CategoryId[],
    acceptsVouchers: row.accepts_vouchers === 1,
    admission: row.admission as Admission,
    admittedOn: row.admitted_on,
    productCount: row.product_count,
    rating: rating(row.rating_count, row.rating_average),
  };
}

export function productFromRow(row: ProductRow): ServiceProduct {
  return {
    id: row.id,
    providerId: row.provider_id,
    provider: {
      id: row.provider_id,
      name: row.provider_name,
      shortName: row.provider_short_name,
      regionCode: row.provider_region_code,
    },
    name: row.name,
    categoryId: row.category_id as CategoryId,
    summary: row.summary,
    function: row.function,
    process: JSON.parse(row.process) as ProcessStep[],
    standard: row.standard,
    fee: {
      listPrice: row.list_price,
      discountPrice: row.discount_price,
      isFree: row.is_free === 1,
      note: row.fee_note,
    },
    timeLimitDays: row.time_limit_days,
    suitableFor: row.suitable_for,
    voucherEligible: row.voucher_eligible === 1,
    regionCodes: JSON.parse(row.region_codes) as string[],
    status: row.status as ProductStatus,
    soldCount: row.sold_count,
    rating: rating(row.rating_count, row.rating_average),
    publishedAt: row.published_at,
  };
}
