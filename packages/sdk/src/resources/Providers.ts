import type { Provider, ProviderAccount, ProviderPage, ProvidersQuery, ProviderTransition, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters, sorting and paging of {@link Providers.list}; numbers and booleans are sent as query strings. */
export type ProviderListParams = z.output<typeof ProvidersQuery>;

/** Admitted service providers (服务机构): `client.providers`. */
export class Providers extends Resource {
  /**
   * Providers matching the filters, a page at a time. Await the result for the first page, or iterate it for every
   * provider of every page.
   *
   * @example
   * ```ts
   * const page = await client.providers.list({ category: 'legal', region: '440600', limit: 10 });
   * for await (const provider of client.providers.list({ acceptsVouchers: true })) console.log(provider.name);
   * ```
   */
  list(params: ProviderListParams = {}, options?: CallOptions): PagePromise<ProviderPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/providers',
          query: { ...params, cursor },
          schema: 'ProviderPage',
        }),
      params.cursor,
    );
  }

  /**
   * One provider, contacts included. Throws `SmecNotFoundError` for an unknown id.
   *
   * @example
   * ```ts
   * const provider = await client.providers.get('prv-00001');
   * ```
   */
  get(id: string, options?: CallOptions): Promise<Provider> {
    return this.http.request({
      ...options,
      path: `/providers/${encodeURIComponent(id)}`,
      schema: 'Provider',
    });
  }

  /**
   * A center's move on a provider of its region: suspend, reinstate or remove it (with a reason), or approve or
   * refuse its pending change. Needs an administrator's token; a provider elsewhere is `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * await client.providers.transition('prv-00040', { action: 'suspend', reason: '年度考核不合格，限期整改' });
   * ```
   */
  transition(id: string, body: ProviderTransition, options?: CallOptions): Promise<ProviderAccount> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/providers/${encodeURIComponent(id)}/transitions`,
      body,
      schema: 'ProviderAccount',
    });
  }
}
