import {
  CheckInInput,
  EventInput,
  EventRating,
  EventRatingInput,
  EventRatingSummary,
  Registrant,
  EventPatch,
  EventTransition,
  IdParams,
  RegistrantPage,
  RegistrantsCsv,
  RegistrantsQuery,
  StaffEvent,
} from '../../index.js';
import type { Operation } from '../operation.js';
import { DEMO_STAFF_EVENTS } from './event-admin-demo.js';

export { DEMO_STAFF_EVENTS } from './event-admin-demo.js';

const KEY_HEADER = (what: string) => ({
  name: 'Idempotency-Key',
  description: `Repeated by the retries of ${what}`,
  required: false,
});

/** The events a center runs: drafts, changes, publishing and cancelling, registrants, check-in and ratings. */
export const eventAdminOperations = {
  createEvent: {
    operationId: 'createEvent',
    method: 'post',
    path: '/events',
    tag: 'events',
    summary: 'Create a draft event of the center’s region or a region below it (center staff)',
    description:
      'A draft is the center’s until published (`POST /events/{id}/transitions`): no public list, feed or read ' +
      'shows it. The event happens at a venue, online or both; it ends after it starts (within 7 days) and ' +
      'registration closes after it opens and no later than the start (400, naming the field). `waitlistSize` 0 ' +
      'keeps no waitlist. A region outside the center’s is 403. The answer’s `ETag` is the one the next change ' +
      'sends as `If-Match`. Recorded on the audit log (`event.create`).',
    headers: [KEY_HEADER('one creation')],
    body: EventInput,
    response: StaffEvent,
    successStatus: 201,
    security: 'bearer',
    problems: ['forbidden'],
    cacheable: false,
    example: {
      body: {
        type: 'training',
        title: '小微企业财务规范化实务培训',
        description: '讲解小微企业建账、发票管理和纳税申报的常见问题，现场答疑并提供讲义。',
        regionCode: '440604',
        venue: '禅城区季华五路1号三楼培训室',
        startsAt: '2027-03-18T14:00:00+08:00',
        endsAt: '2027-03-18T17:00:00+08:00',
        registrationOpensAt: '2027-03-01T09:00:00+08:00',
        registrationClosesAt: '2027-03-17T17:00:00+08:00',
        capacity: 60,
        waitlistSize: 20,
        audience: '小微企业财务负责人',
        categoryIds: ['finance-tax'],
      },
    },
  },
  updateEvent: {
    operationId: 'updateEvent',
    method: 'patch',
    path: '/events/{id}',
    tag: 'events',
    summary: 'Change some fields of an event the center runs, naming the version changed with `If-Match`',
    description:
      'Without `If-Match` the change is 428 `precondition_required`; with an ETag that is no longer current 412 ' +
      '`precondition_failed`. The ETag is that of the last write’s answer, or `"{id}.r{revision}"` from the event ' +
      'as its center reads it (`GET /events/{id}` signed in). The capacity cannot drop below the confirmed count ' +
      '(409 `conflict`, with `confirmedCount`); raising it confirms the first waitlisted, in the order they came, in ' +
      'the same transaction (each told `registrationPromoted`). A change of time or place of a published event is ' +
      'told to its registrants (`eventChanged`). A cancelled event is not changed (409). Another center’s event is ' +
      '404. Recorded on the audit log (`event.update`).',
    params: IdParams,
    headers: [
      { name: 'If-Match', description: 'The ETag of the version read', required: true },
      KEY_HEADER('one change'),
    ],
    body: EventPatch,
    response: StaffEvent,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict', 'precondition_required', 'precondition_failed'],
    cacheable: false,
    example: {
      params: { id: DEMO_STAFF_EVENTS.draft },
      headers: { 'if-match': `"${DEMO_STAFF_EVENTS.draft}.r0"` },
      body: { capacity: 50, venue: '市民服务中心五楼会议中心' },
    },
  },
  transitionEvent: {
    operationId: 'transitionEvent',
    method: 'post',
    path: '/events/{id}/transitions',
    tag: 'events',
    summary: 'Publish a draft event, or cancel an event with the reason its registrants are told',
    description:
      '`publish` makes a draft public (`scheduled`); `cancel` (a draft or a published event) ends every ' +
      'registration, confirmed or waitlisted, as `cancelled` and tells each registrant (`eventCancelled`, with the ' +
      'reason). Any other move is 409 `conflict`. Another center’s event is 404. Recorded on the audit log ' +
      '(`event.publish`, `event.cancel`).',
    params: IdParams,
    headers: [KEY_HEADER('one move')],
    body: EventTransition,
    response: StaffEvent,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: { params: { id: DEMO_STAFF_EVENTS.draft }, body: { action: 'publish' } },
  },
  listEventRegistrations: {
    operationId: 'listEventRegistrations',
    method: 'get',
    path: '/events/{id}/registrations',
    tag: 'events',
    summary: 'The registrants of an event the center runs, as JSON pages or one CSV file (by `Accept`)',
    description:
      'Staff of the center running the event and of the centers above it (any staff level); to any other center the ' +
      'event does not exist (404). JSON: pages in the order of registration (`status` keeps one; `cursor` as ' +
      'everywhere). With `Accept: text/csv`: every registrant (the `status` filter applies, the paging does not) as ' +
      'one CSV file (RFC 4180, CRLF) that starts with a UTF-8 byte order mark so that Excel shows Chinese, its ' +
      'header row in the request’s language, written as it is read; a cell that a spreadsheet would take for a ' +
      'formula (starting with `=`, `+`, `-`, `@`) gets a leading apostrophe. Never stored by a cache.',
    params: IdParams,
    query: RegistrantsQuery,
    response: RegistrantPage,
    alsoServes: [{ mediaType: 'text/csv', schema: RegistrantsCsv }],
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'invalid_cursor'],
    cacheable: false,
    example: { params: { id: DEMO_STAFF_EVENTS.today }, query: { limit: '20' } },
  },
  checkInEvent: {
    operationId: 'checkInEvent',
    method: 'post',
    path: '/events/{id}/check-ins',
    tag: 'events',
    summary: 'Check an enterprise in at the door by the code it shows with its registration → `attended`',
    description:
      'The code is the registration’s `code` (the enterprise sees it in `GET /me/registrations` and in the answer of ' +
      'its registration); letters in either case. A second check-in of the same code answers the same registration ' +
      '(200), so a retry or a second scanner is harmless. An unknown code is 404; a cancelled or waitlisted ' +
      'registration, or an event not published or cancelled, 409 `conflict`. Staff of the center running the event ' +
      'and the centers above it. Recorded on the audit log (`registration.checkIn`).',
    params: IdParams,
    headers: [KEY_HEADER('one check-in')],
    body: CheckInInput,
    response: Registrant,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: { params: { id: DEMO_STAFF_EVENTS.today }, body: { code: DEMO_STAFF_EVENTS.checkInCode } },
  },
  rateEvent: {
    operationId: 'rateEvent',
    method: 'post',
    path: '/events/{id}/ratings',
    tag: 'events',
    summary: 'Rate an event the signed-in enterprise attended, once it is over (one rating per attendance)',
    description:
      'Enterprise accounts only. A score of 1–5 and, if wished, a comment of up to 500 characters. An event the ' +
      'enterprise did not register for is 404; one it registered for but was not checked in at, or one not over ' +
      'yet, 409 `conflict`; a second rating 409 `already_rated` (naming it), whatever the concurrency (a unique ' +
      'constraint). With an `Idempotency-Key` (per user), a retry returns the first answer.',
    params: IdParams,
    headers: [KEY_HEADER('one rating')],
    body: EventRatingInput,
    response: EventRating,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    problems: ['forbidden', 'not_found', 'conflict', 'already_rated'],
    cacheable: false,
    example: {
      params: { id: DEMO_STAFF_EVENTS.past },
      body: { score: 5, comment: '对接会安排紧凑，会后银行主动联系了我们。' },
    },
  },
  getEventRatings: {
    operationId: 'getEventRatings',
    method: 'get',
    path: '/events/{id}/ratings',
    tag: 'events',
    summary: 'The attendees’ ratings of an event, for the center running it: count, mean, distribution, comments',
    description:
      'Staff of the center running the event and of the centers above it (any staff level); to any other center ' +
      'the event does not exist (404). `distribution` counts the scores 1 to 5; `comments` are the latest 20.',
    params: IdParams,
    response: EventRatingSummary,
    security: 'bearer',
    problems: ['forbidden', 'not_found'],
    cacheable: false,
    example: { params: { id: DEMO_STAFF_EVENTS.past } },
  },
} as const satisfies Record<string, Operation>;
