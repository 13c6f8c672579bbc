import type {
  Demand,
  DemandDeadlines,
  DemandDeadlinesInput,
  DemandInput,
  DemandProposalAcceptInput,
  DemandProposalsInput,
  Engagement,
  DemandTransferInput,
  DemandPage,
  DemandsQuery,
  DemandStatusView,
  DemandTransition,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Options of {@link Demands.create}. */
export interface CreateDemandOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this submission. By default a new random key is made for the call and repeated by its
   * retries; pass your own (kept, say, with a form's draft) to make a repeated submission safe across page loads.
   */
  idempotencyKey?: string;
}

/** Filters and paging of {@link Demands.list}. */
export type DemandListParams = z.output<typeof DemandsQuery>;

/** The tracking number and phone number that let the submitter follow a demand. */
export interface DemandLookupParams {
  trackingNo: string;
  phone: string;
}

/** Options of the staff writes of {@link FullDemands}. */
export interface DemandWriteOptions extends CallOptions {
  /** The `Idempotency-Key` of the write; by default a new one per call, repeated by its retries. */
  idempotencyKey?: string;
}

/** Options of {@link FullDemands.setDeadlines}. */
export interface SetDeadlinesOptions extends DemandWriteOptions {
  /**
   * The `revision` read with {@link FullDemands.deadlines}: sent as `If-Match`, so that a change made meanwhile is
   * refused (`SmecApiError` 412) instead of overwritten. Left out, the setting replaces whatever is there.
   */
  revision?: number;
}

/** Service demands (服务需求) of enterprises: `client.demands`. */
export class Demands extends Resource {
  /**
   * Center staff: proposes one to five providers (or products) for an accepted or matched demand. Made by
   * `createClient` ({@link FullDemands}); a client of `createClientFrom` has it when given `{ demands: FullDemands }`.
   */
  declare readonly propose: (id: string, body: DemandProposalsInput, options?: DemandWriteOptions) => Promise<Demand>;
  /** Center staff: hands a demand to another center up or down the line. Made by `createClient` ({@link FullDemands}). */
  declare readonly transfer: (id: string, body: DemandTransferInput, options?: DemandWriteOptions) => Promise<Demand>;
  /** Center staff: a region's deadlines for its demands. Made by `createClient` ({@link FullDemands}). */
  declare readonly deadlines: (region: string, options?: CallOptions) => Promise<DemandDeadlines>;
  /** Center administrators: sets a region's own deadlines. Made by `createClient` ({@link FullDemands}). */
  declare readonly setDeadlines: (
    region: string,
    body: DemandDeadlinesInput,
    options?: SetDeadlinesOptions,
  ) => Promise<DemandDeadlines>;

  /**
   * Submits a demand; no sign-in needed. Resolves to the stored demand with its `trackingNo`. The call carries one
   * `Idempotency-Key`, repeated by its retries, so a retry after a dropped connection never makes a second demand.
   * Throws `SmecValidationError` (`errors[]` with `path`, `message`, `code`) for invalid input and
   * `SmecRateLimitError` (`retryAfter`, in seconds) when this address submitted too often.
   *
   * @example
   * ```ts
   * const demand = await client.demands.create({
   *   enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
   *   contact: { name: '陈女士', phone: '13812341234' },
   *   regionCode: '440604', categoryId: 'finance-tax', title: '申请高新技术企业认定辅导',
   *   description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
   *   budget: 'negotiable', consent: true,
   * });
   * console.log(demand.trackingNo);
   * ```
   */
  create(input: DemandInput, options: CreateDemandOptions = {}): Promise<Demand> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/demands',
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Demand',
    });
  }

  /**
   * Where a demand stands, for anyone holding its tracking number and the phone number given with it. The phone is
   * masked in the answer. A wrong pair throws `SmecNotFoundError`, whichever half was wrong.
   *
   * @example
   * ```ts
   * const view = await client.demands.lookup({ trackingNo: 'XQ20261101DEMO01', phone: '13800138000' });
   * console.log(view.status, view.timeline);
   * ```
   */
  lookup(params: DemandLookupParams, options?: CallOptions): Promise<DemandStatusView> {
    return this.http.request({
      ...options,
      path: '/demands/lookup',
      query: { trackingNo: params.trackingNo, phone: params.phone },
      schema: 'DemandStatusView',
    });
  }

  /**
   * Enterprise (signed in, the one whose credit code submitted the demand): accepts one of the center's proposals
   * (`matches[].id` of the lookup). The engagement is ordered as {@link Engagements.order} orders it and the demand
   * is `inService`; it closes when the enterprise accepts the delivered service. A proposal naming only a provider
   * needs `productId`, one of its products. A second accepted proposal is `SmecConflictError`.
   *
   * @example
   * ```ts
   * const view = await client.demands.lookup({ trackingNo: 'XQ20261201ORDR01', phone: '13900139000' });
   * const [proposal] = view.matches;
   * if (view.id && proposal?.id) await client.demands.acceptProposal(view.id, proposal.id, { note: '请尽快联系我们' });
   * ```
   */
  acceptProposal(
    demandId: string,
    proposalId: string,
    input: DemandProposalAcceptInput = {},
    options: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<Engagement> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/demands/${encodeURIComponent(demandId)}/proposals/${encodeURIComponent(proposalId)}/accept`,
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Engagement',
    });
  }

  /**
   * The demands of the signed-in administrator's region, newest first (phones masked). Await for the first page or
   * iterate for all. Needs an administrator's token.
   *
   * @example
   * ```ts
   * const page = await client.demands.list({ status: 'submitted', region: '440600', limit: 20 });
   * ```
   */
  list(params: DemandListParams = {}, options?: CallOptions): PagePromise<DemandPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/demands',
          query: { ...params, cursor },
          schema: 'DemandPage',
        }),
      params.cursor,
    );
  }

  /**
   * One demand of the administrator's region, with the contact's phone in full for the call back. A demand of
   * another region is `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * const demand = await client.demands.get('dmd-00001');
   * ```
   */
  get(id: string, options?: CallOptions): Promise<Demand> {
    return this.http.request({ ...options, path: `/demands/${encodeURIComponent(id)}`, schema: 'Demand' });
  }

  /**
   * Moves a demand on (accept, match, startService, reject, close); the move is added to its timeline. A move its
   * state does not allow throws `SmecConflictError`.
   *
   * @example
   * ```ts
   * await client.demands.transition('dmd-00001', { action: 'accept', note: '已受理，三个工作日内联系' });
   * await client.demands.transition('dmd-00001', { action: 'match', matches: [{ providerId: 'prv-00001' }] });
   * ```
   */
  transition(id: string, body: DemandTransition, options?: CallOptions): Promise<Demand> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/demands/${encodeURIComponent(id)}/transitions`,
      body,
      schema: 'Demand',
    });
  }
}
