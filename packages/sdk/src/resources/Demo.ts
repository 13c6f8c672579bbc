import type { DemoToken, DemoUserList, Role } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** The demo platform's sign-in: seeded users and tokens for them. Answers 404 on a platform not in demo mode. */
export class Demo extends Resource {
  /**
   * The seeded users, optionally of one role.
   *
   * @example
   * ```ts
   * const { items } = await client.demo.users({ role: 'admin' });
   * ```
   */
  users(params: { role?: Role } = {}, options?: CallOptions): Promise<DemoUserList> {
    return this.http.request({ ...options, path: '/demo/users', query: { role: params.role }, schema: 'DemoUserList' });
  }

  /**
   * A bearer token (valid 8 hours) for a seeded user, to hand to `getToken`.
   *
   * @example
   * ```ts
   * const { token } = await client.demo.token('usr-admin-440600');
   * const admin = createClient({ baseUrl, getToken: () => token });
   * ```
   */
  token(userId: string, options?: CallOptions): Promise<DemoToken> {
    // Asking for a token twice does no harm: no key, and a POST without one is not retried.
    return this.http.request({
      ...options,
      method: 'POST',
      path: '/demo/token',
      body: { userId },
      idempotencyKey: false,
      schema: 'DemoToken',
    });
  }
}
