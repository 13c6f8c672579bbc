import type { Targets as YearTargets, TargetsInput } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Targets } from './Targets.js';

/**
 * `client.targets` with what `createClient` gives the province's administrators: setting a year's shares and weights.
 * Kept apart from {@link Targets} so that a public scorecard's bundle does not carry it; a client of
 * `createClientFrom` has it when given `{ targets: FullTargets }`.
 */
export class FullTargets extends Targets {
  /**
   * Replaces a year's settings, naming the revision read (`If-Match`): 412 `SmecPreconditionFailedError`-like when
   * changed meanwhile; shares not named take an equal share of their parent's target.
   *
   * @example
   * ```ts
   * const read = await client.targets.get(2027);
   * await client.targets.set(read, {
   *   weights: { resources: 30, matching: 30, effect: 40 },
   *   shares: [{ regionCode: '440100', providersIntegrated: 800, enterpriseServices: 24000 }],
   * });
   * ```
   */
  override readonly set = (read: YearTargets, input: TargetsInput, options?: CallOptions): Promise<YearTargets> =>
    this.http.request({
      ...options,
      method: 'PUT',
      path: `/targets/${read.year}`,
      headers: { ...options?.headers, 'if-match': `"targets-${read.year}.r${read.revision}"` },
      body: input,
      idempotencyKey: true,
      schema: 'Targets',
    });
}
