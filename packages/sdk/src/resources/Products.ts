import type { ProductPage, ProductsQuery, ServiceProductDetail, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Search, filters, sorting and paging of {@link Products.list}; numbers and booleans are sent as query strings. */
export type ProductListParams = z.output<typeof ProductsQuery>;

/** Published service products (服务产品) with their five publics: `client.products`. */
export class Products extends Resource {
  /**
   * Products matching the search and filters, a page at a time, with facet counts. `q` finds one- and two-character
   * Chinese queries (「法」, 「财税」). Await the result for the first page, or iterate it for every product of every
   * page.
   *
   * @example
   * ```ts
   * const page = await client.products.list({ q: '财税', region: '440600', voucherEligible: true, limit: 12 });
   * console.log(page.total, page.facets.priceBands);
   *
   * for await (const product of client.products.list({ q: '法' })) console.log(product.name);
   * ```
   */
  list(params: ProductListParams = {}, options?: CallOptions): PagePromise<ProductPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/products',
          query: { ...params, cursor },
          schema: 'ProductPage',
        }),
      params.cursor,
    );
  }

  /**
   * One product with its five publics and its provider in full. Throws `SmecNotFoundError` for an unknown id.
   *
   * @example
   * ```ts
   * const product = await client.products.get('prd-00001');
   * console.log(product.fee, product.process, product.providerDetail.phone);
   * ```
   */
  get(id: string, options?: CallOptions): Promise<ServiceProductDetail> {
    return this.http.request({
      ...options,
      path: `/products/${encodeURIComponent(id)}`,
      schema: 'ServiceProductDetail',
    });
  }
}
