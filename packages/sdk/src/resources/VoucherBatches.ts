import type { BatchActionName, VoucherBatch, VoucherBatchInput, VoucherBatchPatch } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { productEtag } from './MyProducts.js';
import { Resource } from './Resource.js';

/** The revision a change is made to: the batch as it was read (its id and revision name its ETag). */
export type BatchVersion = Pick<VoucherBatch, 'id' | 'revision'>;

/**
 * The ETag of a revision: the platform names a batch's, a policy's or a product's revision by its id and the count of
 * its changes (the same as `productEtag`).
 */
export const revisionEtag: (version: { readonly id: string; readonly revision: number }) => string = productEtag;

const path = (id: string) => `/voucher-batches/${encodeURIComponent(id)}`;

/**
 * A center's own voucher batches, worked by its staff: `client.voucherBatches`. Needs a center staff member's token;
 * the issuer is their center, and its batches and those of the regions below are theirs to change and move. A draft
 * is read with `client.vouchers.getBatch` and a staff member's token.
 */
export class VoucherBatches extends Resource {
  /**
   * Creates a draft batch of the staff member's center (not public until opened). A term that breaks a rule is
   * `SmecApiError` 422 `rules_not_met`, with an error per field.
   *
   * @example
   * ```ts
   * const draft = await client.voucherBatches.create({
   *   name: '数字化转型服务券', year: 2027, faceValue: 500_000, quota: 200, annualCapPerEnterprise: 2_000_000,
   *   maxCoverage: 50, useWithinDays: 90, claimOpensAt: '2027-03-01T09:00:00+08:00',
   *   claimClosesAt: '2027-06-30T17:00:00+08:00', settleBy: '2027-12-31T17:00:00+08:00',
   *   eligibility: { sizes: ['micro', 'small'] },
   * });
   * ```
   */
  create(input: VoucherBatchInput, options?: CallOptions): Promise<VoucherBatch> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: '/voucher-batches',
      body: input,
      schema: 'VoucherBatch',
    });
  }

  /**
   * Changes some terms of the batch as it was read, sending its revision as `If-Match`: a change made meanwhile is
   * `SmecApiError` 412. Once opened only the name, quota and the window's end change (409 `batch_terms_frozen`);
   * the quota never drops below the vouchers issued (409 `quota_below_issued`).
   *
   * @example
   * ```ts
   * const batch = await client.vouchers.getBatch('vbt-next-440000');
   * const raised = await client.voucherBatches.update(batch, { quota: 12_000 });
   * ```
   */
  update(version: BatchVersion, patch: VoucherBatchPatch, options?: CallOptions): Promise<VoucherBatch> {
    return this.http.request({
      ...options,
      method: 'PATCH',
      path: path(version.id),
      headers: { ...options?.headers, 'if-match': revisionEtag(version) },
      body: patch,
      idempotencyKey: true,
      schema: 'VoucherBatch',
    });
  }

  /**
   * Opens (a draft or a paused batch), pauses or closes a batch, with an optional note for the record. A move its status does not allow is
   * `SmecConflictError` `conflict`.
   *
   * @example
   * ```ts
   * await client.voucherBatches.transition('vbt-open-440600', 'pause', '核查异常领取');
   * ```
   */
  transition(id: string, action: BatchActionName, note?: string, options?: CallOptions): Promise<VoucherBatch> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `${path(id)}/transitions`,
      body: { action, note },
      schema: 'VoucherBatch',
    });
  }
}
