import type { Evaluation, EvaluationList } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** Parameters of {@link Evaluations.list}. */
export interface EvaluationsParams {
  year: number;
  /** The centers of which level: the province's, the cities' or the counties'. */
  level: 'province' | 'city' | 'county';
}

/** The yearly evaluation of the centers (综合评价考核): `client.evaluations`. */
export class Evaluations extends Resource {
  /**
   * Every center of a level for a year, best first: its figures, the three dimensions, score, grade, rank, the
   * change from last year and whether it failed two years running.
   *
   * @example
   * ```ts
   * const { items } = await client.evaluations.list({ year: 2026, level: 'city' });
   * console.log(items[0]?.region.name, items[0]?.score, items[0]?.grade);
   * ```
   */
  list(params: EvaluationsParams, options?: CallOptions): Promise<EvaluationList> {
    return this.http.request({
      ...options,
      path: '/evaluations',
      query: { year: params.year, level: params.level },
      schema: 'EvaluationList',
    });
  }

  /**
   * One center's evaluation for a year. A center is named by its region's code until centers have ids of their own.
   *
   * @example
   * ```ts
   * const chancheng = await client.evaluations.get('440604', { year: 2026 });
   * console.log(chancheng.rank, chancheng.centers, chancheng.scoreChange);
   * ```
   */
  get(centerId: string, params: { year: number }, options?: CallOptions): Promise<Evaluation> {
    return this.http.request({
      ...options,
      path: `/evaluations/${encodeURIComponent(centerId)}`,
      query: { year: params.year },
      schema: 'Evaluation',
    });
  }
}
