import type { Settlement, SettlementPage, SettlementsQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Settlements.list}. */
export type SettlementListParams = z.output<typeof SettlementsQuery>;

/**
 * The settlement queue (结算) of a center: `client.settlements`. Needs a center staff member's token (any level);
 * settling and refusing are engagement moves (`client.engagements.settle`, `client.engagements.refuseSettlement`).
 */
export class Settlements extends Resource {
  /**
   * The accepted, voucher-paid engagements of the center's region and below not yet settled, oldest first, with the
   * amounts, the voucher and its batch's `settleBy`, the provider's proofs and a refusal's reason. Filter by `state`
   * (`waiting`, `refused`) and `batchId`.
   *
   * @example
   * ```ts
   * const page = await client.settlements.list({ state: 'waiting', limit: 50 });
   * console.log(page.items.map((item) => `${item.engagementId} ${item.voucherAmount / 100} 元`));
   * ```
   */
  list(params: SettlementListParams = {}, options?: CallOptions): PagePromise<SettlementPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({ ...options, path: '/settlements', query: { ...params, cursor }, schema: 'SettlementPage' }),
      params.cursor,
    );
  }

  /** Every item the filters match, page after page. */
  iterate(params: SettlementListParams = {}, options?: CallOptions): AsyncGenerator<Settlement, void, undefined> {
    return this.list(params, options).iterate();
  }

  /**
   * The whole queue (the filters apply, the paging does not) as one CSV file: a UTF-8 byte order mark so that Excel
   * shows Chinese, the header in the client's language, amounts in yuan.
   *
   * @example
   * ```ts
   * link.href = URL.createObjectURL(await client.settlements.exportCsv({ state: 'waiting' }));
   * ```
   */
  exportCsv(params: Omit<SettlementListParams, 'cursor' | 'limit'> = {}, options?: CallOptions): Promise<Blob> {
    return this.http.request({
      ...options,
      path: '/settlements',
      query: { state: params.state, batchId: params.batchId },
      headers: { ...options?.headers, accept: 'text/csv' },
      responseType: 'blob',
    }) as Promise<Blob>;
  }
}
