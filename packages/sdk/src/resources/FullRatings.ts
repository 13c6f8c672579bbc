import type { Rating } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Ratings } from './Ratings.js';

type KeyedOptions = CallOptions & { idempotencyKey?: string };

/**
 * `client.ratings` with what `createClient` gives center staff for follow-ups: notes, escalation and the close as
 * resolved. Kept apart from {@link Ratings} so that the public widgets' bundles do not carry them; a client of
 * `createClientFrom` has them when given `{ ratings: FullRatings }`.
 */
export class FullRatings extends Ratings {
  /**
   * Center staff (业务员, 管理员): adds a note (2–500 characters) to the history of a follow-up of their region; the
   * centers see it in `followUp.notes`. `SmecNotFoundError` outside the region, `SmecConflictError` once closed.
   *
   * @example
   * ```ts
   * const rating = await client.ratings.addNote('rat-demo-0001', '已电话联系企业，服务机构承诺本周内上门处理。');
   * console.log(rating.followUp?.notes.at(-1)?.byName);
   * ```
   */
  override readonly addNote = (ratingId: string, text: string, options: KeyedOptions = {}): Promise<Rating> =>
    this.#center(ratingId, 'notes', { text }, options);

  /**
   * Center staff: hands a follow-up to the center of the level above theirs (a county's to its city's, a city's to
   * the province's), with a reason; `followUp.escalation` then names that center. `SmecForbiddenError` for the
   * province's center (no level above), `SmecConflictError` when it already sits there or higher, or is closed.
   *
   * @example
   * ```ts
   * const rating = await client.ratings.escalate('rat-demo-0001', '服务机构逾期未答复，请省中心督办。');
   * console.log(rating.followUp?.escalation?.toRegionCode);
   * ```
   */
  override readonly escalate = (ratingId: string, reason: string, options: KeyedOptions = {}): Promise<Rating> =>
    this.#center(ratingId, 'escalate', { reason }, options);

  /**
   * Center staff of the rating's region: closes its follow-up as resolved, in any state but closed, with a note of
   * how (required). The enterprise's own close is {@link Ratings.close}.
   *
   * @example
   * ```ts
   * await client.ratings.resolve('rat-demo-0002', '已协调服务机构退款，企业认可。');
   * ```
   */
  override readonly resolve = (ratingId: string, note: string, options: KeyedOptions = {}): Promise<Rating> =>
    this.#center(ratingId, 'close', { note }, options);

  #center(ratingId: string, action: string, body: object, options: KeyedOptions): Promise<Rating> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/ratings/${encodeURIComponent(ratingId)}/follow-up/${action}`,
      body,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Rating',
    });
  }
}
