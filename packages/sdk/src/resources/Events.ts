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

  // Center staff's calls, made by `createClient` (FullEvents); declared only, so that the calendar's bundle does not
  // carry them.
  declare readonly getForStaff: (id: string, options?: CallOptions) => Promise<StaffEvent>;
  declare readonly create: (input: EventInput, options?: CallOptions) => Promise<StaffEvent>;
  declare readonly update: (version: EventVersion, patch: EventPatch, options?: CallOptions) => Promise<StaffEvent>;
  declare readonly transition: (id: string, move: EventTransition, options?: CallOptions) => Promise<StaffEvent>;
  declare readonly registrations: (
    id: string,
    params?: RegistrantListParams,
    options?: CallOptions,
  ) => PagePromise<RegistrantPage>;
  declare readonly exportCsv: (
    id: string,
    params?: { status?: RegistrationStatus },
    options?: CallOptions,
  ) => Promise<Blob>;
  declare readonly checkIn: (id: string, code: string, options?: CallOptions) => Promise<Registrant>;
  declare readonly rate: (id: string, input: EventRatingInput, options?: CallOptions) => Promise<EventRating>;
  declare readonly ratings: (id: string, options?: CallOptions) => Promise<EventRatingSummary>;
}
