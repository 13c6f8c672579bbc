import type { ProviderAccount, ProviderAccountPatch } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** The version of an account a change is made to: the account as it was read (its id and revision name its ETag). */
export type AccountVersion = { readonly profile: { readonly id: string }; readonly revision: number };

/** The ETag of a provider's account as read: the platform names its version by the id and the revision. */
export function accountEtag(account: AccountVersion): string {
  return `"${account.profile.id}.r${account.revision}"`;
}

/** The signed-in provider's account: `client.me.provider`. Needs a provider's token. */
export class MyProvider extends Resource {
  /**
   * The provider's account: its profile as the catalog shows it, contacts, admission, timeline and pending change.
   *
   * @example
   * ```ts
   * const account = await client.me.provider.get();
   * if (account.pendingChange) console.log('waiting for the center', account.pendingChange.fields);
   * ```
   */
  get(options?: CallOptions): Promise<ProviderAccount> {
    return this.http.request({ ...options, path: '/me/provider', schema: 'ProviderAccount' });
  }

  /**
   * Changes the account as it was read, sending its ETag as `If-Match` (a change made meanwhile is `SmecApiError`
   * 412). A new name, credit code or legal representative is kept as `pendingChange` for the center.
   *
   * @example
   * ```ts
   * const account = await client.me.provider.get();
   * await client.me.provider.update(account, { phone: '020-83331234', acceptsVouchers: true });
   * ```
   */
  update(account: AccountVersion, patch: ProviderAccountPatch, options?: CallOptions): Promise<ProviderAccount> {
    return this.http.request({
      ...options,
      method: 'PATCH',
      path: '/me/provider',
      headers: { ...options?.headers, 'if-match': accountEtag(account) },
      body: patch,
      idempotencyKey: true,
      schema: 'ProviderAccount',
    });
  }
}
