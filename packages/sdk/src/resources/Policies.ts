import type { PoliciesQuery, Policy, PolicyInput, PolicyPage, PolicyPatch, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Policies.list}. */
export type PolicyListParams = z.output<typeof PoliciesQuery>;

/** The policy library (政策宣贯): `client.policies`. */
export class Policies extends Resource {
  /** Publishes a policy (center staff). Made by `createClient` (`FullPolicies`), as `update` and `withdraw` are. */
  declare readonly create: (input: PolicyInput, options?: CallOptions) => Promise<Policy>;
  /** Changes a policy as it was read, its revision as `If-Match` (center staff). */
  declare readonly update: (
    version: Pick<Policy, 'id' | 'revision'>,
    patch: PolicyPatch,
    options?: CallOptions,
  ) => Promise<Policy>;
  /** Withdraws a policy with a reason (center staff). */
  declare readonly withdraw: (id: string, reason: string, options?: CallOptions) => Promise<Policy>;

  /**
   * Policies matching a search and filters. `q` finds one- and two-character Chinese queries (「税」, 「融资」);
   * `region` keeps the region's own policies and its parents' (a county sees its city's and the province's), nearest
   * first; `from`/`to` bound the day of publication; `validity` keeps those in force today or the expired ones.
   * Await for the first page or iterate for all.
   *
   * @example
   * ```ts
   * const page = await client.policies.list({ q: '融资', region: '440604', validity: 'inForce' });
   * for await (const policy of client.policies.list({ category: 'finance-tax' })) console.log(policy.docNumber);
   * ```
   */
  list(params: PolicyListParams = {}, options?: CallOptions): PagePromise<PolicyPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/policies',
          query: { ...params, cursor },
          schema: 'PolicyPage',
        }),
      params.cursor,
    );
  }

  /**
   * One policy. An unknown id throws `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * const policy = await client.policies.get('pol-0001');
   * console.log(policy.docNumber, policy.url); // 粤府办〔2016〕58号 …
   * ```
   */
  get(id: string, options?: CallOptions): Promise<Policy> {
    return this.http.request({ ...options, path: `/policies/${encodeURIComponent(id)}`, schema: 'Policy' });
  }
}
