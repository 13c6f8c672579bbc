import type { MyDemandProposalPage } from '@smec/schemas';
import type { CallOptions, HttpClient } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Me, type MyDemandProposalListParams } from './Me.js';
import { MyExperts } from './MyExperts.js';
import { MyNotifications } from './MyNotifications.js';
import { MyProducts } from './MyProducts.js';
import { MyProvider } from './MyProvider.js';

/**
 * `client.me` with everything `createClient` gives it: a provider's own products and account
 * (`client.me.products`, `client.me.provider`) the experts a provider or a center manages (`client.me.experts`) and the user's notifications
 * (`client.me.notifications`).
 * Kept apart from {@link Me} so that a bundle that needs only an enterprise's registrations does not carry them; a
 * client of `createClientFrom` has them when given `{ me: FullMe }`.
 */
export class FullMe extends Me {
  override readonly products: MyProducts;
  override readonly provider: MyProvider;
  override readonly experts: MyExperts;
  override readonly notifications: MyNotifications;

  /**
   * Provider: the demands centers proposed it for, newest first, each with the center's note; the enterprise and
   * its contact (phone in full) only where the enterprise agreed to share them, null otherwise. Await for the first
   * page or iterate for all.
   *
   * @example
   * ```ts
   * for await (const proposal of client.me.demandProposals()) console.log(proposal.title, proposal.contact?.phone);
   * ```
   */
  override readonly demandProposals = (
    params: MyDemandProposalListParams = {},
    options?: CallOptions,
  ): PagePromise<MyDemandProposalPage> =>
    new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/me/demand-proposals',
          query: { ...params, cursor },
          schema: 'MyDemandProposalPage',
        }),
      params.cursor,
    );

  /** @internal Resources are made by `createClient`. */
  constructor(http: HttpClient) {
    super(http);
    this.products = new MyProducts(http);
    this.provider = new MyProvider(http);
    this.experts = new MyExperts(http);
    this.notifications = new MyNotifications(http);
  }
}
