import type {
  Engagement,
  MyVouchersQuery,
  Voucher,
  VoucherBatch,
  VoucherBatchesQuery,
  VoucherBatchPage,
  VoucherPage,
  VoucherQuote,
  VoucherUseInput,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Vouchers.listBatches}. */
export type VoucherBatchListParams = z.output<typeof VoucherBatchesQuery>;

/** Filters and paging of {@link Vouchers.list}. */
export type MyVoucherListParams = z.output<typeof MyVouchersQuery>;

/** Options of the writes that may be retried safely ({@link Vouchers.claim}, {@link Vouchers.use}). */
export interface VoucherWriteOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this write. By default a new random key is made for the call and repeated by its
   * retries, so a retry after a dropped connection never claims or orders twice.
   */
  idempotencyKey?: string;
}

const path = (id: string) => `/vouchers/${encodeURIComponent(id)}`;

/** Service vouchers (中小微企业服务券): batches, claiming, the enterprise's wallet, using and handing back. */
export class Vouchers extends Resource {
  /**
   * Revokes an unused voucher for fraud (center staff). Made by `createClient` ({@link FullVouchers}); a client of
   * `createClientFrom` has it when given `{ vouchers: FullVouchers }`.
   */
  declare readonly revoke: (id: string, reason: string, options?: CallOptions) => Promise<Voucher>;

  /**
   * Voucher batches, the soonest claim window first. `region` keeps the batches whose scope includes it (a county
   * sees its own, its city's and the province's); `state` is `upcoming`, `open`, `exhausted` or `closed`. Await for
   * the first page or iterate for all.
   *
   * @example
   * ```ts
   * const open = await client.vouchers.listBatches({ region: '440604', state: 'open' });
   * for (const batch of open.items) console.log(batch.name, batch.remaining);
   * ```
   */
  listBatches(params: VoucherBatchListParams = {}, options?: CallOptions): PagePromise<VoucherBatchPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/voucher-batches',
          query: { ...params, cursor },
          schema: 'VoucherBatchPage',
        }),
      params.cursor,
    );
  }

  /**
   * One batch with its quota left. An unknown id throws `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * const batch = await client.vouchers.getBatch('vbt-open-440600');
   * ```
   */
  getBatch(id: string, options?: CallOptions): Promise<VoucherBatch> {
    return this.http.request({
      ...options,
      path: `/voucher-batches/${encodeURIComponent(id)}`,
      schema: 'VoucherBatch',
    });
  }

  /**
   * Claims a voucher of a batch for the signed-in enterprise, first come first served. Throws `SmecConflictError`
   * with `code` `claim_not_open`, `quota_exhausted`, `already_claimed` or `annual_cap_reached`; `SmecForbiddenError`
   * with `code` `not_eligible` (its `detail` says why) or for an account that is not an enterprise.
   *
   * @example
   * ```ts
   * const voucher = await client.vouchers.claim('vbt-open-440000-c');
   * console.log(voucher.code, voucher.useBy);
   * ```
   */
  claim(batchId: string, options: VoucherWriteOptions = {}): Promise<Voucher> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/voucher-batches/${encodeURIComponent(batchId)}/claims`,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Voucher',
    });
  }

  /**
   * The signed-in enterprise's vouchers with their histories, newest first; `status` keeps one status.
   *
   * @example
   * ```ts
   * for await (const voucher of client.vouchers.list({ status: 'issued' })) console.log(voucher.code);
   * ```
   */
  list(params: MyVoucherListParams = {}, options?: CallOptions): PagePromise<VoucherPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({ ...options, path: '/me/vouchers', query: { ...params, cursor }, schema: 'VoucherPage' }),
      params.cursor,
    );
  }

  /**
   * One voucher with its history. Someone else's voucher is `SmecNotFoundError`, as is one that does not exist.
   *
   * @example
   * ```ts
   * const voucher = await client.vouchers.get('vch-demo-0001');
   * ```
   */
  get(id: string, options?: CallOptions): Promise<Voucher> {
    return this.http.request({ ...options, path: path(id), schema: 'Voucher' });
  }

  /**
   * What using the voucher on a product and contract amount (fen) would pay, without ordering: the same rules and
   * refusals as {@link Vouchers.use}.
   *
   * @example
   * ```ts
   * const quote = await client.vouchers.quote('vch-demo-0001', { productId: 'prd-00002', contractAmount: 1_200_000 });
   * console.log(quote.voucherAmount, quote.selfPaid);
   * ```
   */
  quote(id: string, input: VoucherUseInput, options?: CallOptions): Promise<VoucherQuote> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `${path(id)}/quote`,
      body: input,
      schema: 'VoucherQuote',
    });
  }

  /**
   * Uses the voucher on a published, voucher-eligible product: orders an engagement paying min(face value, coverage
   * × contract, what is left of the yearly cap). Throws `SmecConflictError` with `code` `voucher_not_usable`,
   * `voucher_expired`, `product_not_eligible`, `related_party` or `annual_cap_reached`.
   *
   * @example
   * ```ts
   * const engagement = await client.vouchers.use('vch-demo-0001', { productId: 'prd-00002', contractAmount: 1_200_000 });
   * ```
   */
  use(id: string, input: VoucherUseInput, options: VoucherWriteOptions = {}): Promise<Engagement> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `${path(id)}/use`,
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Engagement',
    });
  }

  /**
   * Hands an unused voucher back: it becomes `withdrawn` and its quota returns to the batch. Anything but an
   * `issued` voucher throws `SmecConflictError` with `code` `voucher_not_returnable`.
   *
   * @example
   * ```ts
   * const withdrawn = await client.vouchers.handBack('vch-demo-0002');
   * ```
   */
  handBack(id: string, options?: CallOptions): Promise<Voucher> {
    return this.http.request({ ...options, method: 'POST', path: `${path(id)}/return`, schema: 'Voucher' });
  }
}
