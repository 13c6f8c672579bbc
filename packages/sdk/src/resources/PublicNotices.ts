import type {
  FiledObjection,
  ObjectionInput,
  PublicNotice,
  PublicNoticePage,
  PublicNoticesQuery,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Paging of {@link PublicNotices.list}. */
export type PublicNoticeListParams = z.output<typeof PublicNoticesQuery>;

/** Options of {@link PublicNotices.object}. */
export interface ObjectOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this objection. By default a new random key is made for the call and repeated by its
   * retries; pass your own (kept with the form) to make a repeated submission safe across page loads.
   */
  idempotencyKey?: string;
}

/** The public notice (公示) of approved applicants, and objections to them: `client.publicNotices`. */
export class PublicNotices extends Resource {
  /**
   * The applicants under notice, soonest end first, with their categories, region, first and last day and how many
   * objections each has drawn. No sign-in needed. Await it for one page, or iterate it for every notice.
   *
   * @example
   * ```ts
   * const page = await client.publicNotices.list({ limit: 10 });
   * for (const notice of page.items) console.log(notice.name, notice.endsOn, notice.objectionCount);
   * ```
   */
  list(params: PublicNoticeListParams = {}, options?: CallOptions): PagePromise<PublicNoticePage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/public-notices',
          query: { ...params, cursor },
          schema: 'PublicNoticePage',
        }),
      params.cursor,
    );
  }

  /**
   * Every applicant under notice, page after page.
   *
   * @example
   * ```ts
   * for await (const notice of client.publicNotices.iterate()) console.log(notice.name);
   * ```
   */
  iterate(params: PublicNoticeListParams = {}, options?: CallOptions): AsyncIterable<PublicNotice> {
    return this.list(params, options);
  }

  /**
   * Objects to an applicant while its notice runs (`noticeId` is a notice's `id`); no sign-in needed. Throws
   * `SmecValidationError` naming each field (`objection.name`, `contact.phone`, `objection.reason`),
   * `SmecConflictError` once the notice has ended or for an application not under notice, `SmecNotFoundError` for
   * an unknown one, and `SmecRateLimitError` past the address's allowance.
   *
   * @example
   * ```ts
   * const objection = await client.publicNotices.object(notice.id, {
   *   name: '王先生',
   *   mobile: '13900139000',
   *   reason: '该机构曾承诺包过并收取全款，申请被驳回后拒绝退费。',
   * });
   * console.log(objection.status); // 'open'
   * ```
   */
  object(noticeId: string, input: ObjectionInput, options: ObjectOptions = {}): Promise<FiledObjection> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/public-notices/${encodeURIComponent(noticeId)}/objections`,
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'FiledObjection',
    });
  }
}
