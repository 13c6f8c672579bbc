import type {
  MyDemandProposalPage,
  MyDemandProposalsQuery,
  MyRegistrationPage,
  MyRegistrationsQuery,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import type { MyExperts } from './MyExperts.js';
import type { MyNotifications } from './MyNotifications.js';
import type { MyProducts } from './MyProducts.js';
import type { MyProvider } from './MyProvider.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Me.registrations}. */
export type MyRegistrationListParams = z.output<typeof MyRegistrationsQuery>;

/** Paging of {@link FullMe.demandProposals}. */
export type MyDemandProposalListParams = z.output<typeof MyDemandProposalsQuery>;

/** What belongs to the signed-in user: `client.me`. */
export class Me extends Resource {
  /**
   * The signed-in provider's own products (drafts, publishing, withdrawing). Made by `createClient` (a client made
   * with `createClientFrom` has it when given `me: FullMe`); declared only, so that a bundle of plain `Me` carries
   * none of it.
   */
  declare readonly products: MyProducts;
  /** The signed-in provider's account. Made by `createClient`, as `products` is. */
  declare readonly provider: MyProvider;
  /** The experts a provider or a center manages (`create`, `update`). Made by `createClient`, as `products` is. */
  declare readonly experts: MyExperts;
  /** What the platform tells the signed-in enterprise or provider user. Made by `createClient`, as `products` is. */
  declare readonly notifications: MyNotifications;
  /**
   * The demands centers proposed the signed-in provider for, newest first. Made by `createClient`, as `products` is
   * ({@link FullMe.demandProposals}).
   */
  declare readonly demandProposals: (
    params?: MyDemandProposalListParams,
    options?: CallOptions,
  ) => PagePromise<MyDemandProposalPage>;

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
