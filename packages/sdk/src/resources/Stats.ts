import type { Scorecard } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** Parameters of {@link Stats.scorecard}. */
export interface ScorecardParams {
  /** A region code of any level: the province, a city or a county. */
  region: string;
  year: number;
}

/** The yearly evaluation figures of the centers (综合评价考核): `client.stats`. */
export class Stats extends Resource {
  /**
   * A region's figures for a year, computed from the platform's data when asked: providers integrated, products,
   * enterprises served and enterprise-services, demands, events, vouchers, satisfaction and the share of free
   * services; its targets and progress, the trend by month, and its parent region's figures to compare with.
   *
   * @example
   * ```ts
   * const card = await client.stats.scorecard({ region: '440600', year: 2026 });
   * console.log(card.region.figures.enterpriseServices, card.region.progress.enterpriseServices);
   * ```
   */
  scorecard(params: ScorecardParams, options?: CallOptions): Promise<Scorecard> {
    return this.http.request({
      ...options,
      path: '/stats/scorecard',
      query: { region: params.region, year: params.year },
      schema: 'Scorecard',
    });
  }
}
