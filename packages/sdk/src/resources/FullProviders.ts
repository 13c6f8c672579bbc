import type { ProviderAccountPage } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Providers, type ProviderAccountListParams } from './Providers.js';

/**
 * `client.providers` with what `createClient` gives a center: the list of the providers it looks after. Kept apart
 * from {@link Providers} so that the public widgets' bundles do not carry it; a client of `createClientFrom` has it
 * when given `{ providers: FullProviders }`.
 */
export class FullProviders extends Providers {
  /**
   * Center staff (a viewer too): the providers of the center's region and the regions below it, by name, each with
   * its admission and timeline. `admission`: `current` (default: admitted and suspended), `admitted`, `suspended` or
   * `removed`; `q` finds a part of the name or the credit code. Await it for the first page, or iterate it.
   *
   * @example
   * ```ts
   * const page = await client.providers.listAccounts({ admission: 'suspended', q: '汕头' });
   * for (const account of page.items) console.log(account.profile.name, account.timeline.at(-1)?.reason);
   * ```
   */
  override readonly listAccounts = (
    params: ProviderAccountListParams = {},
    options?: CallOptions,
  ): PagePromise<ProviderAccountPage> =>
    new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/provider-accounts',
          query: { ...params, cursor },
          schema: 'ProviderAccountPage',
        }),
      params.cursor,
    );
}
