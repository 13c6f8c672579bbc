import type {
  EventInput,
  EventPatch,
  EventRating,
  EventRatingInput,
  EventRatingSummary,
  EventTransition,
  EventsQuery,
  EventType,
  Registrant,
  RegistrantPage,
  RegistrantsQuery,
  Registration,
  RegistrationInput,
  RegistrationStatus,
  ServiceEvent,
  ServiceEventPage,
  StaffEvent,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { toQueryString } from '../query.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Events.list}. */
export type EventListParams = z.output<typeof EventsQuery>;

/** Filters of the iCalendar feed, {@link Events.feedUrl}. */
export interface EventFeedParams {
  region?: string | undefined;
  type?: EventType | undefined;
}

/** Options of {@link Events.register}. */
export interface RegisterOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this registration. By default a new random key is made for the call and repeated by its
   * retries, so a retry after a dropped connection never registers twice.
   */
  idempotencyKey?: string;
}

/** Filters and paging of {@link Events.registrations}. */
export type RegistrantListParams = z.output<typeof RegistrantsQuery>;

/** The version of an event a change is made to: as its center read it (its id and revision name its ETag). */
export type EventVersion = Pick<StaffEvent, 'id' | 'revision'>;

/** The ETag of an event as its center read it: the platform names an event's version by its id and its edits. */
export function eventEtag(event: EventVersion): string {
  return `"${event.id}.r${event.revision}"`;
}

/** Service-matching events, trainings, policy briefings and expert clinics (服务对接活动): `client.events`. */
export class Events extends Resource {
  /**
   * The events overlapping a range of days, soonest first. `from` and `to` are days in Asia/Shanghai (`2026-12-01`)
   * or date-times with an offset; `region` includes the regions below it. A month view fits one page (`limit` up to
   * 500). Await for the first page or iterate for all.
   *
   * @example
   * ```ts
   * const page = await client.events.list({ from: '2026-12-01', to: '2026-12-31', region: '440600', limit: 500 });
   * ```
   */
  list(params: EventListParams = {}, options?: CallOptions): PagePromise<ServiceEventPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/events',
          query: { ...params, cursor },
          schema: 'ServiceEventPage',
        }),
      params.cursor,
    );
  }

  /**
   * One event, with its seats left. An unknown id throws `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * const event = await client.events.get('evt-00001');
   * console.log(event.seatsLeft);
   * ```
   */
  get(id: string, options?: CallOptions): Promise<ServiceEvent> {
    return this.http.request({ ...options, path: `/events/${encodeURIComponent(id)}`, schema: 'ServiceEvent' });
  }

  /**
   * Registers the signed-in enterprise for an event: `confirmed` while seats remain, then `waitlisted` with its
   * `waitlistPosition` when the event keeps a waitlist. Throws `SmecConflictError` with `code` `event_full`,
   * `registration_closed` or `already_registered`; `SmecUnauthorizedError` when signed out, `SmecForbiddenError`
   * for an account that is not an enterprise.
   *
   * @example
   * ```ts
   * const registration = await client.events.register('evt-00001', { attendeeName: '陈经理' });
   * ```
   */
  register(eventId: string, input: RegistrationInput = {}, options: RegisterOptions = {}): Promise<Registration> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/events/${encodeURIComponent(eventId)}/registrations`,
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Registration',
    });
  }

  /**
   * Cancels one of the signed-in enterprise's own registrations; resolves to it, now `cancelled`. A confirmed
   * place goes to the first on the waitlist. Cancelling again is harmless; someone else's registration is
   * `SmecNotFoundError`.
   *
   * @example
   * ```ts
   * await client.events.cancelRegistration('evt-00001', registration.id);
   * ```
   */
  cancelRegistration(eventId: string, registrationId: string, options?: CallOptions): Promise<Registration> {
    return this.http.request({
      ...options,
      method: 'DELETE',
      path: `/events/${encodeURIComponent(eventId)}/registrations/${encodeURIComponent(registrationId)}`,
      schema: 'Registration',
    });
  }

  /**
   * The absolute URL of an event's iCalendar file, for an 'add to my calendar' link.
   *
   * @example
   * ```ts
   * link.href = client.events.icsUrl('evt-00001');
   * ```
   */
  icsUrl(id: string): string {
    return `${this.http.baseUrl}/events/${encodeURIComponent(id)}.ics`;
  }

  /**
   * The absolute URL of the iCalendar feed of a region's events (with the regions below it), optionally of one
   * type, to subscribe to in a calendar application.
   *
   * @example
   * ```ts
   * const url = client.events.feedUrl({ region: '440600', type: 'training' });
   * ```
   */
  feedUrl(params: EventFeedParams = {}): string {
    return `${this.http.baseUrl}/events.ics${toQueryString({ region: params.region, type: params.type })}`;
  }

  /**
   * One event as the center running it sees it (center staff): a draft too, with its `revision` for
   * {@link Events.update}. Another center's event is `SmecNotFoundError`.
   */
  getForStaff(id: string, options?: CallOptions): Promise<StaffEvent> {
    return this.http.request({ ...options, path: `/events/${encodeURIComponent(id)}`, schema: 'StaffEvent' });
  }

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
  create(input: EventInput, options?: CallOptions): Promise<StaffEvent> {
    return this.http.request({ ...options, method: 'POST', path: '/events', body: input, schema: 'StaffEvent' });
  }

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
  update(version: EventVersion, patch: EventPatch, options?: CallOptions): Promise<StaffEvent> {
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
  }

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
  transition(id: string, move: EventTransition, options?: CallOptions): Promise<StaffEvent> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/events/${encodeURIComponent(id)}/transitions`,
      body: move,
      schema: 'StaffEvent',
    });
  }

  /**
   * The registrants of an event the center runs, in the order they registered, with their check-in codes. Await for
   * the first page or iterate for all.
   */
  registrations(id: string, params: RegistrantListParams = {}, options?: CallOptions): PagePromise<RegistrantPage> {
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
  }

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
  exportCsv(id: string, params: { status?: RegistrationStatus } = {}, options?: CallOptions): Promise<Blob> {
    return this.http.request({
      ...options,
      path: `/events/${encodeURIComponent(id)}/registrations`,
      query: { status: params.status },
      headers: { ...options?.headers, accept: 'text/csv' },
      responseType: 'blob',
    }) as Promise<Blob>;
  }

  /**
   * Checks an enterprise in by the code it shows: its registration is `attended`. Checking the same code in again
   * answers the same; an unknown code is `SmecNotFoundError`, a cancelled registration `SmecConflictError`.
   */
  checkIn(id: string, code: string, options?: CallOptions): Promise<Registrant> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/events/${encodeURIComponent(id)}/check-ins`,
      body: { code },
      schema: 'Registrant',
    });
  }

  /**
   * Rates an event the signed-in enterprise attended, once it is over: a score of 1–5 and an optional comment. A
   * second rating is `SmecConflictError` with `code` `already_rated`.
   */
  rate(id: string, input: EventRatingInput, options?: CallOptions): Promise<EventRating> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/events/${encodeURIComponent(id)}/ratings`,
      body: input,
      schema: 'EventRating',
    });
  }

  /** The attendees' ratings of an event the center runs: count, mean, how many gave each score, latest comments. */
  ratings(id: string, options?: CallOptions): Promise<EventRatingSummary> {
    return this.http.request({
      ...options,
      path: `/events/${encodeURIComponent(id)}/ratings`,
      schema: 'EventRatingSummary',
    });
  }
}
