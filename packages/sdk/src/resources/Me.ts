import type { MyRegistrationPage, MyRegistrationsQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import type { MyExperts } from './MyExperts.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Me.registrations}. */
export type MyRegistrationListParams = z.output<typeof MyRegistrationsQuery>;

/** What belongs to the signed-in user: `client.me`. */
export class Me extends Resource {
  /**
   * The experts a provider or a center manages (`create`, `update`). Present on the client of `createClient`, and
   * on one of `createClientFrom` made with `{ me: MeWithExperts }`; declared only, so that a bundle of plain `Me`
   * carries none of it.
   */
  declare readonly experts: MyExperts;

  /**
   * The signed-in enterprise's event registrations with their events, the latest event first. Cancelled ones are
   * left out unless asked for with `status: 'cancelled'`. Needs an enterprise's token.
   *
   * @example
   * ```ts
   * const page = await client.me.registrations();
   * const cancelled = await client.me.registrations({ status: 'cancelled' });
   * ```
   */
  registrations(params: MyRegistrationListParams = {}, options?: CallOptions): PagePromise<MyRegistrationPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/me/registrations',
          query: { ...params, cursor },
          schema: 'MyRegistrationPage',
        }),
      params.cursor,
    );
  }
}
