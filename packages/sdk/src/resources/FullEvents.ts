import type {
  EventInput,
  EventPatch,
  EventRating,
  EventRatingInput,
  EventRatingSummary,
  EventTransition,
  Registrant,
  RegistrantPage,
  RegistrationStatus,
  StaffEvent,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Events, eventEtag, type EventVersion, type RegistrantListParams } from './Events.js';

/**
 * `client.events` with what `createClient` gives center staff: creating, changing, publishing and cancelling events,
 * their registrants and check-ins, and the attendees' ratings. Kept apart from {@link Events} so that the calendar's
 * bundle does not carry them; a client of `createClientFrom` has them when given `{ events: FullEvents }`.
 */
export class FullEvents extends Events {
  /**
   * One event as the center running it sees it (center staff): a draft too, with its `revision` for
   * {@link Events.update}. Another center's event is `SmecNotFoundError`.
   */
  override readonly getForStaff = (id: string, options?: CallOptions): Promise<StaffEvent> => {
    return this.http.request({ ...options, path: `/events/${encodeURIComponent(id)}`, schema: 'StaffEvent' });
  };

  /**
   * Creates a draft event of the center's region or a region below it (center staff); nobody else sees it until
   * {@link Events.transition} publishes it. Times and place that do not fit together are `SmecValidationError`,
   * naming each field.
   *
   * @example
   * ```ts
   * const draft = await client.events.create({
   *   type: 'training', title: '小微企业财务规范化实务培训', description: '讲解建账、发票管理和纳税申报的常见问题。',
   *   regionCode: '440604', venue: '禅城区季华五路1号', capacity: 60, waitlistSize: 20,
   *   startsAt: '2027-03-18T14:00:00+08:00', endsAt: '2027-03-18T17:00:00+08:00',
   *   registrationOpensAt: '2027-03-01T09:00:00+08:00', registrationClosesAt: '2027-03-17T17:00:00+08:00',
   * });
   * ```
   */
  override readonly create = (input: EventInput, options?: CallOptions): Promise<StaffEvent> => {
    return this.http.request({ ...options, method: 'POST', path: '/events', body: input, schema: 'StaffEvent' });
  };

  /**
   * Changes some fields of the event as it was read, sending its ETag as `If-Match`: a change made meanwhile is
   * `SmecApiError` 412 (read it again). A capacity below the confirmed count is `SmecConflictError` (its
   * `problem.confirmedCount` says how many); a raise confirms the first waitlisted.
   *
   * @example
   * ```ts
   * const event = await client.events.getForStaff('evt-demo-draft');
   * const raised = await client.events.update(event, { capacity: 80 });
   * ```
   */
  override readonly update = (version: EventVersion, patch: EventPatch, options?: CallOptions): Promise<StaffEvent> => {
    return this.http.request({
      ...options,
      method: 'PATCH',
      path: `/events/${encodeURIComponent(version.id)}`,
      headers: { ...options?.headers, 'if-match': eventEtag(version) },
      body: patch,
      // With If-Match, a retried change can only repeat the first; the key makes it get the first answer.
      idempotencyKey: true,
      schema: 'StaffEvent',
    });
  };

  /**
   * Publishes a draft, or cancels an event with the reason every registrant is told (their registrations end
   * cancelled). A move the status does not allow is `SmecConflictError`.
   *
   * @example
   * ```ts
   * await client.events.transition('evt-demo-draft', { action: 'publish' });
   * await client.events.transition('evt-demo-draft', { action: 'cancel', reason: '主讲老师临时出差，活动改期' });
   * ```
   */
  override readonly transition = (id: string, move: EventTransition, options?: CallOptions): Promise<StaffEvent> => {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/events/${encodeURIComponent(id)}/transitions`,
      body: move,
      schema: 'StaffEvent',
    });
  };

  /**
   * The registrants of an event the center runs, in the order they registered, with their check-in codes. Await for
   * the first page or iterate for all.
   */
  override readonly registrations = (
    id: string,
    params: RegistrantListParams = {},
    options?: CallOptions,
  ): PagePromise<RegistrantPage> => {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: `/events/${encodeURIComponent(id)}/registrations`,
          query: { ...params, cursor },
          schema: 'RegistrantPage',
        }),
      params.cursor,
    );
  };

  /**
   * Every registrant of an event as one CSV file (a UTF-8 byte order mark so that Excel shows Chinese, the header
   * in the client's language), to save or hand to `URL.createObjectURL`.
   *
   * @example
   * ```ts
   * const file = await client.events.exportCsv('evt-demo-today');
   * link.href = URL.createObjectURL(file);
   * ```
   */
  override readonly exportCsv = (
    id: string,
    params: { status?: RegistrationStatus } = {},
    options?: CallOptions,
  ): Promise<Blob> => {
    return this.http.request({
      ...options,
      path: `/events/${encodeURIComponent(id)}/registrations`,
      query: { status: params.status },
      headers: { ...options?.headers, accept: 'text/csv' },
      responseType: 'blob',
    }) as Promise<Blob>;
  };

  /**
   * Checks an enterprise in by the code it shows: its registration is `attended`. Checking the same code in again
   * answers the same; an unknown code is `SmecNotFoundError`, a cancelled registration `SmecConflictError`.
   */
  override readonly checkIn = (id: string, code: string, options?: CallOptions): Promise<Registrant> => {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/events/${encodeURIComponent(id)}/check-ins`,
      body: { code },
      schema: 'Registrant',
    });
  };

  /**
   * Rates an event the signed-in enterprise attended, once it is over: a score of 1–5 and an optional comment. A
   * second rating is `SmecConflictError` with `code` `already_rated`.
   */
  override readonly rate = (id: string, input: EventRatingInput, options?: CallOptions): Promise<EventRating> => {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/events/${encodeURIComponent(id)}/ratings`,
      body: input,
      schema: 'EventRating',
    });
  };

  /** The attendees' ratings of an event the center runs: count, mean, how many gave each score, latest comments. */
  override readonly ratings = (id: string, options?: CallOptions): Promise<EventRatingSummary> => {
    return this.http.request({
      ...options,
      path: `/events/${encodeURIComponent(id)}/ratings`,
      schema: 'EventRatingSummary',
    });
  };
}
