import { Id, RegionCode } from './common.js';
import { ProductSort, ProviderSort } from './catalog.js';
import { CategoryId, RegionLevel } from './reference.js';
import * as z from './zod.js';

// The server's query-string and path schemas. They live apart from the response schemas so that a browser bundle,
// which only needs the responses, drops this module whole (package.json marks it free of side effects).

/** Query-string integer: strings are coerced, anything that is not a whole number fails. */
export function queryInt(min: number, max: number) {
  return z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));
}

/** Query-string boolean: `true`/`false`/`1`/`0`. */
export const QueryBool = z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] });

export const ListQuery = {
  limit: z.optional(queryInt(1, 100)),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
};

export const RegionsQuery = z.object({
  level: z.optional(RegionLevel),
  parent: z.optional(RegionCode),
});
export type RegionsQuery = z.infer<typeof RegionsQuery>;

export const ProvidersQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  category: z.optional(CategoryId),
  region: z.optional(RegionCode),
  acceptsVouchers: z.optional(QueryBool),
  sort: z.optional(ProviderSort),
  ...ListQuery,
});
export type ProvidersQuery = z.input<typeof ProvidersQuery>;

export const ProductsQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  category: z.optional(CategoryId),
  region: z.optional(RegionCode),
  provider: z.optional(Id),
  voucherEligible: z.optional(QueryBool),
  free: z.optional(QueryBool),
  minPrice: z.optional(queryInt(0, 1_000_000_000)),
  maxPrice: z.optional(queryInt(0, 1_000_000_000)),
  minRating: z.optional(queryInt(0, 100)),
  sort: z.optional(ProductSort),
  ...ListQuery,
});
export type ProductsQuery = z.input<typeof ProductsQuery>;
export type ProductsQueryParsed = z.output<typeof ProductsQuery>;

export const IdParams = z.object({ id: Id });
