import type { ExpertDetail, ExpertInput, ExpertPatch } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** Options of {@link MyExperts.create} and {@link MyExperts.update}. */
export interface ExpertWriteOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this write. By default a new random key is made for the call and repeated by its
   * retries; pass your own to make a repeated submission of one form safe across page loads.
   */
  idempotencyKey?: string;
}

/** The experts a provider or a center manages: `client.me.experts`. */
export class MyExperts extends Resource {
  /**
   * Adds an expert: a provider to its own (in its region, or with `regionCode` another of its city); an
   * administrator to its region, for its center or for a provider of its region named by `providerId`. Throws
   * `SmecValidationError` with the shared rules' keys as `code` (`expert.name`, `expert.years`…) and
   * `SmecUnprocessableError` (422 `invalid_reference`) naming each product that is not the provider's, or a provider
   * or region outside the caller's. The expert is searchable as soon as this resolves.
   *
   * @example
   * ```ts
   * const expert = await client.me.experts.create({
   *   name: '黎嘉欣', title: '注册审核员', specialties: ['testing-certification'], years: 9,
   *   productIds: ['prd-00001'],
   * });
   * ```
   */
  create(input: ExpertInput, options: ExpertWriteOptions = {}): Promise<ExpertDetail> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/me/experts',
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'ExpertDetail',
    });
  }

  /**
   * Edits an expert: the fields given replace those held (`productIds` the whole list); `listed: false` hides the
   * expert from the public. Another's expert throws `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * await client.me.experts.update('exp-0001', { years: 13, listed: true });
   * ```
   */
  update(id: string, patch: ExpertPatch, options: ExpertWriteOptions = {}): Promise<ExpertDetail> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'PATCH',
      path: `/me/experts/${encodeURIComponent(id)}`,
      body: patch,
      // A PATCH gets no key by default; this one is made per call and repeated by its retries.
      idempotencyKey: idempotencyKey ?? true,
      schema: 'ExpertDetail',
    });
  }
}
