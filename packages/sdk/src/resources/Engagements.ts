import type {
  Engagement,
  EngagementAction,
  EngagementOrderInput,
  EngagementPage,
  EngagementProofsInput,
  EngagementsQuery,
  EngagementTransition,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Engagements.list}. */
export type EngagementListParams = z.output<typeof EngagementsQuery>;

/** Options of {@link Engagements.transition} and its shorthands. */
export interface TransitionOptions extends CallOptions {
  /** The `Idempotency-Key` of the move; by default a new one per call, repeated by its retries. */
  idempotencyKey?: string;
  /** A note for the timeline, up to 200 characters. */
  note?: string;
}

/** Engagements (服务项目): what an enterprise bought from a provider, and the moves of its lifecycle. */
export class Engagements extends Resource {
  /**
   * Provider: attaches proofs to an engagement ordered from it. Made by `createClient` ({@link FullEngagements});
   * a client of `createClientFrom` has it when given `{ engagements: FullEngagements }`.
   */
  declare readonly addProofs: (
    id: string,
    files: EngagementProofsInput['files'],
    options?: CallOptions & { idempotencyKey?: string },
  ) => Promise<Engagement>;
  /** Center staff: refuses to settle, with a reason. Made by `createClient` ({@link FullEngagements}). */
  declare readonly refuseSettlement: (
    id: string,
    reason: string,
    options?: CallOptions & { idempotencyKey?: string },
  ) => Promise<Engagement>;

  /**
   * Enterprise: orders a published product (预约服务). A free (公益) product is ordered at 0; a paid one at
   * `contractAmount`, by default its price, which the provider confirms (or corrects with
   * {@link Engagements.confirm}'s `contractAmount`); `voucherId` pays part of it as {@link Vouchers.use} does. The
   * engagement's `paidBy` says which (`voucher`, `self`, `free`). A related party is `SmecConflictError`
   * (`related_party`), an unpublished product `product_not_orderable`.
   *
   * @example
   * ```ts
   * const engagement = await client.engagements.order({ productId: 'prd-00002', note: '希望下周上门沟通' });
   * ```
   */
  order(input: EngagementOrderInput, options: CallOptions & { idempotencyKey?: string } = {}): Promise<Engagement> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/engagements',
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Engagement',
    });
  }

  /**
   * The engagements the signed-in user may see, newest first: an enterprise its own, a provider the ones ordered
   * from it, an administrator those of its region; `paidBy` keeps those a voucher, the enterprise alone, or nobody
   * (free) pays.
   *
   * @example
   * ```ts
   * const orders = await client.engagements.list({ status: 'ordered' });
   * ```
   */
  list(params: EngagementListParams = {}, options?: CallOptions): PagePromise<EngagementPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({ ...options, path: '/engagements', query: { ...params, cursor }, schema: 'EngagementPage' }),
      params.cursor,
    );
  }

  /**
   * One engagement with its timeline; `SmecNotFoundError` for anyone who may not see it.
   *
   * @example
   * ```ts
   * const engagement = await client.engagements.get('eng-demo-0001');
   * ```
   */
  get(id: string, options?: CallOptions): Promise<Engagement> {
    return this.http.request({ ...options, path: `/engagements/${encodeURIComponent(id)}`, schema: 'Engagement' });
  }

  /**
   * Moves an engagement on; the voucher follows. A move the state does not allow is `SmecConflictError` (`conflict`),
   * one the role does not allow `SmecForbiddenError`.
   *
   * @example
   * ```ts
   * await client.engagements.transition('eng-demo-0002', { action: 'confirm', note: '已确认，下周一上门服务' });
   * ```
   */
  transition(
    id: string,
    transition: EngagementTransition,
    options: Omit<TransitionOptions, 'note'> = {},
  ): Promise<Engagement> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/engagements/${encodeURIComponent(id)}/transitions`,
      body: transition,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Engagement',
    });
  }

  #move(
    action: Exclude<EngagementAction, 'refuseSettlement'>,
    id: string,
    options: TransitionOptions,
  ): Promise<Engagement> {
    const { note, ...rest } = options;
    return this.transition(id, note === undefined ? { action } : { action, note }, rest);
  }

  /**
   * Provider: confirms an ordered engagement, optionally at the contract amount agreed with the enterprise (fen; a
   * voucher's part is computed again).
   *
   * @example
   * ```ts
   * await client.engagements.confirm(id, { note: '已确认', contractAmount: 1_800_000 });
   * ```
   */
  confirm(id: string, options: TransitionOptions & { contractAmount?: number } = {}): Promise<Engagement> {
    const { contractAmount, note, ...rest } = options;
    if (contractAmount === undefined)
      return this.#move('confirm', id, { ...rest, ...(note === undefined ? {} : { note }) });
    return this.transition(id, { action: 'confirm', contractAmount, ...(note === undefined ? {} : { note }) }, rest);
  }

  /** Provider: starts a confirmed engagement. @example `await client.engagements.start(id)` */
  start(id: string, options: TransitionOptions = {}): Promise<Engagement> {
    return this.#move('start', id, options);
  }

  /** Provider: delivers a confirmed or started engagement. @example `await client.engagements.deliver(id)` */
  deliver(id: string, options: TransitionOptions = {}): Promise<Engagement> {
    return this.#move('deliver', id, options);
  }

  /** Enterprise: accepts a delivery (then it can be rated). @example `await client.engagements.accept(id)` */
  accept(id: string, options: TransitionOptions = {}): Promise<Engagement> {
    return this.#move('accept', id, options);
  }

  /** Administrator of the region: settles an accepted delivery. @example `await client.engagements.settle(id)` */
  settle(id: string, options: TransitionOptions = {}): Promise<Engagement> {
    return this.#move('settle', id, options);
  }

  /** Enterprise or provider: cancels an engagement still `ordered`. @example `await client.engagements.cancel(id)` */
  cancel(id: string, options: TransitionOptions = {}): Promise<Engagement> {
    return this.#move('cancel', id, options);
  }
}
