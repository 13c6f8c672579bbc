import { testMonth, testNow } from '../../../test-support/server.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { MyRegistrationPage, Registration, ServiceEvent, ServiceEventPage } from '@smec/schemas';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { enterpriseTokens, insertEvent } from './event-helpers.js';
import { assertProblem, type JsonResponse } from './helpers.js';

const thisMonth = testMonth(0);

let app: TestApp;
before(async () => {
  app = await openTestApp();
});
after(() => app.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function register(eventId: string, token: string, payload: unknown = {}, headers: Record<string, string> = {}) {
  return app.inject<Registration>({
    method: 'POST',
    url: `/api/v1/events/${eventId}/registrations`,
    headers: { ...bearer(token), ...headers },
    payload: payload as Record<string, unknown>,
  });
}

/** The event's counters beside counts of its registration rows. */
function counts(eventId: string) {
  return app.database.db
    .selectFrom('events as e')
    .select((eb) => {
      const rows = (status: 'confirmed' | 'waitlisted') =>
        eb
          .selectFrom('registrations as r')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.status', '=', status);
      return [
        'e.registered_count as registered',
        'e.waitlist_count as waitlisted',
        'e.capacity',
        rows('confirmed').as('confirmedRows'),
        rows('waitlisted').as('waitlistedRows'),
      ];
    })
    .where('e.id', '=', eventId)
    .executeTakeFirstOrThrow();
}

describe('registration under concurrency', () => {
  let tokens: string[];
  before(async () => {
    tokens = await enterpriseTokens(app, 200, 'load');
  });

  test('200 at once for 50 seats with a waitlist: 50 confirmed, 150 waitlisted 1..150 in commit order', async () => {
    await insertEvent(app, { id: 'evt-load-waitlist', capacity: 50, waitlist: true });
    const responses = await Promise.all(tokens.map((token) => register('evt-load-waitlist', token)));
    for (const response of responses) assert.equal(response.status, 201, JSON.stringify(response.body));
    const registrations = responses.map((response) => Registration.parse(response.body));
    assert.equal(registrations.filter((r) => r.status === 'confirmed').length, 50);
    assert.equal(registrations.filter((r) => r.status === 'waitlisted').length, 150);
    assert.equal(new Set(registrations.map((r) => r.enterpriseId)).size, 200, 'no enterprise twice');

    // Commit order is the order of the rows; positions follow it without gaps.
    const rows = await app.database.db
      .selectFrom('registrations')
      .select(['id', 'status'])
      .where('event_id', '=', 'evt-load-waitlist')
      .orderBy('seq')
      .execute();
    const byId = new Map(registrations.map((r) => [r.id, r]));
    assert.deepEqual(
      rows.slice(0, 50).map((row) => row.status),
      Array(50).fill('confirmed'),
    );
    assert.deepEqual(
      rows.slice(50).map((row) => byId.get(row.id)?.waitlistPosition),
      Array.from({ length: 150 }, (_, index) => index + 1),
    );
    assert.deepEqual(await counts('evt-load-waitlist'), {
      registered: 50,
      waitlisted: 150,
      capacity: 50,
      confirmedRows: 50,
      waitlistedRows: 150,
    });

    // Cancelling a confirmed place promotes position 1; the others move up one.
    const confirmedIndex = registrations.findIndex((r) => r.status === 'confirmed');
    const confirmed = registrations[confirmedIndex];
    const first = registrations.find((r) => r.waitlistPosition === 1);
    const second = registrations.find((r) => r.waitlistPosition === 2);
    assert.ok(confirmed && first && second);
    const cancelled = await app.inject<Registration>({
      method: 'DELETE',
      url: `/api/v1/events/evt-load-waitlist/registrations/${confirmed.id}`,
      headers: bearer(tokens[confirmedIndex] ?? ''),
    });
    assert.equal(cancelled.status, 200);
    assert.equal(Registration.parse(cancelled.body).status, 'cancelled');
    assert.deepEqual(await counts('evt-load-waitlist'), {
      registered: 50,
      waitlisted: 149,
      capacity: 50,
      confirmedRows: 50,
      waitlistedRows: 149,
    });
    const mine = async (token: string) =>
      MyRegistrationPage.parse(
        (await app.inject({ method: 'GET', url: '/api/v1/me/registrations', headers: bearer(token) })).body,
      ).items.find((item) => item.eventId === 'evt-load-waitlist');
    const firstToken = tokens[registrations.indexOf(first)] ?? '';
    const secondToken = tokens[registrations.indexOf(second)] ?? '';
    assert.equal((await mine(firstToken))?.status, 'confirmed');
    assert.equal((await mine(secondToken))?.waitlistPosition, 1);
    const event = ServiceEvent.parse(
      (await app.inject({ method: 'GET', url: '/api/v1/events/evt-load-waitlist' })).body,
    );
    assert.equal(event.seatsLeft, 0);
    assert.equal(event.waitlistCount, 149);
  });

  test('200 at once for 50 seats without a waitlist: 50 confirmed, 150 refused with event_full', async () => {
    await insertEvent(app, { id: 'evt-load-nowaitlist', capacity: 50, waitlist: false });
    const responses = await Promise.all(tokens.map((token) => register('evt-load-nowaitlist', token)));
    const created = responses.filter((response) => response.status === 201);
    assert.equal(created.length, 50);
    const refused = responses.filter((response) => response.status !== 201);
    assert.equal(refused.length, 150);
    for (const response of refused) {
      const problem = assertProblem(response as JsonResponse, 409, 'event_full');
      assert.match(problem.detail ?? '', /名额已满/);
    }
    assert.deepEqual(await counts('evt-load-nowaitlist'), {
      registered: 50,
      waitlisted: 0,
      capacity: 50,
      confirmedRows: 50,
      waitlistedRows: 0,
    });
  });

  test('one enterprise sending 20 registrations at once gets one; the rest are already_registered', async () => {
    await insertEvent(app, { id: 'evt-load-same', capacity: 50 });
    const token = tokens[0] ?? '';
    const responses = await Promise.all(Array.from({ length: 20 }, () => register('evt-load-same', token)));
    assert.equal(responses.filter((response) => response.status === 201).length, 1);
    const created = Registration.parse(responses.find((response) => response.status === 201)?.body);
    for (const response of responses.filter((r) => r.status !== 201)) {
      const problem = assertProblem(response as JsonResponse, 409, 'already_registered');
      assert.ok(problem.detail?.includes(created.id), 'the detail names the existing registration');
      assert.equal((response.body as { registrationId?: string }).registrationId, created.id);
    }
    assert.equal((await counts('evt-load-same')).registered, 1);
  });
});

describe('registration rules', () => {
  let tokens: string[];
  let otherRoleTokens: { admin: string; provider: string };
  before(async () => {
    tokens = await enterpriseTokens(app, 3, 'rules');
    otherRoleTokens = { admin: await app.tokenFor('usr-admin-440600'), provider: await app.tokenFor('usr-prv-01') };
  });

  test('anonymous is 401, administrators and providers 403', async () => {
    await insertEvent(app, { id: 'evt-rules-roles' });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/events/evt-rules-roles/registrations',
      payload: {},
    });
    assertProblem(anonymous as JsonResponse, 401, 'unauthorized');
    assertProblem((await register('evt-rules-roles', otherRoleTokens.admin)) as JsonResponse, 403, 'forbidden');
    assertProblem((await register('evt-rules-roles', otherRoleTokens.provider)) as JsonResponse, 403, 'forbidden');
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/me/registrations',
      headers: bearer(otherRoleTokens.admin),
    });
    assertProblem(mine as JsonResponse, 403, 'forbidden');
  });

  test('outside the registration window and for a cancelled event: registration_closed', async () => {
    const day = 86_400_000;
    await insertEvent(app, { id: 'evt-rules-early', opensTs: testNow() + day });
    await insertEvent(app, { id: 'evt-rules-late', opensTs: testNow() - 3 * day, closesTs: testNow() - day });
    await insertEvent(app, { id: 'evt-rules-cancelled', status: 'cancelled' });
    for (const id of ['evt-rules-early', 'evt-rules-late', 'evt-rules-cancelled']) {
      const response = await register(id, tokens[0] ?? '', {}, { 'accept-language': 'en' });
      const problem = assertProblem(response as JsonResponse, 409, 'registration_closed');
      assert.match(problem.detail ?? '', /closed|not open/);
    }
  });

  test('once per enterprise; after cancelling it may register again', async () => {
    await insertEvent(app, { id: 'evt-rules-once', capacity: 2, waitlist: false });
    const first = await register('evt-rules-once', tokens[0] ?? '', { attendeeName: '陈经理' });
    assert.equal(first.status, 201);
    const registration = Registration.parse(first.body);
    assert.equal(registration.attendeeName, '陈经理');
    const again = await register('evt-rules-once', tokens[0] ?? '');
    const problem = assertProblem(again as JsonResponse, 409, 'already_registered');
    assert.ok(problem.detail?.includes(registration.id));
    const cancel = await app.inject({
      method: 'DELETE',
      url: `/api/v1/events/evt-rules-once/registrations/${registration.id}`,
      headers: bearer(tokens[0] ?? ''),
    });
    assert.equal(cancel.status, 200);
    assert.equal((await counts('evt-rules-once')).registered, 0, 'the seat is free again');
    const cancelledAgain = await app.inject({
      method: 'DELETE',
      url: `/api/v1/events/evt-rules-once/registrations/${registration.id}`,
      headers: bearer(tokens[0] ?? ''),
    });
    assert.equal(cancelledAgain.status, 200, 'cancelling twice is harmless');
    assert.equal((await counts('evt-rules-once')).registered, 0);
    assert.equal((await register('evt-rules-once', tokens[0] ?? '')).status, 201);
    const cancelled = MyRegistrationPage.parse(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/me/registrations?status=cancelled',
          headers: bearer(tokens[0] ?? ''),
        })
      ).body,
    );
    assert.deepEqual(
      cancelled.items.map((item) => item.id),
      [registration.id],
    );
  });

  test("cancelling another enterprise's registration is 404 and changes nothing", async () => {
    await insertEvent(app, { id: 'evt-rules-other' });
    const registration = Registration.parse((await register('evt-rules-other', tokens[1] ?? '')).body);
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/v1/events/evt-rules-other/registrations/${registration.id}`,
      headers: bearer(tokens[2] ?? ''),
    });
    assertProblem(response as JsonResponse, 404, 'not_found');
    assert.equal((await counts('evt-rules-other')).confirmedRows, 1);
  });

  test('an Idempotency-Key replays the first answer', async () => {
    await insertEvent(app, { id: 'evt-rules-idem' });
    const headers = { 'idempotency-key': 'reg-key-1' };
    const first = await register('evt-rules-idem', tokens[2] ?? '', {}, headers);
    const second = await register('evt-rules-idem', tokens[2] ?? '', {}, headers);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.body, first.body);
  });

  test('a cancellation retried with its Idempotency-Key gets the first answer; another body is 422', async () => {
    await insertEvent(app, { id: 'evt-rules-cancelidem', capacity: 1 });
    const registration = Registration.parse((await register('evt-rules-cancelidem', tokens[0] ?? '')).body);
    const waiting = Registration.parse((await register('evt-rules-cancelidem', tokens[1] ?? '')).body);
    assert.equal(waiting.status, 'waitlisted');
    const cancel = (token: string, headers: Record<string, string> = {}, payload?: object) =>
      app.inject<Registration>({
        method: 'DELETE',
        url: `/api/v1/events/evt-rules-cancelidem/registrations/${registration.id}`,
        headers: { ...bearer(token), 'idempotency-key': 'cancel-key-1', ...headers },
        ...(payload ? { payload } : {}),
      });
    const first = await cancel(tokens[0] ?? '');
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'cancelled');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const again = await cancel(tokens[0] ?? '');
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const seats = await counts('evt-rules-cancelidem');
    assert.deepEqual([seats.registered, seats.waitlisted], [1, 0], 'the waitlisted one moved up, once');
    assertProblem((await cancel(tokens[0] ?? '', {}, { reason: 'x' })) as JsonResponse, 422, 'idempotency_key_reused');
    // Keys are the user's own: another enterprise sending the same key is not answered with the first one's.
    assertProblem((await cancel(tokens[2] ?? '')) as JsonResponse, 404, 'not_found');
  });

  test('unknown events are 404, bad bodies 400', async () => {
    assertProblem((await register('evt-nope', tokens[0] ?? '')) as JsonResponse, 404, 'not_found');
    await insertEvent(app, { id: 'evt-rules-body' });
    const bad = await register('evt-rules-body', tokens[0] ?? '', { attendeeName: '' });
    assertProblem(bad as JsonResponse, 400, 'validation_failed');
  });
});

describe('the event list', () => {
  const list = async (query: string) => app.inject<ServiceEventPage>({ method: 'GET', url: `/api/v1/events?${query}` });

  test('a month of a city: events overlapping the range, in start order, counties included', async () => {
    // This month holds the tests' day, one of the seed's busy days in Foshan.
    const response = await list(`from=${thisMonth.from}&to=${thisMonth.to}&region=440600&limit=500`);
    assert.equal(response.status, 200);
    const page = ServiceEventPage.parse(response.body);
    assert.ok(page.items.length > 10);
    assert.equal(page.total, page.items.length);
    const { start, end } = thisMonth;
    for (const event of page.items) {
      assert.ok(Date.parse(event.endsAt) > start && Date.parse(event.startsAt) < end, event.startsAt);
      assert.ok(event.regionCode.startsWith('4406'), event.regionCode);
    }
    assert.ok(
      page.items.some((event) => event.regionCode !== '440600'),
      'county events are included',
    );
    const keys = page.items.map((event) => Date.parse(event.startsAt));
    assert.deepEqual(
      keys,
      [...keys].sort((a, b) => a - b),
    );
    const days = new Map<string, number>();
    for (const event of page.items)
      days.set(event.startsAt.slice(0, 10), (days.get(event.startsAt.slice(0, 10)) ?? 0) + 1);
    assert.ok(Math.max(...days.values()) >= 4, 'several events on one day in Foshan');
  });

  test('a county only its own; type and category filter', async () => {
    const county = ServiceEventPage.parse((await list('region=440604&limit=500')).body);
    assert.ok(county.items.every((event) => event.regionCode === '440604'));
    const training = ServiceEventPage.parse((await list('type=training&limit=500')).body);
    assert.ok(training.items.length > 0 && training.items.every((event) => event.type === 'training'));
    const legal = ServiceEventPage.parse((await list('category=legal&limit=500')).body);
    assert.ok(legal.items.length > 0 && legal.items.every((event) => event.categoryIds.includes('legal')));
  });

  test('paging with a cursor covers every event once', async () => {
    const month = testMonth(-1);
    const all = ServiceEventPage.parse((await list(`from=${month.from}&to=${month.to}&limit=500`)).body);
    assert.ok(all.items.length > 37, 'more than one page');
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ServiceEventPage = ServiceEventPage.parse(
        (await list(`from=${month.from}&to=${month.to}&limit=37${cursor ? `&cursor=${cursor}` : ''}`)).body,
      );
      ids.push(...page.items.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      ids,
      all.items.map((event) => event.id),
    );
  });

  test('ETag and 304', async () => {
    const first = await list(`region=440600&from=${thisMonth.from}&to=${thisMonth.to}`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await app.inject({
      method: 'GET',
      url: `/api/v1/events?region=440600&from=${thisMonth.from}&to=${thisMonth.to}`,
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
  });

  test('bad inputs are 400 problems', async () => {
    for (const query of [
      'from=2026-02-30',
      'from=yesterday',
      'from=2026-12-31&to=2026-12-01',
      'region=999999',
      'region=44',
      'type=party',
      'category=nope',
      'limit=501',
      'limit=0',
      'cursor=abc',
    ]) {
      const response = await list(query);
      assert.equal(response.status, 400, query);
      assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    }
  });

  test('one event; an unknown id is 404', async () => {
    const event = ServiceEvent.parse((await app.inject({ method: 'GET', url: '/api/v1/events/evt-00001' })).body);
    assert.equal(event.seatsLeft, event.capacity - event.registeredCount);
    assertProblem(
      (await app.inject({ method: 'GET', url: '/api/v1/events/evt-99999' })) as JsonResponse,
      404,
      'not_found',
    );
  });
});

describe('iCalendar', () => {
  const long =
    '本次宣讲会将系统解读研发费用加计扣除、高新技术企业认定、小微企业普惠性减税降费等政策，并现场解答企业的具体问题；请携带营业执照复印件，报名后请准时签到。';

  function parse(text: string) {
    const component = new ICAL.Component(ICAL.parse(text));
    for (const zone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return component;
  }

  test("an event's file: CRLF, folded lines, its time zone, the right instants and a stable UID", async () => {
    await insertEvent(app, {
      id: 'evt-ics-one',
      title: '2026年佛山市中小企业财税政策宣讲会, 第二期; 线下\\线上',
      description: `${long}\n第二行`,
      startsAt: '2026-12-05T14:00:00+08:00',
      opensTs: testNow() - 1000,
    });
    const response = await app.inject<string>({ method: 'GET', url: '/api/v1/events/evt-ics-one.ics' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="evt-ics-one\.ics"/);
    const text = response.body;
    assert.ok(text.endsWith('\r\n'));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'CRLF only');
    const lines = text.split('\r\n');
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line)}: ${line}`);
    assert.ok(
      lines.some((line) => line.startsWith(' ')),
      'long lines are folded',
    );
    assert.ok(lines.includes('DTSTART;TZID=Asia/Shanghai:20261205T140000'));
    assert.ok(lines.includes('TZOFFSETTO:+0800'));
    assert.ok(!text.includes('\uFFFD'));

    const event = new ICAL.Event(parse(text).getFirstSubcomponent('vevent') ?? undefined);
    assert.equal(event.uid, 'evt-ics-one@smec.gd.gov.cn');
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-05T06:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-12-05T08:00:00.000Z');
    assert.equal(event.summary, '2026年佛山市中小企业财税政策宣讲会, 第二期; 线下\\线上');
    assert.ok(event.description.includes(`${long}\n第二行`), 'escaped and folded text comes back whole');
    assert.equal(event.location, '禅城区季华五路1号');

    const again = await app.inject<string>({ method: 'GET', url: '/api/v1/events/evt-ics-one.ics' });
    assert.equal(again.body, text, 'the same file on every request');
  });

  test('the feed of a region and type parses, with one VEVENT per event and stable UIDs', async () => {
    const response = await app.inject<string>({ method: 'GET', url: '/api/v1/events.ics?region=440600&type=training' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const calendar = parse(response.body);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const listed = ServiceEventPage.parse(
      (await app.inject({ method: 'GET', url: '/api/v1/events?region=440600&type=training&limit=500' })).body,
    );
    assert.equal(events.length, listed.total);
    assert.deepEqual(
      events.map((event) => event.uid),
      listed.items.map((event) => `${event.id}@smec.gd.gov.cn`),
    );
    for (const [index, event] of events.entries()) {
      assert.equal(event.startDate.toJSDate().getTime(), Date.parse(listed.items[index]?.startsAt ?? ''));
    }
    assert.equal(
      response.body,
      (await app.inject<string>({ method: 'GET', url: '/api/v1/events.ics?region=440600&type=training' })).body,
    );
    assertProblem(
      (await app.inject({ method: 'GET', url: '/api/v1/events.ics?type=party' })) as JsonResponse,
      400,
      'validation_failed',
    );
    assertProblem(
      (await app.inject({ method: 'GET', url: '/api/v1/events/evt-99999.ics' })) as JsonResponse,
      404,
      'not_found',
    );
  });
});

