import type { Voucher } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Vouchers } from './Vouchers.js';

/**
 * `client.vouchers` with what `createClient` gives center staff: revoking a voucher (`client.vouchers.revoke`). Kept
 * apart from {@link Vouchers} so that the wallet's bundle does not carry it; a client of `createClientFrom` has it
 * when given `{ vouchers: FullVouchers }`.
 */
export class FullVouchers extends Vouchers {
  /**
   * Revokes an unused voucher for fraud, with the reason on its history (staff of the issuing center's region or
   * above). A voucher that is not `issued` is `SmecConflictError` `conflict`.
   *
   * @example
   * ```ts
   * const revoked = await client.vouchers.revoke('vch-demo-0017', '同一法人以多家企业名义重复领取');
   * ```
   */
  override readonly revoke = (id: string, reason: string, options?: CallOptions): Promise<Voucher> =>
    this.http.request({
      ...options,
      method: 'POST',
      path: `/vouchers/${encodeURIComponent(id)}/revoke`,
      body: { reason },
      schema: 'Voucher',
    });
}
