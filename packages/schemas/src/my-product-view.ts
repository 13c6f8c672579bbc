// A provider's own service product as the platform answers it (`/me/products`), apart from what it sends
// (my-product.ts): a client that reads products need not bundle the input rules.
import { DateTime, Fen, Id, RegionCode, pageOf } from './common.js';
import { ProductStatus } from './catalog.js';
import { CategoryId } from './reference.js';
import * as z from './zod.js';

/** A field that keeps the product from being published, and why: a key of PRODUCT_MESSAGES. */
export const ProductMissing = z.object({ path: z.string(), code: z.string() });
export type ProductMissing = z.infer<typeof ProductMissing>;

/** A provider's own product as it edits it: every field, its status, and what publishing would still refuse. */
export const MyProduct = z.object({
  id: Id,
  providerId: Id,
  status: ProductStatus,
  /** Counts the provider's edits; the ETag names it. */
  revision: z.int().check(z.minimum(0)),
  /** The version the catalog shows (the count of publications); 0 while never published. */
  version: z.int().check(z.minimum(0)),
  name: z.string(),
  categoryId: CategoryId,
  summary: z.string(),
  function: z.string(),
  process: z.array(z.object({ title: z.string(), description: z.string() })),
  standard: z.string(),
  fee: z.object({ listPrice: Fen, discountPrice: z.nullable(Fen), isFree: z.boolean(), note: z.string() }),
  timeLimitDays: z.nullable(z.int().check(z.minimum(1))),
  suitableFor: z.string(),
  voucherEligible: z.boolean(),
  regionCodes: z.array(RegionCode),
  publishedAt: z.nullable(DateTime),
  updatedAt: z.nullable(DateTime),
  /** The refusals publishing would give now (message keys of rules/product.ts); empty when it may be published. */
  missing: z.array(ProductMissing),
});
export type MyProduct = z.infer<typeof MyProduct>;

export const MyProductPage = pageOf(MyProduct);
export type MyProductPage = z.infer<typeof MyProductPage>;
