import type { MyProduct, MyProductInput, MyProductPage, MyProductPatch, MyProductsQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link MyProducts.list}. */
export type MyProductListParams = z.output<typeof MyProductsQuery>;

/** The version a change is made to: the product as it was read (its id and revision name its ETag). */
export type ProductVersion = Pick<MyProduct, 'id' | 'revision'>;

/** The ETag of a product as read: the platform names a product's version by its id and the count of its edits. */
export function productEtag(product: Pick<MyProduct, 'id' | 'revision'>): string {
  return `"${product.id}.r${product.revision}"`;
}

/** The signed-in provider's own products: `client.me.products`. Needs a provider's token. */
export class MyProducts extends Resource {
  /**
   * The provider's products of every status, newest first, each with what publishing would still refuse (`missing`).
   *
   * @example
   * ```ts
   * const drafts = await client.me.products.list({ status: 'draft' });
   * ```
   */
  list(params: MyProductListParams = {}, options?: CallOptions): PagePromise<MyProductPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({ ...options, path: '/me/products', query: { ...params, cursor }, schema: 'MyProductPage' }),
      params.cursor,
    );
  }

  /** One of the provider's products; another provider's is `SmecNotFoundError`. */
  get(id: string, options?: CallOptions): Promise<MyProduct> {
    return this.http.request({ ...options, path: `/me/products/${encodeURIComponent(id)}`, schema: 'MyProduct' });
  }

  /**
   * Creates a draft: only the name and category are required.
   *
   * @example
   * ```ts
   * const draft = await client.me.products.create({ name: '小微企业财务健康检查', categoryId: 'finance-tax' });
   * ```
   */
  create(input: MyProductInput, options?: CallOptions): Promise<MyProduct> {
    return this.http.request({ ...options, method: 'POST', path: '/me/products', body: input, schema: 'MyProduct' });
  }

  /**
   * Changes some fields of the product as it was read, sending its ETag as `If-Match`: a change made meanwhile by
   * someone else is `SmecApiError` 412 (read it again), never overwritten.
   *
   * @example
   * ```ts
   * const product = await client.me.products.get('prd-13239');
   * const changed = await client.me.products.update(product, { timeLimitDays: 15 });
   * ```
   */
  update(version: ProductVersion, patch: MyProductPatch, options?: CallOptions): Promise<MyProduct> {
    return this.http.request({
      ...options,
      method: 'PATCH',
      path: `/me/products/${encodeURIComponent(version.id)}`,
      headers: { ...options?.headers, 'if-match': productEtag(version) },
      body: patch,
      // With If-Match, a retried change can only repeat the first; the key makes it get the first answer.
      idempotencyKey: true,
      schema: 'MyProduct',
    });
  }

  /** Publishes a draft or withdrawn product; a missing public is `SmecApiError` 422 with an error per field. */
  publish(id: string, options?: CallOptions): Promise<MyProduct> {
    return this.#move(id, 'publish', options);
  }

  /** Withdraws a published product from the catalog. */
  withdraw(id: string, options?: CallOptions): Promise<MyProduct> {
    return this.#move(id, 'withdraw', options);
  }

  #move(id: string, action: string, options?: CallOptions): Promise<MyProduct> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/me/products/${encodeURIComponent(id)}/${action}`,
      schema: 'MyProduct',
    });
  }
}
