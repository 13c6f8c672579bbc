import type {
  Provider,
  ProviderAccount,
  ProviderAccountPage,
  ProviderAccountsQuery,
  ProviderPage,
  ProvidersQuery,
  ProviderTransition,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters, sorting and paging of {@link Providers.list}; numbers and booleans are sent as query strings. */
export type ProviderListParams = z.output<typeof ProvidersQuery>;

/** Filters and paging of {@link Providers.listAccounts}. */
export type ProviderAccountListParams = z.output<typeof ProviderAccountsQuery>;

/** Admitted service providers (服务机构): `client.providers`. */
export class Providers extends Resource {
  /**
   * Center staff: the providers of the center's region and the regions below it, with their admission and timeline.
   * Made by `createClient` ({@link FullProviders}); a client of `createClientFrom` has it when given
   * `{ providers: FullProviders }`.
   */
  declare readonly listAccounts: (
    params?: ProviderAccountListParams,
    options?: CallOptions,
  ) => PagePromise<ProviderAccountPage>;

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
   * refuse its pending change. Needs a center staff member's token (业务员 or 管理员); a provider outside the center's
   * region is `SmecNotFoundError`. Retries of one call repeat its `Idempotency-Key`.
   *
   * @example
   * ```ts
   * await client.providers.transition('prv-00040', { action: 'suspend', reason: '年度考核不合格，限期整改' });
   * ```
   */
  transition(
    id: string,
    body: ProviderTransition,
    options: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<ProviderAccount> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      idempotencyKey: idempotencyKey ?? true,
      method: 'POST',
      path: `/providers/${encodeURIComponent(id)}/transitions`,
      body,
      schema: 'ProviderAccount',
    });
  }
}
