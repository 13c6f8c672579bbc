import type { HttpClient } from '../http.js';
import { Me } from './Me.js';
import { MyProducts } from './MyProducts.js';
import { MyProvider } from './MyProvider.js';

/**
 * `client.me` with a provider's own products and account (`client.me.products`, `client.me.provider`), as
 * `createClient` makes it. Kept apart from {@link Me} so that a bundle that needs only an enterprise's registrations
 * does not carry them.
 */
export class ProviderMe extends Me {
  override readonly products: MyProducts;
  override readonly provider: MyProvider;

  /** @internal Resources are made by `createClient`. */
  constructor(http: HttpClient) {
    super(http);
    this.products = new MyProducts(http);
    this.provider = new MyProvider(http);
  }
}
