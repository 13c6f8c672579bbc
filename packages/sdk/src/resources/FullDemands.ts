import type {
  Demand,
  DemandDeadlines,
  DemandDeadlinesInput,
  DemandProposalsInput,
  DemandTransferInput,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Demands, type DemandWriteOptions, type SetDeadlinesOptions } from './Demands.js';

const demandPath = (id: string) => `/demands/${encodeURIComponent(id)}`;
const deadlinesPath = (region: string) => `/regions/${encodeURIComponent(region)}/demand-deadlines`;

/**
 * `client.demands` with what `createClient` gives the centers: proposals, transfers and deadlines. Kept apart from
 * {@link Demands} so that the public demand form's bundle does not carry them; a client of `createClientFrom` has
 * them when given `{ demands: FullDemands }`.
 */
export class FullDemands extends Demands {
  /**
   * Center staff: proposes one to five providers (or their products) for an accepted or matched demand, which
   * becomes `matched`. Five at most in all, none twice: beyond that `SmecConflictError`.
   *
   * @example
   * ```ts
   * await client.demands.propose('dmd-00203', {
   *   proposals: [{ providerId: 'prv-00001', note: '本地机构，擅长此类服务' }],
   *   note: '已为您推荐服务机构，请留意来电',
   * });
   * ```
   */
  override readonly propose = (
    id: string,
    body: DemandProposalsInput,
    options: DemandWriteOptions = {},
  ): Promise<Demand> => {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `${demandPath(id)}/proposals`,
      body,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Demand',
    });
  };

  /**
   * Center staff: hands a demand to the center of `toRegion` (the city above, the province, or a region below the
   * staff member's), with the reason. A sibling region or one's own is `SmecValidationError` on `body.toRegion`.
   *
   * @example
   * ```ts
   * await client.demands.transfer('dmd-00203', { toRegion: '440500', reason: '需市级统筹对接金融机构' });
   * ```
   */
  override readonly transfer = (
    id: string,
    body: DemandTransferInput,
    options: DemandWriteOptions = {},
  ): Promise<Demand> => {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `${demandPath(id)}/transfer`,
      body,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Demand',
    });
  };

  /**
   * Center staff: the working days a region's centers have to accept a demand and to match it first, and where the
   * setting comes from (`setIn`; null for the defaults 2 and 5).
   *
   * @example
   * ```ts
   * const { acceptDays, firstMatchDays, revision } = await client.demands.deadlines('440500');
   * ```
   */
  override readonly deadlines = (region: string, options?: CallOptions): Promise<DemandDeadlines> =>
    this.http.request({ ...options, path: deadlinesPath(region), schema: 'DemandDeadlines' });

  /**
   * Center administrators: sets a region's own deadlines (1 to 30 working days each), for the demands submitted or
   * transferred from then on. Pass the `revision` read to refuse a change made meanwhile.
   *
   * @example
   * ```ts
   * const current = await client.demands.deadlines('440500');
   * await client.demands.setDeadlines('440500', { acceptDays: 3, firstMatchDays: 7 }, { revision: current.revision });
   * ```
   */
  override readonly setDeadlines = (
    region: string,
    body: DemandDeadlinesInput,
    options: SetDeadlinesOptions = {},
  ): Promise<DemandDeadlines> => {
    const { idempotencyKey, revision, ...callOptions } = options;
    const ifMatch: Record<string, string> =
      revision === undefined ? {} : { 'if-match': `"deadlines-${region}.r${revision}"` };
    return this.http.request({
      ...callOptions,
      method: 'PUT',
      path: deadlinesPath(region),
      headers: { ...callOptions.headers, ...ifMatch },
      body,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'DemandDeadlines',
    });
  };
}
