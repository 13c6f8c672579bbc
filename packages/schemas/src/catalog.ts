import { DateOnly, DateTime, Fen, Id, RegionCode, pageOf } from './common.js';
import { isValidUscc } from './rules/identifiers.js';
import { PROVIDER_ORG_TYPES } from './rules/provider-application.js';
import { CategoryId } from './reference.js';
import * as z from './zod.js';

/**
 * A unified social credit code with a correct GB 32100-2015 check character. A string format (OpenAPI `format: uscc`)
 * rather than a refinement: the dates are string formats already, so browsers load no refinement code for it.
 */
export const Uscc = z.stringFormat('uscc', isValidUscc, {
  error: 'Invalid unified social credit code (check character does not match)',
});

/** How satisfied the rated enterprises were: the average of 100-point scores, and how many ratings. */
export const RatingSummary = z.object({
  count: z.int().check(z.minimum(0)),
  averageScore: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

export const OrgType = z.enum(PROVIDER_ORG_TYPES);
export type OrgType = z.infer<typeof OrgType>;

export const Admission = z.enum(['pending', 'publicNotice', 'admitted', 'suspended', 'removed']);
export type Admission = z.infer<typeof Admission>;

/** A service provider (服务机构) admitted to the platform. */
export const Provider = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  uscc: Uscc,
  orgType: OrgType,
  regionCode: RegionCode,
  address: z.string(),
  contact: z.string(),
  phone: z.string(),
  email: z.nullable(z.string()),
  website: z.nullable(z.string()),
  foundedOn: DateOnly,
  description: z.string(),
  categoryIds: z.array(CategoryId),
  acceptsVouchers: z.boolean(),
  admission: Admission,
  admittedOn: z.nullable(DateOnly),
  productCount: z.int().check(z.minimum(0)),
  rating: RatingSummary,
});
export type Provider = z.infer<typeof Provider>;

export const ProviderPage = pageOf(Provider);
export type ProviderPage = z.infer<typeof ProviderPage>;

export const ProviderSort = z.enum(['name', 'rating', 'newest']);
export type ProviderSort = z.infer<typeof ProviderSort>;

/** One step of a service's process (服务流程). */
export const ProcessStep = z.object({
  title: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
});
export type ProcessStep = z.infer<typeof ProcessStep>;

/** What a service costs (收费): list price, optional discount, or free as a public-interest (公益) service. */
export const Fee = z.object({
  listPrice: Fen,
  discountPrice: z.nullable(Fen),
  isFree: z.boolean(),
  note: z.string().check(z.minLength(1)),
});
export type Fee = z.infer<typeof Fee>;

export const ProductStatus = z.enum(['draft', 'published', 'withdrawn']);
export type ProductStatus = z.infer<typeof ProductStatus>;

/** The provider as shown on a product card. */
export const ProviderSummary = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  regionCode: RegionCode,
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;

/** A service product with its five publics (五公开): function, process, standard, fee and time limit. */
export const ServiceProduct = z.object({
  id: Id,
  providerId: Id,
  provider: ProviderSummary,
  name: z.string(),
  categoryId: CategoryId,
  summary: z.string(),
  function: z.string().check(z.minLength(1)),
  process: z.array(ProcessStep).check(z.minLength(1)),
  standard: z.string().check(z.minLength(1)),
  fee: Fee,
  timeLimitDays: z.int().check(z.minimum(1)),
  suitableFor: z.string(),
  voucherEligible: z.boolean(),
  regionCodes: z.array(RegionCode),
  status: ProductStatus,
  soldCount: z.int().check(z.minimum(0)),
  rating: RatingSummary,
  publishedAt: z.nullable(DateTime),
});
export type ServiceProduct = z.infer<typeof ServiceProduct>;

/** A product with its provider in full, contacts included: what a detail view shows. */
export const ServiceProductDetail = z.object({
  ...ServiceProduct.shape,
  providerDetail: Provider,
});
export type ServiceProductDetail = z.infer<typeof ServiceProductDetail>;

export const ProductSort = z.enum(['relevance', 'rating', 'priceAsc', 'priceDesc', 'newest', 'popular']);
export type ProductSort = z.infer<typeof ProductSort>;

export const FacetCount = z.object({ value: z.string(), count: z.int().check(z.minimum(0)) });
export type FacetCount = z.infer<typeof FacetCount>;

export const PriceBandCount = z.object({
  key: z.string(),
  min: Fen,
  max: z.nullable(Fen),
  count: z.int().check(z.minimum(0)),
});
export type PriceBandCount = z.infer<typeof PriceBandCount>;

/**
 * Counts for narrowing a product search. Each facet counts the matches of every other filter, so a visitor sees
 * what choosing another value would give. `regions` lists the cities, or a chosen city's counties.
 */
export const ProductFacets = z.object({
  categories: z.array(FacetCount),
  regions: z.array(FacetCount),
  voucherEligible: z.int().check(z.minimum(0)),
  free: z.int().check(z.minimum(0)),
  priceBands: z.array(PriceBandCount),
});
export type ProductFacets = z.infer<typeof ProductFacets>;

export const ProductPage = z.object({
  ...pageOf(ServiceProduct).shape,
  facets: ProductFacets,
});
export type ProductPage = z.infer<typeof ProductPage>;
