// A county center runs an event end to end over HTTP: it creates and publishes it, enterprises register, the
// capacity holds above the confirmed count and a raise promotes the waitlist, a cancellation tells every registrant;
// on another event check-in marks attendance and the attendee rates it. The audit log has each action with its actor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  EventRating,
  EventRatingSummary,
  MyRegistrationPage,
  Registrant,
  RegistrantPage,
  Registration,
  ServiceEventPage,
  StaffEvent,
  type EventInput,
} from '@smec/schemas';
import { assertProblem } from './helpers.js';
import { DAY, eventInput, openEventServer, type EventServer } from './events-admin-helpers.js';

const COUNTY_ADMIN = 'usr-admin-440604';
const ENTERPRISES = ['usr-ent-01', 'usr-ent-02', 'usr-ent-03', 'usr-ent-04', 'usr-ent-05'];

let server: EventServer;
let admin: string;
before(async () => {
  server = await openEventServer();
  admin = await server.token(COUNTY_ADMIN);
});
after(() => server.close());

async function create(input: EventInput): Promise<{ event: StaffEvent; etag: string }> {
  const response = await server.call<StaffEvent>('POST', '/events', { token: admin, body: input });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return { event: StaffEvent.parse(response.body), etag: response.headers.get('etag') ?? '' };
}

function move(id: string, body: unknown, token = admin) {
  return server.call<StaffEvent>('POST', `/events/${id}/transitions`, { token, body });
}

function patch(id: string, etag: string, body: unknown, token = admin) {
  return server.call<StaffEvent>('PATCH', `/events/${id}`, { token, body, headers: { 'if-match': etag } });
}

