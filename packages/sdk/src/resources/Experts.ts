import type { Expert, ExpertDetail, ExpertPage, ExpertsQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Experts.list}. */
export type ExpertListParams = z.output<typeof ExpertsQuery>;

/** The expert database (服务专家库): `client.experts`. */
export class Experts extends Resource {
  /**
   * Listed experts matching a search and filters, in the order they were added. `q` finds one- and two-character
   * Chinese queries (「税」, 「会计」) in the name, title, specialties and bio; `regionCode` keeps the region and the
   * regions within it. Await for the first page or iterate for all.
   *
   * @example
   * ```ts
   * const page = await client.experts.list({ q: '会计', regionCode: '440600', limit: 12 });
   * for await (const expert of client.experts.list({ categoryId: 'legal' })) console.log(expert.name, expert.title);
   * ```
   */
  list(params: ExpertListParams = {}, options?: CallOptions): PagePromise<ExpertPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/experts',
          query: { ...params, cursor },
          schema: 'ExpertPage',
        }),
      params.cursor,
    );
  }

  /**
   * Every expert matching the filters, page after page (the same as iterating {@link Experts.list}). Breaking out
   * of the loop stops fetching.
   *
   * @example
   * ```ts
   * for await (const expert of client.experts.iterate({ providerId: 'prv-00001' })) console.log(expert.name);
   * ```
   */
  iterate(params: ExpertListParams = {}, options?: CallOptions): AsyncGenerator<Expert, void, undefined> {
    return this.list(params, options).iterate();
  }

  /**
   * One listed expert with their provider and the published products they deliver. An unknown or hidden expert
   * throws `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * const expert = await client.experts.get('exp-0001');
   * console.log(expert.provider?.name, expert.products.map((product) => product.name));
   * ```
   */
  get(id: string, options?: CallOptions): Promise<ExpertDetail> {
    return this.http.request({ ...options, path: `/experts/${encodeURIComponent(id)}`, schema: 'ExpertDetail' });
  }
}