describe('the seeded events', () => {
  test('every city has events of every type; some are full, some have waitlists; counters match the rows', async () => {
    const { db } = app.database;
    const perCity = await db
      .selectFrom('regions as r')
      .leftJoin('events as e', 'e.city_code', 'r.code')
      .select((eb) => ['r.code', eb.fn.count<number>('e.type').distinct().as('types')])
      .where('r.level', '=', 'city')
      .groupBy('r.code')
      .execute();
    assert.equal(perCity.length, 21);
    for (const city of perCity) assert.equal(city.types, 4, city.code);
    const seededEvents = () =>
      db
        .selectFrom('events as e')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('e.id', 'like', 'evt-0%'), eb('e.id', 'like', 'evt-annual%')]));
    const full = await seededEvents()
      .whereRef('e.registered_count', '=', 'e.capacity')
      .where('e.waitlist_count', '>', 0)
      .executeTakeFirstOrThrow();
    const fullNoWaitlist = await seededEvents()
      .whereRef('e.registered_count', '=', 'e.capacity')
      .where('e.waitlist', '=', 0)
      .executeTakeFirstOrThrow();
    assert.ok(full.n > 0 && fullNoWaitlist.n > 0);
    const mismatched = await seededEvents()
      .where((eb) => {
        const rows = (status: 'confirmed' | 'waitlisted') =>
          eb
            .selectFrom('registrations as r')
            .select((sub) => sub.fn.countAll<number>().as('n'))
            .whereRef('r.event_seq', '=', 'e.seq')
            .where('r.status', '=', status);
        return eb.or([
          eb('e.registered_count', '<>', rows('confirmed')),
          eb('e.waitlist_count', '<>', rows('waitlisted')),
        ]);
      })
      .executeTakeFirstOrThrow();
    assert.equal(mismatched.n, 0);
    // From two months before the tests' day to four months after it, every month has events.
    for (const month of [-2, -1, 0, 1, 2, 3, 4].map((offset) => testMonth(offset).month)) {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('starts_at', 'like', `${month}-%`)
        .executeTakeFirstOrThrow();
      assert.ok(row.n > 50, month);
    }
  });
});
