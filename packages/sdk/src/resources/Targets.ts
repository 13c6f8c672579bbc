import type { Targets as YearTargets, TargetsInput } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** The yearly targets of every region and the evaluation's weights: `client.targets`. */
export class Targets extends Resource {
  /**
   * A year's targets of the province, each city and each county, where each comes from, and the weights.
   *
   * @example
   * ```ts
   * const targets = await client.targets.get(2026);
   * console.log(targets.weights, targets.regions.find((r) => r.region.code === '440600')?.targets);
   * ```
   */
  get(year: number, options?: CallOptions): Promise<YearTargets> {
    return this.http.request({ ...options, path: `/targets/${year}`, schema: 'Targets' });
  }

  /** Sets a year's city and county shares and weights (the province's administrators). Made by `createClient` (`FullTargets`). */
  declare readonly set: (read: YearTargets, input: TargetsInput, options?: CallOptions) => Promise<YearTargets>;
}