async function register(id: string, userId: string): Promise<Registration> {
  const response = await server.call<Registration>('POST', `/events/${id}/registrations`, {
    token: await server.token(userId),
    body: {},
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return Registration.parse(response.body);
}

function auditOf(entityId: string) {
  return server.t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'center_region_code', 'before', 'after'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

function notificationsOf(eventId: string, kind: string) {
  return server.t.database.db
    .selectFrom('notifications')
    .select(['user_id', 'data'])
    .where('subject_id', '=', eventId)
    .where('kind', '=', kind)
    .orderBy('user_id')
    .execute();
}

async function listed(id: string): Promise<boolean> {
  const from = new Date(Date.now()).toISOString().slice(0, 10);
  const response = await server.call<ServiceEventPage>('GET', `/events?region=440604&from=${from}&limit=500`);
  assert.equal(response.status, 200);
  return ServiceEventPage.parse(response.body).items.some((event) => event.id === id);
}

describe('a county center runs an event', () => {
  let event: StaffEvent;
  let etag: string;
  const registrations: Registration[] = [];

  test('creates a draft that the public does not see', async () => {
    ({ event, etag } = await create(eventInput({ title: '禅城区财税实务培训' })));
    assert.equal(event.status, 'draft');
    assert.equal(event.organizer.regionCode, '440604');
    assert.equal(event.createdBy, COUNTY_ADMIN);
    assert.equal(event.waitlistSize, 5);
    assert.equal(etag, `"${event.id}.r0"`);
    assert.equal(await listed(event.id), false);
    assertProblem(await server.call('GET', `/events/${event.id}`), 404, 'not_found');
    // A stale token reads the public event, as signed out: to it the draft does not exist.
    assertProblem(await server.call('GET', `/events/${event.id}`, { token: 'not.a.token' }), 404, 'not_found');
    const own = await server.call<StaffEvent>('GET', `/events/${event.id}`, { token: admin });
    assert.equal(own.status, 200);
    assert.equal(StaffEvent.parse(own.body).revision, 0);
    // Nobody registers for a draft: to them it does not exist.
    const early = await server.call('POST', `/events/${event.id}/registrations`, {
      token: await server.token('usr-ent-01'),
      body: {},
    });
    assertProblem(early, 404, 'not_found');
  });

  test('publishes it: it shows in GET /events', async () => {
    const published = await move(event.id, { action: 'publish' });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(StaffEvent.parse(published.body).status, 'scheduled');
    etag = published.headers.get('etag') ?? '';
    assert.equal(await listed(event.id), true);
    assertProblem(await move(event.id, { action: 'publish' }), 409, 'conflict');
  });

  test('enterprises register: three confirmed, two waitlisted', async () => {
    for (const user of ENTERPRISES) registrations.push(await register(event.id, user));
    assert.deepEqual(
      registrations.map((registration) => registration.status),
      ['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted'],
    );
    assert.ok(registrations.every((registration) => /^[A-Z2-9]{10}$/.test(registration.code)));
  });

  test('a capacity below the confirmed count is a 409 naming it; without If-Match a 428, with a stale one a 412', async () => {
    const below = await patch(event.id, etag, { capacity: 2 });
    const problem = assertProblem(below, 409, 'conflict');
    assert.equal((problem as Record<string, unknown>)['confirmedCount'], 3);
    assert.match(problem.detail ?? '', /3/);
    assertProblem(
      await server.call('PATCH', `/events/${event.id}`, { token: admin, body: { capacity: 4 } }),
      428,
      'precondition_required',
    );
    assertProblem(await patch(event.id, `"${event.id}.r0"`, { capacity: 4 }), 412, 'precondition_failed');
  });

  test('raising the capacity promotes the first waitlisted, who is told', async () => {
    const raised = await patch(event.id, etag, { capacity: 4 });
    assert.equal(raised.status, 200, JSON.stringify(raised.body));
    etag = raised.headers.get('etag') ?? '';
    const body = StaffEvent.parse(raised.body);
    assert.equal(body.registeredCount, 4);
    assert.equal(body.waitlistCount, 1);
    const rows = await server.t.database.db
      .selectFrom('registrations')
      .select(['id', 'status'])
      .where('event_id', '=', event.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((row) => row.status),
      ['confirmed', 'confirmed', 'confirmed', 'confirmed', 'waitlisted'],
    );
    assert.deepEqual(
      (await notificationsOf(event.id, 'registrationPromoted')).map((row) => row.user_id),
      ['usr-ent-04'],
    );
  });

  test('a change of time tells the registrants', async () => {
    const later = eventInput({}, 11);
    const moved = await patch(event.id, etag, { startsAt: later.startsAt, endsAt: later.endsAt });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    etag = moved.headers.get('etag') ?? '';
    assert.deepEqual(
      (await notificationsOf(event.id, 'eventChanged')).map((row) => row.user_id),
      [...ENTERPRISES],
    );
  });

  test('cancelling tells every registrant, confirmed and waitlisted, and ends their registrations', async () => {
    assertProblem(await move(event.id, { action: 'cancel', reason: '短' }), 400, 'validation_failed');
    const cancelled = await move(event.id, { action: 'cancel', reason: '主讲老师临时出差，活动改期另行通知' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const body = StaffEvent.parse(cancelled.body);
    assert.equal(body.status, 'cancelled');
    assert.equal(body.cancelReason, '主讲老师临时出差，活动改期另行通知');
    const told = await notificationsOf(event.id, 'eventCancelled');
    assert.deepEqual(
      told.map((row) => row.user_id),
      [...ENTERPRISES],
    );
    assert.equal(JSON.parse(told[0]?.data ?? '{}').reason, '主讲老师临时出差，活动改期另行通知');
    const statuses = await server.t.database.db
      .selectFrom('registrations')
      .select('status')
      .where('event_id', '=', event.id)
      .execute();
    assert.ok(statuses.every((row) => row.status === 'cancelled'));
    // A cancelled event is not changed any more, even by the version just read.
    assertProblem(await patch(event.id, cancelled.headers.get('etag') ?? '', { capacity: 10 }), 409, 'conflict');
  });

  test('the audit log has each action with its actor', async () => {
    const rows = await auditOf(event.id);
    assert.deepEqual(
      rows.map((row) => row.action),
      ['event.create', 'event.publish', 'event.update', 'event.update', 'event.cancel'],
    );
    assert.ok(rows.every((row) => row.actor_user_id === COUNTY_ADMIN && row.center_region_code === '440604'));
    assert.deepEqual(JSON.parse(rows[2]?.after ?? '{}'), { capacity: 4, promoted: 1 });
  });
});

describe('who may run which event', () => {
  test('a county center creates only in its county; another county’s center finds no event of it', async () => {
    const outside = await server.call('POST', '/events', { token: admin, body: eventInput({ regionCode: '440605' }) });
    assertProblem(outside, 403, 'forbidden');
    const { event, etag } = await create(eventInput());
    const other = await server.token('usr-admin-440605');
    assertProblem(await patch(event.id, etag, { capacity: 9 }, other), 404, 'not_found');
    assertProblem(await move(event.id, { action: 'publish' }, other), 404, 'not_found');
    // The city above runs it too.
    const city = await server.token('usr-admin-440600');
    const published = await move(event.id, { action: 'publish' }, city);
    assert.equal(published.status, 200, JSON.stringify(published.body));
  });

  test('times and place that do not fit are a 400 naming each field, in the request’s language', async () => {
    const input = eventInput();
    const response = await server.call<{ errors: { path: string; code: string; message: string }[] }>(
      'POST',
      '/events',
      {
        token: admin,
        headers: { 'accept-language': 'en' },
        body: { ...input, venue: null, endsAt: input.startsAt, registrationClosesAt: input.endsAt },
      },
    );
    assertProblem(response, 400, 'validation_failed');
    assert.deepEqual(
      response.body.errors.map((error) => [error.path, error.code]),
      [
        ['body.venue', 'event.place'],
        ['body.endsAt', 'event.endsBeforeStart'],
        ['body.registrationClosesAt', 'event.closesAfterStart'],
      ],
    );
    assert.equal(response.body.errors[0]?.message, 'Give a venue or an online address (or both)');
  });
});

describe('the waitlist a center sizes', () => {
  test('holds as many as its size: the next registration is refused as full', async () => {
    const { event } = await create(eventInput({ capacity: 1, waitlistSize: 1 }));
    assert.equal((await move(event.id, { action: 'publish' })).status, 200);
    assert.equal((await register(event.id, 'usr-ent-06')).status, 'confirmed');
    assert.equal((await register(event.id, 'usr-ent-07')).status, 'waitlisted');
    const third = await server.call('POST', `/events/${event.id}/registrations`, {
      token: await server.token('usr-ent-08'),
      body: {},
    });
    assertProblem(third, 409, 'event_full');
  });
});

describe('the registrant list', () => {
  let eventId: string;
  before(async () => {
    const { event } = await create(eventInput({ capacity: 2, waitlistSize: 5, title: '导出测试：对接会' }));
    eventId = event.id;
    assert.equal((await move(eventId, { action: 'publish' })).status, 200);
    const names = ['=HYPERLINK("http://x")', '陈经理, "财务"', '+86 138', '@SUM(A1)', '-1'];
    for (const [index, user] of ['usr-ent-09', 'usr-ent-10', 'usr-ent-11', 'usr-ent-12', 'usr-ent-13'].entries()) {
      const response = await server.call('POST', `/events/${eventId}/registrations`, {
        token: await server.token(user),
        body: { attendeeName: names[index] },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
    }
  });

  test('JSON: pages in the order of registration, with the codes and the waitlist positions', async () => {
    const first = await server.call<RegistrantPage>('GET', `/events/${eventId}/registrations?limit=3`, {
      token: admin,
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const page = RegistrantPage.parse(first.body);
    assert.equal(page.total, 5);
    assert.deepEqual(
      page.items.map((item) => [item.status, item.waitlistPosition]),
      [
        ['confirmed', null],
        ['confirmed', null],
        ['waitlisted', 1],
      ],
    );
    assert.ok(page.nextCursor);
    const second = await server.call<RegistrantPage>(
      'GET',
      `/events/${eventId}/registrations?limit=3&cursor=${encodeURIComponent(page.nextCursor)}`,
      { token: admin },
    );
    assert.deepEqual(
      RegistrantPage.parse(second.body).items.map((item) => item.waitlistPosition),
      [2, 3],
    );
    const waitlisted = await server.call<RegistrantPage>('GET', `/events/${eventId}/registrations?status=waitlisted`, {
      token: admin,
    });
    assert.equal(RegistrantPage.parse(waitlisted.body).total, 3);
  });

  test('CSV: a byte order mark, the header in the request’s language, formulas neutralised, Chinese intact', async () => {
    const response = await fetch(`${server.apiUrl}/events/${eventId}/registrations`, {
      headers: { authorization: `Bearer ${admin}`, accept: 'text/csv' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename=".+\.csv"/);
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    assert.equal(lines[0], '报名编号,签到码,企业名称,企业编号,参会人,状态,候补顺序,报名时间,签到时间');
    assert.equal(lines.length, 7, 'the header, five lines and the empty string after the last CRLF');
    const attendees = lines.slice(1, 6).map((line) => line.split(',')[4]);
    assert.equal(attendees[0], '"\'=HYPERLINK(""http://x"")"');
    assert.equal(attendees[2], "'+86 138");
    assert.equal(attendees[3], "'@SUM(A1)");
    assert.equal(attendees[4], "'-1");
    assert.match(lines[2] ?? '', /"陈经理, ""财务"""/);
    assert.match(lines[1] ?? '', /,已确认,/);
    assert.match(lines[3] ?? '', /,候补,1,/);

    const english = await fetch(`${server.apiUrl}/events/${eventId}/registrations`, {
      headers: { authorization: `Bearer ${admin}`, accept: 'text/csv', 'accept-language': 'en' },
    });
    const text = (await english.text()).replace(/^\uFEFF/, '');
    assert.match(text, /^Registration,Check-in code,Enterprise,/);
    assert.match(text, /,Waitlisted,2,/);
  });

  test('another county’s center finds no such event; an enterprise is refused', async () => {
    const other = await server.token('usr-admin-440605');
    assertProblem(await server.call('GET', `/events/${eventId}/registrations`, { token: other }), 404, 'not_found');
    const enterprise = await server.token('usr-ent-09');
    assertProblem(
      await server.call('GET', `/events/${eventId}/registrations`, { token: enterprise }),
      403,
      'forbidden',
    );
  });
});

describe('on another event, check-in and a rating', () => {
  let event: StaffEvent;
  let mine: Registration;
  let cancelledCode: string;

  before(async () => {
    ({ event } = await create(eventInput({ title: '禅城区融资对接会', capacity: 2, waitlistSize: 2 }, 2)));
    assert.equal((await move(event.id, { action: 'publish' })).status, 200);
    mine = await register(event.id, 'usr-ent-14');
    const other = await register(event.id, 'usr-ent-15');
    cancelledCode = other.code;
    const cancelled = await server.call('DELETE', `/events/${event.id}/registrations/${other.id}`, {
      token: await server.token('usr-ent-15'),
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  });

  test('the enterprise sees its code with its registration', async () => {
    const response = await server.call<MyRegistrationPage>('GET', '/me/registrations?limit=100', {
      token: await server.token('usr-ent-14'),
    });
    assert.equal(response.status, 200);
    const seen = MyRegistrationPage.parse(response.body).items.find((item) => item.id === mine.id);
    assert.equal(seen?.code, mine.code);
  });

  test('rating before attending is refused', async () => {
    const early = await server.call('POST', `/events/${event.id}/ratings`, {
      token: await server.token('usr-ent-14'),
      body: { score: 5 },
    });
    assertProblem(early, 409, 'conflict');
  });

  test('check-in by the code makes the registration attended; again, the same answer', async () => {
    const checkIn = (code: string) =>
      server.call<Registrant>('POST', `/events/${event.id}/check-ins`, { token: admin, body: { code } });
    const first = await checkIn(mine.code.toLowerCase());
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const attended = Registrant.parse(first.body);
    assert.equal(attended.id, mine.id);
    assert.equal(attended.status, 'attended');
    assert.ok(attended.attendedAt);
    const again = await checkIn(mine.code);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assertProblem(await checkIn('ZZZZZZZZZZ'), 404, 'not_found');
    assertProblem(await checkIn(cancelledCode), 409, 'conflict');
    const staff = await server.call<StaffEvent>('GET', `/events/${event.id}`, { token: admin });
    assert.equal(StaffEvent.parse(staff.body).attendedCount, 1);
  });

  test('not before the event is over; then the attendee rates it once, and the center sees the results', async () => {
    const rate = (body: unknown, userId = 'usr-ent-14') =>
      server
        .token(userId)
        .then((token) => server.call<EventRating>('POST', `/events/${event.id}/ratings`, { token, body }));
    assertProblem(await rate({ score: 5 }), 409, 'conflict');
    server.advance(3 * DAY);
    assertProblem(await rate({ score: 6 }), 400, 'validation_failed');
    const rated = await rate({ score: 4, comment: '  对接高效，银行当场给了授信意向。 ' });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    const rating = EventRating.parse(rated.body);
    assert.equal(rating.registrationId, mine.id);
    assert.equal(rating.comment, '对接高效，银行当场给了授信意向。');
    const twice = assertProblem(await rate({ score: 1 }), 409, 'already_rated');
    assert.equal((twice as Record<string, unknown>)['ratingId'], rating.id);
    // An enterprise that cancelled never attended; one that never registered has nothing to rate.
    assertProblem(await rate({ score: 1 }, 'usr-ent-15'), 409, 'conflict');
    assertProblem(await rate({ score: 1 }, 'usr-ent-16'), 404, 'not_found');

    const summary = await server.call<EventRatingSummary>('GET', `/events/${event.id}/ratings`, {
      token: await server.token(COUNTY_ADMIN),
    });
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
    assert.deepEqual(EventRatingSummary.parse(summary.body), {
      count: 1,
      average: 4,
      distribution: [0, 0, 0, 1, 0],
      comments: [{ score: 4, comment: '对接高效，银行当场给了授信意向。', createdAt: rating.createdAt }],
    });
    const other = await server.token('usr-admin-440605');
    assertProblem(await server.call('GET', `/events/${event.id}/ratings`, { token: other }), 404, 'not_found');
  });

  test('the audit log has the check-in with its actor', async () => {
    const rows = await auditOf(mine.id);
    assert.deepEqual(
      rows.map((row) => [row.action, row.actor_user_id]),
      [['registration.checkIn', COUNTY_ADMIN]],
    );
  });
});
