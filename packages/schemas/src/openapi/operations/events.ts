import {
  EventFeedQuery,
  EventView,
  EventsQuery,
  ICalendar,
  IdParams,
  MyRegistrationPage,
  MyRegistrationsQuery,
  Registration,
  RegistrationInput,
  RegistrationParams,
  ServiceEventPage,
} from '../../index.js';
import type { Operation } from '../operation.js';

/** Centers' events and enterprises' registrations. */
export const eventOperations = {
  listEvents: {
    operationId: 'listEvents',
    method: 'get',
    path: '/events',
    tag: 'events',
    summary: 'Events, trainings and policy briefings overlapping a range of days, soonest first',
    description:
      '`from` and `to` are days in Asia/Shanghai (`to` inclusive) or date-times with an offset; an event is listed ' +
      'when it overlaps the range. `region` includes the regions below it (a city its counties, the province all). ' +
      'Sorted by start time, then id; `limit` up to 500 so that a month view loads one page. The iCalendar files are ' +
      '`GET /events/{id}.ics` and the feed `GET /events.ics?region=&type=` (`text/calendar`, RFC 5545). Drafts are ' +
      'never listed except with `status=draft`, which needs a center staff member’s token (any level; 401 without, ' +
      '403 for another account) and lists the drafts of the centers of the staff member’s region and below, never ' +
      'stored by a cache.',
    query: EventsQuery,
    response: ServiceEventPage,
    security: 'optional',
    problems: ['invalid_cursor', 'forbidden'],
    cacheable: true,
    example: { query: { from: '2026-12-01', to: '2026-12-31', region: '440600', limit: '500' } },
  },
  getEvent: {
    operationId: 'getEvent',
    method: 'get',
    path: '/events/{id}',
    tag: 'events',
    summary: 'One event, with its seats left and waitlist',
    description:
      'An expert clinic (`expertClinic`) names its experts (`experts`: ids and names); any other event none. A draft ' +
      'is 404 to the public. Signed in as staff of the center running it (or of one above), the answer is the ' +
      'center’s view (`StaffEvent`: drafts too, with `revision`, `cancelReason`, `createdBy`, `waitlistSize`, ' +
      '`attendedCount`); `If-Match` of a change names `"{id}.r{revision}"`. A token that is not valid reads the public ' +
      'event, as signed out.',
    params: IdParams,
    response: EventView,
    security: 'optional',
    problems: ['not_found'],
    cacheable: true,
    example: { params: { id: 'evt-00001' } },
  },
  getEventCalendar: {
    operationId: 'getEventCalendar',
    method: 'get',
    path: '/events/{id}.ics',
    tag: 'events',
    summary: 'One event as an iCalendar file (RFC 5545), to add to a calendar application',
    description:
      'Served as an attachment named after the event id; revalidated (ETag, 304) on every use, as the event.',
    params: IdParams,
    response: ICalendar,
    responseMediaType: 'text/calendar',
    problems: ['not_found'],
    cacheable: true,
    example: { params: { id: 'evt-00001' } },
  },
  getEventFeed: {
    operationId: 'getEventFeed',
    method: 'get',
    path: '/events.ics',
    tag: 'events',
    summary: 'The events as one iCalendar feed (RFC 5545), for a calendar application to subscribe to',
    description:
      '`region` includes the regions below it, as in the event list; `type` keeps one kind of event. Cached for five ' +
      'minutes: calendar applications poll a feed.',
    query: EventFeedQuery,
    response: ICalendar,
    responseMediaType: 'text/calendar',
    problems: [],
    cacheable: true,
    example: { query: { region: '440600', type: 'training' } },
  },
  registerForEvent: {
    operationId: 'registerForEvent',
    method: 'post',
    path: '/events/{id}/registrations',
    tag: 'events',
    summary:
      'Register the signed-in enterprise: confirmed while seats remain, then waitlisted (if the event has a waitlist)',
    description:
      'Enterprise accounts only (401 signed out, 403 other roles). 409 problems: `event_full` (no seat and no ' +
      'waitlist), `registration_closed` (outside the registration window, or the event is cancelled), ' +
      '`already_registered` (one active registration per enterprise; the detail names it). Capacity is enforced by ' +
      'the database under any concurrency. With an `Idempotency-Key` (per user), a retry returns the first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one registration', required: false }],
    body: RegistrationInput,
    response: Registration,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'not_found', 'event_full', 'registration_closed', 'already_registered'],
    cacheable: false,
    example: { params: { id: 'evt-annual-policy' }, body: { attendeeName: '陈经理' } },
  },
  cancelRegistration: {
    operationId: 'cancelRegistration',
    method: 'delete',
    path: '/events/{id}/registrations/{registrationId}',
    tag: 'events',
    summary: "Cancel one of the enterprise's own registrations; a confirmed seat goes to the first on the waitlist",
    description:
      'Answers 200 with the registration, now `cancelled`; cancelling it again answers the same. Another ' +
      "enterprise's registration is 404. The promotion happens in the same transaction. With an `Idempotency-Key` " +
      '(per user), a retry returns the first answer.',
    params: RegistrationParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one cancellation', required: false }],
    response: Registration,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'not_found'],
    cacheable: false,
    example: { params: { id: 'evt-annual-vouchers', registrationId: 'reg-demo-0001' } },
  },
  listMyRegistrations: {
    operationId: 'listMyRegistrations',
    method: 'get',
    path: '/me/registrations',
    tag: 'events',
    summary: "The signed-in enterprise's registrations with their events, the latest event first",
    description: 'Cancelled registrations are left out unless asked for with `status=cancelled`.',
    query: MyRegistrationsQuery,
    response: MyRegistrationPage,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { limit: '20' } },
  },
} as const satisfies Record<string, Operation>;
