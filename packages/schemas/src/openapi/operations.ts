import {
  CategoryList,
  Health,
  IdParams,
  ProductPage,
  ProductsQuery,
  ProviderPage,
  ProvidersQuery,
  Provider,
  RegionList,
  RegionsQuery,
  ServiceProductDetail,
} from '../index.js';
import type * as z from '../zod.js';

type Schema = z.ZodMiniType;

/**
 * One operation of the platform API. The server validates with `query`/`params`, the OpenAPI document is built
 * from the same entries, and `example` must succeed against a freshly seeded demo database.
 */
export interface Operation {
  readonly operationId: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template under the base path, e.g. `/products/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly query?: Schema;
  readonly params?: Schema;
  readonly response: Schema;
  /** The error statuses this operation can answer with, besides 500. */
  readonly errors: readonly number[];
  readonly cacheable: boolean;
  readonly example?: { readonly query?: Record<string, string>; readonly params?: Record<string, string> };
}

export const operations = {
  getHealth: {
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'platform',
    summary: 'Liveness, including a database check',
    response: Health,
    errors: [503],
    cacheable: false,
  },
  listRegions: {
    operationId: 'listRegions',
    method: 'get',
    path: '/regions',
    tag: 'reference',
    summary: "Guangdong's regions (GB/T 2260): the province, its cities and their counties",
    query: RegionsQuery,
    response: RegionList,
    errors: [400],
    cacheable: true,
    example: { query: { parent: '440600' } },
  },
  listCategories: {
    operationId: 'listCategories',
    method: 'get',
    path: '/categories',
    tag: 'reference',
    summary: 'The twelve service categories',
    response: CategoryList,
    errors: [],
    cacheable: true,
  },
  listProviders: {
    operationId: 'listProviders',
    method: 'get',
    path: '/providers',
    tag: 'catalog',
    summary: 'Admitted service providers, filtered and paginated',
    query: ProvidersQuery,
    response: ProviderPage,
    errors: [400],
    cacheable: true,
    example: { query: { category: 'legal', region: '440600', limit: '10' } },
  },
  getProvider: {
    operationId: 'getProvider',
    method: 'get',
    path: '/providers/{id}',
    tag: 'catalog',
    summary: 'One service provider',
    params: IdParams,
    response: Provider,
    errors: [404],
    cacheable: true,
    example: { params: { id: 'prv-00001' } },
  },
  listProducts: {
    operationId: 'listProducts',
    method: 'get',
    path: '/products',
    tag: 'catalog',
    summary: 'Search published service products, with facet counts and cursor pagination',
    description:
      'Chinese search matches any one- or two-character query (「法」, 「财税」). Facets count the matches of every other filter.',
    query: ProductsQuery,
    response: ProductPage,
    errors: [400],
    cacheable: true,
    example: { query: { q: '财税', region: '440600', voucherEligible: 'true', sort: 'rating', limit: '12' } },
  },
  getProduct: {
    operationId: 'getProduct',
    method: 'get',
    path: '/products/{id}',
    tag: 'catalog',
    summary: 'One service product with its five publics and its provider',
    params: IdParams,
    response: ServiceProductDetail,
    errors: [404],
    cacheable: true,
    example: { params: { id: 'prd-00001' } },
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
