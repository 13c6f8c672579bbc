import type { RegionList, RegionsQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** Filters of {@link Regions.list}. */
export type RegionListParams = z.output<typeof RegionsQuery>;

/** Guangdong's administrative regions (GB/T 2260): `client.regions`. */
export class Regions extends Resource {
  /**
   * The province, its cities and their counties; narrow with `level` or `parent`.
   *
   * @example
   * ```ts
   * const { items: cities } = await client.regions.list({ level: 'city' });
   * const { items: foshanCounties } = await client.regions.list({ parent: '440600' });
   * ```
   */
  list(params?: RegionListParams, options?: CallOptions): Promise<RegionList> {
    return this.http.request({ ...options, path: '/regions', query: params, schema: 'RegionList' });
  }
}
