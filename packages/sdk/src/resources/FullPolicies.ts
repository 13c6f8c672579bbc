import type { Policy, PolicyInput, PolicyPatch } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Policies } from './Policies.js';
import { revisionEtag } from './VoucherBatches.js';

/** The revision a change is made to: the policy as it was read. */
export type PolicyVersion = Pick<Policy, 'id' | 'revision'>;

const path = (id: string) => `/policies/${encodeURIComponent(id)}`;

/**
 * `client.policies` with what `createClient` gives center staff: publishing, changing and withdrawing policies. Kept
 * apart from {@link Policies} so that the policy library's bundle does not carry them; a client of
 * `createClientFrom` has them when given `{ policies: FullPolicies }`.
 */
export class FullPolicies extends Policies {
  /**
   * Publishes a policy of the staff member's region or one below; a document number the issuer already has is
   * `SmecConflictError` `doc_number_taken`.
   *
   * @example
   * ```ts
   * const policy = await client.policies.create({
   *   title: '广东省中小企业服务券管理办法（试行）', issuer: '广东省中小企业服务中心', docNumber: '粤中小服〔2027〕1号',
   *   effectiveFrom: '2027-01-01', regionCode: '440000', summary: '规范服务券的发放、使用和结算。',
   *   url: 'https://smec.gd.gov.cn/policies/voucher-measures.html',
   * });
   * ```
   */
  override readonly create = (input: PolicyInput, options?: CallOptions): Promise<Policy> =>
    this.http.request({ ...options, method: 'POST', path: '/policies', body: input, schema: 'Policy' });

  /** Changes some fields of the policy as it was read (its revision as `If-Match`: 412 when changed meanwhile). */
  override readonly update = (version: PolicyVersion, patch: PolicyPatch, options?: CallOptions): Promise<Policy> =>
    this.http.request({
      ...options,
      method: 'PATCH',
      path: path(version.id),
      headers: { ...options?.headers, 'if-match': revisionEtag(version) },
      body: patch,
      idempotencyKey: true,
      schema: 'Policy',
    });

  /** Withdraws a policy with a reason: it leaves the public list and its search. */
  override readonly withdraw = (id: string, reason: string, options?: CallOptions): Promise<Policy> =>
    this.http.request({
      ...options,
      method: 'POST',
      path: `${path(id)}/withdraw`,
      body: { reason },
      schema: 'Policy',
    });
}
