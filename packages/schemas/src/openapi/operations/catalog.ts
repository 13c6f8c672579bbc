import {
  IdParams,
  ProductPage,
  ProductsQuery,
  Provider,
  ProviderPage,
  ProvidersQuery,
  ServiceProductDetail,
} from '../../index.js';
import type { Operation } from '../operation.js';

/** The catalog: providers and their service products. */
export const catalogOperations = {
  listProviders: {
    operationId: 'listProviders',
    method: 'get',
    path: '/providers',
    tag: 'catalog',
    summary: 'Admitted service providers, filtered and paginated',
    query: ProvidersQuery,
    response: ProviderPage,
    problems: ['invalid_cursor'],
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
    problems: ['not_found'],
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
    problems: ['invalid_cursor'],
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
    problems: ['not_found'],
    cacheable: true,
    example: { params: { id: 'prd-00001' } },
  },
} as const satisfies Record<string, Operation>;
