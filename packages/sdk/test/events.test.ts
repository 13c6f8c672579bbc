// client.events and client.me against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  SmecConflictError,
  SmecForbiddenError,
  SmecNotFoundError,
  SmecUnauthorizedError,
  SmecValidationError,
  type SmecClient,
} from '@smec/sdk';
import { startTestServer, testMonth } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let anonymous: SmecClient;
let enterprise: SmecClient;
let admin: SmecClient;

before(async () => {
  server = await startTestServer();
  anonymous = createClient({ baseUrl: server.apiUrl });
  const enterpriseToken = (await anonymous.demo.token('usr-ent-02')).token;
  const adminToken = (await anonymous.demo.token('usr-admin-440600')).token;
  enterprise = createClient({ baseUrl: server.apiUrl, getToken: () => enterpriseToken });
  admin = createClient({ baseUrl: server.apiUrl, getToken: () => adminToken });
});
after(() => server?.close());

describe('client.events', () => {
  it('lists a month of a city in one page and iterates pages in start order', async () => {
    const { from, to } = testMonth(0);
    const page = await anonymous.events.list({ from, to, region: '440600', limit: 500 });
    assert.ok(page.items.length > 0);
    assert.equal(page.nextCursor, null);
    const ids: string[] = [];
    for await (const event of anonymous.events.list({
      from,
      to,
      region: '440600',
      limit: 7,
    })) {
      ids.push(event.id);
    }
    assert.deepEqual(
      ids,
      page.items.map((event) => event.id),
    );
  });

  it('gets one event; an unknown one is SmecNotFoundError; a bad filter SmecValidationError', async () => {
    const event = await anonymous.events.get('evt-00001');
    assert.equal(event.id, 'evt-00001');
    await assert.rejects(anonymous.events.get('evt-99999'), SmecNotFoundError);
    await assert.rejects(
      anonymous.events.list({ from: '2026-02-30' }).then((page) => page),
      SmecValidationError,
    );
  });

  it('registers, lists it under me.registrations, refuses a second one, and cancels', async () => {
    await assert.rejects(anonymous.events.register('evt-annual-policy'), SmecUnauthorizedError);
    await assert.rejects(admin.events.register('evt-annual-policy'), SmecForbiddenError);
    const registration = await enterprise.events.register('evt-annual-policy', { attendeeName: '李经理' });
    assert.equal(registration.status, 'confirmed');
    assert.equal(registration.attendeeName, '李经理');
    const again = await enterprise.events.register('evt-annual-policy').catch((error: unknown) => error);
    assert.ok(again instanceof SmecConflictError);
    assert.equal(again.code, 'already_registered');
    const mine = await enterprise.me.registrations();
    assert.ok(mine.items.some((item) => item.id === registration.id && item.event.id === 'evt-annual-policy'));
    const cancelled = await enterprise.events.cancelRegistration('evt-annual-policy', registration.id);
    assert.equal(cancelled.status, 'cancelled');
    const withCancelled = await enterprise.me.registrations({ status: 'cancelled' });
    assert.ok(withCancelled.items.some((item) => item.id === registration.id));
    await assert.rejects(enterprise.events.cancelRegistration('evt-annual-policy', 'reg-nope'), SmecNotFoundError);
  });

  it('gives absolute .ics URLs that serve calendars', async () => {
    const url = anonymous.events.icsUrl('evt-00001');
    assert.equal(url, `${server.apiUrl}/events/evt-00001.ics`);
    const file = await fetch(url);
    assert.equal(file.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(await file.text(), /^BEGIN:VCALENDAR\r\n/);
    const feed = anonymous.events.feedUrl({ region: '440600', type: 'training' });
    assert.equal(feed, `${server.apiUrl}/events.ics?region=440600&type=training`);
    assert.equal(anonymous.events.feedUrl(), `${server.apiUrl}/events.ics`);
    assert.equal((await fetch(feed)).status, 200);
  });
});
