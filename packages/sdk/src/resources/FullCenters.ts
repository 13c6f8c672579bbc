import type { Center, CenterPatch } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Centers } from './Centers.js';
import { revisionEtag } from './VoucherBatches.js';

/**
 * `client.centers` with what `createClient` gives a center's administrators: the change of their own center's record.
 * Kept apart from {@link Centers} so that the directory's bundle does not carry it.
 */
export class FullCenters extends Centers {
  /**
   * Changes some fields of the center as it was read (its revision as `If-Match`: 412 when changed meanwhile). Only
   * the center's own administrators may; more qualified staff than staff is 422 on `qualifiedStaffCount`.
   *
   * @example
   * ```ts
   * const center = await client.centers.get('ctr-440604');
   * await client.centers.update(center, { staffCount: 8, qualifiedStaffCount: 6 });
   * ```
   */
  override readonly update = (
    version: Pick<Center, 'id' | 'revision'>,
    patch: CenterPatch,
    options?: CallOptions,
  ): Promise<Center> =>
    this.http.request({
      ...options,
      method: 'PATCH',
      path: `/centers/${encodeURIComponent(version.id)}`,
      headers: { ...options?.headers, 'if-match': revisionEtag(version) },
      body: patch,
      idempotencyKey: true,
      schema: 'Center',
    });
}
