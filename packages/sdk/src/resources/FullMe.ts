import type { HttpClient } from '../http.js';
import { Me } from './Me.js';
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

  /** @internal Resources are made by `createClient`. */
  constructor(http: HttpClient) {
    super(http);
    this.products = new MyProducts(http);
    this.provider = new MyProvider(http);
    this.experts = new MyExperts(http);
    this.notifications = new MyNotifications(http);
  }
}
