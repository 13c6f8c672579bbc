import type {
  PublicRatingPage,
  PublicRatingsQuery,
  Rating,
  RatingInput,
  RatingPage,
  RatingsQuery,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Ratings.list}. */
export type RatingListParams = z.output<typeof RatingsQuery>;

/** Paging of {@link Ratings.forProvider} and {@link Ratings.forProduct}. */
export type PublicRatingParams = z.output<typeof PublicRatingsQuery>;

/** Options of {@link Ratings.rate}. */
export interface RateOptions extends CallOptions {
  /** The `Idempotency-Key`; by default a random one, repeated by the call's retries. */
  idempotencyKey?: string;
}

/** Verified ratings of delivered services and the follow-up of bad ones (服务跟踪, 意见反馈): `client.ratings`. */
export class Ratings extends Resource {
  /** Center staff: a note on a follow-up's history. Made by `createClient` ({@link FullRatings}). */
  declare readonly addNote: (
    ratingId: string,
    text: string,
    options?: CallOptions & { idempotencyKey?: string },
  ) => Promise<Rating>;
  /** Center staff: hands a follow-up to the level above, with a reason. Made by `createClient` ({@link FullRatings}). */
  declare readonly escalate: (
    ratingId: string,
    reason: string,
    options?: CallOptions & { idempotencyKey?: string },
  ) => Promise<Rating>;
  /** Center staff of the region: closes a follow-up as resolved, with a note. Made by `createClient` ({@link FullRatings}). */
  declare readonly resolve: (
    ratingId: string,
    note: string,
    options?: CallOptions & { idempotencyKey?: string },
  ) => Promise<Rating>;

  /**
   * Rates one of the signed-in enterprise's delivered and accepted engagements, once. The server computes the score
   * (0–100) and the grade; the two lowest levels open a follow-up due in 15 working days. Throws
   * `SmecNotFoundError` for someone else's engagement, `SmecConflictError` with `code` `not_delivered` or
   * `already_rated`, `SmecValidationError` for a bad input (e.g. a comment over 200 characters).
   *
   * @example
   * ```ts
   * const rating = await client.ratings.rate('eng-demo-0003', {
   *   scores: { attitude: 10, expertise: 9, conduct: 9, fulfilment: 14, quality: 13, value: 13, usefulness: 9, afterSales: 13 },
   *   level: 'satisfied',
   *   solved: true,
   *   comment: '顾问专业，按期交付。',
   * });
   * console.log(rating.score, rating.grade); // 90 'A'
   * ```
   */
  rate(engagementId: string, input: RatingInput, options: RateOptions = {}): Promise<Rating> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/engagements/${encodeURIComponent(engagementId)}/rating`,
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Rating',
    });
  }

  /**
   * An engagement's rating with its follow-up, for the enterprise, the provider and the region's administrators.
   * `SmecNotFoundError` when it is not rated yet or not yours to see.
   *
   * @example
   * ```ts
   * const rating = await client.ratings.forEngagement('eng-demo-0004');
   * ```
   */
  forEngagement(engagementId: string, options?: CallOptions): Promise<Rating> {
    return this.http.request({
      ...options,
      path: `/engagements/${encodeURIComponent(engagementId)}/rating`,
      schema: 'Rating',
    });
  }

  /**
   * The ratings the signed-in user may see, newest first: an enterprise its own, a provider those of its services,
   * an administrator those of its region. `followUp` keeps those whose follow-up has that status; `queue` (`open`,
   * `overdue`, `escalated`) gives a center's follow-up queue instead, overdue ones first, then by due day.
   *
   * @example
   * ```ts
   * const waiting = await client.ratings.list({ followUp: 'open' });
   * for (const rating of waiting.items) console.log(rating.followUp?.dueOn, rating.followUp?.overdue);
   * ```
   */
  list(params: RatingListParams = {}, options?: CallOptions): PagePromise<RatingPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({ ...options, path: '/ratings', query: { ...params, cursor }, schema: 'RatingPage' }),
      params.cursor,
    );
  }

  /**
   * A provider's public ratings, newest first, with `summary`: the count, the average score and the distribution
   * over the five levels. Enterprises appear only as '佛山某科技有限公司'.
   *
   * @example
   * ```ts
   * const page = await client.ratings.forProvider('prv-00001', { limit: 5 });
   * console.log(page.summary.averageScore, page.summary.levels.verySatisfied);
   * ```
   */
  forProvider(providerId: string, params: PublicRatingParams = {}, options?: CallOptions) {
    return this.#publicList(`/providers/${encodeURIComponent(providerId)}/ratings`, params, options);
  }

  /**
   * A product's public ratings, newest first, with `summary` (see {@link Ratings.forProvider}).
   *
   * @example
   * ```ts
   * for await (const rating of client.ratings.forProduct('prd-00001')) console.log(rating.score, rating.comment);
   * ```
   */
  forProduct(productId: string, params: PublicRatingParams = {}, options?: CallOptions) {
    return this.#publicList(`/products/${encodeURIComponent(productId)}/ratings`, params, options);
  }

  #publicList(path: string, params: PublicRatingParams, options?: CallOptions): PagePromise<PublicRatingPage> {
    return new PagePromise(
      (cursor) => this.http.request({ ...options, path, query: { ...params, cursor }, schema: 'PublicRatingPage' }),
      params.cursor,
    );
  }

  /**
   * The provider answers the open (or reopened) follow-up of one of its ratings. `SmecConflictError` with `code`
   * `follow_up_not_open` when it is not waiting for an answer.
   *
   * @example
   * ```ts
   * await client.ratings.answer('rat-demo-0001', '已安排项目经理回访，并免费补充交付剩余材料。');
   * ```
   */
  answer(ratingId: string, text: string, options?: CallOptions): Promise<Rating> {
    return this.#followUp(ratingId, 'answers', { text }, options);
  }

  /**
   * The enterprise reopens an answered follow-up, once; it gets a new due date. `SmecConflictError` with `code`
   * `already_reopened` the second time, `follow_up_not_answered` before an answer.
   *
   * @example
   * ```ts
   * await client.ratings.reopen('rat-demo-0002', '补充材料仍未收到。');
   * ```
   */
  reopen(ratingId: string, reason: string, options?: CallOptions): Promise<Rating> {
    return this.#followUp(ratingId, 'reopen', { reason }, options);
  }

  /**
   * The enterprise is content with the answer and closes the follow-up (`SmecConflictError` with `code`
   * `follow_up_not_answered` before an answer). Center staff close one as resolved with `resolve`.
   *
   * @example
   * ```ts
   * await client.ratings.close('rat-demo-0003');
   * ```
   */
  close(ratingId: string, options?: CallOptions): Promise<Rating> {
    return this.#followUp(ratingId, 'close', undefined, options);
  }

  #followUp(ratingId: string, action: string, body: object | undefined, options?: CallOptions): Promise<Rating> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/ratings/${encodeURIComponent(ratingId)}/follow-up/${action}`,
      ...(body === undefined ? {} : { body }),
      schema: 'Rating',
    });
  }
}
