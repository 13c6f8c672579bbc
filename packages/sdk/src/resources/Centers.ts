import type { Center, CenterPage, CenterPatch, CentersQuery, Coverage, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Centers.list}. */
export type CenterListParams = z.output<typeof CentersQuery>;

/** The three-level network of centers (三级服务中心): `client.centers`. */
export class Centers extends Resource {
  /** Changes the record of the administrator's own center. Made by `createClient` (`FullCenters`). */
  declare readonly update: (
    version: Pick<Center, 'id' | 'revision'>,
    patch: CenterPatch,
    options?: CallOptions,
  ) => Promise<Center>;

  /**
   * Centers by region (that region's and those below it), level, name, and whether they meet the basic
   * requirements of their level. Await for the first page or iterate for all.
   *
   * @example
   * ```ts
   * const foshan = await client.centers.list({ region: '440600' });
   * for await (const center of client.centers.list({ meetsRequirements: false })) {
   *   console.log(center.name, center.requirements.shortfalls.map((each) => each.requirement));
   * }
   * ```
   */
  list(params: CenterListParams = {}, options?: CallOptions): PagePromise<CenterPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({ ...options, path: '/centers', query: { ...params, cursor }, schema: 'CenterPage' }),
      params.cursor,
    );
  }

  /** One center (`ctr-<region code>`). An unknown id throws `SmecNotFoundError`. */
  get(id: string, options?: CallOptions): Promise<Center> {
    return this.http.request({ ...options, path: `/centers/${encodeURIComponent(id)}`, schema: 'Center' });
  }

  /**
   * The network's coverage at the end of `year`, per city and for the province, against that year's target.
   *
   * @example
   * ```ts
   * const { province, cities } = await client.centers.coverage(2018);
   * console.log(province.share, province.meetsTarget, cities.filter((city) => city.uncovered.length > 0));
   * ```
   */
  coverage(year: number, options?: CallOptions): Promise<Coverage> {
    return this.http.request({ ...options, path: '/centers/coverage', query: { year }, schema: 'Coverage' });
  }
}
